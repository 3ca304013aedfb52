// Where the collector keeps what people submit: survey responses and map contributions. One
// interface, two implementations that pass the same test suite (test/collector/store-suite.ts):
// SQLite in data/ (no setup) and PostgreSQL when DATABASE_URL is set (several collector instances).
// Each implementation maps its own rows (rows.ts); callers only see the records of types.ts.
import { existsSync } from "node:fs";
import { UsageError } from "../../errors.js";
import type { Store } from "./types.js";

export type * from "./types.js";

export interface OpenStoreOptions {
  /** postgres://… ; when set, PostgreSQL is used and `file` is ignored. */
  databaseUrl?: string;
  /** SQLite file (default data/mitreden.sqlite, relative to the working directory). */
  file?: string;
  /** PostgreSQL schema to use (created if missing); default "public". Tests use one per run. */
  schema?: string;
}

export const DEFAULT_DATABASE_FILE = "data/mitreden.sqlite";

/** Opens the store and runs its migrations. */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  if (options.databaseUrl) {
    const { openPostgresStore } = await import("./postgres.js");
    return openPostgresStore(options.databaseUrl, { schema: options.schema });
  }
  const { openSqliteStore } = await import("./sqlite.js");
  return openSqliteStore(options.file ?? DEFAULT_DATABASE_FILE);
}

/**
 * For commands that read what was collected (export, moderate): the store must exist already.
 * Opening a SQLite file would create an empty one, and a mistyped --db would then "export" nothing.
 */
export async function withExistingStore<T>(options: OpenStoreOptions, run: (store: Store) => Promise<T>): Promise<T> {
  const file = options.file ?? DEFAULT_DATABASE_FILE;
  if (!options.databaseUrl && !existsSync(file)) throw new UsageError(`No database at ${file}. Pass --db <file>, or set DATABASE_URL for PostgreSQL.`);
  const store = await openStore({ ...options, file });
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

/** How a store is described to the person who started the collector (no passwords). */
export function describeStore(options: OpenStoreOptions): string {
  if (!options.databaseUrl) return `SQLite ${options.file ?? DEFAULT_DATABASE_FILE} (WAL, synchronous=FULL)`;
  try {
    const url = new URL(options.databaseUrl);
    return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
  } catch {
    return "PostgreSQL (DATABASE_URL)";
  }
}
