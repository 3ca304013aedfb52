// `mitreden audit` and what it writes: the entry for the CLI and for cities' own scripts.
export { audit, formatAuditIssue, pagesToAudit } from "./audit.js";
export type { AuditOptions, AuditResult } from "./audit.js";
export { DEFAULT_REPORT_DIR, readAuditReport, writeAuditReports } from "./report.js";
export type { AuditIssue, AuditReport, AuditedPage } from "./report.js";
export type { AuditSource, AuditSourceContext, AuditTarget } from "./targets.js";
export { githubAnnotations } from "./annotations.js";
