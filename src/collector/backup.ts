// `mitreden backup --to <file>`: a consistent copy of the SQLite store while the collector runs,
// through SQLite's online backup API (a snapshot of one read transaction, so the copy is never half
// a transaction). PostgreSQL has pg_dump for this.
import { closeSync, existsSync, openSync, chmodSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { UsageError } from "../errors.js";
import { storeOf, type StoreLocation } from "./commands.js";
import { DEFAULT_DATABASE_FILE } from "./store/index.js";
import { PRIVATE_FILE_MODE } from "./store/sqlite.js";

export interface BackupOptions extends Omit<StoreLocation, "campaignsDir"> {
  to: string;
}

export interface BackupResult {
  file: string;
  responses: number;
  contributions: number;
}

export async function backupStore(options: BackupOptions): Promise<BackupResult> {
  const { databaseUrl, file } = storeOf({ ...options, campaignsDir: "" });
  if (databaseUrl) {
    throw new UsageError('The store is PostgreSQL (DATABASE_URL): back it up with pg_dump, e.g. pg_dump --format=custom --file=mitreden.dump "$DATABASE_URL" (README: "Backup and restore").');
  }
  const source = file ?? DEFAULT_DATABASE_FILE;
  if (!existsSync(source)) throw new UsageError(`No database at ${source}. Pass --db <file>.`);
  const target = path.resolve(options.to);
  if (path.resolve(source) === target) throw new UsageError("--to must be another file than the database itself.");
  // Into a temporary file next to the target, owner-only from the start, renamed when complete:
  // an interrupted backup never leaves a half file under the name.
  const partial = `${target}.partial`;
  closeSync(openSync(partial, "w", PRIVATE_FILE_MODE));
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // All remaining pages in one step, under one read transaction: with WAL the collector keeps
    // writing meanwhile, and the copy cannot be restarted forever by a steady stream of submissions.
    await db.backup(partial, { progress: () => 0x7fffffff });
    chmodSync(partial, PRIVATE_FILE_MODE);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  const copy = new Database(target, { readonly: true });
  try {
    const ok = copy.pragma("integrity_check", { simple: true });
    if (ok !== "ok") throw new Error(`The backup ${target} failed SQLite's integrity check: ${String(ok)}`);
    const count = (table: string) => (copy.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { file: target, responses: count("responses"), contributions: count("contributions") };
  } finally {
    copy.close();
  }
}
