// The two stores a collector test runs on, as `describe.each` rows: a fresh SQLite file and a
// schema of a throwaway PostgreSQL cluster (started once for the file, stopped after it).
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { openStore, type Store } from "../../../src/collector/store/index.js";
import { tempDir } from "./collector.js";
import { startPostgres, type TestPostgres } from "./postgres.js";

export type StoreRow = [name: string, open: () => Promise<Store>];

/**
 * Call at the top level of a test file; `label` names the SQLite file's temp folder. Each call of the
 * PostgreSQL row's `open` is a store of its own on the same schema: a second collector instance.
 */
export function bothStores(label: string): StoreRow[] {
  let pg: TestPostgres | undefined;
  beforeAll(async () => {
    pg = await startPostgres();
  }, 60_000);
  afterAll(async () => pg?.stop());
  return [
    ["SQLite", () => openStore({ file: path.join(tempDir(label), "store.sqlite") })],
    ["PostgreSQL", () => openStore({ databaseUrl: pg!.url, schema: pg!.schema })],
  ];
}
