// A contribution on a map page: a category, a comment and where (a point, a named place or words).
// Stored with its moderation state; nothing about the person beyond what they typed.

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
