// Who is at the desk: server-side sessions (the store keeps the SHA-256 of the id in the cookie),
// the cookie's rules, a CSRF token per session, and the lockout after failed logins, counted per
// account and per client under keyed hashes (no IP address is stored). docs/adr/018-desk.md.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Role, Store, StoredSession } from "../store/index.js";

export interface DeskAuthOptions {
  /** Idle timeout (default 30 minutes) and absolute timeout (default 8 hours) of a session. */
  idleMs?: number;
  absoluteMs?: number;
  /** Failed logins within `windowMs` that lock an account (default 5) or a client (default 20), for `lockMs`. */
  accountLimit?: number;
  clientLimit?: number;
  windowMs?: number;
  lockMs?: number;
  /** Each failed login waits this long times the failures so far, up to 5 (default 300 ms). */
  failureDelayMs?: number;
  /** Keys the client hash (MITREDEN_SECRET); random per process when unset. */
  secret?: string;
  /** Real time: sessions and lockouts do not follow a rehearsal clock. */
  clock?: () => Date;
}

export const DESK_DEFAULTS = { idleMs: 30 * 60_000, absoluteMs: 8 * 3_600_000, accountLimit: 5, clientLimit: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000, failureDelayMs: 300 };

/** A logged-in member of the team, as every desk page gets them. */
export interface Staff {
  name: string;
  role: Role;
  /** The token every state-changing form of this session carries (hidden field `_csrf`). */
  csrf: string;
  /** A message from the last action (after its redirect), shown once. */
  flash?: string;
  session: StoredSession;
}

const COOKIE = "mitreden-desk";

export class DeskAuth {
  readonly options: typeof DESK_DEFAULTS;
  private readonly secret: Buffer;
  private readonly clock: () => Date;

  constructor(
    readonly store: Store,
    /** Where the desk lives ("/admin"): the cookie's path over plain HTTP. */
    readonly base: string,
    options: DeskAuthOptions = {},
  ) {
    this.options = { ...DESK_DEFAULTS, ...withoutUndefined(options) };
    this.secret = options.secret ? Buffer.from(options.secret) : randomBytes(32);
    this.clock = options.clock ?? (() => new Date());
  }

  now(): Date {
    return this.clock();
  }

  /**
   * Over HTTPS the cookie is `__Host-` prefixed: Secure, no Domain, and — as that prefix demands —
   * Path=/ (so no sibling host or path can plant or shadow it). Over plain HTTP (a laptop, a test)
   * it is limited to the desk's path.
   */
  cookieName(request: FastifyRequest): string {
    return isHttps(request) ? `__Host-${COOKIE}` : COOKIE;
  }

  private cookie(request: FastifyRequest, value: string, maxAgeSeconds: number): string {
    const https = isHttps(request);
    const attributes = [`${this.cookieName(request)}=${value}`, `Path=${https ? "/" : this.base}`, "HttpOnly", "SameSite=Strict", `Max-Age=${maxAgeSeconds}`];
    if (https) attributes.push("Secure");
    return attributes.join("; ");
  }

  /** A new session with a new id (never one the browser brought along), and its cookie. */
  async startSession(request: FastifyRequest, reply: FastifyReply, userId: number): Promise<void> {
    const old = this.token(request);
    if (old) await this.store.deleteSession(hashToken(old));
    const token = randomBytes(32).toString("base64url");
    const at = this.now().toISOString();
    await this.store.createSession({ tokenHash: hashToken(token), userId, createdAt: at, seenAt: at });
    reply.header("set-cookie", this.cookie(request, token, Math.floor(this.options.absoluteMs / 1000)));
  }

  async endSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = this.token(request);
    if (token) await this.store.deleteSession(hashToken(token));
    reply.header("set-cookie", this.cookie(request, "", 0));
  }

  /**
   * The staff member of this request, or why not: "none" (no cookie or unknown id) or "expired"
   * (idle too long, or past the absolute limit; the session is deleted).
   */
  async staff(request: FastifyRequest): Promise<Staff | "none" | "expired"> {
    const token = this.token(request);
    if (!token) return "none";
    const tokenHash = hashToken(token);
    const session = await this.store.findSession(tokenHash);
    if (!session) return "none";
    const now = this.now().getTime();
    if (now - Date.parse(session.seenAt) > this.options.idleMs || now - Date.parse(session.createdAt) > this.options.absoluteMs) {
      await this.store.deleteSession(tokenHash);
      return "expired";
    }
    // Once a minute is enough to keep the idle clock; not a write per page view.
    if (now - Date.parse(session.seenAt) > 60_000) await this.store.touchSession(tokenHash, new Date(now).toISOString());
    if (session.flash !== undefined) await this.store.setFlash(tokenHash, undefined);
    return { name: session.user.name, role: session.user.role, csrf: csrfToken(token), flash: session.flash, session };
  }

  /** A message for the page after the redirect. */
  async flash(staff: Staff, text: string): Promise<void> {
    await this.store.setFlash(staff.session.tokenHash, text);
  }

  /** Whether the form's `_csrf` is this session's token (constant-time). */
  checkCsrf(staff: Staff, sent: unknown): boolean {
    if (typeof sent !== "string") return false;
    const a = Buffer.from(sent);
    const b = Buffer.from(staff.csrf);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** The keys failed logins are counted under: the account, and the client (a keyed hash of its address). */
  lockKeys(name: string, ip: string): { account: string; client: string } {
    const keyed = (text: string) => createHmac("sha256", this.secret).update(text).digest("base64url");
    return { account: `account:${keyed(name.trim().toLowerCase())}`, client: `client:${keyed(ip)}` };
  }

  /** Until when the account or the client is locked, if either is. */
  async lockedUntil(keys: { account: string; client: string }): Promise<Date | undefined> {
    const now = this.now().getTime();
    const until = (await Promise.all([this.store.loginFailures(keys.account), this.store.loginFailures(keys.client)]))
      .map((f) => (f?.lockedUntil ? Date.parse(f.lockedUntil) : 0))
      .filter((t) => t > now);
    return until.length ? new Date(Math.max(...until)) : undefined;
  }

  /** Counts a failure under both keys and waits a little longer with each one; returns the lock, if it now applies. */
  async failed(keys: { account: string; client: string }): Promise<Date | undefined> {
    const now = this.now();
    const o = this.options;
    const rule = (limit: number) => ({ windowStart: new Date(now.getTime() - o.windowMs).toISOString(), lockAfter: limit, lockedUntil: new Date(now.getTime() + o.lockMs).toISOString() });
    const [account] = await Promise.all([this.store.recordLoginFailure(keys.account, now.toISOString(), rule(o.accountLimit)), this.store.recordLoginFailure(keys.client, now.toISOString(), rule(o.clientLimit))]);
    await new Promise((resolve) => setTimeout(resolve, o.failureDelayMs * Math.min(account.failures, 5)));
    return this.lockedUntil(keys);
  }

  async succeeded(keys: { account: string; client: string }): Promise<void> {
    await this.store.clearLoginFailures(keys.account);
  }

  /** Forgets ended sessions and old failures; run now and then. */
  async sweep(): Promise<void> {
    const now = this.now().getTime();
    await this.store.deleteExpiredSessions(new Date(now - this.options.idleMs).toISOString(), new Date(now - this.options.absoluteMs).toISOString());
    await this.store.deleteOldLoginFailures(new Date(now - this.options.windowMs).toISOString());
  }

  private token(request: FastifyRequest): string | undefined {
    const name = this.cookieName(request);
    for (const part of (request.headers.cookie ?? "").split(";")) {
      const [key, ...value] = part.trim().split("=");
      if (key === name) return value.join("=") || undefined;
    }
    return undefined;
  }
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Derived from the session id: known to the page, unguessable without the cookie, gone with the session. */
function csrfToken(token: string): string {
  return createHash("sha256").update(`csrf\0${token}`).digest("base64url");
}

function isHttps(request: FastifyRequest): boolean {
  // Fastify reads X-Forwarded-Proto only from trusted proxies (MITREDEN_TRUST_PROXY).
  return request.protocol === "https";
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
