// Theme colours: buttons and links are white text on the primary colour and primary text on white,
// so it needs WCAG AA contrast (4.5:1) against white. Both directions are the same ratio.
import { contrastRatio, darkenToContrast } from "../contrast.js";
import { record, type Check } from "./context.js";

export const MIN_TEXT_CONTRAST = 4.5;
const HEX = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** The measured ratio and the gap, with the same rounding, so "2.23 … (2.27 short)" adds up to 4.5. */
function measured(color: string): { ratio: number; shown: string; short: string } {
  const ratio = contrastRatio("#ffffff", color);
  const rounded = Math.floor(ratio * 100) / 100;
  return { ratio, shown: rounded.toFixed(2), short: (MIN_TEXT_CONTRAST - rounded).toFixed(2) };
}

export const checkContrast: Check = (ctx) => {
  const theme = record(ctx.data.theme);
  const { primary, accent } = theme;
  if (typeof primary === "string" && HEX.test(primary)) {
    const m = measured(primary);
    if (m.ratio < MIN_TEXT_CONTRAST) {
      ctx.error(
        "/theme/primary",
        `white text on ${primary} (and ${primary} text on white) has contrast ${m.shown}:1, needs ${MIN_TEXT_CONTRAST}:1 (${m.short} short); try a darker primary such as ${darkenToContrast(primary)}`,
      );
    }
  }
  if (typeof accent === "string" && HEX.test(accent)) {
    const m = measured(accent);
    if (m.ratio < MIN_TEXT_CONTRAST) {
      ctx.warning(
        "/theme/accent",
        `${accent} has contrast ${m.shown}:1 with white, below ${MIN_TEXT_CONTRAST}:1: readable only as decoration, not as text or on buttons (a darker accent such as ${darkenToContrast(accent)} would be)`,
      );
    }
  }
};
