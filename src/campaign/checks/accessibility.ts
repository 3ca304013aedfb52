// accessibility.lastAudit and accessibility.method (our own fields, never part of the campaign
// format) said when and how the site was tested, without saying what the test found; the statement
// showed them as if a test had passed. They are no longer shown. A manual test is declared in
// accessibility.audit, with its result; the automated audit's facts come from `mitreden audit`.
import { record, type Check } from "./context.js";

export const checkAccessibility: Check = (ctx) => {
  const a11y = record(ctx.data.accessibility);
  if ("lastAudit" in a11y) {
    ctx.warning(
      "/accessibility/lastAudit",
      'is no longer shown: a date without a result claimed a test that may not have happened. Declare a manual test as "audit": { "date", "method", "by", "result": "full" | "partial" }; the automated audit\'s date comes from the report of npx mitreden audit',
      "key",
    );
  }
  if ("method" in a11y) {
    ctx.warning(
      "/accessibility/method",
      'is no longer shown: name the method of a manual test in "audit": { "method": "BITV-Test", … } together with its date and result',
      "key",
    );
  }
};
