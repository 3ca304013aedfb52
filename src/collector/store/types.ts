// What the store keeps: survey responses and map contributions, each with an idempotency id and
// how it came; nothing about the person beyond what they typed (no IP address, no user agent).
import type { Answers } from "../../forms/fields.js";

export interface NewResponse {
  /** Idempotency id: a UUID from the browser, or made by the collector for a form without JavaScript. */
  id: string;
  campaign: string;
  page: string;
  locale: string;
  answers: Answers;
  /** ISO instant. */
  receivedAt: string;
  /** "script": sent by the browser script (JSON); "form": a plain form POST without JavaScript. */
  channel: "script" | "form";
  /** Came with a valid form token (docs/adr/006-abuse-protection.md). */
  verified: boolean;
  /** What the form token said (docs/adr/019-trust.md); absent in rows stored before it was kept. */
  timing?: SubmissionTiming;
}

/**
 * The time check of a stored submission: "valid" the form token was fine; "missing" no token (a
 * form without JavaScript); "invalid" a token this collector cannot verify (another secret, an old
 * page); "expired" older than its lifetime; "reused" a token another submission used before.
 */
export type SubmissionTiming = "valid" | "missing" | "invalid" | "expired" | "reused";

export interface StoredResponse extends NewResponse {
  /** Order of arrival, per store. */
  seq: number;
}

/** "duplicate": this id was stored before for the same page (a retry). "conflict": for another page. */
export type InsertOutcome = { status: "inserted"; seq: number } | { status: "duplicate"; seq: number } | { status: "conflict" };

// A contribution on a map page: a category, a comment and where (a point, a named place or words),
// stored with its moderation state.

export type ContributionStatus = "pending" | "approved" | "rejected";

export interface NewContribution {
  /** Idempotency id (UUID): from the browser, or made by the collector for a plain form. */
  id: string;
  campaign: string;
  page: string;
  locale: string;
  category: string;
  comment: string;
  /** [lng, lat]: set on the map, or the coordinates of the chosen place. */
  point?: [number, number];
  /** Id of a named place of the map. */
  place?: string;
  /** The spot in words. */
  description?: string;
  /** ISO instant. */
  receivedAt: string;
  channel: "script" | "form";
  verified: boolean;
  timing?: SubmissionTiming;
}

export interface StoredContribution extends NewContribution {
  seq: number;
  status: ContributionStatus;
  /** Why it was rejected (shown to staff, never published). */
  reason?: string;
  /** ISO instant of the last moderation decision. */
  moderatedAt?: string;
}

export interface ModerationDecision {
  status: "approved" | "rejected";
  reason?: string;
  /** ISO instant. */
  at: string;
}

/** Where the collector keeps what it is sent; one implementation per database (index.ts opens the right one). */
export interface Store {
  readonly kind: "sqlite" | "postgres";
  /** Resolves only after the row is durably committed; never stores an id twice. */
  insertResponse(response: NewResponse): Promise<InsertOutcome>;
  /** One survey's responses in order of arrival. */
  listResponses(campaign: string, page: string): Promise<StoredResponse[]>;
  countResponses(campaign?: string, page?: string): Promise<number>;
  /** A map contribution, stored "pending"; resolves after commit. Same idempotency rules as responses. */
  insertContribution(contribution: NewContribution): Promise<InsertOutcome>;
  /** One map page's contributions in order of arrival, optionally only those in `statuses`. */
  listContributions(campaign: string, page: string, statuses?: ContributionStatus[]): Promise<StoredContribution[]>;
  /** Changes whenever a contribution of the page arrives or is moderated: the key of the public GeoJSON cache. */
  contributionsVersion(campaign: string, page: string): Promise<string>;
  /** Approves or rejects one contribution of a campaign; undefined when there is none with that id. */
  moderateContribution(campaign: string, id: string, decision: ModerationDecision): Promise<StoredContribution | undefined>;
  /**
   * Marks a form token used by one submission until it expires (epoch ms). True when it is fresh, or
   * was used by this same submission before (a retry); false when another submission used it (a replay).
   */
  claimToken(tokenId: string, submissionId: string, expires: number): Promise<boolean>;
  /** Rate-limit windows every collector on this database shares (PostgreSQL); absent where each collector keeps its own in memory. */
  readonly sharedRateWindows?: RateWindows;
  /** Responses and contributions with `text` anywhere in what was typed (case-insensitive), for requests under DSGVO Art. 15 and 17. */
  findByText(text: string): Promise<{ responses: StoredResponse[]; contributions: StoredContribution[] }>;
  /** Replaces the answers of these responses in one transaction (purge of personal fields). */
  replaceAnswers(changes: { id: string; answers: StoredResponse["answers"] }[]): Promise<void>;
  /** Deletes these responses and contributions in one transaction; how many rows went. */
  deleteSubmissions(ids: { responses: string[]; contributions: string[] }): Promise<number>;
  /**
   * One line of the audit log (who did what to which data, never the personal data itself). A minimal
   * audit record until the desk's audit log (issue 10) lands; same columns as it.
   */
  appendAuditEntry(entry: NewAuditEntry): Promise<void>;
  /** Cheap round trip for the health check. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type RateOutcome = { allowed: true } | { allowed: false; retryAfter: number };

/** Fixed windows per key: `take` counts `cost` when it fits under `max`, else says how many seconds remain. */
export interface RateWindows {
  take(key: string, cost: number, max: number, windowMs: number, now: number): Promise<RateOutcome>;
  refund(key: string, cost: number): Promise<void>;
}

export interface NewAuditEntry {
  /** ISO instant. */
  at: string;
  /** Who: "cli:<user>" for a command run in a terminal. */
  actor: string;
  /** What, e.g. "purge", "privacy.delete". */
  action: string;
  /** On what: "campaign:<slug>", "response:<id>". */
  target?: string;
  /** The rest, as data (counts, field names; never the personal data itself). */
  details?: Record<string, unknown>;
}
