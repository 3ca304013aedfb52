// PostgreSQL store, for cities that run several collector instances behind a load balancer.
// Each insert is its own committed transaction (autocommit); the promise resolves after COMMIT.
import pg from "pg";
import { MIGRATIONS_TABLE, migrations } from "./migrations.js";
import * as mapping from "./rows.js";
import type { ContributionStatus, InsertOutcome, ModerationDecision, NewContribution, NewResponse, PostMetrics, ReachCount, ReachSubmission, Store, StoredContribution, StoredResponse } from "./types.js";

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

  async addReachCounts(counts: ReachCount[]): Promise<void> {
    if (counts.length === 0) return;
    // One transaction for the batch; rows in a fixed order, so two instances flushing at once
    // take the rows' locks in the same order and never deadlock.
    const sorted = [...counts].sort((a, b) => reachKey(a).localeCompare(reachKey(b)));
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      for (const count of sorted) await client.query(mapping.reachUpsert("postgres"), mapping.reachValues(count));
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
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
