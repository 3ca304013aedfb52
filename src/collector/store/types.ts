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
}

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
  /**
   * The same responses one at a time, streamed from the database (a read cursor), for exports and
   * results of any size: memory stays flat however many there are. Stop early with `break`.
   */
  streamResponses(campaign: string, page: string): AsyncIterable<StoredResponse>;
  countResponses(campaign?: string, page?: string): Promise<number>;
  /** A map contribution, stored "pending"; resolves after commit. Same idempotency rules as responses. */
  insertContribution(contribution: NewContribution): Promise<InsertOutcome>;
  /** One map page's contributions in order of arrival, optionally only those in `statuses`. */
  listContributions(campaign: string, page: string, statuses?: ContributionStatus[]): Promise<StoredContribution[]>;
  /** The same contributions streamed, like streamResponses. */
  streamContributions(campaign: string, page: string, statuses?: ContributionStatus[]): AsyncIterable<StoredContribution>;
  /** Changes whenever a contribution of the page arrives or is moderated: the key of the public GeoJSON cache. */
  contributionsVersion(campaign: string, page: string): Promise<string>;
  /** Approves or rejects one contribution of a campaign; undefined when there is none with that id. */
  moderateContribution(campaign: string, id: string, decision: ModerationDecision): Promise<StoredContribution | undefined>;
  /** Cheap round trip for the health check. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
