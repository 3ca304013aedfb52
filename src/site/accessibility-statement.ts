// What the accessibility statement may claim, derived from evidence only (docs/adr/014): the
// manual test the campaign declares (accessibility.audit), the known issues, the map pages and
// the latest report of `mitreden audit`. Never the build date as a test date, never a test that
// did not happen. templates/pages/accessibility.njk prints the result.
import type { AuditReport } from "../audit/report.js";
import type { AuditTools } from "../audit/rules.js";
import type { CampaignModel, Localized, MapPageModel } from "../campaign/model.js";

/**
 * full: a manual test found every requirement met, nothing is listed as inaccessible and the last
 * automated audit found no error. partial: something was tested, but not all of that holds.
 * untested: neither a manual test nor an automated audit of this campaign exists.
 */
export type StatementStatus = "full" | "partial" | "untested";

export type StatementReason =
  | { kind: "noManualTest" }
  | { kind: "manualPartial" }
  | { kind: "inaccessibleContent" }
  | { kind: "noAutomatedAudit" }
  | { kind: "automatedErrors"; errors: number; pages: number };

export interface AutomatedAuditFacts {
  /** ISO instant the audit ran. */
  date: string;
  tools: AuditTools;
  /** Pages of this campaign audited (thank-you and form error pages included). */
  pages: number;
  errors: number;
  /** Pages of this campaign with at least one error. */
  pagesWithErrors: number;
  /** Of `pages`, the error pages a form sent without JavaScript leads to. */
  formErrorPages: number;
}

export interface AccessibilityStatement {
  status: StatementStatus;
  /** Why the status is not "full" (empty when it is). */
  reasons: StatementReason[];
  /** Content that is not (fully) accessible: the campaign's own list. */
  knownIssues: Localized[];
  /** Map pages: their canvas needs sight, the list and form on the same page are the alternative. */
  mapPages: MapPageModel[];
  manual?: NonNullable<CampaignModel["accessibility"]["audit"]>;
  automated?: AutomatedAuditFacts;
}

export function accessibilityStatement(campaign: CampaignModel, report?: AuditReport): AccessibilityStatement {
  const manual = campaign.accessibility.audit;
  const automated = report && automatedFacts(campaign.slug, report);
  const knownIssues = campaign.accessibility.knownIssues;
  const mapPages = campaign.pages.filter((p): p is MapPageModel => p.type === "map");

  const reasons: StatementReason[] = [];
  if (!manual) reasons.push({ kind: "noManualTest" });
  else if (manual.result !== "full") reasons.push({ kind: "manualPartial" });
  if (knownIssues.length || mapPages.length) reasons.push({ kind: "inaccessibleContent" });
  if (!automated) reasons.push({ kind: "noAutomatedAudit" });
  else if (automated.errors > 0) reasons.push({ kind: "automatedErrors", errors: automated.errors, pages: automated.pagesWithErrors });

  const status: StatementStatus = reasons.length === 0 ? "full" : !manual && !automated ? "untested" : "partial";
  return { status, reasons, knownIssues, mapPages, manual, automated };
}

/** The report's facts about one campaign's pages; undefined when it audited none of them. */
function automatedFacts(slug: string, report: AuditReport): AutomatedAuditFacts | undefined {
  const pages = report.pages.filter((p) => p.campaign === slug);
  if (pages.length === 0) return undefined;
  const failed = pages.filter((p) => p.issues.length > 0 || p.failure);
  return {
    date: report.date,
    tools: report.tools,
    pages: pages.length,
    errors: pages.reduce((sum, p) => sum + p.issues.length + (p.failure ? 1 : 0), 0),
    pagesWithErrors: failed.length,
    formErrorPages: pages.filter((p) => p.kind === "form-error").length,
  };
}
