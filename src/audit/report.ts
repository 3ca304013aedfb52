// What `mitreden audit` found, as one JSON document: the source of the HTML report for the
// communications team, of the JUnit file for the city's CI, and of the facts the accessibility
// statement names (tools, rules, date, pages, errors). Read back by the build (readAuditReport).
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import writeFileAtomic from "write-file-atomic";
import { MitredenError } from "../errors.js";
import { packagePath } from "../package-root.js";
import type { AuditTools } from "./rules.js";

export const REPORT_FORMAT = "mitreden-audit/1";
/** Where reports go and where the build looks for the latest one, relative to the working directory. */
export const DEFAULT_REPORT_DIR = "audit-report";

export interface AuditIssue {
  /** Root-relative URL of the page. */
  url: string;
  /** The rule: an axe rule id ("image-alt") or an HTML_CodeSniffer code ("WCAG2AA.Principle1…H37"). */
  code: string;
  /** The tool's message (English). */
  message: string;
  /** CSS selector of the element. */
  selector: string;
  /** The element's HTML, shortened by the tool. */
  context: string;
  runner: string;
  /** WCAG criteria the rule tests ("1.1.1"); empty for a best practice. */
  criteria: string[];
  /** How to fix it, in `helpLocale` (the report's language where the tool has it, else English). */
  help: string;
  helpLocale: string;
  helpUrl?: string;
}

export interface AuditedPage {
  url: string;
  /** "page", "form-error", or a source's own kind (e.g. "desk"). */
  kind: string;
  campaign?: string;
  /** For a form's error page: the page whose form was sent. */
  from?: string;
  title?: string;
  issues: AuditIssue[];
  /** Why the page could not be audited (counts as an error). */
  failure?: string;
  ms: number;
}

export interface AuditReport {
  format: typeof REPORT_FORMAT;
  /** ISO instant the audit started. */
  date: string;
  ms: number;
  /** Language of the report's words and advice. */
  locale: string;
  /** pa11y's standard: WCAG 2.1, level AA. */
  standard: "WCAG2AA";
  runners: string[];
  tools: AuditTools;
  /** The --base-url audited, when it was a running server rather than the built folder. */
  baseUrl?: string;
  pages: AuditedPage[];
  /** Issues plus pages that could not be audited. */
  errors: number;
}

export function countErrors(pages: AuditedPage[]): number {
  return pages.reduce((sum, page) => sum + page.issues.length + (page.failure ? 1 : 0), 0);
}

/** Writes report.json, report.html (with its report.css) and junit.xml into `dir`; returns their paths. */
export async function writeAuditReports(report: AuditReport, dir: string): Promise<{ json: string; html: string; css: string; junit: string }> {
  const { renderHtmlReport } = await import("./report-html.js");
  const { renderJunit } = await import("./junit.js");
  await mkdir(dir, { recursive: true });
  const files = { json: path.join(dir, "report.json"), html: path.join(dir, "report.html"), css: path.join(dir, "report.css"), junit: path.join(dir, "junit.xml") };
  await writeFileAtomic(files.json, JSON.stringify(report, null, 2) + "\n");
  await writeFileAtomic(files.css, await readFile(packagePath("templates", "audit", "report.css")));
  await writeFileAtomic(files.html, renderHtmlReport(report));
  await writeFileAtomic(files.junit, renderJunit(report));
  return files;
}

export class AuditReportError extends MitredenError {}

/**
 * The latest report in `file` (report.json, or a folder holding it), or undefined when there is
 * none. A file that is there but unreadable is an error: a statement must not silently lose its facts.
 */
export async function readAuditReport(file: string): Promise<AuditReport | undefined> {
  const json = file.endsWith(".json") ? file : path.join(file, "report.json");
  let text: string;
  try {
    text = await readFile(json, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let report: AuditReport;
  try {
    report = JSON.parse(text) as AuditReport;
  } catch (error) {
    throw new AuditReportError(`${json} is not valid JSON (${(error as Error).message}). Delete it and run npx mitreden audit again.`, { cause: error });
  }
  if (report.format !== REPORT_FORMAT || !Array.isArray(report.pages)) {
    throw new AuditReportError(`${json} is not a report of this version of mitreden audit. Delete it and run npx mitreden audit again.`);
  }
  return report;
}

/** One issue as the command line prints it (here, not in audit.ts, so that printing loads no browser). */
export function formatAuditIssue(issue: AuditIssue): string {
  const criteria = issue.criteria.length ? `WCAG ${issue.criteria.join(", ")}, ` : "";
  return `${issue.url}  ${issue.selector}\n  ${criteria}${issue.code} (${issue.runner})\n  ${issue.message}`;
}
