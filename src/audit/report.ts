// One accessibility problem as the audit reports it, and how the command line prints it. Apart from
// audit.ts so that printing does not load pa11y and a browser.

export interface AuditIssue {
  url: string;
  code: string;
  message: string;
  selector: string;
  runner: string;
}

export function formatAuditIssue(issue: AuditIssue): string {
  return `${issue.url}  ${issue.selector}\n  ${issue.code} (${issue.runner})\n  ${issue.message}`;
}
