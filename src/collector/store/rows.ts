// One table row ↔ one record, for both stores: PostgreSQL gives Dates, booleans and parsed JSONB,
// SQLite text, 0/1 and JSON text. Each store passes its way of writing a boolean.
import type { PublicStatus } from "../../campaign/model.js";
import type {
  AuditEntry,
  ContributionChange,
  ContributionStatus,
  InsertOutcome,
  LoginFailures,
  NewAuditEntry,
  NewContribution,
  NewResponse,
  Role,
  StoredContribution,
  StoredResponse,
  StoredSession,
  StoredUser,
  PostMetrics,
  ReachCount,
  ReachSubmission,
  SubmissionTiming,
  ResponseRange,
  ResponsesSummary,
} from "./types.js";

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
  version: number | string;
  timing: SubmissionTiming | null;
  referral: string | null;
}

export const RESPONSE_COLUMNS = "id, campaign, page, locale, answers, received_at, channel, verified, timing, referral";

/** Values in RESPONSE_COLUMNS order. */
export function responseValues(r: NewResponse, bool: Bool): unknown[] {
  return [r.id, r.campaign, r.page, r.locale, JSON.stringify(r.answers), r.receivedAt, r.channel, bool(r.verified), r.timing ?? null, r.referral ?? null];
}

export function responseFromRow(row: ResponseRow): StoredResponse {
  const response: StoredResponse = {
    seq: Number(row.seq),
    id: row.id,
    campaign: row.campaign,
    page: row.page,
    locale: row.locale,
    answers: typeof row.answers === "string" ? (JSON.parse(row.answers) as StoredResponse["answers"]) : row.answers,
    receivedAt: iso(row.received_at),
    channel: row.channel,
    verified: truthy(row.verified),
    version: Number(row.version),
  };
  // Set, not spread: exports map a million rows through here.
  if (row.timing) response.timing = row.timing;
  if (row.referral) response.referral = row.referral;
  return response;
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
  timing: SubmissionTiming | null;
  status: ContributionStatus;
  reason: string | null;
  moderated_at: string | Date | null;
  version: number | string;
  moderated_by: string | null;
  note: string | null;
  public_status: PublicStatus | null;
  answer: string | null;
  answered_at: string | Date | null;
  answered_by: string | null;
  referral: string | null;
}

export const CONTRIBUTION_COLUMNS = "id, campaign, page, locale, category, comment, lng, lat, place, description, received_at, channel, verified, timing, referral";

/** Values in CONTRIBUTION_COLUMNS order. */
export function contributionValues(c: NewContribution, bool: Bool): unknown[] {
  return [c.id, c.campaign, c.page, c.locale, c.category, c.comment, c.point?.[0] ?? null, c.point?.[1] ?? null, c.place ?? null, c.description ?? null, c.receivedAt, c.channel, bool(c.verified), c.timing ?? null, c.referral ?? null];
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
    version: Number(row.version),
  };
  if (row.timing) c.timing = row.timing;
  if (row.lng !== null && row.lat !== null) c.point = [Number(row.lng), Number(row.lat)];
  if (row.place !== null) c.place = row.place;
  if (row.description !== null) c.description = row.description;
  if (row.reason !== null) c.reason = row.reason;
  if (row.moderated_at !== null) c.moderatedAt = iso(row.moderated_at);
  if (row.moderated_by !== null) c.moderatedBy = row.moderated_by;
  if (row.note !== null) c.note = row.note;
  if (row.public_status !== null) c.publicStatus = row.public_status;
  if (row.answer !== null) c.answer = row.answer;
  if (row.answered_at !== null) c.answeredAt = iso(row.answered_at);
  if (row.answered_by !== null) c.answeredBy = row.answered_by;
  if (row.referral) c.referral = row.referral;
  return c;
}

/** The columns a ContributionChange sets, and their values, in one order. */
export function contributionChangeColumns(change: ContributionChange): { columns: string[]; values: unknown[] } {
  const names: Record<keyof ContributionChange, string> = {
    status: "status",
    reason: "reason",
    note: "note",
    moderatedAt: "moderated_at",
    moderatedBy: "moderated_by",
    publicStatus: "public_status",
    answer: "answer",
    answeredAt: "answered_at",
    answeredBy: "answered_by",
    comment: "comment",
    description: "description",
  };
  const set = (Object.keys(names) as (keyof ContributionChange)[]).filter((key) => change[key] !== undefined);
  return { columns: set.map((key) => names[key]), values: set.map((key) => change[key]) };
}

/** The SQL WHERE of the desk's queue, with "?" or "$n" placeholders from `first`. */
export function queueWhere(filter: { campaign?: string; page?: string; category?: string; status?: ContributionStatus }, style: "sqlite" | "postgres", first = 1): { where: string; values: unknown[] } {
  const parts: string[] = [];
  const values: unknown[] = [];
  for (const column of ["campaign", "page", "category", "status"] as const) {
    const value = filter[column];
    if (value === undefined) continue;
    values.push(value);
    parts.push(`${column} = ${style === "sqlite" ? "?" : `$${first + values.length - 1}`}`);
  }
  return { where: parts.length ? ` WHERE ${parts.join(" AND ")}` : "", values };
}

export interface UserRow {
  id: number | string;
  name: string;
  role: Role;
  password_hash: string;
  created_at: string | Date;
  password_changed_at: string | Date;
}

export function userFromRow(row: UserRow): StoredUser {
  return { id: Number(row.id), name: row.name, role: row.role, passwordHash: row.password_hash, createdAt: iso(row.created_at), passwordChangedAt: iso(row.password_changed_at) };
}

export interface SessionRow {
  token_hash: string;
  user_id: number | string;
  created_at: string | Date;
  seen_at: string | Date;
  flash: string | null;
  name: string;
  role: Role;
}

export const SESSION_SELECT = "SELECT s.token_hash, s.user_id, s.created_at, s.seen_at, s.flash, u.name, u.role FROM desk_sessions s JOIN users u ON u.id = s.user_id";

export function sessionFromRow(row: SessionRow): StoredSession {
  const session: StoredSession = { tokenHash: row.token_hash, userId: Number(row.user_id), createdAt: iso(row.created_at), seenAt: iso(row.seen_at), user: { name: row.name, role: row.role } };
  if (row.flash !== null) session.flash = row.flash;
  return session;
}

export interface LoginFailuresRow {
  failures: number | string;
  first_at: string | Date;
  locked_until: string | Date | null;
}

export function loginFailuresFromRow(row: LoginFailuresRow): LoginFailures {
  const failures: LoginFailures = { failures: Number(row.failures), firstAt: iso(row.first_at) };
  if (row.locked_until !== null) failures.lockedUntil = iso(row.locked_until);
  return failures;
}

export interface AuditRow {
  seq: number | string;
  at: string | Date;
  actor: string;
  action: string;
  target: string | null;
  details: string | Record<string, unknown> | null;
}

export const AUDIT_COLUMNS = "at, actor, action, target, details";

/** Values in AUDIT_COLUMNS order; details as JSON text (PostgreSQL casts it to JSONB). */
export function auditValues(entry: NewAuditEntry): unknown[] {
  return [entry.at, entry.actor, entry.action, entry.target ?? null, entry.details === undefined ? null : JSON.stringify(entry.details)];
}

/** Every state with its count, 0 where a GROUP BY found none. */
export function statusCounts(rows: { status: ContributionStatus; n: number | string }[]): Record<ContributionStatus, number> {
  const counts: Record<ContributionStatus, number> = { pending: 0, approved: 0, rejected: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

export function auditFromRow(row: AuditRow): AuditEntry {
  const entry: AuditEntry = { seq: Number(row.seq), at: iso(row.at), actor: row.actor, action: row.action };
  if (row.target !== null) entry.target = row.target;
  if (row.details !== null) entry.details = typeof row.details === "string" ? (JSON.parse(row.details) as Record<string, unknown>) : row.details;
  return entry;
}

/** The SQL WHERE of an audit filter; an action ending in "." matches every action it begins. */
export function auditWhere(filter: { target?: string; actor?: string; action?: string }, style: "sqlite" | "postgres"): { where: string; values: unknown[] } {
  const parts: string[] = [];
  const values: unknown[] = [];
  const param = () => (style === "sqlite" ? "?" : `$${values.length}`);
  if (filter.target !== undefined) {
    values.push(filter.target);
    parts.push(`target = ${param()}`);
  }
  if (filter.actor !== undefined) {
    values.push(filter.actor);
    parts.push(`actor = ${param()}`);
  }
  if (filter.action !== undefined) {
    if (filter.action.endsWith(".")) {
      values.push(`${filter.action}%`);
      parts.push(`action LIKE ${param()}`);
    } else {
      values.push(filter.action);
      parts.push(`action = ${param()}`);
    }
  }
  return { where: parts.length ? ` WHERE ${parts.join(" AND ")}` : "", values };
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

/** How many rows a read cursor hands over at once: large enough that the hand-over costs nothing, small enough to keep memory flat. */
export const STREAM_BATCH = 1000;

/**
 * SQLite's batches are smaller: a row costs no round trip there, and the rows of a batch, parsed
 * before the first is written, outlive the young generation's collections. With 1,000 a million
 * rows' export spent its time copying them and grew by tens of megabytes; with 100 the CSV export
 * was a quarter faster (bench:export).
 */
export const SQLITE_STREAM_BATCH = 100;

/** Batches as single records, for callers that take one at a time. */
export async function* oneByOne<T>(batches: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const batch of batches) yield* batch;
}

/** The offsets (in order of arrival, from 0) of the last response of each of up to `parts` ranges of `count` responses. */
export function rangeOffsets(count: number, parts: number): number[] {
  const n = Math.max(0, Math.min(parts, count));
  return Array.from({ length: n }, (_, i) => Math.ceil((count * (i + 1)) / n) - 1);
}

/** The ranges ending at the responses at `offsets` (rangeOffsets), whose seqs are `ends`. */
export function rangesEndingAt(offsets: number[], ends: number[]): ResponseRange[] {
  return offsets.map((offset, i) => ({ after: i === 0 ? 0 : ends[i - 1]!, upTo: ends[i]!, rows: offset - (i === 0 ? -1 : offsets[i - 1]!) }));
}

/**
 * What responsesSummary asks, with its parameters: one read of the survey's responses for both
 * sums. The sum of arrival numbers changes when a response removed and one committed late (a lower
 * number than one committed before it) cancel out in the others.
 */
export function responsesSummaryQuery(campaign: string, page: string, upTo: number, style: "sqlite" | "postgres"): { sql: string; values: unknown[] } {
  // SQLite's plain parameters take a value for each mark; PostgreSQL's numbered one is named thrice.
  const upToMark = style === "sqlite" ? "?" : "$1";
  const mark = (n: number) => (style === "sqlite" ? "?" : `$${n}`);
  return {
    sql: `SELECT count(*) AS n, max(seq) AS last, sum(version) AS v, sum(seq) AS s,
      count(*) FILTER (WHERE seq <= ${upToMark}) AS up_n, sum(version) FILTER (WHERE seq <= ${upToMark}) AS up_v, sum(seq) FILTER (WHERE seq <= ${upToMark}) AS up_s
      FROM responses WHERE campaign = ${mark(2)} AND page = ${mark(3)}`,
    values: style === "sqlite" ? [upTo, upTo, upTo, campaign, page] : [upTo, campaign, page],
  };
}

/** responsesSummaryQuery's row; PostgreSQL hands its bigint counts and sums over as text. */
export interface SummaryRow {
  n: number | string;
  last: number | string | null;
  v: number | string | null;
  s: number | string | null;
  up_n: number | string;
  up_v: number | string | null;
  up_s: number | string | null;
}

export function responsesSummaryFromRow(row: SummaryRow): ResponsesSummary {
  return {
    all: { rows: Number(row.n), versions: Number(row.v ?? 0), seqs: Number(row.s ?? 0), last: Number(row.last ?? 0) },
    upTo: { rows: Number(row.up_n), versions: Number(row.up_v ?? 0), seqs: Number(row.up_s ?? 0) },
  };
}

/** A version query's sums; PostgreSQL hands its bigint sums over as text. */
export interface VersionRow {
  n: number | string;
  s: number | string | null;
  t: number | string | null;
  v: number | string | null;
}

/**
 * What contributionsVersion asks, with its parameters: of the contributions in `statuses`, how many,
 * the last seq and the sum of seqs; and the sum of (version − 1) of all the page's contributions:
 * every decision, answer or redaction of any of them raises it, an arrival does not. The sum of
 * seqs tells a removal from an arrival that a late commit numbered lower.
 */
export function contributionsVersionQuery(campaign: string, page: string, statuses: ContributionStatus[], style: "sqlite" | "postgres"): { sql: string; values: unknown[] } {
  const mark = (n: number) => (style === "sqlite" ? "?" : `$${n}`);
  const k = statuses.length;
  const shown = k ? `CASE WHEN status IN (${statuses.map((_, i) => mark(i + 1)).join(", ")}) THEN 1 ELSE 0 END` : "0";
  return {
    sql: `SELECT coalesce(sum(shown), 0) AS n, max(CASE WHEN shown = 1 THEN seq END) AS s, sum(CASE WHEN shown = 1 THEN seq END) AS t, sum(version - 1) AS v
      FROM (SELECT seq, version, ${shown} AS shown FROM contributions WHERE campaign = ${mark(k + 1)} AND page = ${mark(k + 2)}) AS page_contributions`,
    values: [...statuses, campaign, page],
  };
}

export function versionText(row: VersionRow): string {
  return `${row.n}/${row.s ?? 0}/${row.t ?? 0}/${row.v ?? 0}`;
}
