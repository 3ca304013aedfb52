// The report for the communications team: one HTML file and its stylesheet (no request leaves them),
// grouped by page and then by rule, each rule with its WCAG criterion, how to fix it and the
// elements it found. In the site's language (German or English); templates/audit/report.njk draws it.
import nunjucks from "nunjucks";
import { packagePath } from "../package-root.js";
import { formatDateTime, translate, uiLocaleFor } from "../i18n/index.js";
import type { AuditIssue, AuditReport, AuditedPage } from "./report.js";
import { criterion, criterionName, understandingUrl } from "./wcag.js";

export interface RuleGroup {
  code: string;
  runner: string;
  criteria: { number: string; name: string; url: string }[];
  help: string;
  helpLocale: string;
  helpUrl?: string;
  message: string;
  elements: { selector: string; context: string }[];
}

export interface PageGroup {
  page: AuditedPage;
  rules: RuleGroup[];
}

/** The issues of a page, one group per rule, in the order first found. */
export function groupByRule(issues: AuditIssue[], locale: string): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const issue of issues) {
    const key = `${issue.runner}\0${issue.code}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        code: issue.code,
        runner: issue.runner,
        criteria: issue.criteria.flatMap((n) => {
          const c = criterion(n);
          return c ? [{ number: n, name: criterionName(c, locale), url: understandingUrl(c) }] : [];
        }),
        help: issue.help,
        helpLocale: issue.helpLocale,
        helpUrl: issue.helpUrl,
        message: issue.message,
        elements: [],
      };
      groups.set(key, group);
    }
    group.elements.push({ selector: issue.selector, context: issue.context });
  }
  return [...groups.values()];
}

export function renderHtmlReport(report: AuditReport): string {
  const locale = uiLocaleFor(report.locale);
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(packagePath("templates", "audit")), { autoescape: true, trimBlocks: true, lstripBlocks: true });
  const failed = report.pages.filter((p) => p.issues.length > 0 || p.failure);
  return env.render("report.njk", {
    report,
    locale,
    date: formatDateTime(report.date, locale, "Europe/Berlin"),
    failedPages: failed.length,
    groups: failed.map((page): PageGroup => ({ page, rules: groupByRule(page.issues, locale) })),
    t: (key: string, params?: Record<string, unknown>) => translate(locale, key, params),
  });
}
