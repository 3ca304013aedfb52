// The audit as JUnit XML, the one test-report format GitLab (artifacts:reports:junit) and GitHub
// test-report actions read. One <testsuite> per campaign, one <testcase> per page; a page with
// errors has one <failure> listing them, which GitLab shows in the merge request and pipeline.
// GitLab reads: a single <testsuites> root (or <testsuite>), <testcase name classname time>, and
// the status from a child <failure>, <error> or <skipped> (lib/gitlab/ci/parsers/test/junit.rb).
import type { AuditReport, AuditedPage } from "./report.js";

export function renderJunit(report: AuditReport): string {
  const suites = new Map<string, AuditedPage[]>();
  for (const page of report.pages) {
    const name = page.campaign ?? "site";
    suites.set(name, [...(suites.get(name) ?? []), page]);
  }
  const failed = (page: AuditedPage) => page.issues.length > 0 || page.failure !== undefined;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="mitreden audit (pa11y ${xml(report.standard)})" tests="${report.pages.length}" failures="${report.pages.filter(failed).length}" errors="0" time="${seconds(report.ms)}" timestamp="${xml(report.date)}">`,
  ];
  for (const [name, pages] of suites) {
    const time = pages.reduce((sum, p) => sum + p.ms, 0);
    lines.push(`  <testsuite name="${xml(name)}" tests="${pages.length}" failures="${pages.filter(failed).length}" errors="0" skipped="0" time="${seconds(time)}" timestamp="${xml(report.date)}">`);
    for (const page of pages) {
      const caseName = page.from ? `${page.url} (${page.kind}, from ${page.from})` : page.url;
      const open = `    <testcase classname="accessibility.${xml(name)}" name="${xml(caseName)}" time="${seconds(page.ms)}"`;
      if (!failed(page)) {
        lines.push(`${open}/>`);
        continue;
      }
      const summary = page.failure ? `not audited: ${page.failure}` : `${page.issues.length} accessibility ${page.issues.length === 1 ? "error" : "errors"}`;
      lines.push(`${open}>`, `      <failure message="${xml(summary)}" type="${xml(report.standard)}">${xml(details(page))}</failure>`, "    </testcase>");
    }
    lines.push("  </testsuite>");
  }
  lines.push("</testsuites>", "");
  return lines.join("\n");
}

function details(page: AuditedPage): string {
  if (page.failure) return page.failure;
  return page.issues
    .map((i) => `${i.criteria.length ? `WCAG ${i.criteria.join(", ")} ` : ""}[${i.code}] ${i.selector}\n${i.message}\n${i.context}`)
    .join("\n\n");
}

/** Text for an XML attribute or element; characters XML 1.0 forbids are dropped. */
function xml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
