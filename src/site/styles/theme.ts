import { StylesError } from "./errors.js";

/**
 * Campaign colours on KERN's semantic custom properties.
 *
 * KERN computes its hover/active shades once, on :root, and copies the action colour
 * into `*-contextual` variables on <body> and on every `.kern-level-*` layer. Overriding
 * only `--kern-color-action-default` further down the tree would therefore change
 * nothing that components paint with, so every derived variable is written out here
 * with a literal value.
 */

export interface CampaignColours {
  /** Buttons, links, the current page marker. Validation guarantees ≥ 4.5:1 with white. */
  primary?: string;
  /** Decorative only (borders, stripes, share cards): never used for text. */
  accent?: string;
}

interface Rgb {
  r: number;
  g: number;
  b: number;
}

const WHITE: Rgb = { r: 255, g: 255, b: 255 };
const BLACK: Rgb = { r: 0, g: 0, b: 0 };
// KERN's darkest and lightest surfaces that text sits on besides white and black:
// --kern-color-neutral-025 oklch(96.72% 0.0041 271.37) (light: header, inputs, striped rows)
// --kern-color-neutral-900 oklch(25.07% 0.0381 276.75) (dark: inputs, level-2 layers)
const LIGHT_SURFACE = parseHex("#f3f4f7");
const DARK_SURFACE = parseHex("#1d2034");

const TEXT_CONTRAST = 4.5;
const NON_TEXT_CONTRAST = 3;

/**
 * CSS that gives the pages inside `scopeSelector` (e.g. `[data-campaign="marktplatz"]`,
 * set on <html> or <body>) the campaign's colours, in KERN's light and dark schemes.
 * Returns "" when the campaign sets no colours.
 */
export function themeCss(theme: CampaignColours, scopeSelector: string, options: { forcedSchemes?: boolean } = {}): string {
  if (!theme.primary && !theme.accent) return "";
  const scope = checkedScope(scopeSelector);
  const primary = theme.primary === undefined ? undefined : parseHex(theme.primary, "theme.primary");
  const accent = theme.accent === undefined ? undefined : parseHex(theme.accent, "theme.accent");

  const light = declarations(lightScheme(primary, accent));
  const dark = declarations(darkScheme(primary, accent));
  // KERN switches schemes by media query and by .kern-light/.kern-dark or
  // [data-kern-theme] on any element; follow both, or a dark island would get the light colour.
  const forced = (name: "light" | "dark") => {
    const marker = `:is(.kern-${name}, [data-kern-theme="${name}"])`;
    return `${marker} :is(${scope}),\n:is(${scope})${marker},\n:is(${scope}) ${marker}`;
  };

  return [
    `/* campaign colours for ${scope} */`,
    `:is(${scope}) {\n${light}\n}`,
    `@media (prefers-color-scheme: dark) {\n  :is(${scope}) {\n${indent(dark)}\n  }\n}`,
    // Only where pages can carry those markers (buildStyles knows: KERN's own rules for them survive the purge).
    ...((options.forcedSchemes ?? true) ? [`${forced("light")} {\n${light}\n}`, `${forced("dark")} {\n${dark}\n}`] : []),
    "",
  ].join("\n");
}

function lightScheme(primary: Rgb | undefined, accent: Rgb | undefined): Record<string, string> {
  const vars: Record<string, string> = {};
  if (primary) {
    // ≥ 4.5:1 with white is guaranteed; KERN also puts links and buttons on its light grey surface.
    const action = darkenUntil(primary, (c) => contrast(c, LIGHT_SURFACE) >= TEXT_CONTRAST);
    // Darker, never lighter, on hover: white button text only gains contrast.
    Object.assign(vars, actionVars(action, mix(action, BLACK, 0.1), mix(action, BLACK, 0.15), 0.08, 0.16));
  }
  if (accent) Object.assign(vars, accentVars(accent));
  return vars;
}

function darkScheme(primary: Rgb | undefined, accent: Rgb | undefined): Record<string, string> {
  const vars: Record<string, string> = {};
  if (primary) {
    // In KERN's dark scheme the action colour is a light tint with black text on buttons.
    const action = lightenUntil(primary, (c) => contrast(c, DARK_SURFACE) >= TEXT_CONTRAST);
    Object.assign(vars, actionVars(action, mix(action, WHITE, 0.1), mix(action, WHITE, 0.15), 0.12, 0.24));
  }
  if (accent) Object.assign(vars, accentVars(lightenUntil(accent, (c) => contrast(c, BLACK) >= NON_TEXT_CONTRAST)));
  return vars;
}

function actionVars(
  action: Rgb,
  hover: Rgb,
  active: Rgb,
  tintHover: number,
  tintActive: number,
): Record<string, string> {
  const hex = toHex(action);
  return {
    "--kern-color-action-default": hex,
    "--kern-color-action-default-contextual": hex,
    "--kern-color-action-state-indicator-default": hex,
    "--kern-color-action-state-indicator-default-contextual": hex,
    "--kern-color-action-state-indicator-shade-hover": toHex(hover),
    "--kern-color-action-state-indicator-shade-active": toHex(active),
    "--kern-color-action-state-indicator-tint-hover-opacity": toRgba(action, tintHover),
    "--kern-color-action-state-indicator-tint-active-opacity": toRgba(action, tintActive),
  };
}

function accentVars(accent: Rgb): Record<string, string> {
  const hex = toHex(accent);
  return {
    "--kern-color-decorative-brand-default": hex,
    "--kern-color-decorative-brand-contextual": hex,
  };
}

function declarations(vars: Record<string, string>): string {
  return Object.entries(vars)
    .map(([name, value]) => `  ${name}: ${value};`)
    .join("\n");
}

function indent(block: string): string {
  return block.replace(/^/gm, "  ");
}

function checkedScope(selector: string): string {
  const trimmed = selector.trim();
  if (trimmed === "" || /[{};]|\/\*/.test(trimmed)) {
    throw new StylesError(
      `themeCss: scope selector ${JSON.stringify(selector)} is not a single CSS selector; ` +
        `pass something like [data-campaign="marktplatz"].`,
    );
  }
  return trimmed;
}

// ── colour arithmetic (sRGB, WCAG 2 relative luminance) ──────────────────────

export function parseHex(hex: string, what = "colour"): Rgb {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) {
    throw new StylesError(`${what}: ${JSON.stringify(hex)} is not a hex colour; write it like "#00566b".`);
  }
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join("") : match[1];
  const value = Number.parseInt(digits, 16);
  return { r: (value >> 16) & 0xff, g: (value >> 8) & 0xff, b: value & 0xff };
}

export function toHex({ r, g, b }: Rgb): string {
  return "#" + [r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("");
}

function toRgba({ r, g, b }: Rgb, alpha: number): string {
  return `rgb(${Math.round(r)} ${Math.round(g)} ${Math.round(b)} / ${alpha})`;
}

/** `amount` of `towards` mixed into `colour`, 0 … 1. */
function mix(colour: Rgb, towards: Rgb, amount: number): Rgb {
  const at = (a: number, b: number) => Math.round(a + (b - a) * amount);
  return { r: at(colour.r, towards.r), g: at(colour.g, towards.g), b: at(colour.b, towards.b) };
}

function relativeLuminance({ r, g, b }: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG 2 contrast ratio, 1 … 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function darkenUntil(colour: Rgb, ok: (c: Rgb) => boolean): Rgb {
  return stepUntil(colour, BLACK, ok);
}

function lightenUntil(colour: Rgb, ok: (c: Rgb) => boolean): Rgb {
  return stepUntil(colour, WHITE, ok);
}

/** The least mix towards `target` (in 2 % steps) that satisfies `ok`; `target` itself at worst. */
function stepUntil(colour: Rgb, target: Rgb, ok: (c: Rgb) => boolean): Rgb {
  for (let step = 0; step <= 50; step++) {
    const candidate = mix(colour, target, step / 50);
    if (ok(candidate)) return candidate;
  }
  return target;
}
