// PostgreSQL store, for cities that run several collector instances behind a load balancer.
// Each insert is its own committed transaction (autocommit); the promise resolves after COMMIT.
import pg from "pg";
import Cursor from "pg-cursor";
import { MIGRATIONS_TABLE, migrations } from "./migrations.js";
import * as mapping from "./rows.js";
import type { Answers } from "../../forms/fields.js";
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
  RateWindows,
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

// Any fixed number: instances starting together take turns migrating.
const MIGRATION_LOCK = 7_431_214_001;

export async function openPostgresStore(connectionString: string, options: { schema?: string } = {}): Promise<Store> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid PostgreSQL schema name "${schema}".`);
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  try {
    await migrate(pool, schema);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PostgresStore(pool);
}

async function migrate(pool: pg.Pool, schema: string | undefined): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(MIGRATIONS_TABLE);
    const applied = new Set((await client.query<{ version: number }>("SELECT version FROM schema_migrations")).rows.map((r) => r.version));
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.postgres);
      await client.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

const pgBool = (b: boolean) => b;

class PostgresStore implements Store {
  readonly kind = "postgres" as const;
  private claims = 0;
  private takes = 0;
  constructor(private readonly pool: pg.Pool) {}

  insertResponse(r: NewResponse): Promise<InsertOutcome> {
    return this.insert("responses", mapping.RESPONSE_COLUMNS, mapping.responseValues(r, pgBool), r);
  }

  async listResponses(campaign: string, page: string): Promise<StoredResponse[]> {
    const result = await this.pool.query<mapping.ResponseRow>("SELECT * FROM responses WHERE campaign = $1 AND page = $2 ORDER BY seq", [campaign, page]);
    return result.rows.map(mapping.responseFromRow);
  }

  streamResponses(campaign: string, page: string): AsyncIterable<StoredResponse> {
    return mapping.oneByOne(this.responseBatches(campaign, page));
  }

  responseBatches(campaign: string, page: string, options: { after?: number } = {}): AsyncIterable<StoredResponse[]> {
    // The arrival time as the ISO text the records hold, written by PostgreSQL: node-postgres would
    // parse it into a Date in JavaScript first, a good part of a million responses' export. Rows as
    // arrays, without the campaign and page the query names: node-postgres then builds no object
    // per row, and reads two columns fewer.
    const read = (v: unknown[]) =>
      mapping.responseFromRow({ seq: v[0], id: v[1], campaign, page, locale: v[2], answers: v[3], received_at: v[4], channel: v[5], verified: v[6], version: v[7], timing: v[8], referral: v[9] } as mapping.ResponseRow);
    return this.batches(
      `SELECT seq, id, locale, answers, to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS received_at, channel, verified, version, timing, referral
       FROM responses WHERE campaign = $1 AND page = $2${options.after === undefined ? "" : " AND seq > $3"} ORDER BY seq`,
      [campaign, page, ...(options.after === undefined ? [] : [options.after])],
      read,
      { rowMode: "array" },
    );
  }

  answerBatches(campaign: string, page: string, range?: Pick<ResponseRange, "after" | "upTo">): AsyncIterable<Answers[]> {
    const part = range ? " AND seq > $3 AND seq <= $4" : "";
    return this.batches(`SELECT answers FROM responses WHERE campaign = $1 AND page = $2${part} ORDER BY seq`, [campaign, page, ...(range ? [range.after, range.upTo] : [])], (row: [Answers]) => row[0], { rowMode: "array" });
  }

  async responseRanges(campaign: string, page: string, parts: number): Promise<ResponseRange[]> {
    const count = Number((await this.pool.query<{ n: string }>("SELECT count(*) AS n FROM responses WHERE campaign = $1 AND page = $2", [campaign, page])).rows[0]!.n);
    const offsets = mapping.rangeOffsets(count, parts);
    const ends: number[] = [];
    for (const offset of offsets) {
      const row = (await this.pool.query<{ seq: string }>("SELECT seq FROM responses WHERE campaign = $1 AND page = $2 ORDER BY seq LIMIT 1 OFFSET $3", [campaign, page, offset])).rows[0];
      ends.push(Number(row!.seq));
    }
    return mapping.rangesEndingAt(offsets, ends);
  }

  /** Rows through a server-side cursor (pg-cursor), a batch at a time, on a connection held for the stream's length. */
  private async *batches<Row, T>(sql: string, params: unknown[], map: (row: Row) => T, config?: { rowMode?: "array" }): AsyncGenerator<T[]> {
    const client = await this.pool.connect();
    const cursor = client.query(new Cursor<Row>(sql, params, config));
    let finished = false;
    try {
      for (let rows = await cursor.read(mapping.STREAM_BATCH); rows.length > 0; rows = await cursor.read(mapping.STREAM_BATCH)) yield rows.map(map);
      finished = true;
    } finally {
      await cursor.close().catch(() => undefined);
      // A connection left mid-cursor (the consumer stopped early, or failed) is closed, not reused.
      client.release(finished ? undefined : true);
    }
  }

  insertContribution(c: NewContribution): Promise<InsertOutcome> {
    return this.insert("contributions", mapping.CONTRIBUTION_COLUMNS, mapping.contributionValues(c, pgBool), c);
  }

  /** One autocommitted INSERT; the promise resolves after COMMIT. A known id is looked up to tell a retry from a conflict. */
  private async insert(table: "responses" | "contributions", columns: string, values: unknown[], record: { id: string; campaign: string; page: string }): Promise<InsertOutcome> {
    const inserted = await this.pool.query<{ seq: string }>(`INSERT INTO ${table} (${columns}) VALUES (${mapping.placeholders(values.length, "postgres")}) ON CONFLICT (id) DO NOTHING RETURNING seq`, values);
    const existing = inserted.rows[0] ? undefined : (await this.pool.query<{ seq: string; campaign: string; page: string }>(`SELECT seq, campaign, page FROM ${table} WHERE id = $1`, [record.id])).rows[0]!;
    return mapping.insertOutcome(inserted.rows[0]?.seq, () => existing!, record);
  }

  async listContributions(campaign: string, page: string, statuses?: ContributionStatus[]): Promise<StoredContribution[]> {
    const only = statuses?.length ? " AND status = ANY($3)" : "";
    const params: unknown[] = statuses?.length ? [campaign, page, statuses] : [campaign, page];
    const result = await this.pool.query<mapping.ContributionRow>(`SELECT * FROM contributions WHERE campaign = $1 AND page = $2${only} ORDER BY seq`, params);
    return result.rows.map(mapping.contributionFromRow);
  }

  streamContributions(campaign: string, page: string, statuses?: ContributionStatus[]): AsyncIterable<StoredContribution> {
    return mapping.oneByOne(this.contributionBatches(campaign, page, statuses));
  }

  contributionBatches(campaign: string, page: string, statuses?: ContributionStatus[]): AsyncIterable<StoredContribution[]> {
    const only = statuses?.length ? " AND status = ANY($3)" : "";
    return this.batches(`SELECT * FROM contributions WHERE campaign = $1 AND page = $2${only} ORDER BY seq`, statuses?.length ? [campaign, page, statuses] : [campaign, page], mapping.contributionFromRow);
  }

  async responsesSummary(campaign: string, page: string, upTo: number): Promise<ResponsesSummary> {
    const { sql, values } = mapping.responsesSummaryQuery(campaign, page, upTo, "postgres");
    return mapping.responsesSummaryFromRow((await this.pool.query<mapping.SummaryRow>(sql, values)).rows[0]!);
  }

  async contributionsVersion(campaign: string, page: string, statuses: ContributionStatus[]): Promise<string> {
    const { sql, values } = mapping.contributionsVersionQuery(campaign, page, statuses, "postgres");
    const row = (await this.pool.query<mapping.VersionRow>(sql, values)).rows[0]!;
    return mapping.versionText(row);
  }

  async getContribution(id: string, campaign?: string): Promise<StoredContribution | undefined> {
    const result =
      campaign === undefined
        ? await this.pool.query<mapping.ContributionRow>("SELECT * FROM contributions WHERE id = $1", [id.toLowerCase()])
        : await this.pool.query<mapping.ContributionRow>("SELECT * FROM contributions WHERE id = $1 AND campaign = $2", [id.toLowerCase(), campaign]);
    return result.rows[0] ? mapping.contributionFromRow(result.rows[0]) : undefined;
  }

  /** Runs `work` in one transaction on one connection. */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  private async appendAuditWith(client: pg.PoolClient | pg.Pool, entry: NewAuditEntry): Promise<void> {
    await client.query(`INSERT INTO audit_log (${mapping.AUDIT_COLUMNS}) VALUES ($1, $2, $3, $4, $5::jsonb)`, mapping.auditValues(entry));
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
  private changeVersioned<Row extends pg.QueryResultRow, T>(table: "responses" | "contributions", columns: string[], values: unknown[], id: string, expectedVersion: number, fromRow: (row: Row) => T, audit: NewAuditEntry): Promise<ChangeOutcome<T>> {
    // Parameters are sent untyped: PostgreSQL reads each as its column's type (JSON text as jsonb).
    const set = [...columns.map((c, i) => `${c} = $${i + 1}`), "version = version + 1"].join(", ");
    const n = values.length;
    return this.transaction(async (client): Promise<ChangeOutcome<T>> => {
      const updated = await client.query<Row>(`UPDATE ${table} SET ${set} WHERE id = $${n + 1} AND version = $${n + 2} RETURNING *`, [...values, id.toLowerCase(), expectedVersion]);
      if (updated.rows[0]) {
        await this.appendAuditWith(client, audit);
        return { outcome: "changed", record: fromRow(updated.rows[0]) };
      }
      const now = (await client.query<Row>(`SELECT * FROM ${table} WHERE id = $1`, [id.toLowerCase()])).rows[0];
      return now ? { outcome: "stale", record: fromRow(now) } : { outcome: "missing" };
    });
  }

  async queue(filter: QueueFilter, range: { limit: number; offset: number }): Promise<StoredContribution[]> {
    const { where, values } = mapping.queueWhere(filter, "postgres");
    const n = values.length;
    const result = await this.pool.query<mapping.ContributionRow>(`SELECT * FROM contributions${where} ORDER BY seq DESC LIMIT $${n + 1} OFFSET $${n + 2}`, [...values, range.limit, range.offset]);
    return result.rows.map(mapping.contributionFromRow);
  }

  async queueCounts(filter: QueueFilter): Promise<Record<ContributionStatus, number>> {
    const { where, values } = mapping.queueWhere({ ...filter, status: undefined }, "postgres");
    const result = await this.pool.query<{ status: ContributionStatus; n: string }>(`SELECT status, count(*) AS n FROM contributions${where} GROUP BY status`, values);
    return mapping.statusCounts(result.rows);
  }

  async getResponse(id: string): Promise<StoredResponse | undefined> {
    const result = await this.pool.query<mapping.ResponseRow>("SELECT * FROM responses WHERE id = $1", [id.toLowerCase()]);
    return result.rows[0] ? mapping.responseFromRow(result.rows[0]) : undefined;
  }

  async responsesPage(campaign: string, page: string, range: { limit: number; offset: number }): Promise<StoredResponse[]> {
    const result = await this.pool.query<mapping.ResponseRow>("SELECT * FROM responses WHERE campaign = $1 AND page = $2 ORDER BY seq DESC LIMIT $3 OFFSET $4", [campaign, page, range.limit, range.offset]);
    return result.rows.map(mapping.responseFromRow);
  }

  async responseTimes(campaign: string, page: string): Promise<string[]> {
    const result = await this.pool.query<{ received_at: Date }>("SELECT received_at FROM responses WHERE campaign = $1 AND page = $2 ORDER BY seq", [campaign, page]);
    return result.rows.map((r) => r.received_at.toISOString());
  }

  async changeResponse(id: string, expectedVersion: number, answers: Answers, audit: NewAuditEntry): Promise<ChangeOutcome<StoredResponse>> {
    return this.changeVersioned("responses", ["answers"], [JSON.stringify(answers)], id, expectedVersion, mapping.responseFromRow, audit);
  }

  async addUser(user: NewUser, audit: NewAuditEntry): Promise<"added" | "exists"> {
    return this.transaction(async (client) => {
      const inserted = await client.query(
        "INSERT INTO users (name, role, password_hash, created_at, password_changed_at) VALUES ($1, $2, $3, $4, $4) ON CONFLICT (name) DO NOTHING RETURNING id",
        [user.name, user.role, user.passwordHash, user.createdAt],
      );
      if (inserted.rowCount !== 1) return "exists";
      await this.appendAuditWith(client, audit);
      return "added";
    });
  }

  async findUser(name: string): Promise<StoredUser | undefined> {
    const result = await this.pool.query<mapping.UserRow>("SELECT * FROM users WHERE name = $1", [name]);
    return result.rows[0] ? mapping.userFromRow(result.rows[0]) : undefined;
  }

  async listUsers(): Promise<StoredUser[]> {
    return (await this.pool.query<mapping.UserRow>("SELECT * FROM users ORDER BY name")).rows.map(mapping.userFromRow);
  }

  async setPassword(name: string, passwordHash: string, at: string, audit: NewAuditEntry): Promise<boolean> {
    return this.transaction(async (client) => {
      const user = (await client.query<{ id: string }>("UPDATE users SET password_hash = $1, password_changed_at = $2 WHERE name = $3 RETURNING id", [passwordHash, at, name])).rows[0];
      if (!user) return false;
      await client.query("DELETE FROM desk_sessions WHERE user_id = $1", [user.id]);
      await this.appendAuditWith(client, audit);
      return true;
    });
  }

  async removeUser(name: string, audit: NewAuditEntry): Promise<boolean> {
    return this.transaction(async (client) => {
      const removed = await client.query("DELETE FROM users WHERE name = $1", [name]);
      if (removed.rowCount !== 1) return false;
      await this.appendAuditWith(client, audit);
      return true;
    });
  }

  async createSession(session: NewSession): Promise<void> {
    await this.pool.query("INSERT INTO desk_sessions (token_hash, user_id, created_at, seen_at) VALUES ($1, $2, $3, $4)", [session.tokenHash, session.userId, session.createdAt, session.seenAt]);
  }

  async findSession(tokenHash: string): Promise<StoredSession | undefined> {
    const result = await this.pool.query<mapping.SessionRow>(`${mapping.SESSION_SELECT} WHERE s.token_hash = $1`, [tokenHash]);
    return result.rows[0] ? mapping.sessionFromRow(result.rows[0]) : undefined;
  }

  async touchSession(tokenHash: string, seenAt: string): Promise<void> {
    await this.pool.query("UPDATE desk_sessions SET seen_at = $1 WHERE token_hash = $2", [seenAt, tokenHash]);
  }

  async setFlash(tokenHash: string, flash: string | undefined): Promise<void> {
    await this.pool.query("UPDATE desk_sessions SET flash = $1 WHERE token_hash = $2", [flash ?? null, tokenHash]);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.pool.query("DELETE FROM desk_sessions WHERE token_hash = $1", [tokenHash]);
  }

  async deleteExpiredSessions(idleBefore: string, createdBefore: string): Promise<number> {
    return (await this.pool.query("DELETE FROM desk_sessions WHERE seen_at < $1 OR created_at < $2", [idleBefore, createdBefore])).rowCount ?? 0;
  }

  async loginFailures(key: string): Promise<LoginFailures | undefined> {
    const result = await this.pool.query<mapping.LoginFailuresRow>("SELECT failures, first_at, locked_until FROM login_failures WHERE key = $1", [key]);
    return result.rows[0] ? mapping.loginFailuresFromRow(result.rows[0]) : undefined;
  }

  async recordLoginFailure(key: string, at: string, rule: { windowStart: string; lockAfter: number; lockedUntil: string }): Promise<LoginFailures> {
    // One statement: concurrent failures from several instances each count.
    const result = await this.pool.query<mapping.LoginFailuresRow>(
      `INSERT INTO login_failures AS f (key, failures, first_at) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN f.first_at < $3 THEN 1 ELSE f.failures + 1 END,
         first_at = CASE WHEN f.first_at < $3 THEN excluded.first_at ELSE f.first_at END,
         locked_until = CASE WHEN (CASE WHEN f.first_at < $3 THEN 1 ELSE f.failures + 1 END) >= $4 THEN $5::timestamptz ELSE f.locked_until END
       RETURNING failures, first_at, locked_until`,
      [key, at, rule.windowStart, rule.lockAfter, rule.lockedUntil],
    );
    let row = result.rows[0]!;
    // The very first failure may already reach the limit (lockAfter 1).
    if (Number(row.failures) >= rule.lockAfter && row.locked_until === null) {
      row = (await this.pool.query<mapping.LoginFailuresRow>("UPDATE login_failures SET locked_until = $1 WHERE key = $2 RETURNING failures, first_at, locked_until", [rule.lockedUntil, key])).rows[0]!;
    }
    return mapping.loginFailuresFromRow(row);
  }

  async clearLoginFailures(key: string): Promise<void> {
    await this.pool.query("DELETE FROM login_failures WHERE key = $1", [key]);
  }

  async deleteOldLoginFailures(before: string): Promise<void> {
    await this.pool.query("DELETE FROM login_failures WHERE first_at < $1 AND (locked_until IS NULL OR locked_until < $1)", [before]);
  }

  async appendAudit(entry: NewAuditEntry): Promise<void> {
    await this.appendAuditWith(this.pool, entry);
  }

  async listAudit(filter: AuditFilter, range: { limit: number; offset: number }): Promise<AuditEntry[]> {
    const { where, values } = mapping.auditWhere(filter, "postgres");
    const n = values.length;
    const result = await this.pool.query<mapping.AuditRow>(`SELECT * FROM audit_log${where} ORDER BY seq DESC LIMIT $${n + 1} OFFSET $${n + 2}`, [...values, range.limit, range.offset]);
    return result.rows.map(mapping.auditFromRow);
  }

  async countAudit(filter: AuditFilter): Promise<number> {
    const { where, values } = mapping.auditWhere(filter, "postgres");
    return Number((await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM audit_log${where}`, values)).rows[0]!.n);
  }

  async countResponses(campaign?: string, page?: string): Promise<number> {
    const where = campaign === undefined ? "" : page === undefined ? " WHERE campaign = $1" : " WHERE campaign = $1 AND page = $2";
    const params = [campaign, page].filter((v) => v !== undefined);
    const result = await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM responses${where}`, params);
    return Number(result.rows[0]!.n);
  }

  async claimToken(tokenId: string, submissionId: string, expires: number): Promise<boolean> {
    // Now and then, forget the tokens that no longer verify anyway.
    if (++this.claims % 500 === 0) await this.pool.query("DELETE FROM used_tokens WHERE expires < $1", [Date.now()]);
    const result = await this.pool.query<{ submission: string }>(
      // DO UPDATE with an unchanged value, so RETURNING gives the row in both cases, in one round trip.
      "INSERT INTO used_tokens (id, submission, expires) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET expires = used_tokens.expires RETURNING submission",
      [tokenId, submissionId, expires],
    );
    return result.rows[0]!.submission === submissionId;
  }

  readonly sharedRateWindows: RateWindows = {
    take: async (key, cost, max, windowMs, now) => {
      if (++this.takes % 1000 === 0) await this.pool.query("DELETE FROM rate_windows WHERE started < $1", [now - windowMs]);
      // One statement, atomic across instances: a new or expired window starts over; a current one
      // grows only when the cost still fits. No row back means refused.
      const taken = await this.pool.query(
        `INSERT INTO rate_windows (key, started, used) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET
           started = CASE WHEN rate_windows.started <= $2 - $4 THEN $2 ELSE rate_windows.started END,
           used = CASE WHEN rate_windows.started <= $2 - $4 THEN $3 ELSE rate_windows.used + $3 END
         WHERE rate_windows.started <= $2 - $4 OR rate_windows.used + $3 <= $5
         RETURNING used`,
        [key, now, cost, windowMs, max],
      );
      if (taken.rowCount) return { allowed: true };
      const row = (await this.pool.query<{ started: string }>("SELECT started FROM rate_windows WHERE key = $1", [key])).rows[0];
      const started = row ? Number(row.started) : now;
      return { allowed: false, retryAfter: Math.max(1, Math.ceil((started + windowMs - now) / 1000)) };
    },
    refund: async (key, cost) => {
      await this.pool.query("UPDATE rate_windows SET used = greatest(used - $2, 0) WHERE key = $1", [key, cost]);
    },
  };

  async findByText(text: string): Promise<{ responses: StoredResponse[]; contributions: StoredContribution[] }> {
    const needle = text.toLowerCase();
    const responses = await this.pool.query<mapping.ResponseRow>("SELECT * FROM responses WHERE strpos(lower(answers::text), $1) > 0 ORDER BY seq", [needle]);
    const contributions = await this.pool.query<mapping.ContributionRow>(
      "SELECT * FROM contributions WHERE strpos(lower(comment), $1) > 0 OR strpos(lower(coalesce(description, '')), $1) > 0 ORDER BY seq",
      [needle],
    );
    return { responses: responses.rows.map(mapping.responseFromRow), contributions: contributions.rows.map(mapping.contributionFromRow) };
  }

  async replaceAnswers(changes: { id: string; answers: StoredResponse["answers"] }[]): Promise<void> {
    await this.transaction(async (client) => {
      for (const c of changes) await client.query("UPDATE responses SET answers = $1 WHERE id = $2", [JSON.stringify(c.answers), c.id]);
    });
  }

  async deleteSubmissions(ids: { responses: string[]; contributions: string[] }): Promise<number> {
    return this.transaction(async (client) => {
      const responses = await client.query("DELETE FROM responses WHERE id = ANY($1)", [ids.responses]);
      const contributions = await client.query("DELETE FROM contributions WHERE id = ANY($1)", [ids.contributions]);
      return (responses.rowCount ?? 0) + (contributions.rowCount ?? 0);
    });
  }

  async addReachCounts(counts: ReachCount[]): Promise<void> {
    if (counts.length === 0) return;
    // One transaction for the batch; rows in a fixed order, so two instances flushing at once
    // take the rows' locks in the same order and never deadlock.
    const sorted = [...counts].sort((a, b) => reachKey(a).localeCompare(reachKey(b)));
    await this.transaction(async (client) => {
      for (const count of sorted) await client.query(mapping.reachUpsert("postgres"), mapping.reachValues(count));
    });
  }

  async listReachCounts(campaign: string): Promise<ReachCount[]> {
    const result = await this.pool.query<mapping.ReachCountRow>(mapping.REACH_COUNTS_QUERY, [campaign]);
    return result.rows.map(mapping.reachCountFromRow);
  }

  async listReachSubmissions(campaign: string): Promise<ReachSubmission[]> {
    const result = await this.pool.query<Parameters<typeof mapping.reachSubmissionFromRow>[0]>(mapping.REACH_SUBMISSIONS_QUERY, [campaign]);
    return result.rows.map(mapping.reachSubmissionFromRow);
  }

  async setPostMetrics(metrics: PostMetrics): Promise<void> {
    await this.pool.query(mapping.postMetricsUpsert("postgres"), mapping.postMetricsValues(metrics));
  }

  async listPostMetrics(campaign: string): Promise<PostMetrics[]> {
    return (await this.pool.query<Record<string, unknown>>(mapping.POST_METRICS_QUERY, [campaign])).rows.map(mapping.postMetricsFromRow);
  }

  async ping(): Promise<void> {
    await this.pool.query("SELECT 1");
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

const reachKey = (c: ReachCount) => `${c.campaign}\u0000${c.source}\u0000${c.content}\u0000${c.day}`;
