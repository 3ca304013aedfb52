// SQLite store: WAL with synchronous=FULL, so a committed row survives a crash and a power cut.
// Submissions arriving together are committed together ("group commit"): one fsync for the batch,
// and every promise resolves only after that commit. That is what makes FULL fast enough.
import { closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS_TABLE, migrations } from "./migrations.js";
import * as mapping from "./rows.js";
import type { ContributionStatus, InsertOutcome, ModerationDecision, NewContribution, NewAuditEntry, NewResponse, Store, StoredContribution, StoredResponse } from "./types.js";

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
  private readonly runBatch: (batch: Pending[]) => unknown[];
  private readonly insertOne: (r: NewResponse) => InsertOutcome;
  private readonly claimOne: (tokenId: string, submissionId: string, expires: number) => boolean;
  private claims = 0;

  constructor(private readonly db: Database.Database) {
    const insert = db.prepare(`INSERT INTO responses (${mapping.RESPONSE_COLUMNS}) VALUES (${mapping.placeholders(9, "sqlite")}) ON CONFLICT (id) DO NOTHING`);
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
      this.queue.push({ work, resolve: resolve as (outcome: unknown) => void, reject });
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

  async insertContribution(c: NewContribution): Promise<InsertOutcome> {
    if (this.closed) throw new Error("The store is closed.");
    // One row, one transaction: contributions are rare next to survey answers, no batching needed.
    return this.db.transaction((): InsertOutcome => {
      const info = this.db
        .prepare(`INSERT INTO contributions (${mapping.CONTRIBUTION_COLUMNS}) VALUES (${mapping.placeholders(14, "sqlite")}) ON CONFLICT (id) DO NOTHING`)
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

  async appendAuditEntry(entry: NewAuditEntry): Promise<void> {
    this.db.prepare("INSERT INTO audit_log (at, actor, action, target, details) VALUES (?, ?, ?, ?, ?)").run(entry.at, entry.actor, entry.action, entry.target ?? null, entry.details ? JSON.stringify(entry.details) : null);
  }

  /** The file's path, for an online backup. */
  get file(): string {
    return this.db.name;
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
