// `mitreden results` on a big survey counts in worker threads (src/collector/results/parallel.ts):
// the same figures as one thread (results-command.test.ts, both stores), and a worker that fails
// fails the command with its reason instead of leaving figures out or hanging.
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { countSurvey, startCounters } from "../../src/collector/results/parallel.js";
import { countSlices, sliced } from "../../src/collector/results/slices.js";
import { openStore, type Store } from "../../src/collector/store/index.js";
import { exampleCampaign, surveyPage } from "./helpers/campaigns.js";
import { tempDir } from "./helpers/collector.js";
import { marktplatzResponse } from "./helpers/seed.js";

const marktplatz = exampleCampaign("marktplatz");
const umfrage = surveyPage(marktplatz);
let dir: string;
let file: string;
let store: Store;

beforeAll(async () => {
  dir = tempDir("results-parallel");
  file = path.join(dir, "mitreden.sqlite");
  store = await openStore({ file });
  for (let i = 0; i < 300; i++) await store.insertResponse(marktplatzResponse(i));
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

test("two, three or seven threads count what one counts", async () => {
  const alone = await countSurvey(store, { file }, marktplatz, umfrage, { hide: [], workers: 1 });
  expect(alone.responses).toBe(300);
  for (const workers of [2, 3, 7]) expect(await countSurvey(store, { file }, marktplatz, umfrage, { hide: [], workers })).toEqual(alone);
  // Hidden questions stay hidden in every thread.
  const hidden = await countSurvey(store, { file }, marktplatz, umfrage, { hide: ["bezug"], workers: 3 });
  expect(hidden.questions.map((q) => q.id)).toEqual(alone.questions.map((q) => q.id).filter((id) => id !== "bezug"));
});

test("a worker that cannot read its part fails the count, naming the survey and the part", async () => {
  // The workers are sent to a database that is not there. This thread's own reading starts late,
  // so that the worker takes slices too (a fast thread may otherwise count them all alone).
  const nowhere = { databaseUrl: "postgres://mitreden@127.0.0.1:9/nichts" };
  const late: Store = Object.create(store);
  late.answerBatches = async function* (...args: Parameters<Store["answerBatches"]>) {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    yield* store.answerBatches(...args);
  };
  await expect(countSurvey(late, nowhere, marktplatz, umfrage, { hide: [], workers: 2 })).rejects.toThrow(/^Counting marktplatz\/umfrage \(arrival numbers \d+ to \d+\) failed: .*(ECONNREFUSED|connect)/);
});

test("workers started before the count (as `mitreden results` starts them) count one survey after another, and stop when closed", async () => {
  const counters = startCounters(2, { file });
  try {
    const alone = await countSurvey(store, { file }, marktplatz, umfrage, { hide: [], workers: 1 });
    // Twice, as for two survey pages: the same workers, each a range at a time.
    expect(await countSurvey(store, { file }, marktplatz, umfrage, { hide: [], workers: 3, counters })).toEqual(alone);
    expect(await countSurvey(store, { file }, marktplatz, umfrage, { hide: ["bezug"], workers: 3, counters })).toEqual(await countSurvey(store, { file }, marktplatz, umfrage, { hide: ["bezug"], workers: 1 }));
  } finally {
    await counters.close();
  }
  const slices = await store.responseRanges("marktplatz", "umfrage", 2);
  await expect(counters.count(0, { store: { file }, campaign: "marktplatz", page: umfrage, hide: [], slices, next: new SharedArrayBuffer(4), lanes: 1 })).rejects.toThrow(/^Counting marktplatz\/umfrage failed: .*closed/);
});

test("slices cut a range into parts of equal width that cover it once, however many parts are asked for", () => {
  for (const [after, upTo] of [[0, 100], [17, 18], [5, 5], [1000, 100_003]] as const) {
    for (const parts of [1, 3, 8, 200]) {
      const slices = sliced({ after, upTo }, parts);
      expect(slices[0]!.after).toBe(after);
      expect(slices.at(-1)!.upTo).toBe(upTo);
      slices.slice(1).forEach((slice, i) => expect(slice.after).toBe(slices[i]!.upTo));
      expect(slices.length).toBe(Math.max(1, Math.min(parts, upTo - after)));
    }
  }
});

test("every thread takes slices from the same counter, so a slow or late thread counts fewer and nobody counts one twice", async () => {
  const ranges = await store.responseRanges("marktplatz", "umfrage", 2);
  const slices = ranges.flatMap((range) => sliced(range, 8));
  const job = { campaign: "marktplatz", page: umfrage, hide: [], slices, next: new SharedArrayBuffer(4), lanes: 2 };
  // This thread starts before the worker; together they count every slice once.
  const counters = startCounters(1, { file });
  try {
    const own = await countSlices(store, job);
    const theirs = await counters.count(0, { ...job, store: { file } });
    const numbers = [...own, ...theirs].map(([i]) => i).sort((a, b) => a - b);
    expect(numbers).toEqual(slices.map((_, i) => i));
    expect(own.length).toBe(slices.length);
    expect(theirs).toEqual([]);
  } finally {
    await counters.close();
  }
});
