// The moderation queue: every map's contributions, newest first, filtered and paginated, with
// counts per state; approve, reject with a netiquette reason, bulk decisions; one contribution's
// page with its history, the city's answer and redaction. Every change goes through
// src/collector/moderation.ts (the same rules as `mitreden moderate`) and names the version the
// moderator saw, so a second moderator gets "already approved by … at …" instead of overwriting.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { CONTRIBUTION_STATUSES, type CampaignModel, type MapPageModel } from "../../campaign/model.js";
import { pagePath } from "../../campaign/urls.js";
import { formatDateTime } from "../../i18n/index.js";
import { answer, decide, LIMITS, reasonIds, redactContribution, type Decision, type MapTarget, type Outcome } from "../moderation.js";
import type { ContributionStatus, QueueFilter, StoredContribution } from "../store/index.js";
import { deskRoute, refuse, type Desk, type Staff } from "./index.js";
import { queueItemsHtml } from "./queue-items.js";

export const PAGE_SIZE = 25;
const STATES: ContributionStatus[] = ["pending", "approved", "rejected"];

type Query = { campaign?: string; page?: string; category?: string; state?: string; p?: string };
type Body = Record<string, string | string[] | undefined>;

interface MapEntry {
  campaign: CampaignModel;
  page: MapPageModel;
}

// Per model (it changes only when serve rebuilds): every item of a page looks its map up.
const mapsByModel = new WeakMap<object, { all: MapEntry[]; byKey: Map<string, MapEntry> }>();

/** Every map of every campaign the collector serves. */
function mapIndex(desk: Desk) {
  const model = desk.ctx.campaigns.model();
  let index = mapsByModel.get(model);
  if (!index) {
    const all = model.campaigns.flatMap((campaign) => campaign.pages.filter((p): p is MapPageModel => p.type === "map").map((page) => ({ campaign, page })));
    index = { all, byKey: new Map(all.map((m) => [`${m.campaign.slug}/${m.page.id}`, m])) };
    mapsByModel.set(model, index);
  }
  return index;
}

function maps(desk: Desk): MapEntry[] {
  return mapIndex(desk).all;
}

function mapOf(desk: Desk, c: StoredContribution): MapEntry | undefined {
  return mapIndex(desk).byKey.get(`${c.campaign}/${c.page}`);
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function registerQueue(app: FastifyInstance, desk: Desk): void {
  deskRoute<Record<string, string>, Query>(app, desk, {
    method: "GET",
    url: "/",
    async handler(request, reply, staff) {
      const q = request.query;
      const filter: QueueFilter = {};
      if (q.campaign) filter.campaign = q.campaign;
      if (q.page) filter.page = q.page;
      if (q.category) filter.category = q.category;
      if (q.state && (STATES as string[]).includes(q.state)) filter.status = q.state as ContributionStatus;
      const counts = await desk.ctx.store.queueCounts(filter);
      const total = filter.status ? counts[filter.status] : counts.pending + counts.approved + counts.rejected;
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      const current = Math.min(pages, Math.max(1, Number.parseInt(q.p ?? "1", 10) || 1));
      const items = await desk.ctx.store.queue(filter, { limit: PAGE_SIZE, offset: (current - 1) * PAGE_SIZE });
      const all = maps(desk);
      const search = (p: number, state: string | undefined = filter.status) => {
        const params = new URLSearchParams();
        for (const [key, value] of Object.entries({ campaign: q.campaign, page: q.page, category: q.category, state })) if (value) params.set(key, value);
        if (p > 1) params.set("p", String(p));
        const text = params.toString();
        return `${desk.base}/${text ? `?${text}` : ""}`;
      };
      const locale = desk.locale(request);
      const categories = new Map<string, string>();
      for (const m of all) for (const c of m.page.map.categories) categories.set(c.id, c.label[locale] ?? c.label[m.campaign.locale] ?? c.id);
      return desk.render(request, reply, staff, {
        view: "queue",
        heading: desk.t(request, "desk.queue.title"),
        filter: { campaign: q.campaign ?? "", page: q.page ?? "", category: q.category ?? "", state: filter.status ?? "" },
        options: {
          campaigns: [...new Map(all.map((m) => [m.campaign.slug, m.campaign.title[locale] ?? m.campaign.title[m.campaign.locale] ?? m.campaign.slug])).entries()].map(([value, text]) => ({ value, text })),
          pages: [...new Map(all.map((m) => [m.page.id, m.page.title[locale] ?? m.page.title[m.campaign.locale] ?? m.page.id])).entries()].map(([value, text]) => ({ value, text })),
          categories: [...categories.entries()].map(([value, text]) => ({ value, text })),
          states: STATES.map((value) => ({ value, text: desk.t(request, `desk.state.${value}`) })),
        },
        counts: STATES.map((state) => ({ state, text: desk.t(request, `desk.state.${state}`), count: counts[state], href: search(1, state), current: state === filter.status })),
        items: queueItemsHtml(desk, request, staff, request.url, items, (c) => itemView(desk, request, c)),
        bulkReasons: items[0] ? reasonOptions(desk, request, mapOf(desk, items[0])) : [],
        pagination: { current, pages, previous: current > 1 ? search(current - 1) : undefined, next: current < pages ? search(current + 1) : undefined },
        back: request.url,
      });
    },
  });

  deskRoute<{ id: string }, { template?: string; status?: string }>(app, desk, {
    method: "GET",
    url: "/contributions/:id",
    async handler(request, reply, staff) {
      const c = await desk.ctx.store.getContribution(request.params.id);
      if (!c) return refuse(desk, request, reply, staff, 404, "desk.missing");
      const history = await desk.ctx.store.listAudit({ target: `contribution:${c.id}` }, { limit: 100, offset: 0 });
      const view = itemView(desk, request, c);
      const locale = desk.locale(request);
      const timeZone = mapOf(desk, c)?.campaign.timezone ?? "Europe/Berlin";
      return desk.render(request, reply, staff, {
        view: "contribution",
        heading: view.heading,
        item: view,
        // "Vorlage einsetzen" came back here: the template's text in the answer field, the status as chosen.
        draft: {
          status: request.query.status || c.publicStatus || "received",
          text: view.templates.find((t) => t.value === request.query.template)?.body ?? c.answer ?? "",
          template: request.query.template ?? "",
        },
        history: history.map((e) => ({ at: formatDateTime(e.at, locale, timeZone), actor: e.actor, action: e.action, details: describeDetails(desk, request, e.details) })),
        back: `${desk.base}/contributions/${c.id}`,
      });
    },
  });

  contributionAction(app, desk, "decide", async (request, reply, staff, { body, map, seen }) => {
    const decision = decisionOf(body);
    if (!decision) return refuse(desk, request, reply, staff, 400, "desk.reject.reasonMissing");
    const outcome = await decide(desk.ctx.store, map, seen, decision, staff.name, new Date());
    return after(desk, request, reply, staff, outcome, backOf(desk, body), desk.t(request, `desk.decided.${decision.status}`));
  });

  deskRoute<Record<string, string>, Query, Body>(app, desk, {
    method: "POST",
    url: "/contributions/bulk",
    async handler(request, reply, staff) {
      const body = request.body ?? {};
      const ids = [body.ids ?? []].flat().slice(0, 100);
      const back = backOf(desk, body);
      if (!ids.length) return desk.redirect(reply, staff, back, desk.t(request, "desk.queue.bulk.none"));
      const decision = body.action === "approve" ? ({ status: "approved" } as const) : decisionOf({ ...body, decision: "reject" });
      if (!decision) return refuse(desk, request, reply, staff, 400, "desk.reject.reasonMissing");
      let changed = 0;
      const conflicts: string[] = [];
      for (const entry of ids) {
        // Each checkbox carries "id:version": the version the moderator saw.
        const [id = "", version = "0"] = entry.split(":");
        const c = await desk.ctx.store.getContribution(id);
        const m = c && mapOf(desk, c);
        if (!c || !m) continue;
        const outcome = await decide(desk.ctx.store, { slug: m.campaign.slug, page: m.page }, { id, expectedVersion: Number(version) }, decision, staff.name, new Date());
        if (outcome.outcome === "changed") changed++;
        else if (outcome.outcome === "stale") conflicts.push(conflictText(desk, request, outcome.record));
        else if (outcome.outcome === "invalid") conflicts.push(desk.t(request, "desk.reject.reasonMissing"));
      }
      const text = [desk.t(request, "desk.queue.bulk.done", { count: changed }), ...conflicts].join(" ");
      return desk.redirect(reply, staff, back, text);
    },
  });

  contributionAction(app, desk, "answer", async (request, reply, staff, { body, map, seen, page }) => {
    const text = one(body.text) ?? "";
    const template = one(body.template);
    // "Vorlage einsetzen" without JavaScript: the page comes back with the template's text in the field; nothing is saved yet.
    if (one(body.use) && template) {
      return desk.redirect(reply, staff, `${page}?status=${encodeURIComponent(one(body.status) ?? "")}&template=${encodeURIComponent(template)}#answer`);
    }
    const outcome = await answer(desk.ctx.store, map, seen, { status: one(body.status) ?? "", text }, staff.name, new Date());
    return after(desk, request, reply, staff, outcome, page, desk.t(request, "desk.answer.saved"));
  });

  contributionAction(app, desk, "redact", async (request, reply, staff, { body, map, seen, page }) => {
    const outcome = await redactContribution(desk.ctx.store, map, seen, one(body.fragment) ?? "", staff.name, new Date());
    return after(desk, request, reply, staff, outcome, page, desk.t(request, "desk.redact.done"));
  });
}

/** What an action on one contribution works with: the form, the contribution's map, the version the moderator saw, its desk page. */
interface ActionTarget {
  body: Body;
  map: MapTarget;
  seen: { id: string; expectedVersion: number };
  page: string;
}

/** POST /contributions/:id/<action>: a contribution that is gone, or whose map the collector no longer serves, is a 404. */
function contributionAction(
  app: FastifyInstance,
  desk: Desk,
  action: "decide" | "answer" | "redact",
  handler: (request: FastifyRequest<{ Params: { id: string }; Querystring: Query; Body: Body }>, reply: FastifyReply, staff: Staff, target: ActionTarget) => Promise<unknown>,
): void {
  deskRoute<{ id: string }, Query, Body>(app, desk, {
    method: "POST",
    url: `/contributions/:id/${action}`,
    async handler(request, reply, staff) {
      const body = request.body ?? {};
      const c = await desk.ctx.store.getContribution(request.params.id);
      const m = c && mapOf(desk, c);
      if (!c || !m) return refuse(desk, request, reply, staff, 404, "desk.missing");
      return handler(request, reply, staff, { body, map: { slug: m.campaign.slug, page: m.page }, seen: { id: c.id, expectedVersion: versionOf(body) }, page: `${desk.base}/contributions/${c.id}` });
    },
  });
}

function decisionOf(body: Body): Decision | undefined {
  if (one(body.decision) === "approve") return { status: "approved" };
  const reason = one(body.reason);
  if (!reason) return undefined;
  return { status: "rejected", reason, note: one(body.note) };
}

function versionOf(body: Body): number {
  return Number.parseInt(one(body.version) ?? "", 10) || 0;
}

/** Back to the queue page the form was on (only desk addresses). */
function backOf(desk: Desk, body: Body): string {
  const back = one(body.back);
  return back && back.startsWith(`${desk.base}/`) && !back.startsWith(`${desk.base}//`) ? back : `${desk.base}/`;
}

/** After a change: back with a message, or the conflict/the problem on an error page that says what happened. */
async function after<T extends StoredContribution>(desk: Desk, request: FastifyRequest, reply: Parameters<Desk["render"]>[1], staff: Staff, outcome: Outcome<T>, back: string, done: string) {
  switch (outcome.outcome) {
    case "changed":
      return desk.redirect(reply, staff, back, done);
    case "stale":
      return desk.render(request, reply, staff, { view: "error", heading: desk.t(request, "desk.error.title"), status: 409, text: conflictText(desk, request, outcome.record) });
    case "missing":
      return refuse(desk, request, reply, staff, 404, "desk.missing");
    case "invalid": {
      const key =
        outcome.field === "reason" ? "desk.reject.reasonMissing"
        : outcome.problem === "not-approved" ? "desk.answer.onlyApproved"
        : outcome.field === "answer" ? "desk.answer.tooLong"
        : outcome.problem === "not-found" ? "desk.redact.notFound"
        : "desk.redact.empty";
      return refuse(desk, request, reply, staff, 400, key, key === "desk.answer.tooLong" ? { max: LIMITS.answer } : undefined);
    }
  }
}

/** "Already approved by anna at 21.03.2027, 09:00" — or changed otherwise (an answer, a redaction). */
export function conflictText(desk: Desk, request: FastifyRequest, now: StoredContribution): string {
  const name = now.answeredAt && (!now.moderatedAt || now.answeredAt > now.moderatedAt) ? (now.answeredBy ?? "?") : (now.moderatedBy ?? "?");
  const date = now.moderatedAt ? formatDateTime(now.moderatedAt, desk.locale(request), mapOf(desk, now)?.campaign.timezone ?? "Europe/Berlin") : "";
  if (now.status !== "pending" && name === now.moderatedBy) return desk.t(request, `desk.conflict.${now.status}`, { name, date });
  return desk.t(request, "desk.conflict.changed", { name });
}

/** What the templates draw for one contribution: every text as text, the place in words and numbers. */
function itemView(desk: Desk, request: FastifyRequest, c: StoredContribution) {
  const locale = desk.locale(request);
  const m = mapOf(desk, c);
  const timeZone = m?.campaign.timezone ?? "Europe/Berlin";
  const category = m?.page.map.categories.find((x) => x.id === c.category);
  const categoryText = category ? (category.label[locale] ?? category.label[m!.campaign.locale] ?? c.category) : c.category;
  const place = c.place ? m?.page.map.places.find((p) => p.id === c.place) : undefined;
  const date = formatDateTime(c.receivedAt, locale, timeZone);
  const reasons = reasonOptions(desk, request, m);
  const reasonText = c.reason ? (reasons.find((r) => r.value === c.reason)?.text ?? c.reason) : undefined;
  return {
    id: c.id,
    version: c.version,
    heading: desk.t(request, "desk.item.heading", { category: categoryText, date }),
    campaign: m ? (m.campaign.title[locale] ?? m.campaign.title[m.campaign.locale]) : c.campaign,
    map: m ? (m.page.title[locale] ?? m.page.title[m.campaign.locale]) : c.page,
    category: categoryText,
    comment: c.comment,
    lang: c.locale,
    place: place ? (place.label[c.locale] ?? place.label[m!.campaign.locale] ?? c.place) : c.place,
    description: c.description,
    coordinates: c.point ? desk.t(request, "desk.item.coordinates", { lat: c.point[1].toFixed(5), lng: c.point[0].toFixed(5) }) : undefined,
    // The public map shows approved contributions only; its script centres the map on #beitrag-<id> (src/client/map/main.ts).
    mapHref: m && c.status === "approved" ? `${pagePath(m.campaign, m.campaign.locales.includes(c.locale) ? c.locale : m.campaign.locale, m.page.id)}#beitrag-${c.id}` : undefined,
    date,
    state: c.status,
    stateText: desk.t(request, `desk.state.${c.status}`),
    decided: c.moderatedAt && c.status !== "pending" ? desk.t(request, "desk.item.decidedBy", { state: desk.t(request, `desk.state.${c.status}`), name: c.moderatedBy ?? "?", date: formatDateTime(c.moderatedAt, locale, timeZone) }) : undefined,
    reason: reasonText,
    note: c.note,
    verified: c.verified,
    reasons,
    publicStatus: c.publicStatus,
    publicStatusText: c.publicStatus ? desk.t(request, `desk.publicStatus.${c.publicStatus}`) : undefined,
    answer: c.answer,
    statuses: CONTRIBUTION_STATUSES.map((value) => ({ value, text: desk.t(request, `desk.publicStatus.${value}`) })),
    templates: m ? m.page.map.contributions.answerTemplates.map((t) => ({ value: t.id, text: t.label[locale] ?? t.label[m.campaign.locale] ?? t.id, body: t.text[c.locale] ?? t.text[m.campaign.locale] ?? "" })) : [],
    maxAnswer: LIMITS.answer,
    href: `${desk.base}/contributions/${c.id}`,
  };
}

/** The map's netiquette reasons as options of a select, in the desk's language. */
function reasonOptions(desk: Desk, request: FastifyRequest, m: MapEntry | undefined): { value: string; text: string }[] {
  const locale = desk.locale(request);
  return m ? reasonIds(m.page).map((id) => ({ value: id, text: m.page.map.contributions.reasons.find((r) => r.id === id)?.label?.[locale] ?? desk.t(request, `desk.reason.${id}`) })) : [];
}

/** An audit entry's details in words: the reason's label, the status, the answer. */
function describeDetails(desk: Desk, request: FastifyRequest, details: Record<string, unknown> | undefined): string {
  if (!details) return "";
  const parts: string[] = [];
  if (typeof details.reason === "string") parts.push(`${desk.t(request, "desk.item.reason")}: ${desk.t(request, `desk.reason.${details.reason}`)}`);
  if (typeof details.note === "string") parts.push(`${desk.t(request, "desk.item.note")}: ${details.note}`);
  if (typeof details.status === "string" && (CONTRIBUTION_STATUSES as readonly string[]).includes(details.status)) parts.push(`${desk.t(request, "desk.item.publicStatus")}: ${desk.t(request, `desk.publicStatus.${details.status}`)}`);
  if (typeof details.answer === "string") parts.push(`${desk.t(request, "desk.item.answer")}: ${details.answer}`);
  if (details.fields && typeof details.fields === "object") parts.push(`${desk.t(request, "desk.redact.legend")}: ${Object.keys(details.fields).join(", ")}`);
  return parts.join(" · ");
}
