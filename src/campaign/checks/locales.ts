// Languages: the default comes first in `locales`, and every text written per language covers all
// of them. A missing translation would otherwise show up as an empty heading on the English site.
import { childPointer } from "../positions.js";
import { campaignSchema } from "../schema.js";
import { isRecord, type Check } from "./context.js";

const TEXT_DEFS = new Set(["LocalizedText", "Text90", "Text200", "Markdown"]);

export function languageName(tag: string): string {
  try {
    const name = new Intl.DisplayNames(["en"], { type: "language" }).of(tag);
    return name && name !== tag ? `${name} ("${tag}")` : `"${tag}"`;
  } catch {
    return `"${tag}"`;
  }
}

function and(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

export const checkLocales: Check = (ctx) => {
  const { locale, data } = ctx;
  if (Array.isArray(data.locales) && typeof locale === "string") {
    if (!data.locales.includes(locale)) {
      ctx.error("/locales", `must include the default language "${locale}" (from "locale"), listed first`);
    } else if (data.locales[0] !== locale) {
      ctx.error("/locales/0", `the default language "${locale}" (from "locale") must come first in "locales", before "${data.locales[0]}"`);
    }
  }

  const tagPattern = new RegExp(campaignSchema().$defs?.LocaleTag?.pattern ?? ".");
  const seen = new Set<string>();
  for (const use of ctx.uses) {
    if (!TEXT_DEFS.has(use.def) || seen.has(use.pointer) || !isRecord(use.value)) continue;
    seen.add(use.pointer);
    const written = Object.keys(use.value);
    const missing = ctx.locales.filter((l) => !written.includes(l));
    if (missing.length > 0) {
      const list = and(missing.map(languageName));
      ctx.error(use.pointer, `missing the ${list} text${missing.length > 1 ? "s" : ""}; every text needs all languages of "locales" (${ctx.locales.join(", ")})`);
    }
    // site.json serves campaigns in different languages: an English text there is for the English ones.
    const shared = ctx.fromSite(use.pointer);
    for (const key of written) {
      if (shared || ctx.locales.includes(key) || !tagPattern.test(key)) continue;
      ctx.warning(
        childPointer(use.pointer, key),
        `"${key}" is not in "locales" (${ctx.locales.join(", ")}), so this text is never shown; add "${key}" to "locales" or remove it`,
        "key",
      );
    }
  }
};
