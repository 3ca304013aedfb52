import { rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "vitest";
import { openStore } from "../../src/collector/store/index.js";
import { tempDir } from "./helpers/collector.js";
import { describeStore } from "./store-suite.js";

describeStore("SQLite", async () => {
  const dir = tempDir("store-sqlite");
  const file = path.join(dir, "nested", "responses.sqlite");
  return { open: () => openStore({ file }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

test("SQLite runs in WAL mode with synchronous=FULL", async () => {
  const dir = tempDir("store-pragmas");
  const file = path.join(dir, "responses.sqlite");
  const store = await openStore({ file });
  await store.close();
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.prepare("SELECT version, name FROM schema_migrations").all()).toEqual([
      { version: 1, name: "responses" },
      { version: 2, name: "contributions" },
      { version: 3, name: "desk" },
      { version: 4, name: "used-tokens-and-rate-windows" },
      { version: 5, name: "reach" },
    ]);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
