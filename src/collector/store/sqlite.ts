// SQLite store: WAL with synchronous=FULL, so a committed row survives a crash and a power cut.
// Submissions arriving together are committed together ("group commit"): one fsync for the batch,
// and every promise resolves only after that commit. That is what makes FULL fast enough.
import { closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS_TABLE, migrations } from "./migrations.js";
import * as mapping from "./rows.js";
import type {
  AuditEntry,
  AuditFilter,
  ChangeOutcome,
  ContributionChange,
  ContributionStatus,
  InsertOutcome,
  LoginFailures,
  NewAuditEntry,
  NewContribution,
  NewResponse,
  NewSession,
  NewUser,
  PostMetrics,
  QueueFilter,
  ReachCount,
  ReachSubmission,
  Store,
  StoredContribution,
  StoredResponse,
  StoredSession,
  StoredUser,
  ResponseRange,
  ResponsesSummary,
} from "./types.js";
import type { Answers } from "../../forms/fields.js";

/** One write waiting for the next group commit. */
interface Pending {
  work(): unknown;
  resolve(outcome: unknown): void;
  reject(error: unknown): void;
}

/** Owner only: the file holds e-mail addresses (SQLite gives its -wal and -shm files the same mode). */
export const PRIVATE_FILE_MODE = 0o600;

export function openSqliteStore(file: string): Store {
  const folder = path.dirname(path.resolve(file));
  if (!existsSync(folder)) mkdirSync(folder, { recursive: true, mode: 0o700 });
  // Created here, before SQLite would create it with the umask's 0644.
  if (!existsSync(file)) closeSync(openSync(file, "a", PRIVATE_FILE_MODE));
  const db = new Database(file);
  const mode = db.pragma("journal_mode = WAL", { simple: true });
  if (mode !== "wal") throw new Error(`SQLite refused WAL mode for ${file} (got "${String(mode)}"); is it on a network drive?`);
  db.pragma("synchronous = FULL");
  // Another process (mitreden export) may hold the lock for a moment.
  db.pragma("busy_timeout = 5000");
  migrate(db);
  return new SqliteStore(db, file);
}

function migrate(db: Database.Database): void {
  db.transaction(() => {
    db.exec(MIGRATIONS_TABLE);
    const applied = new Set((db.prepare("SELECT version FROM schema_migrations").all() as { version: number }[]).map((r) => r.version));
    const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sqlite);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
  }).immediate();
}

const sqliteBool = (b: boolean) => (b ? 1 : 0);

/** How long a streamed read (and what its consumer does with it) runs before other work gets a turn. */
const TURN_MS = 10;

class SqliteStore implements Store {
  readonly kind = "sqlite" as const;
  private waiting: Pending[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private closed = false;
  private readonly runBatch: (batch: Pending[]) => unknown[];
  private readonly insertOne: (r: NewResponse) => InsertOutcome;
  private readonly claimOne: (tokenId: string, submissionId: string, expires: number) => boolean;
  private claims = 0;
  /** Statements of the desk's every request (session, queue, counts), compiled once: a prepare costs more than the query. */
  private readonly statements = new Map<string, Database.Statement>();

  private prepared(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  constructor(
    private readonly db: Database.Database,
    /** Where the database lives: exports read it on a connection of their own. */
    private readonly fileName: string,
  ) {
    const insert = db.prepare(`INSERT INTO responses (${mapping.RESPONSE_COLUMNS}) VALUES (${mapping.placeholders(mapping.columnCount(mapping.RESPONSE_COLUMNS), "sqlite")}) ON CONFLICT (id) DO NOTHING`);
    const existing = db.prepare("SELECT seq, campaign, page FROM responses WHERE id = ?");
    this.insertOne = (r) => {
      const info = insert.run(...mapping.responseValues(r, sqliteBool));
      return mapping.insertOutcome(info.changes === 1 ? Number(info.lastInsertRowid) : undefined, () => existing.get(r.id) as { seq: number; campaign: string; page: string }, r);
    };
    const claim = db.prepare("INSERT INTO used_tokens (id, submission, expires) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING");
    const usedBy = db.prepare("SELECT submission FROM used_tokens WHERE id = ?");
    const forgetExpired = db.prepare("DELETE FROM used_tokens WHERE expires < ?");
    this.claimOne = (tokenId, submissionId, expires) => {
      // Now and then, forget the tokens that no longer verify anyway.
      if (++this.claims % 500 === 0) forgetExpired.run(Date.now());
      if (claim.run(tokenId, submissionId, expires).changes === 1) return true;
      return (usedBy.get(tokenId) as { submission: string }).submission === submissionId;
    };
    const transaction = db.transaction((batch: Pending[]) => batch.map((p) => p.work()));
    this.runBatch = (batch) => transaction.immediate(batch);
  }

  insertResponse(response: NewResponse): Promise<InsertOutcome> {
    return this.enqueue(() => this.insertOne(response));
  }

  claimToken(tokenId: string, submissionId: string, expires: number): Promise<boolean> {
    return this.enqueue(() => this.claimOne(tokenId, submissionId, expires));
  }

  /** A write that joins the next group commit; resolves after that commit. */
  private enqueue<T>(work: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error("The store is closed."));
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, resolve: resolve as (outcome: unknown) => void, reject });
      // setImmediate runs after this turn's I/O callbacks: every request parsed meanwhile joins the batch.
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    this.scheduled = undefined;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    try {
      const outcomes = this.runBatch(batch);
      batch.forEach((p, i) => p.resolve(outcomes[i]));
    } catch {
      // The batch rolled back as a whole; one at a time, a failing write fails only its own request.
      for (const pending of batch) {
        try {
          pending.resolve(this.runBatch([pending])[0]);
        } catch (error) {
          pending.reject(error);
        }
      }
    }
  }

  async listResponses(campaign: string, page: string): Promise<StoredResponse[]> {
    const rows = this.db.prepare("SELECT * FROM responses WHERE campaign = ? AND page = ? ORDER BY seq").all(campaign, page) as mapping.ResponseRow[];
    return rows.map(mapping.responseFromRow);
  }

  streamResponses(campaign: string, page: string): AsyncIterable<StoredResponse> {
    return mapping.oneByOne(this.responseBatches(campaign, page));
  }

  responseBatches(campaign: string, page: string, options: { after?: number } = {}): AsyncIterable<StoredResponse[]> {
    // Rows as arrays of the columns needed: better-sqlite3 makes an array a third faster than an
    // object with named keys, and a million responses' export spends much of its time here.
    const read = (v: unknown[]) =>
      mapping.responseFromRow({ seq: v[0], id: v[1], campaign, page, locale: v[2], answers: v[3], received_at: v[4], channel: v[5], verified: v[6], version: v[7], timing: v[8], referral: v[9] } as mapping.ResponseRow);
    const after = options.after === undefined ? "" : " AND seq > ?";
    return this.batches(
      `SELECT seq, id, locale, answers, received_at, channel, verified, version, timing, referral FROM responses WHERE campaign = ? AND page = ?${after} ORDER BY seq`,
      [campaign, page, ...(options.after === undefined ? [] : [options.after])],
      read,
      true,
    );
  }

  answerBatches(campaign: string, page: string, range?: Pick<ResponseRange, "after" | "upTo">): AsyncIterable<Answers[]> {
    const part = range ? " AND seq > ? AND seq <= ?" : "";
    return this.batches(`SELECT answers FROM responses WHERE campaign = ? AND page = ?${part} ORDER BY seq`, [campaign, page, ...(range ? [range.after, range.upTo] : [])], (v: unknown[]) => JSON.parse(v[0] as string) as Answers, true);
  }

  async responseRanges(campaign: string, page: string, parts: number): Promise<ResponseRange[]> {
    const nth = this.prepared("SELECT seq FROM responses WHERE campaign = ? AND page = ? ORDER BY seq LIMIT 1 OFFSET ?");
    const count = (this.prepared("SELECT count(*) AS n FROM responses WHERE campaign = ? AND page = ?").get(campaign, page) as { n: number }).n;
    const offsets = mapping.rangeOffsets(count, parts);
    return mapping.rangesEndingAt(
      offsets,
      offsets.map((offset) => (nth.get(campaign, page, offset) as { seq: number }).seq),
    );
  }

  /**
   * Rows from iterate(), a batch at a time, on a read-only connection of its own: while a reader
   * waits for its consumer (a slow download), the main connection stays free for the submissions
   * arriving meanwhile (better-sqlite3 refuses every other statement on a connection with an open
   * iterator), and WAL gives the reader one consistent snapshot.
   *
   * Reading is synchronous, and a consumer that takes each batch at once (the desk counting a
   * survey) keeps the whole read in promise callbacks, which run before any I/O: a citizen's
   * submission arriving meanwhile waited for the end of it, a second for 100,000 responses. So the
   * read gives the event loop a turn every TURN_MS.
   */
  private async *batches<Row, T>(sql: string, params: unknown[], map: (row: Row) => T, raw = false): AsyncGenerator<T[]> {
    const reader = new Database(this.fileName, { readonly: true, fileMustExist: true });
    try {
      reader.pragma("busy_timeout = 5000");
      let batch: T[] = [];
      let turned = performance.now();
      for (const row of reader.prepare(sql).raw(raw).iterate(...params)) {
        batch.push(map(row as Row));
        if (batch.length === mapping.SQLITE_STREAM_BATCH) {
          yield batch;
          batch = [];
          if (performance.now() - turned > TURN_MS) {
            await new Promise((resolve) => setImmediate(resolve));
            turned = performance.now();
          }
        }
      }
      if (batch.length > 0) yield batch;
    } finally {
      reader.close();
    }
  }

  async insertContribution(c: NewContribution): Promise<InsertOutcome> {
    if (this.closed) throw new Error("The store is closed.");
    // One row, one transaction: contributions are rare next to survey answers, no batching needed.
    return this.db.transaction((): InsertOutcome => {
      const info = this.db
        .prepare(`INSERT INTO contributions (${mapping.CONTRIBUTION_COLUMNS}) VALUES (${mapping.placeholders(mapping.columnCount(mapping.CONTRIBUTION_COLUMNS), "sqlite")}) ON CONFLICT (id) DO NOTHING`)
        .run(...mapping.contributionValues(c, sqliteBool));
      const existing = () => this.db.prepare("SELECT seq, campaign, page FROM contributions WHERE id = ?").get(c.id) as { seq: number; campaign: string; page: string };
      return mapping.insertOutcome(info.changes === 1 ? Number(info.lastInsertRowid) : undefined, existing, c);
    }).immediate();
  }

  async listContributions(campaign: string, page: string, statuses?: ContributionStatus[]): Promise<StoredContribution[]> {
    const only = statuses?.length ? ` AND status IN (${statuses.map(() => "?").join(", ")})` : "";
    const rows = this.db
      .prepare(`SELECT * FROM contributions WHERE campaign = ? AND page = ?${only} ORDER BY seq`)
      .all(campaign, page, ...(statuses ?? [])) as mapping.ContributionRow[];
    return rows.map(mapping.contributionFromRow);
  }

  streamContributions(campaign: string, page: string, statuses?: ContributionStatus[]): AsyncIterable<StoredContribution> {
    return mapping.oneByOne(this.contributionBatches(campaign, page, statuses));
  }

  contributionBatches(campaign: string, page: string, statuses?: ContributionStatus[]): AsyncIterable<StoredContribution[]> {
    const only = statuses?.length ? ` AND status IN (${statuses.map(() => "?").join(", ")})` : "";
    return this.batches(`SELECT * FROM contributions WHERE campaign = ? AND page = ?${only} ORDER BY seq`, [campaign, page, ...(statuses ?? [])], mapping.contributionFromRow);
  }

  async responsesSummary(campaign: string, page: string, upTo: number): Promise<ResponsesSummary> {
    const { sql, values } = mapping.responsesSummaryQuery(campaign, page, upTo, "sqlite");
    return mapping.responsesSummaryFromRow(this.prepared(sql).get(...values) as mapping.SummaryRow);
  }

  async contributionsVersion(campaign: string, page: string, statuses: ContributionStatus[]): Promise<string> {
    const { sql, values } = mapping.contributionsVersionQuery(campaign, page, statuses, "sqlite");
    const row = this.prepared(sql).get(...values) as mapping.VersionRow;
    return mapping.versionText(row);
  }

  async getContribution(id: string, campaign?: string): Promise<StoredContribution | undefined> {
    const row = (campaign === undefined
      ? this.db.prepare("SELECT * FROM contributions WHERE id = ?").get(id.toLowerCase())
      : this.db.prepare("SELECT * FROM contributions WHERE id = ? AND campaign = ?").get(id.toLowerCase(), campaign)) as mapping.ContributionRow | undefined;
    return row ? mapping.contributionFromRow(row) : undefined;
  }

  async changeContribution(id: string, expectedVersion: number, change: ContributionChange, audit: NewAuditEntry): Promise<ChangeOutcome<StoredContribution>> {
    const { columns, values } = mapping.contributionChangeColumns(change);
    return this.changeVersioned("contributions", columns, values, id, expectedVersion, mapping.contributionFromRow, audit);
  }

  /**
   * Sets `columns` of the row `id` if it still has `expectedVersion` (and counts the version up),
   * with the audit entry in the same transaction; otherwise says whether it is gone or was changed
   * meanwhile, with what it holds now.
   */
  private changeVersioned<Row, T>(table: "responses" | "contributions", columns: string[], values: unknown[], id: string, expectedVersion: number, fromRow: (row: Row) => T, audit: NewAuditEntry): ChangeOutcome<T> {
    const set = [...columns.map((c) => `${c} = ?`), "version = version + 1"].join(", ");
    return this.db.transaction((): ChangeOutcome<T> => {
      const info = this.db.prepare(`UPDATE ${table} SET ${set} WHERE id = ? AND version = ?`).run(...values, id.toLowerCase(), expectedVersion);
      const row = this.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id.toLowerCase()) as Row | undefined;
      if (!row) return { outcome: "missing" };
      if (info.changes !== 1) return { outcome: "stale", record: fromRow(row) };
      this.appendAuditNow(audit);
      return { outcome: "changed", record: fromRow(row) };
    }).immediate();
  }

  async queue(filter: QueueFilter, range: { limit: number; offset: number }): Promise<StoredContribution[]> {
    const { where, values } = mapping.queueWhere(filter, "sqlite");
    const rows = this.prepared(`SELECT * FROM contributions${where} ORDER BY seq DESC LIMIT ? OFFSET ?`).all(...values, range.limit, range.offset) as mapping.ContributionRow[];
    return rows.map(mapping.contributionFromRow);
  }

  async queueCounts(filter: QueueFilter): Promise<Record<ContributionStatus, number>> {
    const { where, values } = mapping.queueWhere({ ...filter, status: undefined }, "sqlite");
    const rows = this.prepared(`SELECT status, count(*) AS n FROM contributions${where} GROUP BY status`).all(...values) as { status: ContributionStatus; n: number }[];
    return mapping.statusCounts(rows);
  }

  async getResponse(id: string): Promise<StoredResponse | undefined> {
    const row = this.db.prepare("SELECT * FROM responses WHERE id = ?").get(id.toLowerCase()) as mapping.ResponseRow | undefined;
    return row ? mapping.responseFromRow(row) : undefined;
  }

  async responsesPage(campaign: string, page: string, range: { limit: number; offset: number }): Promise<StoredResponse[]> {
    const rows = this.db.prepare("SELECT * FROM responses WHERE campaign = ? AND page = ? ORDER BY seq DESC LIMIT ? OFFSET ?").all(campaign, page, range.limit, range.offset) as mapping.ResponseRow[];
    return rows.map(mapping.responseFromRow);
  }

  async responseTimes(campaign: string, page: string): Promise<string[]> {
    const rows = this.db.prepare("SELECT received_at FROM responses WHERE campaign = ? AND page = ? ORDER BY seq").all(campaign, page) as { received_at: string }[];
    return rows.map((r) => r.received_at);
  }

  async changeResponse(id: string, expectedVersion: number, answers: Answers, audit: NewAuditEntry): Promise<ChangeOutcome<StoredResponse>> {
    return this.changeVersioned("responses", ["answers"], [JSON.stringify(answers)], id, expectedVersion, mapping.responseFromRow, audit);
  }

  async addUser(user: NewUser, audit: NewAuditEntry): Promise<"added" | "exists"> {
    return this.db.transaction((): "added" | "exists" => {
      const info = this.db
        .prepare("INSERT INTO users (name, role, password_hash, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING")
        .run(user.name, user.role, user.passwordHash, user.createdAt, user.createdAt);
      if (info.changes !== 1) return "exists";
      this.appendAuditNow(audit);
      return "added";
    }).immediate();
  }

  async findUser(name: string): Promise<StoredUser | undefined> {
    const row = this.db.prepare("SELECT * FROM users WHERE name = ?").get(name) as mapping.UserRow | undefined;
    return row ? mapping.userFromRow(row) : undefined;
  }

  async listUsers(): Promise<StoredUser[]> {
    return (this.db.prepare("SELECT * FROM users ORDER BY name").all() as mapping.UserRow[]).map(mapping.userFromRow);
  }

  async setPassword(name: string, passwordHash: string, at: string, audit: NewAuditEntry): Promise<boolean> {
    return this.db.transaction((): boolean => {
      const user = this.db.prepare("SELECT id FROM users WHERE name = ?").get(name) as { id: number } | undefined;
      if (!user) return false;
      this.db.prepare("UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?").run(passwordHash, at, user.id);
      this.db.prepare("DELETE FROM desk_sessions WHERE user_id = ?").run(user.id);
      this.appendAuditNow(audit);
      return true;
    }).immediate();
  }

  async removeUser(name: string, audit: NewAuditEntry): Promise<boolean> {
    return this.db.transaction((): boolean => {
      const user = this.db.prepare("SELECT id FROM users WHERE name = ?").get(name) as { id: number } | undefined;
      if (!user) return false;
      // Sessions first: SQLite enforces the ON DELETE CASCADE only with foreign_keys on.
      this.db.prepare("DELETE FROM desk_sessions WHERE user_id = ?").run(user.id);
      this.db.prepare("DELETE FROM users WHERE id = ?").run(user.id);
      this.appendAuditNow(audit);
      return true;
    }).immediate();
  }

  async createSession(session: NewSession): Promise<void> {
    this.db.prepare("INSERT INTO desk_sessions (token_hash, user_id, created_at, seen_at) VALUES (?, ?, ?, ?)").run(session.tokenHash, session.userId, session.createdAt, session.seenAt);
  }

  async findSession(tokenHash: string): Promise<StoredSession | undefined> {
    const row = this.prepared(`${mapping.SESSION_SELECT} WHERE s.token_hash = ?`).get(tokenHash) as mapping.SessionRow | undefined;
    return row ? mapping.sessionFromRow(row) : undefined;
  }

  async touchSession(tokenHash: string, seenAt: string): Promise<void> {
    this.prepared("UPDATE desk_sessions SET seen_at = ? WHERE token_hash = ?").run(seenAt, tokenHash);
  }

  async setFlash(tokenHash: string, flash: string | undefined): Promise<void> {
    this.db.prepare("UPDATE desk_sessions SET flash = ? WHERE token_hash = ?").run(flash ?? null, tokenHash);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.db.prepare("DELETE FROM desk_sessions WHERE token_hash = ?").run(tokenHash);
  }

  async deleteExpiredSessions(idleBefore: string, createdBefore: string): Promise<number> {
    return this.db.prepare("DELETE FROM desk_sessions WHERE seen_at < ? OR created_at < ?").run(idleBefore, createdBefore).changes;
  }

  async loginFailures(key: string): Promise<LoginFailures | undefined> {
    const row = this.db.prepare("SELECT failures, first_at, locked_until FROM login_failures WHERE key = ?").get(key) as mapping.LoginFailuresRow | undefined;
    return row ? mapping.loginFailuresFromRow(row) : undefined;
  }

  async recordLoginFailure(key: string, at: string, rule: { windowStart: string; lockAfter: number; lockedUntil: string }): Promise<LoginFailures> {
    return this.db.transaction((): LoginFailures => {
      // A count that began before the window starts anew (ISO instants in UTC compare as text).
      this.db
        .prepare(
          `INSERT INTO login_failures (key, failures, first_at) VALUES (?, 1, ?)
           ON CONFLICT (key) DO UPDATE SET
             failures = CASE WHEN login_failures.first_at < ? THEN 1 ELSE login_failures.failures + 1 END,
             first_at = CASE WHEN login_failures.first_at < ? THEN excluded.first_at ELSE login_failures.first_at END`,
        )
        .run(key, at, rule.windowStart, rule.windowStart);
      this.db.prepare("UPDATE login_failures SET locked_until = ? WHERE key = ? AND failures >= ?").run(rule.lockedUntil, key, rule.lockAfter);
      return mapping.loginFailuresFromRow(this.db.prepare("SELECT failures, first_at, locked_until FROM login_failures WHERE key = ?").get(key) as mapping.LoginFailuresRow);
    }).immediate();
  }

  async clearLoginFailures(key: string): Promise<void> {
    this.db.prepare("DELETE FROM login_failures WHERE key = ?").run(key);
  }

  async deleteOldLoginFailures(before: string): Promise<void> {
    this.db.prepare("DELETE FROM login_failures WHERE first_at < ? AND (locked_until IS NULL OR locked_until < ?)").run(before, before);
  }

  async appendAudit(entry: NewAuditEntry): Promise<void> {
    this.appendAuditNow(entry);
  }

  private appendAuditNow(entry: NewAuditEntry): void {
    this.db.prepare(`INSERT INTO audit_log (${mapping.AUDIT_COLUMNS}) VALUES (?, ?, ?, ?, ?)`).run(...mapping.auditValues(entry));
  }

  async listAudit(filter: AuditFilter, range: { limit: number; offset: number }): Promise<AuditEntry[]> {
    const { where, values } = mapping.auditWhere(filter, "sqlite");
    const rows = this.db.prepare(`SELECT * FROM audit_log${where} ORDER BY seq DESC LIMIT ? OFFSET ?`).all(...values, range.limit, range.offset) as mapping.AuditRow[];
    return rows.map(mapping.auditFromRow);
  }

  async countAudit(filter: AuditFilter): Promise<number> {
    const { where, values } = mapping.auditWhere(filter, "sqlite");
    return (this.db.prepare(`SELECT count(*) AS n FROM audit_log${where}`).get(...values) as { n: number }).n;
  }

  async countResponses(campaign?: string, page?: string): Promise<number> {
    const where = campaign === undefined ? "" : page === undefined ? " WHERE campaign = ?" : " WHERE campaign = ? AND page = ?";
    const params = [campaign, page].filter((v) => v !== undefined);
    return (this.db.prepare(`SELECT count(*) AS n FROM responses${where}`).get(...params) as { n: number }).n;
  }

  async findByText(text: string): Promise<{ responses: StoredResponse[]; contributions: StoredContribution[] }> {
    // LIKE is case-insensitive for ASCII; the caller checks each hit exactly. instr() avoids LIKE's wildcards.
    const needle = text.toLowerCase();
    const responses = this.db.prepare("SELECT * FROM responses WHERE instr(lower(answers), ?) > 0 ORDER BY seq").all(needle) as mapping.ResponseRow[];
    const contributions = this.db
      .prepare("SELECT * FROM contributions WHERE instr(lower(comment), ?) > 0 OR instr(lower(coalesce(description, '')), ?) > 0 ORDER BY seq")
      .all(needle, needle) as mapping.ContributionRow[];
    return { responses: responses.map(mapping.responseFromRow), contributions: contributions.map(mapping.contributionFromRow) };
  }

  async replaceAnswers(changes: { id: string; answers: StoredResponse["answers"] }[]): Promise<void> {
    const update = this.db.prepare("UPDATE responses SET answers = ? WHERE id = ?");
    this.db.transaction(() => changes.forEach((c) => update.run(JSON.stringify(c.answers), c.id))).immediate();
  }

  async deleteSubmissions(ids: { responses: string[]; contributions: string[] }): Promise<number> {
    const [responses, contributions] = [this.db.prepare("DELETE FROM responses WHERE id = ?"), this.db.prepare("DELETE FROM contributions WHERE id = ?")];
    return this.db
      .transaction(() => ids.responses.reduce((n, id) => n + responses.run(id).changes, 0) + ids.contributions.reduce((n, id) => n + contributions.run(id).changes, 0))
      .immediate();
  }

  /** The file's path, for an online backup. */
  get file(): string {
    return this.db.name;
  }

  async addReachCounts(counts: ReachCount[]): Promise<void> {
    if (this.closed) throw new Error("The store is closed.");
    if (counts.length === 0) return;
    const upsert = this.db.prepare(mapping.reachUpsert("sqlite"));
    // One transaction, one fsync, however many channels the batch holds.
    this.db.transaction(() => {
      for (const count of counts) upsert.run(...mapping.reachValues(count));
    }).immediate();
  }

  async listReachCounts(campaign: string): Promise<ReachCount[]> {
    const rows = this.db.prepare(mapping.REACH_COUNTS_QUERY.replace("$1", "?")).all(campaign) as mapping.ReachCountRow[];
    return rows.map(mapping.reachCountFromRow);
  }

  async listReachSubmissions(campaign: string): Promise<ReachSubmission[]> {
    const rows = this.db.prepare(mapping.REACH_SUBMISSIONS_QUERY.replaceAll("$1", "?")).all(campaign, campaign) as Parameters<typeof mapping.reachSubmissionFromRow>[0][];
    return rows.map(mapping.reachSubmissionFromRow);
  }

  async setPostMetrics(metrics: PostMetrics): Promise<void> {
    this.db.prepare(mapping.postMetricsUpsert("sqlite")).run(...mapping.postMetricsValues(metrics));
  }

  async listPostMetrics(campaign: string): Promise<PostMetrics[]> {
    return (this.db.prepare(mapping.POST_METRICS_QUERY.replace("$1", "?")).all(campaign) as Record<string, unknown>[]).map(mapping.postMetricsFromRow);
  }

  async ping(): Promise<void> {
    this.db.prepare("SELECT 1").get();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.scheduled) clearImmediate(this.scheduled);
    this.flush();
    this.db.close();
  }
}
