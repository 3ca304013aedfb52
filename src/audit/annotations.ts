// On GitHub Actions, one workflow command per problem: GitHub shows each as an annotation on the
// run's summary page, without a third-party action to read the JUnit file.
import type { AuditReport } from "./report.js";

export function githubAnnotations(report: AuditReport): string[] {
  const lines: string[] = [];
  for (const page of report.pages) {
    if (page.failure) lines.push(`::error title=${property(`Not audited: ${page.url}`)}::${data(page.failure)}`);
    for (const issue of page.issues) {
      const criteria = issue.criteria.length ? `WCAG ${issue.criteria.join(", ")} ` : "";
      lines.push(`::error title=${property(`${criteria}${page.url}`)}::${data(`${issue.selector}: ${issue.message}`)}`);
    }
  }
  return lines;
}

// Escaping as GitHub's toolkit does (@actions/core, command.ts): %, CR and LF always; ":" and "," in properties.
function data(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(text: string): string {
  return data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
