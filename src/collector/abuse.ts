// Basic abuse protection without third parties, cookies or stored IP addresses
// (docs/adr/006-abuse-protection.md): a signed form token that carries when the form was shown,
// and a per-client rate limit kept in memory under a keyed hash that changes every day.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export interface AbuseOptions {
  /** Signs form tokens. Several collector instances must share it (MITREDEN_SECRET); default: random per process. */
  secret?: string;
  /** Faster than this after the token was issued is not a person filling a survey (default 3 s). */
  minFillMs?: number;
  /** Older tokens no longer count as verified (default 24 h). */
  tokenMaxAgeMs?: number;
  /** Submissions per client and window (default 20 per 10 minutes); a submission without a valid token costs 2. */
  rateLimit?: { max: number; windowMs?: number };
}

export type TokenCheck = "valid" | "missing" | "invalid" | "expired" | "too-fast";

export interface IssuedToken {
  token: string;
  /** Epoch ms before which a submission with this token is refused as too fast. */
  notBefore: number;
  /** Epoch ms after which the token no longer verifies (the submission is still accepted, unverified). */
  expires: number;
}

const DAY_MS = 86_400_000;
const MAX_TRACKED_CLIENTS = 100_000;

export class AbuseGuard {
  private readonly secret: Buffer;
  private readonly minFillMs: number;
  private readonly tokenMaxAgeMs: number;
  readonly max: number;
  readonly windowMs: number;
  private readonly clock: () => number;
  private day = -1;
  private daySecret = Buffer.alloc(0);
  private readonly clients = new Map<string, { start: number; used: number }>();

  constructor(options: AbuseOptions = {}, clock: () => number = Date.now) {
    this.secret = options.secret ? Buffer.from(options.secret) : randomBytes(32);
    this.minFillMs = options.minFillMs ?? 3000;
    this.tokenMaxAgeMs = options.tokenMaxAgeMs ?? DAY_MS;
    this.max = options.rateLimit?.max ?? 20;
    this.windowMs = options.rateLimit?.windowMs ?? 600_000;
    // Real time, not the collector's `now`: a rehearsal clock in 2027 must not age tokens or windows.
    this.clock = clock;
  }

  /**
   * `alreadyShown`: for the collector's own error page. The person has just filled in the form; fixing
   * one field may take a second, which must not count as "too fast".
   */
  issueToken(slug: string, pageId: string, alreadyShown = false): IssuedToken {
    const issued = this.clock() - (alreadyShown ? this.minFillMs : 0);
    const payload = `${issued.toString(36)}`;
    return {
      token: `v1.${payload}.${this.sign(slug, pageId, payload)}`,
      notBefore: issued + this.minFillMs,
      expires: issued + this.tokenMaxAgeMs,
    };
  }

  /** Only "too-fast" refuses a submission; the other outcomes decide whether it counts as verified. */
  checkToken(token: string | undefined, slug: string, pageId: string): TokenCheck {
    if (!token) return "missing";
    const [version, payload, mac] = token.split(".");
    if (version !== "v1" || !payload || !mac || !/^[0-9a-z]{1,12}$/.test(payload)) return "invalid";
    const expected = Buffer.from(this.sign(slug, pageId, payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "invalid";
    const age = this.clock() - parseInt(payload, 36);
    if (age < this.minFillMs) return "too-fast";
    return age > this.tokenMaxAgeMs ? "expired" : "valid";
  }

  private sign(slug: string, pageId: string, payload: string): string {
    return createHmac("sha256", this.secret).update(`${slug}/${pageId}/${payload}`).digest("base64url").slice(0, 22);
  }

  /**
   * Counts a submission against the client's window. `ip` is used only to compute a keyed hash
   * here; neither the address nor the hash is stored or logged, and the key changes every day.
   * Returns the seconds to wait when the client is over its limit.
   */
  takeRateLimit(ip: string, cost = 1): { allowed: true } | { allowed: false; retryAfter: number } {
    const now = this.clock();
    const key = this.clientKey(ip, now);
    let window = this.clients.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (this.clients.size >= MAX_TRACKED_CLIENTS) this.prune(now);
      window = { start: now, used: 0 };
      this.clients.set(key, window);
    }
    if (window.used + cost > this.max) return { allowed: false, retryAfter: Math.ceil((window.start + this.windowMs - now) / 1000) };
    window.used += cost;
    return { allowed: true };
  }

  private clientKey(ip: string, now: number): string {
    const day = Math.floor(now / DAY_MS);
    if (day !== this.day) {
      // A new day: a new secret, and yesterday's windows (under yesterday's keys) are dropped with it.
      this.day = day;
      this.daySecret = randomBytes(32);
      this.clients.clear();
    }
    return createHmac("sha256", this.daySecret).update(ip).digest("base64url").slice(0, 16);
  }

  private prune(now: number): void {
    for (const [key, window] of this.clients) if (now - window.start >= this.windowMs) this.clients.delete(key);
    // Under a flood of distinct addresses, forget everyone rather than grow without bound.
    if (this.clients.size >= MAX_TRACKED_CLIENTS) this.clients.clear();
  }
}
