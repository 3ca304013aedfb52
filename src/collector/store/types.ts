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
  /**
   * Which short link or QR code brought the person, as a coarse label "<source>:<content>"
   * ("mastodon:start", "qr:umfrage"); absent: direct (docs/adr/020-reach-without-cookies.md).
   */
  referral?: string;
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
  /** As NewResponse.referral. */
  referral?: string;
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

/**
 * Aggregate reach counts of one channel on one day (docs/adr/020-reach-without-cookies.md): no
 * person, no time finer than the day. The store adds them to what it has (several instances add up).
 */
export interface ReachCount {
  campaign: string;
  /** utm_source: the platform ("mastodon"), "qr" for print, or "direct". */
  source: string;
  /** utm_content: the post id, or the page id ("start": the landing page) of a QR code; "" for direct. */
  content: string;
  /** YYYY-MM-DD in the campaign's time zone. */
  day: string;
  /** Short-link redirects to a person's browser. */
  clicks: number;
  /** Short-link fetches by link-preview robots and HEAD requests. */
  previews: number;
  /** Form tokens handed out: a survey or map form was loaded. */
  opened: number;
}

/** A post's figures on a platform, as the team copies them from the platform's statistics (each optional). */
export interface PostMetrics {
  campaign: string;
  post: string;
  /** "mastodon", "instagram", … */
  platform: string;
  impressions?: number;
  reactions?: number;
  comments?: number;
  shares?: number;
}

/** A stored submission as reach sees it: its label (undefined: direct) and when it came. */
export interface ReachSubmission {
  page: string;
  referral?: string;
  /** ISO instant. */
  receivedAt: string;
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
  /** Adds these counts to the stored ones (an upsert that adds): counts from several instances add up. */
  addReachCounts(counts: ReachCount[]): Promise<void>;
  /** A campaign's reach counts, by day, source and content. */
  listReachCounts(campaign: string): Promise<ReachCount[]>;
  /** Label and time of every stored survey response and map contribution of a campaign (nothing else). */
  listReachSubmissions(campaign: string): Promise<ReachSubmission[]>;
  /** Replaces a post's platform figures (an empty one removes them). */
  setPostMetrics(metrics: PostMetrics): Promise<void>;
  /** A campaign's post figures. */
  listPostMetrics(campaign: string): Promise<PostMetrics[]>;
  /** Cheap round trip for the health check. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
