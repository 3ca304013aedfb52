// Login and logout. A login that fails is counted under the account and the client (hashed keys),
// waits a little longer each time and locks both after repeated failures; one that succeeds gets a
// new session id whatever cookie came along (no session fixation).
import type { FastifyInstance, FastifyRequest } from "fastify";
import { formatDateTime } from "../../i18n/index.js";
import { checkPassword } from "../accounts.js";
import { deskRoute, refuse, type Desk } from "./index.js";

type LoginQuery = { next?: string; expired?: string; out?: string };
type LoginBody = { username?: string; password?: string; next?: string };

export function registerLogin(app: FastifyInstance, desk: Desk): void {
  app.get<{ Querystring: LoginQuery }>("/login", async (request, reply) => {
    const staff = await desk.auth.staff(request);
    if (typeof staff !== "string") return reply.code(303).header("location", safeNext(desk, request.query.next)).send();
    const notice = request.query.expired ? desk.t(request, "desk.login.expired") : request.query.out ? desk.t(request, "desk.login.loggedOut") : undefined;
    return loginPage(desk, request, reply, { notice, next: request.query.next });
  });

  app.post<{ Body: LoginBody }>("/login", async (request, reply) => {
    // No session yet, so no CSRF token: the browser must say the form is ours (login CSRF).
    if (!sameOrigin(request)) return refuse(desk, request, reply, undefined, 403, "desk.error.csrf");
    const body = request.body ?? {};
    const username = typeof body.username === "string" ? body.username : "";
    const password = typeof body.password === "string" ? body.password : "";
    const next = typeof body.next === "string" ? body.next : undefined;
    if (!username.trim() || !password) return loginPage(desk, request, reply, { error: desk.t(request, "desk.login.missing"), username, next, status: 400 });
    const keys = desk.auth.lockKeys(username, request.ip);
    const locked = await desk.auth.lockedUntil(keys);
    if (locked) return lockedPage(desk, request, reply, locked, username, next);
    const user = await checkPassword(desk.ctx.store, username, password);
    if (!user) {
      const nowLocked = await desk.auth.failed(keys);
      await desk.ctx.store.appendAudit({ at: desk.auth.now().toISOString(), actor: username.trim().toLowerCase().slice(0, 64), action: "login.failed" });
      if (nowLocked) return lockedPage(desk, request, reply, nowLocked, username, next);
      return loginPage(desk, request, reply, { error: desk.t(request, "desk.login.failed"), username, next, status: 401 });
    }
    await desk.auth.succeeded(keys);
    await desk.auth.startSession(request, reply, user.id);
    await desk.ctx.store.appendAudit({ at: desk.auth.now().toISOString(), actor: user.name, action: "login" });
    return reply.code(303).header("location", safeNext(desk, next)).send();
  });

  deskRoute(app, desk, {
    method: "POST",
    url: "/logout",
    async handler(request, reply, staff) {
      await desk.audit(staff, { action: "logout" });
      await desk.auth.endSession(request, reply);
      return reply.code(303).header("location", `${desk.base}/login?out=1`).send();
    },
  });
}

function loginPage(desk: Desk, request: FastifyRequest, reply: Parameters<Desk["render"]>[1], o: { error?: string; notice?: string; username?: string; next?: string; status?: number }) {
  return desk.render(request, reply, undefined, { view: "login", heading: desk.t(request, "desk.login.title"), status: o.status, error: o.error, notice: o.notice, username: o.username ?? "", next: o.next && safeNext(desk, o.next) });
}

function lockedPage(desk: Desk, request: FastifyRequest, reply: Parameters<Desk["render"]>[1], until: Date, username: string, next: string | undefined) {
  const time = formatDateTime(until.toISOString(), desk.locale(request), "Europe/Berlin");
  reply.header("retry-after", String(Math.max(1, Math.ceil((until.getTime() - desk.auth.now().getTime()) / 1000))));
  return loginPage(desk, request, reply, { error: desk.t(request, "desk.login.locked", { time }), username, next, status: 429 });
}

/** Only an address inside the desk: a login link can never send someone elsewhere. */
function safeNext(desk: Desk, next: string | undefined): string {
  return next && next.startsWith(`${desk.base}/`) && !next.startsWith(`${desk.base}//`) && !/[\\\s]/.test(next) ? next : `${desk.base}/`;
}

/**
 * The browser says the form was sent from this site: Sec-Fetch-Site "same-origin" (or "none", typed
 * in), else an Origin of this host. Under the collector's Referrer-Policy no-referrer a browser
 * sends "Origin: null" even for its own forms, so then only Sec-Fetch-Site can vouch. A client that
 * sends neither header (curl, a script) is not a browser another site could abuse.
 */
function sameOrigin(request: FastifyRequest): boolean {
  const site = request.headers["sec-fetch-site"];
  if (typeof site === "string") return site === "same-origin" || site === "none";
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    // Through URL both sides drop a default port ("localhost:80" is "localhost").
    return origin !== "null" && new URL(origin).host === new URL(`${new URL(origin).protocol}//${request.headers.host ?? ""}`).host;
  } catch {
    return false;
  }
}
