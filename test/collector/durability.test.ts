// An acknowledged submission is never lost and never doubled: several clients submit, the collector
// process is killed with SIGKILL mid-stream, restarted, and the clients retry what went unanswered
// with the same ids. The export then holds every acknowledged submission exactly once.
import { randomUUID } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { fullMarktplatzAnswers } from "./helpers/campaigns.js";
import { ensureBuilt, runCli, runCliWithMessages, startCollectorProcess, type CollectorProcess } from "./helpers/cli.js";
import { tempDir } from "./helpers/collector.js";

const CLIENTS = 8;
let dir: string;
let db: string;
const running: CollectorProcess[] = [];

beforeAll(() => {
  ensureBuilt();
  dir = tempDir("durability");
  db = path.join(dir, "responses.sqlite");
});
afterAll(() => {
  for (const p of running) p.child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

const args = () => ["--db", db, "--now", "2027-03-15T12:00:00+01:00", "--rate-limit", "1000000"];

interface Submission {
  id: string;
  body: string;
}

async function submit(url: string, s: Submission): Promise<number | "no answer"> {
  try {
    const response = await fetch(`${url}/marktplatz/umfrage/responses`, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: s.body });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return "no answer"; // connection reset by the kill: the client cannot know whether it was stored
  }
}

test("every acknowledged submission survives kill -9, none is stored twice", async () => {
  const first = await startCollectorProcess(args());
  running.push(first);
  const acknowledged = new Set<string>();
  const unanswered: Submission[] = [];
  // Each client submits until a request gets no answer (the kill): that one it must retry later.
  const client = async (n: number) => {
    for (let i = 0; ; i++) {
      const id = randomUUID();
      const s = { id, body: JSON.stringify({ _id: id, _locale: "de", answers: { ...fullMarktplatzAnswers(), idee: `Client ${n}, Beitrag ${i}: mehr Bäume` } }) };
      const status = await submit(first.url, s);
      if (status === 201 || status === 200) acknowledged.add(id);
      else if (status === "no answer") {
        unanswered.push(s);
        return;
      } else throw new Error(`unexpected status ${status}`);
    }
  };
  const clients = Array.from({ length: CLIENTS }, (_, n) => client(n));
  // Kill in the middle of the stream, once a good number has been acknowledged.
  while (acknowledged.size < 400) await new Promise((resolve) => setTimeout(resolve, 5));
  const exited = new Promise((resolve) => first.child.once("exit", resolve));
  first.child.kill("SIGKILL");
  await exited;
  await Promise.all(clients);
  const acknowledgedBeforeKill = acknowledged.size;
  expect(unanswered.length).toBe(CLIENTS);

  // Restart on the same database; the clients retry what got no answer, with the same ids.
  const second = await startCollectorProcess(args());
  running.push(second);
  let storedButUnacknowledged = 0;
  for (const s of unanswered) {
    const status = await submit(second.url, s);
    expect([200, 201]).toContain(status);
    // 200: it had been committed when the process died, only the answer was lost; the retry does not add it again.
    if (status === 200) storedButUnacknowledged++;
    acknowledged.add(s.id);
  }
  const stopped = new Promise((resolve) => second.child.once("exit", resolve));
  second.child.kill("SIGTERM");
  await stopped;

  const exported = JSON.parse(runCli(["export", "marktplatz", "--page", "umfrage", "--format", "json", "--db", db])) as { rows: { _id: string }[] };
  const ids = exported.rows.map((r) => r._id);
  expect(new Set(ids).size).toBe(ids.length); // none twice
  expect(ids.filter((id) => !acknowledged.has(id))).toEqual([]); // nothing unacknowledged slipped in (retries included)
  expect([...acknowledged].filter((id) => !ids.includes(id))).toEqual([]); // nothing acknowledged is missing
  // The same rows as CSV for Excel: BOM, German headers, the delimiter asked for.
  const csv = runCli(["export", "marktplatz", "--page", "umfrage", "--db", db, "--delimiter", ","]);
  expect(csv.startsWith("\uFEFFAntwort-ID,Eingegangen am,Sprache,")).toBe(true);
  expect(csv.trimEnd().split("\r\n")).toHaveLength(ids.length + 1);
  // Into a file, the same text; the message says how many rows went where (no progress line: not a terminal).
  const file = path.join(dir, "umfrage.csv");
  const { stderr } = runCliWithMessages(["export", "marktplatz", "--page", "umfrage", "--db", db, "--delimiter", ",", "--out", file]);
  expect(readFileSync(file, "utf8")).toBe(csv);
  expect(stderr).toMatch(new RegExp(`^Wrote ${ids.length} responses to ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} in \\d+\\.\\d s\\.\\n$`));
  console.log(
    `durability: ${acknowledgedBeforeKill} acknowledged before SIGKILL; ${unanswered.length} without answer retried ` +
      `(${storedButUnacknowledged} of them had been stored already); ${ids.length} rows exported, none twice`,
  );
}, 120_000);
