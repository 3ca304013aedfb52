// The queue's items as HTML, kept per contribution and version. After every decision a moderator
// lands on the queue again with 24 of its 25 items unchanged, and drawing an item (its forms, its
// reasons) was most of the page's time (bench/desk.js). Every change of a contribution — decision,
// answer, redaction — raises its version in the store, so a kept item is never stale, also with
// several collectors on one PostgreSQL. What differs per session and request (the CSRF token, the
// address to come back to) is filled in for each page.
import type { FastifyRequest } from "fastify";
import { escapeHtml } from "../../pages/html.js";
import type { StoredContribution } from "../store/index.js";
import type { Desk, Staff } from "./index.js";

// Letters, digits and dashes: the template's escaping leaves them as they are.
const CSRF = "mr-desk-csrf-to-fill";
const BACK = "mr-desk-back-to-fill";
/** Items kept per model; beyond this, forgotten all at once (a queue page needs 25). */
const KEEP = 2_000;

const kept = new WeakMap<object, Map<string, string>>();

/** Each contribution's <li> (templates/desk/queue-item.njk), drawn once per version and language. */
export function queueItemsHtml(desk: Desk, request: FastifyRequest, staff: Staff, back: string, contributions: StoredContribution[], view: (c: StoredContribution) => Record<string, unknown>): string[] {
  const model = desk.ctx.campaigns.model();
  let items = kept.get(model);
  if (!items) kept.set(model, (items = new Map()));
  const locale = desk.locale(request);
  const backHtml = escapeHtml(back);
  return contributions.map((c) => {
    const key = `${locale} ${c.id} ${c.version}`;
    let html = items.get(key);
    if (html === undefined) {
      html = desk.fragment(request, "queue-item", { base: desk.base, staff: { csrf: CSRF }, back: BACK, item: view(c) });
      if (items.size >= KEEP) items.clear();
      items.set(key, html);
    }
    return html.replaceAll(CSRF, staff.csrf).replaceAll(BACK, backHtml);
  });
}
