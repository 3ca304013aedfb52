// Interface texts (src/i18n): every catalogue complete and faithful to the German reference, every
// key the templates use exists, a missing one fails loudly, one fallback rule, Intl for plurals,
// numbers and dates, and the survey script carries the form words only.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSiteModel } from "../../src/campaign/index.js";
import { RESERVED_PAGE_IDS, thankYouPath } from "../../src/campaign/urls.js";
import type { CampaignModel } from "../../src/campaign/model.js";
import { say, type MapPageConfig } from "../../src/client/map/config.js";
import { issueMessage, quoted, uiFormat, uiText } from "../../src/forms/messages.js";
import { bundleForBrowser } from "../../src/browser-bundle.js";
import {
  CATALOGUES,
  catalogueTexts,
  contributionExportWords,
  formatDate,
  intlLocale,
  languageName,
  message,
  MissingMessageError,
  qualified,
  responseExportWords,
  translate,
  uiLocaleFor,
  type Text,
} from "../../src/i18n/index.js";
import type { NamespaceTranslation } from "../../src/i18n/catalogue.js";
import { pageNavItems, statusOf } from "../../src/pages/navigation.js";
import { packagePath } from "../../src/package-root.js";

type Texts = Record<string, Record<string, Text>>;
const reference = CATALOGUES.de as unknown as Texts;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
const formsOf = (text: Text) => (typeof text === "string" ? [text] : Object.entries(text).flatMap(([k, v]) => (k === "plural" || !v ? [] : [v])));
const placeholdersOf = (text: Text) => [...new Set([...formsOf(text).flatMap(placeholders), ...(typeof text === "string" ? [] : [text.plural])])].sort();

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
      for (const [, key] of tag.matchAll(/"([a-zA-Z]+(?:\.[a-zA-Z-]+)+|skipLink)"\s*(?=\||\)|if|else)/g)) used.set(key!, file);
    }
  }
  return used;
}

const has = (key: string) => {
  const [namespace, ...rest] = qualified(key).split(".");
  return Object.hasOwn(reference[namespace!] ?? {}, rest.join("."));
};

describe("catalogues", () => {
  for (const [language, catalogue] of Object.entries(CATALOGUES) as [string, unknown][]) {
    it(`${language}: every German key, none empty, the same placeholders, plural forms the language has`, () => {
      const texts = catalogue as Texts;
      expect(Object.keys(texts).sort()).toEqual(Object.keys(reference).sort());
      const categories = new Intl.PluralRules(texts.language!.intl as string).resolvedOptions().pluralCategories as string[];
      for (const [namespace, keys] of Object.entries(reference)) {
        expect(Object.keys(texts[namespace]!).sort(), namespace).toEqual(Object.keys(keys).sort());
        for (const [key, original] of Object.entries(keys)) {
          const text = texts[namespace]![key]!;
          const where = `${language}: ${namespace}.${key}`;
          for (const form of formsOf(text)) expect(form.trim(), where).not.toBe("");
          if (typeof text === "string" && typeof original === "string") expect(placeholders(text).sort(), where).toEqual(placeholders(original).sort());
          if (typeof text !== "string") {
            // A plural is chosen by a number the text is given, and "other" still says everything.
            expect(placeholdersOf(original), where).toContain(text.plural);
            expect(placeholders(text.other).concat(text.plural).sort(), where).toEqual(expect.arrayContaining(placeholdersOf(original).filter((p) => p !== text.plural)));
            for (const form of Object.keys(text)) if (form !== "plural") expect(categories, `${where}: plural form "${form}"`).toContain(form);
          }
          for (const form of formsOf(text)) for (const p of placeholders(form)) expect(placeholdersOf(original), where).toContain(p);
        }
      }
    });
  }

  it("keys of the site namespace never start with another namespace, so templates may leave it out", () => {
    const namespaces = Object.keys(reference).filter((n) => n !== "site");
    for (const key of Object.keys(reference.site!)) expect(namespaces, key).not.toContain(key.split(".")[0]);
  });

  it("every key a template uses exists", () => {
    const used = keysUsedInTemplates();
    expect(used.size).toBeGreaterThan(30);
    for (const [key, file] of used) expect(has(key), `${key} in ${file}`).toBe(true);
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
});

describe("looking up a text", () => {
  it("a missing key or placeholder value throws, naming it", () => {
    expect(() => translate("de", "status.opne")).toThrow(MissingMessageError);
    expect(() => translate("de", "status.opne")).toThrow(/"status\.opne"/);
    expect(() => translate("de", "map.legend.aera")).toThrow(/"map\.legend\.aera"/);
    expect(() => translate("de", "status.open")).toThrow(/\{date\}/);
    expect(() => translate("de", "survey.notice.open")).toThrow(/\{count\}/);
    expect(translate("de", "status.open", { date: "15. April 2027" })).toBe("Beteiligung offen bis 15. April 2027");
    expect(translate("en", "status.open", { date: "15 April 2027" })).toBe("Open until 15 April 2027");
    expect(translate("de", "forms.contributionCategory")).toBe("Art des Hinweises");
    expect(translate("en", "forms.submit")).toBe("Send answers");
    expect(message("de", "site.status.open", { date: "15. April 2027" })).toBe("Beteiligung offen bis 15. April 2027");
  });

  it("types: a key or value the German catalogue does not have is a compile error", () => {
    // @ts-expect-error: no such key
    expect(() => message("de", "site.status.opne")).toThrow(MissingMessageError);
    // @ts-expect-error: {date} has no value
    expect(() => message("de", "site.status.open")).toThrow(/\{date\}/);
    // @ts-expect-error: {total} chooses the plural form and has no value
    expect(() => message("de", "map.js.countShown", { count: 1 })).toThrow(/\{total\}/);
    // @ts-expect-error: a translation must keep the reference's placeholders
    const lost: NamespaceTranslation<"site">["status.open"] = "Open until";
    const kept: NamespaceTranslation<"site">["status.open"] = "Geöffnet bis {date}";
    expect([lost, kept]).toHaveLength(2);
  });

  it("falls back from a regional variant to its language, and from other languages to English", () => {
    expect(uiLocaleFor("de-AT")).toBe("de");
    expect(uiLocaleFor("de-CH")).toBe("de");
    expect(uiLocaleFor("uk")).toBe("en");
    expect(uiLocaleFor("en")).toBe("en");
    expect(translate("tr", "skipLink")).toBe("Skip to content");
    expect(uiText("submit", "tr")).toBe("Send answers");
    expect(uiText("submit", "de-AT")).toBe("Antworten absenden");
  });

  it("writes dates and numbers the way the text's language does", () => {
    expect(intlLocale("de")).toBe("de");
    expect(intlLocale("en")).toBe("en-GB");
    expect(intlLocale("de-AT")).toBe("de-AT");
    expect(intlLocale("tr")).toBe("en-GB");
    expect(formatDate("2027-01-14T22:30:00Z", "de", "Europe/Berlin")).toBe("14. Januar 2027");
    expect(formatDate("2027-01-14T22:30:00Z", "de-AT", "Europe/Berlin")).toBe("14. Jänner 2027");
    // A Turkish page's English interface says "Open until 15 April 2027", not "15 Nisan 2027".
    expect(formatDate("2027-04-15T10:00:00Z", "tr", "Europe/Berlin")).toBe("15 April 2027");
    expect(translate("de", "forms.charactersLimit", { limit: 1000 })).toBe("Sie können bis zu 1.000 Zeichen eingeben.");
    expect(uiFormat("charactersLimit", "en", { limit: 2000 })).toBe("You can enter up to 2,000 characters.");
    expect(issueMessage({ reason: "too-early", limit: "2027-03-24" }, "de")).toBe("Bitte wählen Sie ein Datum ab dem 24. März 2027.");
    expect(issueMessage({ reason: "too-early", limit: "2027-03-24" }, "en")).toBe("Please choose a date on or after 24 March 2027.");
    expect(issueMessage({ reason: "step", limit: 0.25 }, "de")).toBe("Bitte geben Sie eine Zahl in Schritten von 0,25 ein.");
  });

  it("chooses plural forms with Intl.PluralRules", () => {
    expect(translate("de", "survey.notice.open", { count: 1 })).toBe("Der Fragebogen mit einer Frage wird auf dieser Seite bereitgestellt.");
    expect(translate("de", "survey.notice.open", { count: 6 })).toBe("Der Fragebogen mit 6 Fragen wird auf dieser Seite bereitgestellt.");
    expect(translate("en", "survey.notice.open", { count: 1 })).toBe("The questionnaire with one question will be provided on this page.");
    expect(issueMessage({ reason: "too-many", limit: 1 }, "de")).toBe("Bitte wählen Sie höchstens eine Antwort.");
    expect(issueMessage({ reason: "too-many", limit: 3 }, "de")).toBe("Bitte wählen Sie höchstens 3 Antworten.");
    expect(issueMessage({ reason: "rate-limited", limit: 1 }, "en")).toMatch(/^Very many submissions .* try again in a minute/);
    expect(uiFormat("charactersLeft", "en", { count: 1 })).toBe("You have 1 character remaining.");
    expect(uiFormat("charactersLeft", "en", { count: 12 })).toBe("You have 12 characters remaining.");
    expect(uiFormat("charactersLeft", "de", { count: 1 })).toBe("Sie haben noch 1 Zeichen übrig.");
  });

  it("the map script chooses plural forms from the texts its page gives it", () => {
    const config = (locale: string) =>
      ({ textLocale: intlLocale(locale), text: Object.fromEntries(Object.entries(CATALOGUES[uiLocaleFor(locale)].map).filter(([k]) => k.startsWith("js.")).map(([k, v]) => [k.slice(3), v])) }) as unknown as MapPageConfig;
    expect(say(config("de"), "countShown", { count: 1, total: 1 })).toBe("1 von 1 Hinweis");
    expect(say(config("de"), "countShown", { count: 20, total: 1200 })).toBe("20 von 1.200 Hinweisen");
    expect(say(config("en"), "countShown", { count: 1, total: 1 })).toBe("1 of 1 comment");
  });

  it("quotes in the marks of the language", () => {
    expect(quoted("Sonstiges", "de")).toBe("„Sonstiges“");
    expect(quoted("Other", "en")).toBe("“Other”");
  });

  it("names each language in its own language", () => {
    expect(languageName("de")).toBe("Deutsch");
    expect(languageName("en")).toBe("English");
    expect(languageName("tr")).toBe("Türkçe");
    expect(languageName("fr")).toBe("Français");
  });

  it("gives thank-you pages the addresses they have always had, and reserves them as page ids", () => {
    const campaign = { slug: "marktplatz", locale: "de" } as CampaignModel;
    expect(thankYouPath(campaign, "de", "umfrage")).toBe("/marktplatz/umfrage/danke/");
    expect(thankYouPath(campaign, "de-AT", "umfrage")).toBe("/marktplatz/de-AT/umfrage/danke/");
    expect(thankYouPath(campaign, "en", "umfrage")).toBe("/marktplatz/en/umfrage/thanks/");
    expect(thankYouPath(campaign, "tr", "umfrage")).toBe("/marktplatz/tr/umfrage/thanks/");
    expect(RESERVED_PAGE_IDS).toEqual(expect.arrayContaining(["danke", "thanks"]));
  });

  it("gives the font subset every text of the catalogue, plural forms included", () => {
    const texts = catalogueTexts("de-AT");
    expect(texts).toContain("Zum Inhalt springen");
    expect(texts).toContain("Bitte wählen Sie höchstens eine Antwort.");
    expect(texts).toContain("Antwort-ID");
  });
});

describe("the survey script", () => {
  it("carries the form words of every language and no other namespace", async () => {
    const code = await bundleForBrowser({ entryPoints: [packagePath("src/client/survey/index.ts")], external: ["*/form.validate.js"] });
    expect(code).toContain("Please answer this question.");
    expect(code).toContain("Bitte beantworten Sie diese Frage.");
    // Each catalogue's other namespaces stay out (esbuild drops what the script does not import).
    for (const sentence of ["Skip to content", "Social media kit", "Response ID", "Map of the planning area"]) expect(code).not.toContain(sentence);
  });
});

describe("the browser scripts' sources", () => {
  it("ship with the package: a city's build bundles them from node_modules/mitreden/src", async () => {
    const { build } = await import("esbuild");
    const files = (JSON.parse(readFileSync("package.json", "utf8")) as { files: string[] }).files;
    for (const entry of ["src/client/survey/index.ts", "src/client/map/main.ts"]) {
      const result = await build({ entryPoints: [entry], bundle: true, format: "esm", write: false, metafile: true, external: ["*/form.validate.js"], logLevel: "silent" });
      const sources = Object.keys(result.metafile.inputs).filter((input) => !input.includes("node_modules"));
      for (const source of sources) expect(files.some((f) => source === f || source.startsWith(`${f}/`)), `${source} (bundled from ${entry}) in package.json "files"`).toBe(true);
    }
  });
});

describe("export words", () => {
  // The word tables of src/collector/export.ts and src/collector/contributions/export.ts before
  // they moved into the catalogues: adopting the functions must not change a file staff download.
  const responses = {
    de: { id: "Antwort-ID", received: "Eingegangen am", language: "Sprache", channel: "Übermittlung", script: "Browser-Skript", form: "Formular ohne JavaScript", verified: "Formular-Token gültig", yes: "ja", no: "nein", other: "Sonstiges", otherText: "Sonstiges (Text)", position: "Platz", lng: "Längengrad", lat: "Breitengrad", place: "Ort", description: "Beschreibung" },
    en: { id: "Response ID", received: "Received", language: "Language", channel: "Sent by", script: "browser script", form: "form without JavaScript", verified: "Valid form token", yes: "yes", no: "no", other: "Other", otherText: "Other (text)", position: "position", lng: "Longitude", lat: "Latitude", place: "Place", description: "Description" },
  };
  const contributions = {
    de: { id: "Beitrags-ID", received: "Eingegangen am", language: "Sprache", channel: "Übermittlung", verified: "Formular-Token gültig", category: "Kategorie", comment: "Hinweis", lng: "Längengrad", lat: "Breitengrad", place: "Ort", description: "Beschreibung", status: "Status", reason: "Begründung", moderated: "Moderiert am", pending: "offen", approved: "freigegeben", rejected: "abgelehnt", yes: "ja", no: "nein" },
    en: { id: "Contribution ID", received: "Received", language: "Language", channel: "Sent by", verified: "Valid form token", category: "Category", comment: "Comment", lng: "Longitude", lat: "Latitude", place: "Place", description: "Description", status: "Status", reason: "Reason", moderated: "Moderated", pending: "pending", approved: "approved", rejected: "rejected", yes: "yes", no: "no" },
  };

  it("are the words the collector's exports print today", () => {
    for (const locale of ["de", "en"] as const) {
      expect(responseExportWords(locale)).toMatchObject(responses[locale]);
      expect(contributionExportWords(locale)).toMatchObject(contributions[locale]);
      expect(responseExportWords(`${locale}-CH`)).toMatchObject(responses[locale]);
    }
  });
});
