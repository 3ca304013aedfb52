// What the store keeps: survey responses and map contributions, each with an idempotency id and
// how it came; nothing about the person beyond what they typed (no IP address, no user agent).
// For the desk (docs/adr/018-desk.md): staff accounts, their sessions, failed logins under hashed
// keys, and the audit log.
import type { PublicStatus } from "../../campaign/model.js";
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
  /**
   * Which short link or QR code brought the person, as a coarse label "<source>:<content>"
   * ("mastodon:start", "qr:umfrage"); absent: direct (docs/adr/020-reach-without-cookies.md).
   */
  referral?: string;
}

/**
 * The time check of a stored submission: "valid" the form token was fine; "missing" no token (a
 * form without JavaScript); "invalid" a token this collector cannot verify (another secret, an old
 * page); "expired" older than its lifetime; "reused" a token another submission used before.
 */
export type SubmissionTiming = "valid" | "missing" | "invalid" | "expired" | "reused";

/** A part of a survey's responses in order of arrival: seq after `after`, up to and including `upTo`. */
export interface ResponseRange {
  after: number;
  upTo: number;
  /** How many responses the range held when it was cut. */
  rows: number;
}

/**
 * Some of a survey's responses summed up: how many, and the sums of their versions and arrival
 * numbers. Equal sums mean the same responses in the same state: a response removed, redacted, or
 * committed late with an earlier number (PostgreSQL) changes one of them.
 */
export interface ResponsesSums {
  rows: number;
  versions: number;
  seqs: number;
}

/** A survey's responses summed up, all of them and those up to an arrival number, in one read. */
export interface ResponsesSummary {
  /** All of them, and the highest arrival number (0 without any). */
  all: ResponsesSums & { last: number };
  /** Those with an arrival number up to and including the one asked for. */
  upTo: ResponsesSums;
}

export interface StoredResponse extends NewResponse {
  /** Order of arrival, per store. */
  seq: number;
  /** Starts at 1, one more with every change (a redaction): what a change must name to win (no silent overwrite). */
  version: number;
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
  /** As NewResponse.referral. */
  referral?: string;
}

export interface StoredContribution extends NewContribution {
  seq: number;
  status: ContributionStatus;
  /** Why it was rejected: a reason id of the campaign's list (or, from before the desk, free text). Never published. */
  reason?: string;
  /** The moderator's note on a rejection; never published. */
  note?: string;
  /** ISO instant of the last moderation decision. */
  moderatedAt?: string;
  /** Who decided last: a desk user's name, or "cli:<user>" for the terminal. */
  moderatedBy?: string;
  /** The public status the city gave it (approved contributions only); published as "received" while unset. */
  publicStatus?: PublicStatus;
  /** The city's answer ("Antwort der Stadt"), published with the organization's name. */
  answer?: string;
  answeredAt?: string;
  /** Who wrote the answer (for staff; the public sees the organization). */
  answeredBy?: string;
  /** Starts at 1, one more with every change: what a change must name to win (no silent overwrite). */
  version: number;
}

/** What a use case changes on a contribution (src/collector/moderation.ts decides, the store writes). */
export interface ContributionChange
  extends Partial<Pick<StoredContribution, "status" | "moderatedAt" | "moderatedBy" | "publicStatus" | "answer" | "answeredAt" | "answeredBy" | "comment" | "description">> {
  /** null clears; comment and description change only when redacted. */
  reason?: string | null;
  note?: string | null;
}

/**
 * A compare-and-swap: "changed" when the record still had `expectedVersion` (and the audit entry is
 * written in the same transaction), "stale" with the record as it is now when someone else changed it
 * first, "missing" when there is no such record.
 */
export type ChangeOutcome<T> = { outcome: "changed"; record: T } | { outcome: "stale"; record: T } | { outcome: "missing" };

/** Which contributions the desk's queue shows; every field narrows. */
export interface QueueFilter {
  campaign?: string;
  page?: string;
  category?: string;
  status?: ContributionStatus;
}

// Staff of the desk.

export type Role = "moderator" | "admin";

export interface NewUser {
  /** Lower case, as people type it at the login (src/collector/accounts.ts normalizes). */
  name: string;
  role: Role;
  /** argon2id, PHC string. */
  passwordHash: string;
  /** ISO instant. */
  createdAt: string;
}

export interface StoredUser extends NewUser {
  id: number;
  passwordChangedAt: string;
}

export interface NewSession {
  /** SHA-256 of the session id in the cookie: a copy of the database opens no session. */
  tokenHash: string;
  userId: number;
  /** ISO instants: the absolute and the idle timeout count from these. */
  createdAt: string;
  seenAt: string;
}

export interface StoredSession extends NewSession {
  user: { name: string; role: Role };
  /** A message for the next page this session sees (after a redirect). */
  flash?: string;
}

/** Failed logins under one hashed key (an account, or a client): how many since when, locked until when. */
export interface LoginFailures {
  failures: number;
  firstAt: string;
  lockedUntil?: string;
}

// The audit log: append-only (the database refuses UPDATE and DELETE on it).

export interface NewAuditEntry {
  /** ISO instant. */
  at: string;
  /** A desk user's name, "cli:<user>" for a command run in a terminal (the name stays when the account goes). */
  actor: string;
  /** What was done, e.g. "contribution.approve", "login", "export.download", "purge", "privacy.delete" (the desk's come from src/collector/moderation.ts and src/collector/desk/). */
  action: string;
  /** On what: "contribution:<id>", "response:<id>", "user:<name>", "page:<slug>/<page>". */
  target?: string;
  /** The rest, as data: a reason, a status, where a redaction was, counts and field names (never the redacted text or personal data). */
  details?: Record<string, unknown>;
}

export interface AuditEntry extends NewAuditEntry {
  seq: number;
}

export interface AuditFilter {
  target?: string;
  actor?: string;
  /** An action, or its prefix with a dot: "contribution." */
  action?: string;
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
  /**
   * The same responses one at a time, streamed from the database (a read cursor), for exports and
   * results of any size: memory stays flat however many there are. Stop early with `break`.
   */
  streamResponses(campaign: string, page: string): AsyncIterable<StoredResponse>;
  /**
   * The same stream a batch at a time (up to STREAM_BATCH responses, SQLITE_STREAM_BATCH from SQLite): what exports and results read,
   * since handing a million responses over one by one through async iteration costs more than
   * writing them out. With `after`, only the responses that arrived after that arrival number.
   */
  responseBatches(campaign: string, page: string, options?: { after?: number }): AsyncIterable<StoredResponse[]>;
  /**
   * Only the answers of the same responses, a batch at a time: what counting for a results page
   * needs, read in half the time. With `range`, only the responses of that part (responseRanges).
   */
  answerBatches(campaign: string, page: string, range?: Pick<ResponseRange, "after" | "upTo">): AsyncIterable<Answers[]>;
  /**
   * The survey's responses as they are now, cut into up to `parts` ranges of arrival of about the
   * same size (fewer when there are fewer responses; none when there are none): parts that workers
   * count side by side. Responses arriving later fall after the last range.
   */
  responseRanges(campaign: string, page: string, parts: number): Promise<ResponseRange[]>;
  countResponses(campaign?: string, page?: string): Promise<number>;
  /**
   * The survey's responses summed up: all of them (they change whenever a response arrives, is
   * removed or redacted) and those up to arrival number `upTo`. What the desk's kept counts build on.
   */
  responsesSummary(campaign: string, page: string, upTo: number): Promise<ResponsesSummary>;
  /** A map contribution, stored "pending"; resolves after commit. Same idempotency rules as responses. */
  insertContribution(contribution: NewContribution): Promise<InsertOutcome>;
  /** One map page's contributions in order of arrival, optionally only those in `statuses`. */
  listContributions(campaign: string, page: string, statuses?: ContributionStatus[]): Promise<StoredContribution[]>;
  /** The same contributions streamed, like streamResponses. */
  streamContributions(campaign: string, page: string, statuses?: ContributionStatus[]): AsyncIterable<StoredContribution>;
  /** The same contributions a batch at a time, like responseBatches. */
  contributionBatches(campaign: string, page: string, statuses?: ContributionStatus[]): AsyncIterable<StoredContribution[]>;
  /**
   * Changes whenever the page's contributions in `statuses` change (the public map's: one arriving
   * in another status leaves it as it is), or any contribution of the page is decided, answered or
   * redacted: the key of the public GeoJSON cache.
   */
  contributionsVersion(campaign: string, page: string, statuses: ContributionStatus[]): Promise<string>;
  /** One contribution by id, in any campaign when `campaign` is undefined. */
  getContribution(id: string, campaign?: string): Promise<StoredContribution | undefined>;
  /** Changes a contribution if it still has `expectedVersion`, and writes the audit entry in the same transaction. */
  changeContribution(id: string, expectedVersion: number, change: ContributionChange, audit: NewAuditEntry): Promise<ChangeOutcome<StoredContribution>>;
  /** The desk's queue: newest first. */
  queue(filter: QueueFilter, range: { limit: number; offset: number }): Promise<StoredContribution[]>;
  /** How many contributions each state has under the filter (its `status` ignored). */
  queueCounts(filter: QueueFilter): Promise<Record<ContributionStatus, number>>;

  /** One response by id. */
  getResponse(id: string): Promise<StoredResponse | undefined>;
  /** A page of one survey's responses, newest first. */
  responsesPage(campaign: string, page: string, range: { limit: number; offset: number }): Promise<StoredResponse[]>;
  /** When each response of a survey arrived (ISO instants), for the responses per day. */
  responseTimes(campaign: string, page: string): Promise<string[]>;
  /** Replaces a response's answers (a redaction) if it still has `expectedVersion`; audit entry in the same transaction. */
  changeResponse(id: string, expectedVersion: number, answers: Answers, audit: NewAuditEntry): Promise<ChangeOutcome<StoredResponse>>;

  /** "exists" when the name is taken. The audit entry is written in the same transaction. */
  addUser(user: NewUser, audit: NewAuditEntry): Promise<"added" | "exists">;
  findUser(name: string): Promise<StoredUser | undefined>;
  listUsers(): Promise<StoredUser[]>;
  /** Sets a new password hash and ends the account's sessions; false when there is no such user. */
  setPassword(name: string, passwordHash: string, at: string, audit: NewAuditEntry): Promise<boolean>;
  /** Removes the account and its sessions (its audit entries stay, by name); false when there is none. */
  removeUser(name: string, audit: NewAuditEntry): Promise<boolean>;

  createSession(session: NewSession): Promise<void>;
  /** The session with its user, or undefined (unknown, or its account is gone). */
  findSession(tokenHash: string): Promise<StoredSession | undefined>;
  touchSession(tokenHash: string, seenAt: string): Promise<void>;
  /** Sets (or with undefined clears) the message for the session's next page. */
  setFlash(tokenHash: string, flash: string | undefined): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends sessions idle since before `idleBefore` or created before `createdBefore`; returns how many. */
  deleteExpiredSessions(idleBefore: string, createdBefore: string): Promise<number>;

  loginFailures(key: string): Promise<LoginFailures | undefined>;
  /**
   * Counts a failed login under `key`: a new count when the last one began before `windowStart`;
   * `lockedUntil` is set when the count reaches `lockAfter`. Returns the count as it is now.
   */
  recordLoginFailure(key: string, at: string, rule: { windowStart: string; lockAfter: number; lockedUntil: string }): Promise<LoginFailures>;
  clearLoginFailures(key: string): Promise<void>;
  /** Forgets failures that began before `before` and are not locked beyond it. */
  deleteOldLoginFailures(before: string): Promise<void>;

  appendAudit(entry: NewAuditEntry): Promise<void>;
  /** Newest first. */
  listAudit(filter: AuditFilter, range: { limit: number; offset: number }): Promise<AuditEntry[]>;
  countAudit(filter: AuditFilter): Promise<number>;

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

export type RateOutcome = { allowed: true } | { allowed: false; retryAfter: number };

/** Fixed windows per key: `take` counts `cost` when it fits under `max`, else says how many seconds remain. */
export interface RateWindows {
  take(key: string, cost: number, max: number, windowMs: number, now: number): Promise<RateOutcome>;
  refund(key: string, cost: number): Promise<void>;
}

