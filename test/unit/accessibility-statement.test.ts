// Issue 16, §1: the accessibility statement claims no more than was tested. Its status comes from
// the declared manual test, the known issues, the map pages and the latest `mitreden audit` report;
// never from the build date.
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditReport, AuditedPage } from "../../src/audit/report.js";
import { REPORT_FORMAT, writeAuditReports } from "../../src/audit/report.js";
import { auditTools } from "../../src/audit/rules.js";
import { loadSiteModel } from "../../src/campaign/index.js";
import type { CampaignModel } from "../../src/campaign/model.js";
import { validateCampaigns } from "../../src/campaign/validate.js";
import { accessibilityStatement } from "../../src/site/accessibility-statement.js";
import { buildSite } from "../../src/site/build.js";
import { NOW, TMP, tmpDir, withReaders, type BuiltSite } from "./site-support.js";

const AUDITED = "2027-03-18T14:30:00.000Z";

function page(url: string, campaign: string | undefined, errors = 0, kind = "page"): AuditedPage {
  return {
    url,
    kind,
    campaign,
    ms: 900,
    issues: Array.from({ length: errors }, () => ({
      url,
      code: "image-alt",
      message: "Images must have alternative text",
      selector: "img",
      context: "<img src=x>",
      runner: "axe",
      criteria: ["1.1.1"],
      help: "Abbildungen müssen einen Alternativtext besitzen.",
      helpLocale: "de",
    })),
  };
}

function report(pages: AuditedPage[]): AuditReport {
  return {
    format: REPORT_FORMAT,
    date: AUDITED,
    ms: 12_000,
    locale: "de",
    standard: "WCAG2AA",
    runners: ["axe", "htmlcs"],
    tools: auditTools(),
    pages,
    errors: pages.reduce((n, p) => n + p.issues.length, 0),
  };
}

const cleanRadverkehr = [page("/radverkehr/", "radverkehr"), page("/radverkehr/umfrage/", "radverkehr"), page("/api/radverkehr/umfrage/responses", "radverkehr", 0, "form-error")];
const manualFull = { date: "2027-03-10", method: { de: "BITV-Test", en: "BITV test" }, by: { de: "Prüfstelle Musterland", en: "Prüfstelle Musterland" }, result: "full" as const };

describe("the statement's status, from evidence", () => {
  let radverkehr: CampaignModel;
  let marktplatz: CampaignModel;
  beforeAll(async () => {
    const { model } = await loadSiteModel("campaigns");
    // The examples list a known issue (no DGS video yet); these tests vary the evidence from campaigns without one.
    const withoutKnownIssues = (c: CampaignModel): CampaignModel => ({ ...c, accessibility: { ...c.accessibility, knownIssues: [] } });
    radverkehr = withoutKnownIssues(model.campaigns.find((c) => c.slug === "radverkehr")!);
    marktplatz = withoutKnownIssues(model.campaigns.find((c) => c.slug === "marktplatz")!);
  });
  const with_ = (c: CampaignModel, a11y: Partial<CampaignModel["accessibility"]>): CampaignModel => ({ ...c, accessibility: { ...c.accessibility, ...a11y } });

  it("says 'not tested' when there is neither a manual test nor an automated audit", () => {
    const s = accessibilityStatement(radverkehr);
    expect(s.status).toBe("untested");
    expect(s.automated).toBeUndefined();
    expect(s.reasons.map((r) => r.kind)).toEqual(["noManualTest", "noAutomatedAudit"]);
  });

  it("says 'partial' after a clean automated audit alone: tools find only some barriers", () => {
    const s = accessibilityStatement(radverkehr, report(cleanRadverkehr));
    expect(s.status).toBe("partial");
    expect(s.reasons).toEqual([{ kind: "noManualTest" }]);
    expect(s.automated).toMatchObject({ date: AUDITED, pages: 3, errors: 0, formErrorPages: 1 });
  });

  it("says 'full' only with a full manual test, nothing listed as inaccessible and a clean audit", () => {
    expect(accessibilityStatement(with_(radverkehr, { audit: manualFull }), report(cleanRadverkehr)).status).toBe("full");
    // Any one of them missing makes it partial, with that reason.
    expect(accessibilityStatement(with_(radverkehr, { audit: { ...manualFull, result: "partial" } }), report(cleanRadverkehr)).reasons).toEqual([{ kind: "manualPartial" }]);
    expect(accessibilityStatement(with_(radverkehr, { audit: manualFull, knownIssues: [{ de: "Das PDF ist nicht barrierefrei." }] }), report(cleanRadverkehr)).reasons).toEqual([
      { kind: "inaccessibleContent" },
    ]);
    expect(accessibilityStatement(with_(radverkehr, { audit: manualFull })).reasons).toEqual([{ kind: "noAutomatedAudit" }]);
    const withErrors = report([...cleanRadverkehr, page("/radverkehr/hintergrund/", "radverkehr", 2)]);
    expect(accessibilityStatement(with_(radverkehr, { audit: manualFull }), withErrors).reasons).toEqual([{ kind: "automatedErrors", errors: 2, pages: 1 }]);
  });

  it("counts only the campaign's own pages of the report", () => {
    const other = report([page("/marktplatz/", "marktplatz", 3)]);
    expect(accessibilityStatement(with_(radverkehr, { audit: manualFull }), other).reasons).toEqual([{ kind: "noAutomatedAudit" }]);
  });

  it("keeps a campaign with a map page partial: reading others' markers needs sight", () => {
    const s = accessibilityStatement(with_(marktplatz, { audit: manualFull }), report([page("/marktplatz/", "marktplatz")]));
    expect(s.status).toBe("partial");
    expect(s.mapPages.map((p) => p.id)).toEqual(["karte"]);
    expect(s.reasons).toEqual([{ kind: "inaccessibleContent" }]);
  });
});

describe("the built statement", () => {
  let tested: BuiltSite;
  let untested: BuiltSite;
  const dirs: string[] = [];

  beforeAll(async () => {
    await mkdir(TMP, { recursive: true });
    // The examples, with Radverkehr declaring a full BITV test, and a report: Radverkehr clean, one error on the Marktplatz.
    const campaigns = tmpDir("statement-campaigns");
    dirs.push(campaigns);
    await cp("campaigns", campaigns, { recursive: true });
    const file = path.join(campaigns, "radverkehr", "campaign.json");
    const raw = JSON.parse(await readFile(file, "utf8"));
    // Radverkehr as if its DGS video were done: nothing listed as inaccessible.
    raw.accessibility = { ...raw.accessibility, knownIssues: [], audit: { date: "2027-03-10", method: { de: "BITV-Test", en: "BITV test" }, by: "Prüfstelle Musterland", result: "full", report: "https://www.musterstadt.de/bitv-test-radverkehr.pdf" } };
    await writeFile(file, JSON.stringify(raw, null, 2));
    const reportDir = tmpDir("statement-report");
    dirs.push(reportDir);
    await writeAuditReports(report([...cleanRadverkehr, page("/radverkehr/en/", "radverkehr"), page("/marktplatz/", "marktplatz"), page("/marktplatz/karte/", "marktplatz", 1)]), reportDir);
    const outTested = tmpDir("statement-tested");
    tested = withReaders(outTested, await buildSite({ campaignsDir: campaigns, outDir: outTested, now: NOW, quiet: true, auditReport: reportDir }));
    const outUntested = tmpDir("statement-untested");
    untested = withReaders(outUntested, await buildSite({ campaignsDir: "campaigns", outDir: outUntested, now: NOW, quiet: true, auditReport: path.join(TMP, "no-report-here") }));
  }, 300_000);
  afterAll(async () => {
    await Promise.all([tested?.remove(), untested?.remove(), ...dirs.map((d) => rm(d, { recursive: true, force: true }))]);
  });

  it("of a campaign nobody tested says so, names no tool and no test date", () => {
    for (const url of ["/radverkehr/accessibility/", "/marktplatz/accessibility/"]) {
      const text = untested.load(url)("main").text();
      expect(text).toContain("Diese Website wurde noch nicht auf Barrierefreiheit geprüft");
      expect(text).not.toMatch(/vollständig vereinbar|teilweise vereinbar|pa11y|Datum der letzten Prüfung/);
      expect(text).toContain("Sie beruht bisher auf keiner Prüfung.");
    }
    expect(untested.load("/radverkehr/en/accessibility/")("main").text()).toContain("has not been tested for accessibility yet");
  });

  it("says 'vollständig vereinbar' with the manual test and the automated audit named separately", () => {
    const $ = tested.load("/radverkehr/accessibility/");
    const text = $("main").text();
    expect(text).toContain("mit den Anforderungen der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) vollständig vereinbar");
    expect($("#manual-test + dl").text()).toMatch(/BITV-Test[\s\S]*10\. März 2027[\s\S]*Prüfstelle Musterland[\s\S]*alle Anforderungen erfüllt/);
    expect($('a[href="https://www.musterstadt.de/bitv-test-radverkehr.pdf"]')).toHaveLength(1);
    const automated = $("#automated-test + dl").text();
    const tools = auditTools();
    expect(automated).toContain(`pa11y ${tools.pa11y} mit axe-core ${tools.axeCore} und HTML_CodeSniffer ${tools.htmlCodeSniffer}`);
    expect(automated).toContain(`${tools.axeRules} Regeln von axe-core`);
    // The report's date, not the build date (20 March).
    expect(automated).toContain("18. März 2027");
    expect($("#automated-test + dl time").attr("datetime")).toBe(AUDITED);
    expect(automated).toContain("4 Seiten dieser Beteiligung, darunter Fehlerseiten von Formularen, die ohne JavaScript abgeschickt wurden: 1");
    expect(automated).toMatch(/Gefundene Fehler\s*keine/);
    expect(tested.load("/radverkehr/en/accessibility/")("main").text()).toContain("is fully compliant with");
  });

  it("says 'teilweise vereinbar' with every reason, and describes the map's limits precisely, once", () => {
    const $ = tested.load("/marktplatz/accessibility/");
    expect($("#status ~ p").first().text()).toContain("teilweise vereinbar");
    const reasons = $("#status ~ ul").first().find("li").map((_, li) => $(li).text()).get();
    expect(reasons).toEqual([
      "Die Website wurde noch nicht von Menschen geprüft, etwa in einem BITV-Test. Automatische Werkzeuge finden nur einen Teil der Barrieren.",
      "Einige Inhalte sind nicht oder nur eingeschränkt barrierefrei; sie sind unten aufgeführt.",
      "Die automatische Prüfung vom 18. März 2027 hat Fehler gefunden (Fehler: 1, betroffene Seiten: 1).",
    ]);
    // The map's limits (derived from the page, once), and what the campaign lists itself (no DGS video yet).
    const issues = $("#known-issues ~ ul").first().find("li").map((_, li) => $(li).text()).get();
    expect(issues).toHaveLength(2);
    expect(issues.filter((text) => text.includes("Ideenkarte"))).toHaveLength(1);
    expect(issues.filter((text) => text.includes("Deutscher Gebärdensprache"))).toHaveLength(1);
    const map = issues.find((text) => text.includes("Ideenkarte"))!;
    expect(map).toContain("Ideenkarte");
    expect(map).toContain("auch per Tastatur");
    expect(map).toContain("muss man die Karte sehen");
    expect(map).toContain("mit der Wahl eines benannten Orts oder einer Beschreibung der Stelle in Worten");
    expect($("main").text()).not.toContain("per Tastatur nur eingeschränkt");
  });
});

describe("lastAudit and method", () => {
  it("are no longer shown, and validation says to declare accessibility.audit instead", async () => {
    const dir = tmpDir("statement-deprecated");
    await cp("test/fixtures/valid-full", dir, { recursive: true });
    const file = path.join(dir, "buergerhaushalt", "campaign.json");
    const raw = JSON.parse(await readFile(file, "utf8"));
    raw.accessibility = { ...raw.accessibility, lastAudit: "2027-01-15", method: "Selbstbewertung" };
    await writeFile(file, JSON.stringify(raw, null, 2));
    const { problems } = await validateCampaigns(dir);
    const warnings = problems.filter((p) => p.pointer.startsWith("/accessibility/"));
    expect(warnings.map((p) => [p.severity, p.pointer])).toEqual([
      ["warning", "/accessibility/lastAudit"],
      ["warning", "/accessibility/method"],
    ]);
    expect(warnings[0]!.message).toMatch(/"audit": \{ "date", "method", "by", "result"/);
    const campaign = (await loadSiteModel(dir)).model.campaigns[0]!;
    expect(accessibilityStatement(campaign).status).toBe("untested");
    await rm(dir, { recursive: true, force: true });
  });
});
