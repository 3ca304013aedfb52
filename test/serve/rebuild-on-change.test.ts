// The watcher's promise to `serve`: one rebuild per save, one at a time, and a save made while a
// rebuild runs is never lost (it schedules exactly one more).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { rebuildOnChange, type RebuildWatcher } from "../../src/serve/rebuild-on-change.js";
import { tmpDir } from "../unit/site-support.js";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let watcher: RebuildWatcher | undefined;
let dir = "";
afterEach(async () => {
  await watcher?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; !condition(); i++) {
    if (i > 200) throw new Error(`Timed out waiting for ${what}`);
    await pause(50);
  }
}

describe("rebuildOnChange", () => {
  it("runs one more rebuild, with every file saved meanwhile, when saves arrive during a rebuild", async () => {
    dir = tmpDir("watch");
    mkdirSync(path.join(dir, "marktplatz"), { recursive: true });
    const calls: string[][] = [];
    let release = () => {};
    const firstRunning = new Promise<void>((resolve) => (release = resolve));
    watcher = await rebuildOnChange(
      dir,
      async (changed) => {
        calls.push(changed.map((file) => path.relative(dir, file)));
        if (calls.length === 1) await firstRunning;
      },
      { delayMs: 100 },
    );

    writeFileSync(path.join(dir, "marktplatz", "campaign.json"), "{}");
    await until(() => calls.length === 1, "the first rebuild");
    writeFileSync(path.join(dir, "site.json"), "{}");
    await pause(300);
    writeFileSync(path.join(dir, "marktplatz", "umfrage.geojson"), "{}");
    await pause(300);
    expect(calls).toHaveLength(1); // still running: nothing starts beside it
    release();
    await until(() => calls.length === 2, "the second rebuild");
    expect(calls[0]).toEqual([path.join("marktplatz", "campaign.json")]);
    expect(calls[1]).toEqual([path.join("marktplatz", "umfrage.geojson"), "site.json"]);
    await pause(400);
    expect(calls).toHaveLength(2);
  });

  it("ignores editor leftovers: swap files, dotfiles and backups", async () => {
    dir = tmpDir("watch");
    mkdirSync(dir, { recursive: true });
    const calls: string[][] = [];
    watcher = await rebuildOnChange(dir, async (changed) => void calls.push(changed), { delayMs: 50 });
    writeFileSync(path.join(dir, ".campaign.json.swp"), "x");
    writeFileSync(path.join(dir, "campaign.json~"), "x");
    await pause(400);
    expect(calls).toEqual([]);
  });
});
