// PostgreSQL store, for cities that run several collector instances behind a load balancer.
// Each insert is its own committed transaction (autocommit); the promise resolves after COMMIT.
import pg from "pg";
import type { InsertOutcome, NewResponse, ResponseStore, StoredResponse } from "./index.js";
import { MIGRATIONS_TABLE, migrations } from "./migrations.js";
import { CONTRIBUTION_COLUMNS, contributionFromRow, contributionValues, type ContributionRow } from "../contributions/rows.js";
import type { ContributionStatus, ModerationDecision, NewContribution, StoredContribution } from "../contributions/types.js";

// Any fixed number: instances starting together take turns migrating.
const MIGRATION_LOCK = 7_431_214_001;

export async function openPostgresStore(connectionString: string, options: { schema?: string } = {}): Promise<ResponseStore> {
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

interface Row {
  seq: string;
  id: string;
  campaign: string;
  page: string;
  locale: string;
  answers: StoredResponse["answers"];
  received_at: Date;
  channel: "script" | "form";
  verified: boolean;
}

class PostgresStore implements ResponseStore {
  readonly kind = "postgres" as const;
  constructor(private readonly pool: pg.Pool) {}

  async insertResponse(r: NewResponse): Promise<InsertOutcome> {
    const inserted = await this.pool.query<{ seq: string }>(
      `INSERT INTO responses (id, campaign, page, locale, answers, received_at, channel, verified)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING seq`,
      [r.id, r.campaign, r.page, r.locale, JSON.stringify(r.answers), r.receivedAt, r.channel, r.verified],
    );
    if (inserted.rows[0]) return { status: "inserted", seq: Number(inserted.rows[0].seq) };
    const existing = await this.pool.query<{ seq: string; campaign: string; page: string }>(
      "SELECT seq, campaign, page FROM responses WHERE id = $1",
      [r.id],
    );
    const row = existing.rows[0]!;
    return row.campaign === r.campaign && row.page === r.page ? { status: "duplicate", seq: Number(row.seq) } : { status: "conflict" };
  }

  async listResponses(campaign: string, page: string): Promise<StoredResponse[]> {
    const result = await this.pool.query<Row>("SELECT * FROM responses WHERE campaign = $1 AND page = $2 ORDER BY seq", [campaign, page]);
    return result.rows.map((row) => ({
      seq: Number(row.seq),
      id: row.id,
      campaign: row.campaign,
      page: row.page,
      locale: row.locale,
      answers: row.answers,
      receivedAt: row.received_at.toISOString(),
      channel: row.channel,
      verified: row.verified,
    }));
  }

  async insertContribution(c: NewContribution): Promise<InsertOutcome> {
    const values = contributionValues(c, (b) => b);
    const inserted = await this.pool.query<{ seq: string }>(
      `INSERT INTO contributions (${CONTRIBUTION_COLUMNS}) VALUES (${values.map((_, i) => `$${i + 1}`).join(", ")}) ON CONFLICT (id) DO NOTHING RETURNING seq`,
      values,
    );
    if (inserted.rows[0]) return { status: "inserted", seq: Number(inserted.rows[0].seq) };
    const row = (await this.pool.query<{ seq: string; campaign: string; page: string }>("SELECT seq, campaign, page FROM contributions WHERE id = $1", [c.id])).rows[0]!;
    return row.campaign === c.campaign && row.page === c.page ? { status: "duplicate", seq: Number(row.seq) } : { status: "conflict" };
  }

  async listContributions(campaign: string, page: string, statuses?: ContributionStatus[]): Promise<StoredContribution[]> {
    const only = statuses?.length ? " AND status = ANY($3)" : "";
    const params: unknown[] = statuses?.length ? [campaign, page, statuses] : [campaign, page];
    const result = await this.pool.query<ContributionRow>(`SELECT * FROM contributions WHERE campaign = $1 AND page = $2${only} ORDER BY seq`, params);
    return result.rows.map(contributionFromRow);
  }

  async contributionsVersion(campaign: string, page: string): Promise<string> {
    const row = (await this.pool.query<{ n: string; s: string | null; m: Date | null }>("SELECT count(*) AS n, max(seq) AS s, max(moderated_at) AS m FROM contributions WHERE campaign = $1 AND page = $2", [campaign, page])).rows[0]!;
    return `${row.n}/${row.s ?? 0}/${row.m?.toISOString() ?? ""}`;
  }

  async moderateContribution(campaign: string, id: string, decision: ModerationDecision): Promise<StoredContribution | undefined> {
    const result = await this.pool.query<ContributionRow>(
      "UPDATE contributions SET status = $1, reason = $2, moderated_at = $3 WHERE campaign = $4 AND id = $5 RETURNING *",
      [decision.status, decision.reason ?? null, decision.at, campaign, id.toLowerCase()],
    );
    return result.rows[0] ? contributionFromRow(result.rows[0]) : undefined;
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
