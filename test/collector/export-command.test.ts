// `mitreden export` as a function (the CLI and cities' scripts call it): it tells how far it is, so a
// terminal can show the rows written of a big survey, and says how many rows it wrote, and of what.
import { rmSync } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, expect, test } from "vitest";
import { exportPage } from "../../src/collector/commands.js";
import { openStore } from "../../src/collector/store/index.js";
import { CAMPAIGNS_DIR } from "./helpers/campaigns.js";
import { tempDir } from "./helpers/collector.js";
import { marktplatzContribution, marktplatzResponse } from "./helpers/seed.js";

let dir: string;
let db: string;
beforeAll(async () => {
  dir = tempDir("export-command");
  db = path.join(dir, "mitreden.sqlite");
  const store = await openStore({ file: db });
  for (let i = 0; i < 250; i++) await store.insertResponse(marktplatzResponse(i));
  for (let i = 0; i < 3; i++) await store.insertContribution(marktplatzContribution(i));
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function exported(pageId: string) {
  const seen: [number, number][] = [];
  let text = "";
  const sink = new PassThrough().on("data", (chunk: Buffer) => (text += chunk.toString()));
  const result = await exportPage({ campaignsDir: CAMPAIGNS_DIR, db, slug: "marktplatz", pageId, onProgress: (done, total) => seen.push([done, total]) }, sink);
  return { result, seen, text };
}

test("a survey's export counts its rows up to the total, and says how many responses it wrote", async () => {
  const { result, seen, text } = await exported("umfrage");
  expect(result).toEqual({ rows: 250, of: "responses" });
  expect(seen.at(-1)).toEqual([250, 250]);
  expect(seen.every(([done], i) => i === 0 || done > seen[i - 1]![0])).toBe(true);
  expect(text.trimEnd().split("\r\n")).toHaveLength(251);
});

test("a map's export counts its contributions without a total known beforehand", async () => {
  const { result, seen } = await exported("karte");
  expect(result).toEqual({ rows: 3, of: "contributions" });
  expect(seen).toEqual([[3, 0]]);
});
