// PostgreSQL store, for cities that run several collector instances behind a load balancer.
// Each insert is its own committed transaction (autocommit); the promise resolves after COMMIT.
import pg from "pg";
import QueryStream from "pg-query-stream";
import { MIGRATIONS_TABLE, migrations } from "./migrations.js";
import * as mapping from "./rows.js";
import type { ContributionStatus, InsertOutcome, ModerationDecision, NewContribution, NewResponse, Store, StoredContribution, StoredResponse } from "./types.js";

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

  streamResponses(campaign: string, page: string): AsyncIterable<StoredResponse> {
    return this.stream("SELECT * FROM responses WHERE campaign = $1 AND page = $2 ORDER BY seq", [campaign, page], mapping.responseFromRow);
  }

  /** Rows through a server-side cursor (pg-query-stream), a batch at a time, on a connection held for the stream's length. */
  private async *stream<Row, T>(sql: string, params: unknown[], map: (row: Row) => T): AsyncGenerator<T> {
    const client = await this.pool.connect();
    const rows = client.query(new QueryStream(sql, params, { batchSize: 500 }));
    let finished = false;
    try {
      for await (const row of rows) yield map(row as Row);
      finished = true;
    } finally {
      rows.destroy();
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
    const only = statuses?.length ? " AND status = ANY($3)" : "";
    return this.stream(`SELECT * FROM contributions WHERE campaign = $1 AND page = $2${only} ORDER BY seq`, statuses?.length ? [campaign, page, statuses] : [campaign, page], mapping.contributionFromRow);
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

  async ping(): Promise<void> {
    await this.pool.query("SELECT 1");
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
