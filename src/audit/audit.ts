// `mitreden audit`: pa11y (WCAG 2.1 AA, runners axe and HTML_CodeSniffer) over every page of the
// sitemap, the 404 page and the social-media kits, in one shared headless Chromium; and on each
// page a walk of the tab order in forced colours and in dark mode (focus-walk.ts).
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import pa11y from "pa11y";
import puppeteer from "puppeteer";
import { MitredenError } from "../errors.js";
import { CHROMIUM_ARGS, findChromium } from "./chromium.js";
import { walkColourModes } from "./focus-walk.js";
import type { AuditIssue } from "./report.js";
import { startStaticServer } from "./static-server.js";

export { formatAuditIssue, type AuditIssue } from "./report.js";

export interface AuditResult {
  urls: string[];
  issues: AuditIssue[];
  ms: number;
}

export interface AuditOptions {
  siteDir: string;
  /** Called after each page, for progress output. */
  onPage?: (url: string, issues: AuditIssue[]) => void;
}

/** Root-relative paths to audit: the sitemap's pages, the 404 page and every social kit. */
export async function pagesToAudit(siteDir: string): Promise<string[]> {
  const sitemap = await readFile(path.join(siteDir, "sitemap.xml"), "utf8").catch(() => {
    throw new MitredenError(`No sitemap.xml in ${siteDir}. Build the site first: npx mitreden build --out ${siteDir}`);
  });
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  paths.push("/404.html");
  for (const entry of await readdir(siteDir, { withFileTypes: true })) {
    const kit = path.join(siteDir, entry.name, "social-kit", "index.html");
    if (entry.isDirectory() && (await readFile(kit).then(() => true, () => false))) paths.push(`/${entry.name}/social-kit/`);
  }
  return [...new Set(paths)];
}

export async function audit(options: AuditOptions): Promise<AuditResult> {
  const started = performance.now();
  const paths = await pagesToAudit(options.siteDir);
  const executablePath = findChromium();
  const server = await startStaticServer(options.siteDir);
  const browser = await puppeteer.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const issues: AuditIssue[] = [];
  try {
    for (const pagePath of paths) {
      const url = server.origin + pagePath;
      const page = await browser.newPage();
      try {
        const result = await pa11y(url, {
          browser,
          page,
          standard: "WCAG2AA",
          runners: ["axe", "htmlcs"],
          timeout: 60_000,
          includeNotices: false,
          includeWarnings: false,
        });
        const found = result.issues
          .filter((issue) => issue.type === "error")
          .map((issue) => ({ url: pagePath, code: issue.code, message: issue.message, selector: issue.selector, runner: issue.runner ?? "" }));
        // pa11y sees neither forced colours nor dark mode: walk the tab order in both (focus-walk.ts).
        for (const { mode, walk } of await walkColourModes(browser, url)) {
          for (const problem of walk.problems) {
            found.push({ url: pagePath, code: `mitreden.focus-visible.${mode}`, message: `Tab stop ${problem.stop} in ${mode}: ${problem.reason} (WCAG 2.4.7, 1.4.11)`, selector: problem.element, runner: "mitreden" });
          }
        }
        issues.push(...found);
        options.onPage?.(pagePath, found);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { urls: paths, issues, ms: Math.round(performance.now() - started) };
}
