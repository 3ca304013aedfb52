// One table row ↔ one record, for both stores: PostgreSQL gives Dates, booleans and parsed JSONB,
// SQLite text, 0/1 and JSON text. Each store passes its way of writing a boolean.
import type { ContributionStatus, InsertOutcome, NewContribution, NewResponse, PostMetrics, ReachCount, ReachSubmission, StoredContribution, StoredResponse } from "./types.js";

type Bool = (b: boolean) => number | boolean;
const iso = (value: string | Date) => (value instanceof Date ? value.toISOString() : value);
const truthy = (value: number | boolean) => value === true || value === 1;

export interface ResponseRow {
  seq: number | string;
  id: string;
  campaign: string;
  page: string;
  locale: string;
  answers: string | StoredResponse["answers"];
  received_at: string | Date;
  channel: "script" | "form";
  verified: number | boolean;
  referral: string | null;
}

export const RESPONSE_COLUMNS = "id, campaign, page, locale, answers, received_at, channel, verified, referral";

/** Values in RESPONSE_COLUMNS order. */
export function responseValues(r: NewResponse, bool: Bool): unknown[] {
  return [r.id, r.campaign, r.page, r.locale, JSON.stringify(r.answers), r.receivedAt, r.channel, bool(r.verified), r.referral ?? null];
}

export function responseFromRow(row: ResponseRow): StoredResponse {
  return {
    seq: Number(row.seq),
    id: row.id,
    campaign: row.campaign,
    page: row.page,
    locale: row.locale,
    answers: typeof row.answers === "string" ? (JSON.parse(row.answers) as StoredResponse["answers"]) : row.answers,
    receivedAt: iso(row.received_at),
    channel: row.channel,
    verified: truthy(row.verified),
    ...(row.referral ? { referral: row.referral } : {}),
  };
}

/** The record's columns as they are, and those a database gives back in its own way. */
export interface ContributionRow extends Pick<NewContribution, "id" | "campaign" | "page" | "locale" | "category" | "comment" | "channel"> {
  seq: number | string;
  lng: number | null;
  lat: number | null;
  place: string | null;
  description: string | null;
  received_at: string | Date;
  verified: number | boolean;
  status: ContributionStatus;
  reason: string | null;
  moderated_at: string | Date | null;
  referral: string | null;
}

export const CONTRIBUTION_COLUMNS = "id, campaign, page, locale, category, comment, lng, lat, place, description, received_at, channel, verified, referral";

/** Values in CONTRIBUTION_COLUMNS order. */
export function contributionValues(c: NewContribution, bool: Bool): unknown[] {
  return [c.id, c.campaign, c.page, c.locale, c.category, c.comment, c.point?.[0] ?? null, c.point?.[1] ?? null, c.place ?? null, c.description ?? null, c.receivedAt, c.channel, bool(c.verified), c.referral ?? null];
}

export function contributionFromRow(row: ContributionRow): StoredContribution {
  const c: StoredContribution = {
    seq: Number(row.seq),
    id: row.id,
    campaign: row.campaign,
    page: row.page,
    locale: row.locale,
    category: row.category,
    comment: row.comment,
    receivedAt: iso(row.received_at),
    channel: row.channel,
    verified: truthy(row.verified),
    status: row.status,
  };
  if (row.lng !== null && row.lat !== null) c.point = [Number(row.lng), Number(row.lat)];
  if (row.place !== null) c.place = row.place;
  if (row.description !== null) c.description = row.description;
  if (row.reason !== null) c.reason = row.reason;
  if (row.moderated_at !== null) c.moderatedAt = iso(row.moderated_at);
  if (row.referral) c.referral = row.referral;
  return c;
}

/** How many columns a column list names. */
export function columnCount(columns: string): number {
  return columns.split(",").length;
}

/** "?, ?, …" (SQLite) or "$1, $2, …" (PostgreSQL) for `count` values. */
export function placeholders(count: number, style: "sqlite" | "postgres"): string {
  return Array.from({ length: count }, (_, i) => (style === "sqlite" ? "?" : `$${i + 1}`)).join(", ");
}

/** What an INSERT … ON CONFLICT (id) DO NOTHING meant: stored now, a retry of the same page's record, or an id of another page's. */
export function insertOutcome(insertedSeq: number | string | undefined, existing: () => { seq: number | string; campaign: string; page: string }, record: { campaign: string; page: string }): InsertOutcome {
  if (insertedSeq !== undefined) return { status: "inserted", seq: Number(insertedSeq) };
  const row = existing();
  return row.campaign === record.campaign && row.page === record.page ? { status: "duplicate", seq: Number(row.seq) } : { status: "conflict" };
}

/** Adds one channel's counts of a day to the stored ones: the same statement for both stores. */
export function reachUpsert(style: "sqlite" | "postgres"): string {
  return `INSERT INTO reach_counts (campaign, source, content, day, clicks, previews, opened) VALUES (${placeholders(7, style)})
    ON CONFLICT (campaign, source, content, day) DO UPDATE SET
      clicks = reach_counts.clicks + excluded.clicks,
      previews = reach_counts.previews + excluded.previews,
      opened = reach_counts.opened + excluded.opened`;
}

export function reachValues(c: ReachCount): unknown[] {
  return [c.campaign, c.source, c.content, c.day, c.clicks, c.previews, c.opened];
}

export const REACH_COUNTS_QUERY = "SELECT campaign, source, content, day, clicks, previews, opened FROM reach_counts WHERE campaign = $1 ORDER BY day, source, content";
export const REACH_SUBMISSIONS_QUERY =
  "SELECT page, referral, received_at FROM responses WHERE campaign = $1 UNION ALL SELECT page, referral, received_at FROM contributions WHERE campaign = $1";

export interface ReachCountRow extends Omit<ReachCount, "clicks" | "previews" | "opened"> {
  clicks: number | string;
  previews: number | string;
  opened: number | string;
}

export function reachCountFromRow(row: ReachCountRow): ReachCount {
  return { ...row, clicks: Number(row.clicks), previews: Number(row.previews), opened: Number(row.opened) };
}

export function reachSubmissionFromRow(row: { page: string; referral: string | null; received_at: string | Date }): ReachSubmission {
  return { page: row.page, ...(row.referral ? { referral: row.referral } : {}), receivedAt: iso(row.received_at) };
}

const METRICS = ["impressions", "reactions", "comments", "shares"] as const;

export function postMetricsUpsert(style: "sqlite" | "postgres"): string {
  return `INSERT INTO reach_post_metrics (campaign, post, platform, ${METRICS.join(", ")}) VALUES (${placeholders(7, style)})
    ON CONFLICT (campaign, post, platform) DO UPDATE SET ${METRICS.map((m) => `${m} = excluded.${m}`).join(", ")}`;
}

export function postMetricsValues(m: PostMetrics): unknown[] {
  return [m.campaign, m.post, m.platform, ...METRICS.map((name) => m[name] ?? null)];
}

export const POST_METRICS_QUERY = `SELECT campaign, post, platform, ${METRICS.join(", ")} FROM reach_post_metrics WHERE campaign = $1 ORDER BY post, platform`;

export function postMetricsFromRow(row: Record<string, unknown>): PostMetrics {
  const m: PostMetrics = { campaign: String(row.campaign), post: String(row.post), platform: String(row.platform) };
  for (const name of METRICS) if (row[name] !== null && row[name] !== undefined) m[name] = Number(row[name]);
  return m;
}
