// `mitreden collect` counts short links across restarts (each stop writes its counts), and
// `mitreden reach` prints the table, writes the CSV and the privacy-notice paragraph.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { tempDir } from "./helpers/collector.js";
import { ensureBuilt, runCli, startCollectorProcess, type CollectorProcess } from "./helpers/cli.js";

const dir = tempDir("reach-cli");
const db = path.join(dir, "reach.sqlite");
const PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

beforeAll(() => ensureBuilt(), 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function stop({ child }: CollectorProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function clicks(times: number, agent = PHONE): Promise<void> {
  const collector = await startCollectorProcess(["--db", db, "--now", "2027-04-08T12:00:00+02:00"]);
  try {
    const origin = collector.url.replace(/\/api$/, "");
    for (let i = 0; i < times; i++) {
      const response = await fetch(`${origin}/l/marktplatz-endspurt-masto`, { headers: { "user-agent": agent }, redirect: "manual" });
      expect(response.status).toBe(302);
    }
  } finally {
    await stop(collector);
  }
}

test("counts survive restarts; mitreden reach prints them, writes the CSV and the privacy notice", async () => {
  await clicks(3);
  await clicks(2);
  await clicks(1, "facebookexternalhit/1.1");
  const csvFile = path.join(dir, "marktplatz.csv");
  const out = runCli(["reach", "marktplatz", "--db", db, "--out", csvFile, "--privacy-notice"]);
  expect(out).toMatch(/Mastodon\s+Noch eine Woche\s+5\s+1\s+0\s+0/);
  expect(out).toMatch(/Gesamt\s+5\s+1\s+0\s+0/);
  expect(out).toContain("Reichweitenmessung ohne Cookies");
  expect(out).toContain("Counting reach without cookies");
  const csv = readFileSync(csvFile, "utf8");
  expect(csv.split("\r\n")).toContain("Mastodon;Noch eine Woche;5;1;0;0;0;;;;;");
}, 120_000);

test("names a campaign it does not know, and a database that is not there", () => {
  expect(() => runCli(["reach", "gibtsnicht", "--db", db])).toThrow(/No campaign "gibtsnicht"/);
  expect(() => runCli(["reach", "marktplatz", "--db", path.join(dir, "fehlt.sqlite")])).toThrow(/No database at/);
});
