// The desk's pages for `mitreden audit --desk`: the built site and the collector with the desk on
// one throwaway server (the pages need the site's stylesheet for contrast checks), a SQLite store
// in a temp folder with an admin, contributions (one answered, one rejected) and a survey response,
// and a logged-in session. The audit then runs pa11y over each desk page with the session's cookie.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Fastify from "fastify";
import { loadSiteModel } from "../campaign/index.js";
import type { MapPageModel, SurveyPageModel } from "../campaign/model.js";
import { hashPassword } from "../collector/accounts.js";
import { answer, decide } from "../collector/moderation.js";
import { collectorPlugin, createCollectorContext, registerDesk } from "../collector/server.js";
import { openStore } from "../collector/store/index.js";
import { readSiteAssets } from "../pages/assets.js";
import { serveSiteFiles } from "../serve/static-site.js";
import type { AuditSource, AuditSourceContext, AuditTarget } from "./targets.js";

export interface DeskForAudit {
  origin: string;
  /** The session cookie ("name=value") of a logged-in admin. */
  cookie: string;
  /** Desk paths with the session, and the login page without. */
  paths: string[];
  loginPath: string;
  close(): Promise<void>;
}

const PASSWORD = "audit-password-not-secret";

export async function startDeskForAudit(siteDir: string, campaignsDir: string): Promise<DeskForAudit> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "mitreden-desk-audit-"));
  const { model } = await loadSiteModel(campaignsDir);
  const store = await openStore({ file: path.join(dir, "desk.sqlite") });
  const now = new Date();
  await store.addUser({ name: "audit", role: "admin", passwordHash: await hashPassword(PASSWORD), createdAt: now.toISOString() }, { at: now.toISOString(), actor: "audit", action: "user.add" });
  const map = model.campaigns.flatMap((campaign) => campaign.pages.filter((p): p is MapPageModel => p.type === "map").map((page) => ({ campaign, page })))[0];
  const survey = model.campaigns.flatMap((campaign) => campaign.pages.filter((p): p is SurveyPageModel => p.type === "survey").map((page) => ({ campaign, page })))[0];
  const ids: string[] = [];
  if (map) {
    const category = map.page.map.categories[0]?.id ?? "idee";
    for (const comment of ["Mehr Schatten am Brunnen, bitte.", "<b>Werbung</b> für einen Laden", "Die Bank ist kaputt."]) {
      const id = randomUUID();
      ids.push(id);
      await store.insertContribution({ id, campaign: map.campaign.slug, page: map.page.id, locale: map.campaign.locale, category, comment, point: map.page.map.center, receivedAt: now.toISOString(), channel: "form", verified: false });
    }
    const target = { slug: map.campaign.slug, page: map.page };
    await decide(store, target, { id: ids[0]!, expectedVersion: 1 }, { status: "approved" }, "audit", now);
    await answer(store, target, { id: ids[0]!, expectedVersion: 2 }, { status: "planned", text: "Wird im Sommer umgesetzt." }, "audit", now);
    await decide(store, target, { id: ids[1]!, expectedVersion: 1 }, { status: "rejected", reason: map.page.map.contributions.reasons[0]!.id }, "audit", now);
  }
  if (survey) {
    const text = survey.page.questions.find((q) => q.type === "textarea" || q.type === "text");
    // A ranking answered too: its table of places is wider than a phone and scrolls in a focusable box.
    const ranking = survey.page.questions.find((q) => q.type === "ranking");
    const answers = { ...(text ? { [text.id]: "Mehr Bäume." } : {}), ...(ranking && "options" in ranking ? { [ranking.id]: ranking.options.map((o) => o.value) } : {}) };
    // Stored as it came (the audit looks at the read view, not at validation).
    await store.insertResponse({ id: randomUUID(), campaign: survey.campaign.slug, page: survey.page.id, locale: survey.campaign.locale, answers, receivedAt: now.toISOString(), channel: "form", verified: false });
  }

  const app = Fastify({ logger: false });
  const options = { model, store, assets: () => readSiteAssets(siteDir) };
  const context = createCollectorContext(options);
  await app.register(collectorPlugin, { ...options, context, prefix: "/api" });
  await registerDesk(app, context, { auth: { failureDelayMs: 0 } });
  await serveSiteFiles(app, siteDir);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const login = await fetch(`${origin}/admin/login`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `username=audit&password=${encodeURIComponent(PASSWORD)}` });
  const cookie = login.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`The desk refused the audit's login (${login.status}).`);
  const paths = ["/admin/", "/admin/?state=rejected", "/admin/surveys", "/admin/audit"];
  if (ids[0]) paths.push(`/admin/contributions/${ids[0]}`);
  if (survey) paths.push(`/admin/surveys/${survey.campaign.slug}/${survey.page.id}`);
  // Each campaign's reach figures: wide tables in scrolling boxes, the chart, the figures form.
  for (const campaign of model.campaigns) paths.push(`/admin/${campaign.slug}/reach`);
  return {
    origin,
    cookie,
    paths,
    loginPath: "/admin/login",
    close: async () => {
      await app.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The desk's pages as audit sources (see targets.ts): the login page as a visitor sees it, and
 * every other desk page signed in. Both share one desk server, started when the audit plans its
 * pages and stopped after it.
 */
export function deskAuditSources(campaignsDir: string): AuditSource[] {
  let desk: Promise<DeskForAudit> | undefined;
  const start = (ctx: AuditSourceContext) => (desk ??= startDeskForAudit(ctx.siteDir, campaignsDir));
  const target = (origin: string, url: string): AuditTarget => ({
    url,
    kind: "desk",
    reachable: true,
    origin,
    open: async (page) => {
      const response = await page.goto(origin + url, { waitUntil: "load" });
      if (!response?.ok()) throw new Error(`The desk answered ${response?.status() ?? "nothing"} for ${url}.`);
    },
  });
  const close = async () => {
    const started = desk;
    desk = undefined;
    if (started) await (await started).close();
  };
  return [
    { name: "desk-login", targets: async (ctx) => { const d = await start(ctx); return [target(d.origin, d.loginPath)]; } },
    {
      name: "desk",
      targets: async (ctx) => { const d = await start(ctx); return d.paths.map((url) => target(d.origin, url)); },
      login: async (page, ctx) => {
        const d = await start(ctx);
        const [name, ...value] = d.cookie.split("=");
        await page.setCookie({ name: name!, value: value.join("="), url: `${d.origin}/admin/` });
      },
      close,
    },
  ];
}
