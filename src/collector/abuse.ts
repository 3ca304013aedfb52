// Basic abuse protection without third parties, cookies or stored IP addresses
// (docs/adr/006-abuse-protection.md, docs/adr/019-trust.md): a signed, single-use form token that
// carries when the form was shown, and a per-client rate limit under a keyed hash that changes
// every day — in memory for one collector, in PostgreSQL for several.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { ProofOfWork, type ProofOfWorkOptions } from "./proof-of-work.js";
import { MemoryRateWindows, type RateOutcome, type RateWindows } from "./rate-limit.js";

export interface AbuseOptions {
  /** Signs form tokens. Several collector instances must share it (MITREDEN_SECRET); default: random per process. */
  secret?: string;
  /** Faster than this after the token was issued is not a person filling a survey (default 3 s). */
  minFillMs?: number;
  /** Older tokens no longer count as verified (default 24 h). */
  tokenMaxAgeMs?: number;
  /**
   * Accepted submissions per client and window (default 20 per 10 minutes); one without a valid
   * token costs 2. Refused (invalid) submissions have a window of their own, `invalidFactor` times
   * as large (default 5), so mistakes and retries do not use up the quota for answers.
   */
  rateLimit?: { max: number; windowMs?: number; invalidFactor?: number };
  /** The challenges of campaigns with `abuse.proofOfWork` (docs/adr/025-proof-of-work.md); signed with a key derived from `secret`. */
  proofOfWork?: ProofOfWorkOptions;
}

/** "reused": a valid token that another submission used before (a replay); it no longer verifies. */
export type TokenCheck = "valid" | "missing" | "invalid" | "expired" | "too-fast" | "reused";

export interface IssuedToken {
  token: string;
  /** Epoch ms before which a submission with this token is refused as too fast. */
  notBefore: number;
  /** Epoch ms after which the token no longer verifies (the submission is still accepted, unverified). */
  expires: number;
}

/** What a token says, once its signature is checked. */
export interface TokenReading {
  check: Exclude<TokenCheck, "reused">;
  /** The token's own id, for marking it used (valid tokens only). */
  id?: string;
  /** Epoch ms: until when its use must be remembered. */
  expires?: number;
  /** For a too-fast submission: the seconds until it may be sent again. */
  waitSeconds?: number;
}

const DAY_MS = 86_400_000;
const TOKEN = /^v2\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{12})\.([A-Za-z0-9_-]{22})$/;

export class AbuseGuard {
  private readonly secret: Buffer;
  private readonly minFillMs: number;
  private readonly tokenMaxAgeMs: number;
  readonly max: number;
  readonly invalidMax: number;
  readonly windowMs: number;
  private readonly clock: () => number;
  private readonly windows: RateWindows;
  /** Issues and checks the proof-of-work challenges (used only for campaigns that turn it on). */
  readonly proofOfWork: ProofOfWork;
  private day = -1;
  private daySecret = Buffer.alloc(0);

  /** `windows`: where the rate-limit windows live; default in this process's memory. */
  constructor(options: AbuseOptions = {}, clock: () => number = Date.now, windows: RateWindows = new MemoryRateWindows()) {
    this.secret = options.secret ? Buffer.from(options.secret) : randomBytes(32);
    this.minFillMs = options.minFillMs ?? 3000;
    this.tokenMaxAgeMs = options.tokenMaxAgeMs ?? DAY_MS;
    this.max = options.rateLimit?.max ?? 20;
    this.invalidMax = this.max * (options.rateLimit?.invalidFactor ?? 5);
    this.windowMs = options.rateLimit?.windowMs ?? 600_000;
    // Real time, not the collector's `now`: a rehearsal clock in 2027 must not age tokens or windows.
    this.clock = clock;
    this.windows = windows;
    this.proofOfWork = new ProofOfWork(this.secret, options.proofOfWork, clock);
  }

  /** Seconds a person waits at least between seeing a form and sending it. */
  get minFillSeconds(): number {
    return Math.ceil(this.minFillMs / 1000);
  }

  /**
   * `alreadyShown`: for the collector's own error page. The person has just filled in the form; fixing
   * one field may take a second, which must not count as "too fast".
   */
  issueToken(slug: string, pageId: string, alreadyShown = false): IssuedToken {
    const issued = this.clock() - (alreadyShown ? this.minFillMs : 0);
    const payload = `${issued.toString(36)}.${randomBytes(9).toString("base64url")}`;
    return {
      token: `v2.${payload}.${this.sign(slug, pageId, payload)}`,
      notBefore: issued + this.minFillMs,
      expires: issued + this.tokenMaxAgeMs,
    };
  }

  /** Only "too-fast" refuses a submission; the other outcomes decide whether it counts as verified. */
  checkToken(token: string | undefined, slug: string, pageId: string): TokenCheck {
    return this.readToken(token, slug, pageId).check;
  }

  readToken(token: string | undefined, slug: string, pageId: string): TokenReading {
    if (!token) return { check: "missing" };
    const match = TOKEN.exec(token);
    if (!match) return { check: "invalid" };
    const [, issuedText, nonce, mac] = match as unknown as [string, string, string, string];
    const expected = Buffer.from(this.sign(slug, pageId, `${issuedText}.${nonce}`));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { check: "invalid" };
    const issued = parseInt(issuedText, 36);
    const age = this.clock() - issued;
    if (age < this.minFillMs) return { check: "too-fast", waitSeconds: Math.max(1, Math.ceil((this.minFillMs - age) / 1000)) };
    if (age > this.tokenMaxAgeMs) return { check: "expired" };
    return { check: "valid", id: nonce, expires: issued + this.tokenMaxAgeMs };
  }

  private sign(slug: string, pageId: string, payload: string): string {
    return createHmac("sha256", this.secret).update(`${slug}/${pageId}/${payload}`).digest("base64url").slice(0, 22);
  }

  /**
   * Counts an accepted submission against the client's window. `ip` is used only to compute a
   * keyed hash here; neither the address nor the hash is logged, and the key changes every day.
   * Returns the seconds to wait when the client is over its limit.
   */
  takeRateLimit(ip: string, cost = 1): Promise<RateOutcome> {
    const now = this.clock();
    return this.windows.take(`a:${this.clientKey(ip, now)}`, cost, this.max, this.windowMs, now);
  }

  /** Gives back what takeRateLimit took, for a submission that turned out invalid. */
  refundRateLimit(ip: string, cost: number): Promise<void> {
    return this.windows.refund(`a:${this.clientKey(ip, this.clock())}`, cost);
  }

  /** Counts a refused submission against the client's (larger) window for mistakes. */
  takeInvalid(ip: string): Promise<RateOutcome> {
    const now = this.clock();
    return this.windows.take(`i:${this.clientKey(ip, now)}`, 1, this.invalidMax, this.windowMs, now);
  }

  private clientKey(ip: string, now: number): string {
    const day = Math.floor(now / DAY_MS);
    if (day !== this.day) {
      // A new day, a new key: yesterday's windows can no longer be found. Derived from the secret,
      // so collectors sharing MITREDEN_SECRET and a database count a client together.
      this.day = day;
      this.daySecret = createHmac("sha256", this.secret).update(`rate-limit/${day}`).digest();
    }
    return createHmac("sha256", this.daySecret).update(ip).digest("base64url").slice(0, 16);
  }
}
