// Interface texts: complete in German and English, every key the templates use exists, and a
// missing one fails loudly instead of rendering an empty string.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogues, languageName, messagesFor, MissingMessageError, translate, uiLocaleFor } from "../../src/site/i18n.js";
import { de } from "../../src/site/messages/de.js";
import { en } from "../../src/site/messages/en.js";
import { pageNavItems, statusOf } from "../../src/site/navigation.js";
import { loadSiteModel } from "../../src/campaign/index.js";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function templateFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? templateFiles(full) : entry.name.endsWith(".njk") ? [full] : [];
  });
}

/** Keys in the templates: string literals in a tag that pipes into the t or th filter. */
function keysUsedInTemplates(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of templateFiles("templates")) {
    const source = readFileSync(file, "utf8");
    for (const tag of source.match(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g) ?? []) {
      if (!/\|\s*th?\(/.test(tag)) continue;
      for (const [, key] of tag.matchAll(/"([a-zA-Z]+(?:\.[a-zA-Z]+)+|skipLink)"\s*(?=\||\)|if|else)/g)) used.set(key!, file);
    }
  }
  return used;
}

describe("interface texts", () => {
  it("English has every German key, none empty, with the same placeholders", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    for (const [key, text] of Object.entries(de)) {
      const english = (en as Record<string, string>)[key]!;
      expect(text.trim(), key).not.toBe("");
      expect(english.trim(), key).not.toBe("");
      expect(placeholders(english), key).toEqual(placeholders(text));
    }
  });

  it("every key a template uses exists", () => {
    const used = keysUsedInTemplates();
    expect(used.size).toBeGreaterThan(30);
    for (const [key, file] of used) expect(Object.keys(de), `${key} in ${file}`).toContain(key);
  });

  it("keys built in code (status, kind, call to action) exist for every case", async () => {
    const { model } = await loadSiteModel("campaigns");
    const campaign = model.campaigns.find((c) => c.locales.includes("en"))!;
    for (const locale of campaign.locales) {
      for (const now of ["2000-01-01T00:00:00Z", campaign.period.start, "2999-01-01T00:00:00Z"]) {
        expect(statusOf(campaign.period, locale, campaign.timezone, now).text).not.toBe("");
        for (const item of pageNavItems(campaign, locale, now)) expect(item.text).not.toBe("");
      }
    }
  });

  it("a missing key or placeholder value throws, naming it", () => {
    expect(() => translate("de", "status.opne")).toThrow(MissingMessageError);
    expect(() => translate("de", "status.opne")).toThrow(/"status\.opne"/);
    expect(() => translate("de", "status.open")).toThrow(/\{date\}/);
    expect(translate("de", "status.open", { date: "15. April 2027" })).toBe("Beteiligung offen bis 15. April 2027");
    expect(translate("en", "status.open", { date: "15 April 2027" })).toBe("Open until 15 April 2027");
  });

  it("falls back from a regional variant to its language, and from other languages to English", () => {
    expect(messagesFor("de-AT")).toBe(catalogues.de);
    expect(messagesFor("tr")).toBe(catalogues.en);
    expect(uiLocaleFor("de-CH")).toBe("de");
    expect(uiLocaleFor("uk")).toBe("en");
    expect(uiLocaleFor("en")).toBe("en");
  });

  it("names each language in its own language", () => {
    expect(languageName("de")).toBe("Deutsch");
    expect(languageName("en")).toBe("English");
    expect(languageName("tr")).toBe("Türkçe");
    expect(languageName("fr")).toBe("Français");
  });
});
