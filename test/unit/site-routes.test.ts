// The route list (one entry per page), dates and Markdown, without building a site.
import { describe, expect, it } from "vitest";
import { loadSiteModel } from "../../src/campaign/index.js";
import { formatDate } from "../../src/i18n/index.js";
import { periodState } from "../../src/pages/dates.js";
import { markdownToText, renderMarkdown } from "../../src/pages/markdown.js";
import { buildRoutes } from "../../src/site/routes.js";
import { NOW } from "./site-support.js";

describe("buildRoutes", async () => {
  const { model } = await loadSiteModel("campaigns", { now: NOW });
  const routes = buildRoutes(model);
  const byUrl = new Map(routes.map((r) => [r.url, r]));

  it("has one route per page: index, each campaign's landing, pages and statement per locale, Leichte Sprache and DGS once, 404", () => {
    const expected = 2 + model.campaigns.reduce((n, c) => n + c.locales.length * (c.pages.length + 2) + (c.locales.includes("de") ? 2 : 0), 0);
    // Thank-you pages (surveys, maps) come on top: noindex, for the person who just took part.
    const thanks = routes.filter((r) => !r.indexable && /\/(danke|thanks)\/$/.test(r.url));
    expect(routes.length - thanks.length).toBe(expected);
    expect(routes.filter((r) => r.kind === "thankYou").map((r) => r.url).sort()).toEqual([
      "/marktplatz/umfrage/danke/",
      "/radverkehr/en/umfrage/thanks/",
      "/radverkehr/umfrage/danke/",
    ]);
    expect(new Set(routes.map((r) => r.url)).size).toBe(routes.length);
    expect(byUrl.get("/")?.kind).toBe("index");
    expect(byUrl.get("/404.html")).toMatchObject({ kind: "notFound", indexable: false });
    expect(byUrl.get("/404.html")!.canonical).toBeUndefined();
    expect(byUrl.get("/radverkehr/en/accessibility/")).toMatchObject({ kind: "accessibility", locale: "en" });
    // German in every interface language: one page each, no language versions.
    expect(byUrl.get("/radverkehr/leichte-sprache/")).toMatchObject({ kind: "easyLanguage", locale: "de", alternates: [], indexable: true });
    expect(byUrl.get("/radverkehr/gebaerdensprache/")).toMatchObject({ kind: "signLanguage", locale: "de", alternates: [], indexable: true });
  });

  it("gives each route its kind, title, canonical URL and language alternates", () => {
    const survey = byUrl.get("/radverkehr/en/umfrage/")!;
    expect(survey.kind).toBe("survey");
    expect(survey.title).toBe(`${survey.heading} – Cycling in Musterstadt – Stadt Musterstadt`);
    expect(survey.canonical).toBe("https://mitreden.musterstadt.de/radverkehr/en/umfrage/");
    expect(survey.alternates.map((a) => [a.locale, a.url])).toEqual([
      ["de", "/radverkehr/umfrage/"],
      ["en", "/radverkehr/en/umfrage/"],
    ]);
    expect(survey.xDefault).toBe("https://mitreden.musterstadt.de/radverkehr/umfrage/");
    expect(survey.breadcrumbs.map((c) => c.url)).toEqual(["/", "/radverkehr/en/", undefined]);
    expect(byUrl.get("/marktplatz/")!.alternates).toEqual([]);
  });
});

describe("dates", () => {
  it("formats long dates the way each language writes them, in the campaign's time zone", () => {
    // 22:30 UTC on 14 April is already 15 April in Berlin.
    expect(formatDate("2027-04-14T22:30:00Z", "de", "Europe/Berlin")).toBe("15. April 2027");
    expect(formatDate("2027-04-14T22:30:00Z", "en", "Europe/Berlin")).toBe("15 April 2027");
  });

  it("counts the first and the last second of a period as open", () => {
    const period = { start: "2027-03-01T00:00:00+01:00", end: "2027-04-15T23:59:59+02:00" };
    expect(periodState(period, "2027-02-28T23:59:59+01:00")).toBe("upcoming");
    expect(periodState(period, period.start)).toBe("open");
    expect(periodState(period, period.end)).toBe("open");
    expect(periodState(period, "2027-04-16T00:00:00+02:00")).toBe("closed");
  });
});

describe("Markdown", () => {
  it("escapes raw HTML and keeps ordinary links", () => {
    const html = renderMarkdown('Hallo <b onclick="x()">Welt</b> und [Plan](https://example.org/plan.pdf)');
    expect(html).toContain("&lt;b onclick=&quot;x()&quot;&gt;Welt&lt;/b&gt;");
    expect(html).toContain('<a href="https://example.org/plan.pdf">Plan</a>');
  });

  it("shifts headings so the text starts at h2, keeping their order, and never past h6", () => {
    expect(renderMarkdown("# A\n\n## B\n\n###### F")).toBe("<h2>A</h2>\n<h3>B</h3>\n<h6>F</h6>\n");
    expect(renderMarkdown("## A\n\n### B")).toBe("<h2>A</h2>\n<h3>B</h3>\n");
  });

  it("makes plain text for descriptions, cut at a word", () => {
    expect(markdownToText("**Neu:** der [Plan](https://x.example) & <mehr>")).toBe("Neu: der Plan & <mehr>");
    const long = markdownToText("Wort ".repeat(60), 40);
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long.endsWith("Wort…")).toBe(true);
  });
});
