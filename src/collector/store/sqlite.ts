// SQLite store: WAL with synchronous=FULL, so a committed row survives a crash and a power cut.
// Submissions arriving together are committed together ("group commit"): one fsync for the batch,
// and every promise resolves only after that commit. That is what makes FULL fast enough.
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS_TABLE, migrations } from "./migrations.js";
import * as mapping from "./rows.js";
import type { ContributionStatus, InsertOutcome, ModerationDecision, NewContribution, NewResponse, PostMetrics, ReachCount, ReachSubmission, Store, StoredContribution, StoredResponse } from "./types.js";

interface Pending {
  response: NewResponse;
  resolve(outcome: InsertOutcome): void;
  reject(error: unknown): void;
}

export function openSqliteStore(file: string): Store {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  const mode = db.pragma("journal_mode = WAL", { simple: true });
  if (mode !== "wal") throw new Error(`SQLite refused WAL mode for ${file} (got "${String(mode)}"); is it on a network drive?`);
  db.pragma("synchronous = FULL");
  // Another process (mitreden export) may hold the lock for a moment.
  db.pragma("busy_timeout = 5000");
  migrate(db);
  return new SqliteStore(db);
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

class SqliteStore implements Store {
  readonly kind = "sqlite" as const;
  private queue: Pending[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private closed = false;
  private readonly insertBatch: (batch: NewResponse[]) => InsertOutcome[];

  constructor(private readonly db: Database.Database) {
    const insert = db.prepare(`INSERT INTO responses (${mapping.RESPONSE_COLUMNS}) VALUES (${mapping.placeholders(mapping.columnCount(mapping.RESPONSE_COLUMNS), "sqlite")}) ON CONFLICT (id) DO NOTHING`);
    const existing = db.prepare("SELECT seq, campaign, page FROM responses WHERE id = ?");
    const transaction = db.transaction((batch: NewResponse[]) =>
      batch.map((r): InsertOutcome => {
        const info = insert.run(...mapping.responseValues(r, sqliteBool));
        return mapping.insertOutcome(info.changes === 1 ? Number(info.lastInsertRowid) : undefined, () => existing.get(r.id) as { seq: number; campaign: string; page: string }, r);
      }),
    );
    this.insertBatch = (batch) => transaction.immediate(batch);
  }

  insertResponse(response: NewResponse): Promise<InsertOutcome> {
    if (this.closed) return Promise.reject(new Error("The store is closed."));
    return new Promise((resolve, reject) => {
      this.queue.push({ response, resolve, reject });
      // setImmediate runs after this turn's I/O callbacks: every request parsed meanwhile joins the batch.
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    this.scheduled = undefined;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    try {
      const outcomes = this.insertBatch(batch.map((p) => p.response));
      batch.forEach((p, i) => p.resolve(outcomes[i]!));
    } catch {
      // The batch rolled back as a whole; one at a time, a failing row fails only its own request.
      for (const pending of batch) {
        try {
          pending.resolve(this.insertBatch([pending.response])[0]!);
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

  async contributionsVersion(campaign: string, page: string): Promise<string> {
    const row = this.db.prepare("SELECT count(*) AS n, max(seq) AS s, max(moderated_at) AS m FROM contributions WHERE campaign = ? AND page = ?").get(campaign, page) as { n: number; s: number | null; m: string | null };
    return `${row.n}/${row.s ?? 0}/${row.m ?? ""}`;
  }

  async moderateContribution(campaign: string, id: string, decision: ModerationDecision): Promise<StoredContribution | undefined> {
    this.db
      .prepare("UPDATE contributions SET status = ?, reason = ?, moderated_at = ? WHERE campaign = ? AND id = ?")
      .run(decision.status, decision.reason ?? null, decision.at, campaign, id.toLowerCase());
    const row = this.db.prepare("SELECT * FROM contributions WHERE campaign = ? AND id = ?").get(campaign, id.toLowerCase()) as mapping.ContributionRow | undefined;
    return row ? mapping.contributionFromRow(row) : undefined;
  }

  async countResponses(campaign?: string, page?: string): Promise<number> {
    const where = campaign === undefined ? "" : page === undefined ? " WHERE campaign = ?" : " WHERE campaign = ? AND page = ?";
    const params = [campaign, page].filter((v) => v !== undefined);
    return (this.db.prepare(`SELECT count(*) AS n FROM responses${where}`).get(...params) as { n: number }).n;
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
