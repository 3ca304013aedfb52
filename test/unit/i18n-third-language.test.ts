// Adding an interface language is one catalogue file and its tag in two lists of src/i18n (ADR 011):
// shown on a copy of the package, where test/fixtures/i18n/fr.ts becomes src/i18n/catalogues/fr.ts,
// and the example campaign "radverkehr" is built in German, English, French and Turkish (for
// which there is no catalogue, so its interface is English and says so with lang="en").
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as frFixture from "../fixtures/i18n/fr.js";
import type { Catalogue } from "../../src/i18n/index.js";
import { fileOf, tmpDir } from "./site-support.js";

// The fixture is a whole catalogue: a namespace added to German and not to it fails the type check here.
type FixtureIsACatalogue = typeof frFixture extends Catalogue ? true : never;
const fixtureIsACatalogue: FixtureIsACatalogue = true;

const root = tmpDir("third-language");
const pkg = path.join(root, "package");
const campaignsDir = path.join(root, "campaigns");
const outDir = path.join(root, "site");

/** Replaces `from` by `to` in a file of the copied package, exactly once, or says what moved. */
function edit(file: string, from: string, to: string): void {
  const full = path.join(pkg, file);
  const source = readFileSync(full, "utf8");
  expect(source.split(from).length - 1, `"${from}" once in ${file}: the registration steps of docs/adr/011-i18n.md changed`).toBe(1);
  writeFileSync(full, source.replace(from, to));
}

/** Every { de, en } text of the campaign also in French and Turkish (the English words will do). */
function addLocales(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(addLocales);
  if (!value || typeof value !== "object") return value;
  const entries = Object.entries(value).map(([k, v]) => [k, addLocales(v)]);
  const record = Object.fromEntries(entries) as Record<string, unknown>;
  if (typeof record.de === "string" && typeof record.en === "string") Object.assign(record, { fr: record.en, tr: record.en });
  return record;
}

let read: (url: string) => cheerio.CheerioAPI;
let reserved: string[];

beforeAll(async () => {
  mkdirSync(pkg, { recursive: true });
  for (const dir of ["src", "templates", "schema"]) cpSync(dir, path.join(pkg, dir), { recursive: true });
  cpSync("package.json", path.join(pkg, "package.json"));
  symlinkSync(path.resolve("node_modules"), path.join(pkg, "node_modules"), "dir");

  // 1. The catalogue file.
  const fixture = readFileSync("test/fixtures/i18n/fr.ts", "utf8")
    .replace('from "../../../src/i18n/catalogue.js"', 'from "../catalogue.js"')
    .replace('from "../../../src/i18n/catalogues/en.js"', 'from "./en.js"');
  writeFileSync(path.join(pkg, "src/i18n/catalogues/fr.ts"), fixture);
  // 2. Its tag in CATALOGUES, and its forms words in the survey script's list.
  edit("src/i18n/catalogues/index.ts", 'import * as en from "./en.js";', 'import * as en from "./en.js";\nimport * as fr from "./fr.js";');
  edit("src/i18n/catalogues/index.ts", "{ de, en }", "{ de, en, fr }");
  edit("src/i18n/forms.ts", 'import * as en from "./catalogues/en.js";', 'import * as en from "./catalogues/en.js";\nimport * as fr from "./catalogues/fr.js";');
  edit("src/i18n/forms.ts", "  en: { language: en.language, forms: en.forms },", "  en: { language: en.language, forms: en.forms },\n  fr: { language: fr.language, forms: fr.forms },");

  mkdirSync(path.join(campaignsDir, "radverkehr"), { recursive: true });
  // site.json's texts (the city's enforcement body) need the new languages as much as the campaign's.
  writeFileSync(path.join(campaignsDir, "site.json"), JSON.stringify(addLocales(JSON.parse(readFileSync("campaigns/site.json", "utf8"))), null, 2));
  cpSync("campaigns/media", path.join(campaignsDir, "media"), { recursive: true });
  cpSync("campaigns/radverkehr/media", path.join(campaignsDir, "radverkehr/media"), { recursive: true });
  const campaign = addLocales(JSON.parse(readFileSync("campaigns/radverkehr/campaign.json", "utf8"))) as Record<string, unknown>;
  campaign.locales = ["de", "en", "fr", "tr"];
  // The kit's post images are not what this test is about; four languages of them take long.
  (campaign.social as { posts: unknown[] }).posts = [];
  writeFileSync(path.join(campaignsDir, "radverkehr/campaign.json"), JSON.stringify(campaign, null, 2));

  // The copy's own modules: a fresh graph in which CATALOGUES holds the French catalogue.
  const build = (await import(path.join(pkg, "src/site/build.ts"))) as typeof import("../../src/site/build.js");
  const urls = (await import(path.join(pkg, "src/campaign/urls.ts"))) as typeof import("../../src/campaign/urls.js");
  reserved = urls.RESERVED_PAGE_IDS;
  // The survey is open on 10 May 2027.
  await build.buildSite({ campaignsDir, outDir, now: new Date("2027-05-10T10:00:00+02:00"), quiet: true });
  read = (url) => cheerio.load(readFileSync(fileOf(outDir, url), "utf8"));
}, 300_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a third interface language, added as one catalogue file", () => {
  it("the fixture is typed as a whole catalogue", () => {
    expect(fixtureIsACatalogue).toBe(true);
  });

  it("gives a French page its interface in French, in the language of the page", () => {
    const $ = read("/radverkehr/fr/");
    expect($("html").attr("lang")).toBe("fr");
    const skip = $("a[href=\"#main-content\"]");
    expect(skip.text()).toBe("Aller au contenu");
    expect(skip.attr("lang")).toBeUndefined();
    expect($("footer").text()).toContain("Mentions légales");
    // Dates inside French sentences are written the French way.
    expect($("main").text()).toContain("Ouvert jusqu’au 31 mai 2027");
    // No interface text on the page claims to be in another language; only the switcher names them.
    const foreign = $("[lang]").filter((_, el) => !["html"].includes(el.tagName) && $(el).closest("nav").length === 0);
    expect(foreign.map((_, el) => `${el.tagName}[lang=${$(el).attr("lang")}]`).get()).toEqual([]);
  });

  it("gives the survey its French words on the page, in the script, and a French thank-you address", () => {
    const $ = read("/radverkehr/fr/umfrage/");
    // (The campaign names its own submit button.)
    expect($("form").text()).toContain("facultatif");
    expect($.html()).toContain("Il y a un problème");
    const config = JSON.parse($("script[id$=survey-config]").text()) as { thankYou: string };
    expect(config.thankYou).toBe("/radverkehr/fr/umfrage/merci/");
    expect(read("/radverkehr/fr/umfrage/merci/")("h1").text()).toBe("Vos réponses sont arrivées");
    const script = $("script[type=module][src*=survey]").attr("src")!;
    const code = readFileSync(path.join(outDir, script), "utf8");
    // esbuild writes "é" as \xE9; the French words are in the script all the same.
    expect(code).toContain("Veuillez choisir au moins");
    expect(reserved).toEqual(expect.arrayContaining(["danke", "thanks", "merci"]));
  });

  it("leaves German and English as they were", () => {
    expect(read("/radverkehr/")("a[href=\"#main-content\"]").text()).toBe("Zum Inhalt springen");
    expect(read("/radverkehr/en/")("a[href=\"#main-content\"]").text()).toBe("Skip to content");
    expect(readdirSync(path.join(outDir, "radverkehr/umfrage"))).toContain("danke");
    expect(readdirSync(path.join(outDir, "radverkehr/en/umfrage"))).toContain("thanks");
  });

  it("gives a language without a catalogue the English interface, marked as English", () => {
    const $ = read("/radverkehr/tr/");
    expect($("html").attr("lang")).toBe("tr");
    const skip = $("a[href=\"#main-content\"]");
    expect(skip.text()).toBe("Skip to content");
    expect(skip.attr("lang")).toBe("en");
    expect(readdirSync(path.join(outDir, "radverkehr/tr/umfrage"))).toContain("thanks");
  });
});
