// The optional proof of work against automated floods (campaign `"abuse": { "proofOfWork": true }`,
// docs/adr/025-proof-of-work.md): ALTCHA challenges, issued and checked here with altcha-lib.
// Stateless like the form tokens: a challenge carries its page and expiry under an HMAC derived
// from the form tokens' secret (MITREDEN_SECRET), so any collector sharing that secret checks what
// another one issued. Only the single use needs state: the challenge's nonce is claimed in the
// store's used tokens (shared by every instance on one PostgreSQL) when a submission is accepted.
import { createHmac, randomInt } from "node:crypto";
import { createChallenge, verifySolution, type Challenge, type Solution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";

export interface ProofOfWorkOptions {
  /**
   * How many attempts a browser needs at most (default 1,000; env MITREDEN_POW_DIFFICULTY). The
   * answer lies between half of it and all of it, so the work is never trivially small. Measured:
   * docs/adr/025-proof-of-work.md (the default takes well under a second on a throttled phone CPU).
   */
  difficulty?: number;
  /** PBKDF2 iterations per attempt (default 100); with `difficulty` the work per solution. */
  cost?: number;
  /** How long a challenge may be solved and sent (default 2 h: a long survey is filled after it was solved). */
  maxAgeMs?: number;
}

/** What a submission's `_pow` says. Only "valid" counts; a plain form without JavaScript sends none ("missing"). */
export type ProofCheck = "valid" | "missing" | "invalid" | "expired";

export interface ProofReading {
  check: ProofCheck;
  /** The challenge's nonce, to be claimed once (valid only). */
  id?: string;
  /** Epoch ms until which the claim must be remembered. */
  expires?: number;
}

export const ALGORITHM = "PBKDF2/SHA-256";
export const DEFAULT_DIFFICULTY = 1000;
const DEFAULT_COST = 100;
const DEFAULT_MAX_AGE_MS = 2 * 3_600_000;
const NONCE = /^[0-9a-f]{32}$/;
/** Far larger than any payload the widget makes (about 1 kB); a longer one is not read. */
const MAX_PAYLOAD = 4096;

export class ProofOfWork {
  readonly difficulty: number;
  readonly cost: number;
  private readonly maxAgeMs: number;
  private readonly signatureSecret: string;
  private readonly keySecret: string;

  /** `secret`: the form tokens' secret; two keys are derived from it, neither is the secret itself. */
  constructor(
    secret: Buffer,
    options: ProofOfWorkOptions = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.difficulty = positiveInteger(options.difficulty ?? DEFAULT_DIFFICULTY, "difficulty", 2);
    this.cost = positiveInteger(options.cost ?? DEFAULT_COST, "cost", 1);
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
    this.signatureSecret = createHmac("sha256", secret).update("proof-of-work/challenge").digest("base64url");
    this.keySecret = createHmac("sha256", secret).update("proof-of-work/key").digest("base64url");
  }

  /** A new challenge for one survey or map page (the page is signed in: a solution for another page does not count). */
  challenge(slug: string, pageId: string): Promise<Challenge> {
    return createChallenge({
      algorithm: ALGORITHM,
      cost: this.cost,
      // Deterministic mode: the collector knows the answer's key and signs it, so checking a
      // solution is one HMAC instead of repeating the browser's work.
      counter: randomInt(Math.ceil(this.difficulty / 2), this.difficulty + 1),
      deriveKey,
      data: { page: `${slug}/${pageId}` },
      expiresAt: Math.floor((this.clock() + this.maxAgeMs) / 1000),
      hmacSignatureSecret: this.signatureSecret,
      hmacKeySignatureSecret: this.keySecret,
    });
  }

  /** Reads the widget's payload: base64 of JSON `{ challenge, solution }`. Never throws. */
  async read(payload: string | undefined, slug: string, pageId: string): Promise<ProofReading> {
    if (!payload) return { check: "missing" };
    const parsed = payload.length <= MAX_PAYLOAD ? decode(payload) : undefined;
    if (!parsed) return { check: "invalid" };
    const { challenge, solution } = parsed;
    const { parameters } = challenge;
    // The signature covers the page and expiry; these checks only keep the library from odd input.
    if (parameters.algorithm !== ALGORITHM || parameters.data?.page !== `${slug}/${pageId}` || !NONCE.test(parameters.nonce)) return { check: "invalid" };
    // Expired is refused either way; a forged expiry in the future fails the signature check.
    if (typeof parameters.expiresAt !== "number" || parameters.expiresAt * 1000 < this.clock()) return { check: "expired" };
    const result = await this.verified(challenge, solution);
    if (result.expired) return { check: "expired" };
    if (!result.verified) return { check: "invalid" };
    return { check: "valid", id: parameters.nonce, expires: parameters.expiresAt * 1000 };
  }

  private async verified(challenge: Challenge, solution: Solution): Promise<{ verified: boolean; expired: boolean }> {
    try {
      const result = await verifySolution({ challenge, solution, deriveKey, hmacSignatureSecret: this.signatureSecret, hmacKeySignatureSecret: this.keySecret });
      return { verified: result.verified, expired: result.expired };
    } catch {
      // The library throws on some malformed input (a counter out of range): not a solution.
      return { verified: false, expired: false };
    }
  }
}

function decode(payload: string): { challenge: Challenge; solution: Solution } | undefined {
  try {
    const value = JSON.parse(Buffer.from(payload, "base64").toString("utf8")) as unknown;
    if (!isObject(value) || !isObject(value.challenge) || !isObject(value.solution)) return undefined;
    const { challenge, solution } = value;
    if (!isObject(challenge.parameters) || typeof challenge.signature !== "string") return undefined;
    if (!Number.isSafeInteger(solution.counter) || (solution.counter as number) < 0 || typeof solution.derivedKey !== "string") return undefined;
    return { challenge: challenge as unknown as Challenge, solution: solution as unknown as Solution };
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function positiveInteger(value: number, name: string, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`The proof of work's ${name} must be a whole number of at least ${min}; got ${value}.`);
  return value;
}
