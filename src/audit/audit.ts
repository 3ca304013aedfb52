// `mitreden audit`: pa11y (WCAG 2.1 AA, runners axe and HTML_CodeSniffer) over every page a citizen
// can reach (targets.ts), in one shared headless Chromium, with the collector answering the forms;
// on each built page also a walk of the tab order in forced colours and in dark mode (focus-walk.ts),
// and a look at 320 px: nothing wider than the screen, every scrolling box reachable (reflow.ts).
// The result is one AuditReport (report.ts), written as JSON, HTML and JUnit XML.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import pa11y from "pa11y";
import puppeteer, { type Browser, type BrowserContext, type Page } from "puppeteer";
import type { SiteModel } from "../campaign/model.js";
import { MitredenError } from "../errors.js";
import { CHROMIUM_ARGS, findChromium } from "./chromium.js";
import { REPORT_FORMAT, countErrors, type AuditIssue, type AuditReport, type AuditedPage } from "./report.js";
import { walkColourModes } from "./focus-walk.js";
import { checkReflow, REFLOW_WIDTH } from "./reflow.js";
import { adviceFor, auditTools } from "./rules.js";
import { startAuditServer, type AuditServer } from "./server.js";
import { DEFAULT_SOURCES, builtPages, type AuditSource, type AuditSourceContext, type AuditTarget } from "./targets.js";

export { formatAuditIssue, type AuditIssue, type AuditReport, type AuditedPage } from "./report.js";
export type { AuditSource, AuditSourceContext, AuditTarget } from "./targets.js";

export interface AuditOptions {
  siteDir: string;
  /**
   * The campaigns the site was built from: the audit runs the collector with them, so that forms
   * sent without JavaScript lead to their real error pages. Default: loaded from `campaignsDir`.
   */
  model?: SiteModel;
  /** Where to load the campaigns from when no model is given (default "campaigns"; skipped when absent). */
  campaignsDir?: string;
  /** A running mitreden serve (or the city's staging server) to audit instead of the built folder. */
  baseUrl?: string;
  /** Further pages, e.g. the desk's behind a login; see targets.ts. */
  sources?: AuditSource[];
  /** Audits only the targets this accepts (e.g. one campaign's pages while fixing them). */
  include?: (target: AuditTarget) => boolean;
  /** Language of the report; default the site's (the first campaign's), else German. */
  locale?: string;
  /** Before each page: its number (from 1), how many there are, and the target. */
  onStart?: (index: number, total: number, target: AuditTarget) => void;
  /** After each page, for progress output. */
  onPage?: (url: string, issues: AuditIssue[], page: AuditedPage) => void;
}

export interface AuditResult {
  urls: string[];
  issues: AuditIssue[];
  ms: number;
  report: AuditReport;
}

/** Root-relative paths of the built pages the audit visits (sitemap first). */
export async function pagesToAudit(siteDir: string): Promise<string[]> {
  return builtPages(siteDir);
}

export async function audit(options: AuditOptions): Promise<AuditResult> {
  const started = performance.now();
  const date = new Date().toISOString();
  const pages = await builtPages(options.siteDir);
  const model = options.model ?? (options.baseUrl ? undefined : await loadModel(options.campaignsDir ?? "campaigns"));
  const locale = options.locale ?? model?.locale ?? (await siteLanguage(options.siteDir)) ?? "de";
  const executablePath = findChromium();
  const server: AuditServer = options.baseUrl
    ? { origin: options.baseUrl.replace(/\/+$/, ""), close: async () => {} }
    : await startAuditServer(options.siteDir, model);
  const context: AuditSourceContext = { origin: server.origin, siteDir: options.siteDir, model, pages, setClock: server.setClock, store: server.store, remote: Boolean(options.baseUrl) };
  // A page that hangs fails after 90 s instead of puppeteer's default 180 s.
  const browser = await puppeteer.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, protocolTimeout: 90_000 });
  const audited: AuditedPage[] = [];
  const sources = [...DEFAULT_SOURCES, ...(options.sources ?? [])];
  try {
    const planned: { source: AuditSource; targets: AuditTarget[] }[] = [];
    for (const source of sources) planned.push({ source, targets: (await source.targets(context)).filter(options.include ?? (() => true)) });
    const total = planned.reduce((sum, p) => sum + p.targets.length, 0);
    let index = 0;
    for (const { source, targets } of planned) {
      // Each source in its own browser context: a login stays with the pages that need it.
      const browserContext = await browser.createBrowserContext();
      try {
        if (source.login && targets.length) {
          const page = await browserContext.newPage();
          await source.login(page, context);
          await page.close();
        }
        for (const target of targets) {
          options.onStart?.(++index, total, target);
          const page = await auditTarget(browser, browserContext, await browserContext.newPage(), target, server.origin, locale);
          audited.push(page);
          options.onPage?.(page.url, page.issues, page);
        }
      } finally {
        await browserContext.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
    for (const source of sources) await source.close?.();
  }
  const ms = Math.round(performance.now() - started);
  const report: AuditReport = {
    format: REPORT_FORMAT,
    date,
    ms,
    locale,
    standard: "WCAG2AA",
    runners: ["axe", "htmlcs"],
    tools: auditTools(),
    ...(options.baseUrl ? { baseUrl: server.origin } : {}),
    pages: audited,
    errors: countErrors(audited),
  };
  return { urls: audited.map((p) => p.url), issues: audited.flatMap((p) => p.issues), ms, report };
}

async function auditTarget(browser: Browser, browserContext: BrowserContext, page: Page, target: AuditTarget, origin: string, locale: string): Promise<AuditedPage> {
  const started = performance.now();
  const base = { url: target.url, kind: target.kind, ...(target.campaign ? { campaign: target.campaign } : {}), ...(target.from ? { from: target.from } : {}) };
  try {
    if (target.open) await target.open(page, origin);
    const result = await pa11y(origin + target.url, {
      browser,
      page,
      ignoreUrl: Boolean(target.open),
      standard: "WCAG2AA",
      runners: ["axe", "htmlcs"],
      timeout: 60_000,
      includeNotices: false,
      includeWarnings: false,
    });
    const issues = result.issues
      .filter((issue) => issue.type === "error")
      .map((issue): AuditIssue => {
        const runner = issue.runner ?? "";
        return { url: target.url, code: issue.code, message: issue.message, selector: issue.selector, context: issue.context ?? "", runner, ...adviceFor(runner, issue.code, issue.message, locale) };
      });
    // Our own findings: the advice in the report's language (rules.ts), the measured values, in
    // English like the tools' messages, beside each element (its context).
    // pa11y sees neither forced colours nor dark mode: walk the tab order in both (focus-walk.ts),
    // in the source's browser context (the desk's session). Pages reached by a request of their own
    // (a form's error page) are walked only in pa11y's pass.
    if (target.reachable ?? !target.open) {
      for (const { mode, walk } of await walkColourModes(browserContext, (target.origin ?? origin) + target.url)) {
        for (const problem of walk.problems) {
          const code = `mitreden.focus-visible.${mode}`;
          const text = `Tab stop ${problem.stop} in ${mode}: ${problem.reason} (WCAG 2.4.7, 1.4.11)`;
          issues.push({ url: target.url, code, message: text, selector: problem.element, context: text, runner: "mitreden", ...adviceFor("mitreden", code, text, locale), criteria: ["2.4.7", "1.4.11"] });
        }
      }
      // pa11y audits at one desktop width: the page once more at 320 px (reflow.ts).
      for (const problem of await checkReflow(browserContext, (target.origin ?? origin) + target.url)) {
        const code = `mitreden.${problem.kind}`;
        const criteria = problem.kind === "reflow" ? ["1.4.10"] : ["2.1.1"];
        const text = `At ${REFLOW_WIDTH} px (400 % zoom): ${problem.reason} (WCAG ${criteria[0]})`;
        issues.push({ url: target.url, code, message: text, selector: problem.element, context: text, runner: "mitreden", ...adviceFor("mitreden", code, text, locale), criteria });
      }
    }
    return { ...base, title: result.documentTitle, issues, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { ...base, issues: [], failure: (error as Error).message, ms: Math.round(performance.now() - started) };
  } finally {
    await page.close();
  }
}

/** The campaigns, when the folder exists; they let the audit answer forms like the collector. */
async function loadModel(campaignsDir: string): Promise<SiteModel | undefined> {
  const info = await stat(campaignsDir).catch(() => undefined);
  if (!info?.isDirectory()) return undefined;
  const { loadSiteModel } = await import("../campaign/index.js");
  try {
    return (await loadSiteModel(campaignsDir)).model;
  } catch (error) {
    throw new MitredenError(`The audit needs the campaigns the site was built from, and ${campaignsDir} has errors: run npx mitreden validate.`, { cause: error });
  }
}

/** The lang attribute of the site's index page. */
async function siteLanguage(siteDir: string): Promise<string | undefined> {
  const html = await readFile(path.join(siteDir, "index.html"), "utf8").catch(() => "");
  return /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1];
}

