// The accessibility gate must fail on a real barrier, and name the page, the element and the WCAG rule;
// it visits every page a citizen can reach (issue 16, §2), and writes reports for people and for CI.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit, pagesToAudit, type AuditResult, type AuditSource } from "../../src/audit/audit.js";
import { readAuditReport, writeAuditReports } from "../../src/audit/report.js";
import { buildSite } from "../../src/site/build.js";
import { inlineCodeInPage } from "../security/inline-code.js";

const root = path.resolve(import.meta.dirname, "../..");

async function siteWith(pages: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(root, "test/.tmp/audit-"));
  const urls = Object.keys(pages).filter((p) => p !== "/404.html" && !p.endsWith("/social-kit/"));
  await writeFile(
    path.join(dir, "sitemap.xml"),
    `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls
      .map((u) => `<url><loc>https://mitreden.musterstadt.de${u}</loc></url>`)
      .join("")}</urlset>`,
  );
  // Every site mitreden builds has one; the audit serves the pages with its headers.
  await writeFile(path.join(dir, "_headers"), "/*\n  X-Content-Type-Options: nosniff\n");
  for (const [url, html] of Object.entries(pages)) {
    const file = url.endsWith(".html") ? path.join(dir, url) : path.join(dir, url, "index.html");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, html);
  }
  return dir;
}

const page = (body: string) =>
  `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Umfrage – Marktplatz – Stadt Musterstadt</title></head><body><main><h1>Umfrage</h1>${body}</main></body></html>`;

describe("mitreden audit", () => {
  it("reports an unlabelled form field and an image without alt text, with URL, selector and WCAG code", async () => {
    const dir = await siteWith({
      "/": page("<p>Willkommen</p>"),
      "/marktplatz/umfrage/": page('<form><input type="text" name="wunsch"><img src="data:," width="1" height="1"></form>'),
      "/404.html": page("<p>Seite nicht gefunden</p>"),
    });
    const result = await audit({ siteDir: dir });
    expect(result.urls).toEqual(["/", "/marktplatz/umfrage/", "/404.html"]);
    const onSurvey = result.issues.filter((i) => i.url === "/marktplatz/umfrage/");
    expect(onSurvey.some((i) => /input/.test(i.selector) && /label|H44|F68/i.test(i.code))).toBe(true);
    expect(onSurvey.some((i) => /img/.test(i.selector) && /image-alt|H37/i.test(i.code))).toBe(true);
    expect(result.issues.filter((i) => i.url === "/")).toEqual([]);
  });

  it("audits the sitemap's pages first, then every other built page: 404, thank-you pages, kits, posters", async () => {
    const dir = await siteWith({
      "/": page(""),
      "/a/": page(""),
      "/a/umfrage/": page(""),
      "/a/social-kit/": page(""),
      "/a/social-kit/poster/start-de/": page(""),
      "/a/umfrage/danke/": page(""),
      "/404.html": page(""),
    });
    // siteWith lists every page but the 404 and the kit in the sitemap; thank-you pages and posters are not public, so take them out.
    await writeFile(
      path.join(dir, "sitemap.xml"),
      `<urlset>${["/", "/a/", "/a/umfrage/"].map((u) => `<url><loc>https://mitreden.musterstadt.de${u}</loc></url>`).join("")}</urlset>`,
    );
    expect(await pagesToAudit(dir)).toEqual(["/", "/a/", "/a/umfrage/", "/404.html", "/a/social-kit/", "/a/social-kit/poster/start-de/", "/a/umfrage/danke/"]);
  });

  it("says how to build first when there is no site", async () => {
    await expect(audit({ siteDir: path.join(root, "test/.tmp/no-site-here") })).rejects.toThrow(/mitreden build/);
  });
});

describe("mitreden audit on a built campaign", () => {
  // The valid-full fixture: a survey and a map page, German and English, open on 1 October 2027.
  const campaigns = path.join(root, "test/fixtures/valid-full");
  let siteDir: string;
  let result: AuditResult;
  const progress: string[] = [];
  const deskVisits: string[] = [];
  let deskStore = false;
  // What the desk engineer will plug in: pages behind a login, in a browser context of their own.
  const desk: AuditSource = {
    name: "desk",
    async login(browserPage, ctx) {
      // Where the desk's source creates its throwaway account before signing in.
      deskStore = typeof ctx.store?.close === "function";
      await browserPage.goto(`${ctx.origin}/`);
      await browserPage.evaluate(() => void (document.cookie = "mitreden_session=test; path=/"));
    },
    async targets() {
      return [
        {
          url: "/",
          kind: "desk",
          async open(browserPage, origin) {
            await browserPage.goto(origin + "/");
            deskVisits.push(await browserPage.evaluate(() => document.cookie));
          },
        },
      ];
    },
  };
  const citizenCookies: string[] = [];
  const citizenProbe: AuditSource = {
    name: "probe",
    async targets() {
      return [{ url: "/404.html", kind: "page", async open(browserPage, origin) {
        await browserPage.goto(origin + "/404.html");
        citizenCookies.push(await browserPage.evaluate(() => document.cookie));
      } }];
    },
  };

  beforeAll(async () => {
    await mkdir(path.join(root, "test/.tmp"), { recursive: true });
    siteDir = await mkdtemp(path.join(root, "test/.tmp/audit-site-"));
    await buildSite({ campaignsDir: campaigns, outDir: siteDir, now: new Date("2027-10-01T10:00:00+02:00"), quiet: true, auditReport: path.join(root, "test/.tmp/no-audit-report") });
    result = await audit({
      siteDir,
      campaignsDir: campaigns,
      sources: [desk, citizenProbe],
      // The form error pages, one built page and the extra sources: enough to see each kind, in a few seconds.
      include: (t) => t.kind !== "page" || t.url === "/buergerhaushalt/en/vorschlag/thanks/" || t.url === "/404.html",
      onStart: (index, total, target) => progress.push(`${index}/${total} ${target.url}`),
    });
  }, 300_000);
  afterAll(() => rm(siteDir, { recursive: true, force: true }));

  it("sends each form empty without JavaScript and audits the error page the collector answers with", () => {
    const errors = result.report.pages.filter((p) => p.kind === "form-error");
    expect(errors.map((p) => [p.url, p.from])).toEqual([
      ["/api/buergerhaushalt/vorschlag/responses", "/buergerhaushalt/vorschlag/"],
      ["/api/buergerhaushalt/karte/contributions", "/buergerhaushalt/karte/"],
      ["/api/buergerhaushalt/vorschlag/responses", "/buergerhaushalt/en/vorschlag/"],
      ["/api/buergerhaushalt/karte/contributions", "/buergerhaushalt/en/karte/"],
    ]);
    for (const p of errors) {
      expect(p.failure).toBeUndefined();
      expect(p.campaign).toBe("buergerhaushalt");
    }
    // The title says it is an error, in the page's language, and names the campaign.
    expect(errors[0]!.title).toMatch(/^Fehler: .*Bürgerhaushalt 2028/);
    expect(errors[2]!.title).toMatch(/^Error: .*Citizens' budget 2028/);
  });

  it("shows progress as page n of N with the address", () => {
    expect(progress).toContain(`1/${progress.length} /404.html`);
    expect(progress).toContain(`2/${progress.length} /buergerhaushalt/en/vorschlag/thanks/`);
    expect(progress).toContain(`3/${progress.length} /api/buergerhaushalt/vorschlag/responses`);
    expect(progress.length).toBe(result.report.pages.length);
  });

  it("runs an extra source after its login, in a browser context the citizens' pages do not share", () => {
    expect(result.report.pages.filter((p) => p.kind === "desk").map((p) => p.url)).toEqual(["/"]);
    expect(deskVisits).toEqual(["mitreden_session=test"]);
    expect(deskStore).toBe(true);
    expect(citizenCookies).toEqual([""]);
  });

  it("writes JSON, an HTML report grouped by page and rule, and JUnit, into the report folder", async () => {
    const dir = await mkdtemp(path.join(root, "test/.tmp/audit-report-"));
    // The report of this run with exactly one error, so the test does not depend on what the fixture's pages get wrong.
    const withError = structuredClone(result.report);
    for (const p of withError.pages) p.issues = [];
    withError.errors = 0;
    withError.pages[0]!.issues.push({
      url: withError.pages[0]!.url, code: "image-alt", message: "Images must have alternative text", selector: "main > img", context: '<img src="plan.png">', runner: "axe",
      criteria: ["1.1.1"], help: "Abbildungen müssen einen Alternativtext besitzen.", helpLocale: "de", helpUrl: "https://dequeuniversity.com/rules/axe/4.11/image-alt",
    });
    withError.errors += 1;
    const files = await writeAuditReports(withError, dir);
    expect((await readAuditReport(dir))?.pages.length).toBe(result.report.pages.length);
    const $ = cheerio.load(await readFile(files.html, "utf8"));
    expect($("html").attr("lang")).toBe("de");
    // Its stylesheet lies beside it; the page has no inline code (it opens under a strict CSP too).
    expect($('link[rel="stylesheet"]').attr("href")).toBe("report.css");
    expect(await readFile(path.join(dir, "report.css"), "utf8")).toContain(".mr-report-rule");
    expect(inlineCodeInPage(await readFile(files.html, "utf8"))).toEqual([]);
    expect($("h1").text()).toBe("Prüfbericht Barrierefreiheit");
    expect($(".mr-report-result--errors").text()).toContain("1 Fehler auf 1 von");
    expect($("h2").first().text()).toContain("/404.html");
    const rule = $(".mr-report-rule").first();
    expect(rule.find("h3").text()).toContain("WCAG 1.1.1 Nicht-Text-Inhalt");
    expect(rule.text()).toContain("So beheben Sie es: Abbildungen müssen einen Alternativtext besitzen.");
    expect(rule.find("code").first().text()).toBe("main > img");
    expect(rule.find("pre").text()).toBe('<img src="plan.png">');
    expect(rule.find('a[href="https://www.w3.org/WAI/WCAG21/Understanding/non-text-content.html"]')).toHaveLength(1);
    expect($("tbody tr")).toHaveLength(result.report.pages.length);
    expect(await readFile(files.junit, "utf8")).toContain("<failure message=\"1 accessibility error\"");
    await rm(dir, { recursive: true, force: true });
  });

  it("reports in English for an English site", async () => {
    const { renderHtmlReport } = await import("../../src/audit/report-html.js");
    const $ = cheerio.load(renderHtmlReport({ ...result.report, locale: "en" }));
    expect($("h1").text()).toBe("Accessibility audit report");
    expect($("html").attr("lang")).toBe("en");
  });
});

describe("mitreden audit (command line)", () => {
  it("exits 1 on an error, prints page n of N, and writes the reports", async () => {
    const dir = await siteWith({
      "/": page("<p>Willkommen</p>"),
      "/marktplatz/": page('<img src="data:," width="1" height="1">'),
      "/404.html": page("<p>Seite nicht gefunden</p>"),
    });
    const reportDir = path.join(dir, "report");
    const run = await promisify(execFile)("node", [path.join(root, "bin/mitreden.js"), "audit", "--site", dir, "--campaigns", path.join(dir, "none"), "--report", reportDir], { cwd: root }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^\[1\/3\] ✓ \/$/m);
    expect(run.stdout).toMatch(/^\[2\/3\] ✗ \d+ errors? \/marktplatz\/$/m);
    expect(run.stdout).toContain(`Report: ${reportDir}/report.html`);
    const report = await readAuditReport(reportDir);
    expect(report?.pages.map((p) => p.url)).toEqual(["/", "/marktplatz/", "/404.html"]);
    expect(report?.errors).toBeGreaterThan(0);
  });
});

