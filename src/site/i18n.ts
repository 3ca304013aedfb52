// Interface texts as templates ask for them: the `t` and `th` filters (src/site/plugin.ts) over the
// one i18n module (src/i18n/). `translate` is also re-exported for the collector's map error page
// (src/collector/contributions/html.ts) until it imports src/i18n itself.
import { translate } from "../i18n/index.js";
import { escapeAttr as escapeHtml } from "./images.js";

export { translate } from "../i18n/index.js";

const isSafe = (value: unknown): value is { val: string } =>
  typeof value === "object" && value !== null && typeof (value as { val?: unknown }).val === "string";

/**
 * The `th` filter: an interface text with markup in its placeholders. Values a template marked
 * `| safe` stay markup, everything else is escaped. Numbers go in as they are, so they still
 * choose a plural form.
 */
export function translateHtml(key: string, locale: string, params: Readonly<Record<string, unknown>>): string {
  // Placeholders become markers, the text is escaped, then each marker becomes its value.
  const names = Object.keys(params).filter((name) => typeof params[name] !== "number");
  const markers = Object.fromEntries(names.map((name, i) => [name, `\ue000${i}\ue001`]));
  const escaped = escapeHtml(translate(locale, key, { ...params, ...markers }));
  return escaped.replace(/\ue000(\d+)\ue001/g, (_m, i: string) => {
    const value = params[names[Number(i)]!];
    return isSafe(value) ? value.val : escapeHtml(String(value));
  });
}
