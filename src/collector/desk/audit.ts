// The audit log for administrators: every entry newest first, paginated, and the whole log as CSV
// (the download itself is logged). Read only: the desk has no way to change it, nor has the
// database (triggers refuse UPDATE and DELETE).
import type { FastifyInstance } from "fastify";
import { formatDateTime } from "../../i18n/index.js";
import { toCsv } from "../../csv.js";
import { deskRoute, type Desk } from "./index.js";

const PAGE_SIZE = 50;

export function registerAudit(app: FastifyInstance, desk: Desk): void {
  deskRoute<Record<string, string>, { p?: string }>(app, desk, {
    method: "GET",
    url: "/audit",
    role: "admin",
    async handler(request, reply, staff) {
      const total = await desk.ctx.store.countAudit({});
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      const current = Math.min(pages, Math.max(1, Number.parseInt(request.query.p ?? "1", 10) || 1));
      const entries = await desk.ctx.store.listAudit({}, { limit: PAGE_SIZE, offset: (current - 1) * PAGE_SIZE });
      const locale = desk.locale(request);
      const timeZone = desk.ctx.campaigns.model().campaigns[0]?.timezone ?? "Europe/Berlin";
      return desk.render(request, reply, staff, {
        view: "audit",
        heading: desk.t(request, "desk.audit.title"),
        entries: entries.map((e) => ({ at: formatDateTime(e.at, locale, timeZone), iso: e.at, actor: e.actor, action: e.action, target: e.target ?? "", details: e.details ? JSON.stringify(e.details) : "" })),
        pagination: {
          current,
          pages,
          previous: current > 1 ? `${desk.base}/audit?p=${current - 1}` : undefined,
          next: current < pages ? `${desk.base}/audit?p=${current + 1}` : undefined,
        },
      });
    },
  });

  deskRoute(app, desk, {
    method: "GET",
    url: "/audit.csv",
    role: "admin",
    async handler(request, reply, staff) {
      await desk.audit(staff, { action: "export.download", target: "audit-log", details: { format: "csv" } });
      const total = await desk.ctx.store.countAudit({});
      const entries = await desk.ctx.store.listAudit({}, { limit: total, offset: 0 });
      const locale = desk.locale(request);
      const header = ["audit.when", "audit.who", "audit.what", "audit.target", "audit.details"].map((key) => desk.t(request, `desk.${key}`));
      const csv = toCsv([header, ...entries.reverse().map((e) => [e.at, e.actor, e.action, e.target ?? "", e.details ? JSON.stringify(e.details) : ""])], { delimiter: locale === "de" ? ";" : "," });
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="mitreden-audit-log.csv"`)
        .send(csv);
    },
  });
}
