// Colours of a card. All text is white on the campaign's primary colour (validation guarantees
// 4.5:1), and on cards with a photo the photo sits under a veil of that colour, opaque enough that
// white text keeps 4.5:1 even over a pure white patch of the photo.
import { contrastRatio, darkenToContrast, parseHex, toHex } from "../../campaign/contrast.js";

export const TEXT_COLOR = "#ffffff";
export const MIN_TEXT_CONTRAST = 4.5;
/** Even where the maths allows less, a photo behind text distracts: never veil it more thinly. */
const MIN_VEIL = 0.82;

export interface CardColors {
  /** Background behind all text: the primary colour (darkened if it were too light for white text). */
  background: string;
  /** Opacity of the background colour over a photo, where text sits on it. */
  veil: number;
  accent: string;
}

export function cardColors(theme: { primary: string; accent: string }): CardColors {
  const background =
    contrastRatio(TEXT_COLOR, theme.primary) >= MIN_TEXT_CONTRAST ? theme.primary : darkenToContrast(theme.primary);
  return { background, veil: Math.max(MIN_VEIL, minimumVeil(background)), accent: theme.accent };
}

/**
 * The least opacity of `background` over white (the worst photo pixel under white text) that keeps
 * the text at 4.5:1 (plus a hair for rounding). Renderers blend in sRGB, as computed here.
 */
export function minimumVeil(background: string): number {
  for (let alpha = 0; alpha <= 1; alpha += 0.01) {
    if (contrastRatio(TEXT_COLOR, blend(background, "#ffffff", alpha)) >= MIN_TEXT_CONTRAST + 0.1) return alpha;
  }
  return 1;
}

/** `top` at `alpha` over `bottom`, channel by channel in sRGB. */
export function blend(top: string, bottom: string, alpha: number): string {
  const t = parseHex(top);
  const b = parseHex(bottom);
  return toHex(t.map((c, i) => alpha * c + (1 - alpha) * b[i]!));
}

export function rgba(hex: string, alpha: number): string {
  const [r, g, b] = parseHex(hex);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
