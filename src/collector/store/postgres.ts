// PostgreSQL store, for cities that run several collector instances behind a load balancer.
// Each insert is its own committed transaction (autocommit); the promise resolves after COMMIT.
import pg from "pg";
import { MIGRATIONS_TABLE, migrations } from "./migrations.js";
import * as mapping from "./rows.js";
import type { ContributionStatus, InsertOutcome, ModerationDecision, NewContribution, NewAuditEntry, NewResponse, RateWindows, Store, StoredContribution, StoredResponse } from "./types.js";

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

  async contributionsVersion(campaign: string, page: string): Promise<string> {
    const row = (await this.pool.query<{ n: string; s: string | null; m: Date | null }>("SELECT count(*) AS n, max(seq) AS s, max(moderated_at) AS m FROM contributions WHERE campaign = $1 AND page = $2", [campaign, page])).rows[0]!;
    return `${row.n}/${row.s ?? 0}/${row.m?.toISOString() ?? ""}`;
  }

  async moderateContribution(campaign: string, id: string, decision: ModerationDecision): Promise<StoredContribution | undefined> {
    const result = await this.pool.query<mapping.ContributionRow>(
      "UPDATE contributions SET status = $1, reason = $2, moderated_at = $3 WHERE campaign = $4 AND id = $5 RETURNING *",
      [decision.status, decision.reason ?? null, decision.at, campaign, id.toLowerCase()],
    );
    return result.rows[0] ? mapping.contributionFromRow(result.rows[0]) : undefined;
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

  async appendAuditEntry(entry: NewAuditEntry): Promise<void> {
    await this.pool.query("INSERT INTO audit_log (at, actor, action, target, details) VALUES ($1, $2, $3, $4, $5)", [entry.at, entry.actor, entry.action, entry.target ?? null, entry.details ? JSON.stringify(entry.details) : null]);
  }

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

  async ping(): Promise<void> {
    await this.pool.query("SELECT 1");
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
