// The desk's kept survey counts (src/collector/desk/survey-counts.ts) against a store in memory
// that can do what a real one does only by bad luck: commit a response late, with an arrival number
// below one already counted (PostgreSQL's sequences), at the same time as a response is removed.
import { describe, expect, test } from "vitest";
import { surveyCounts } from "../../src/collector/desk/survey-counts.js";
import type { ResponsesSummary, Store, StoredResponse } from "../../src/collector/store/index.js";
import { exampleCampaign, surveyPage } from "./helpers/campaigns.js";

const campaign = exampleCampaign("marktplatz");
const page = surveyPage(campaign);

/** Responses in memory, read as the real stores read them; `reads` records what each count asked for. */
function memoryStore() {
  const rows: StoredResponse[] = [];
  const reads: (number | undefined)[] = [];
  const sums = (xs: StoredResponse[]) => ({ rows: xs.length, versions: xs.reduce((a, r) => a + r.version, 0), seqs: xs.reduce((a, r) => a + r.seq, 0) });
  const store = {
    async responsesSummary(_c: string, _p: string, upTo: number): Promise<ResponsesSummary> {
      return { all: { ...sums(rows), last: Math.max(0, ...rows.map((r) => r.seq)) }, upTo: sums(rows.filter((r) => r.seq <= upTo)) };
    },
    async *responseBatches(_c: string, _p: string, options: { after?: number } = {}) {
      reads.push(options.after);
      yield rows.filter((r) => r.seq > (options.after ?? 0)).sort((a, b) => a.seq - b.seq);
    },
  } as unknown as Store;
  const add = (seq: number, bezug: string) =>
    rows.push({ id: `r${seq}`, seq, version: 1, campaign: "marktplatz", page: "umfrage", locale: "de", answers: { bezug, einwilligung: true }, receivedAt: `2027-03-${10 + (seq % 3)}T10:00:00.000Z`, channel: "script", verified: true });
  const remove = (seq: number) => rows.splice(rows.findIndex((r) => r.seq === seq), 1);
  return { store, reads, add, remove };
}

const bezug = (counts: Awaited<ReturnType<typeof surveyCounts>>) => (counts.figures.find((f) => f.id === "bezug") as { counts: Record<string, number> }).counts;

describe("the desk's kept survey counts", () => {
  test("a later view counts only the responses that arrived since, and the figures equal a count of all", async () => {
    const { store, reads, add } = memoryStore();
    const model = {};
    for (let seq = 1; seq <= 4; seq++) add(seq, "altstadt");
    expect((await surveyCounts(store, model, campaign, page)).responses).toBe(4);
    add(5, "arbeit");
    add(6, "arbeit");
    const kept = await surveyCounts(store, model, campaign, page);
    expect(reads).toEqual([undefined, 4]);
    const fresh = await surveyCounts(store, {}, campaign, page);
    expect(kept).toEqual(fresh);
    expect(bezug(kept)).toMatchObject({ altstadt: 4, arbeit: 2 });
    expect(kept.perDay).toEqual([
      ["2027-03-10", 2],
      ["2027-03-11", 2],
      ["2027-03-12", 2],
    ]);
    // Nothing changed: nothing read.
    await surveyCounts(store, model, campaign, page);
    expect(reads).toHaveLength(3);
  });

  test("a response committed late below the counted numbers, while another is removed: all counted again", async () => {
    const { store, reads, add, remove } = memoryStore();
    const model = {};
    for (const seq of [1, 2, 4]) add(seq, "altstadt");
    // Number 3 is taken by a transaction that has not committed yet.
    expect((await surveyCounts(store, model, campaign, page)).responses).toBe(3);
    add(3, "gewerbe");
    remove(1);
    // As many responses, the same sum of versions and the same highest number as before.
    const counts = await surveyCounts(store, model, campaign, page);
    expect(reads).toEqual([undefined, undefined]);
    expect(counts.responses).toBe(3);
    expect(bezug(counts)).toMatchObject({ altstadt: 2, gewerbe: 1 });
  });

  test("views at the same moment count once, and a failed count keeps the counts before it", async () => {
    const { store, reads, add } = memoryStore();
    const model = {};
    add(1, "altstadt");
    const views = await Promise.all([surveyCounts(store, model, campaign, page), surveyCounts(store, model, campaign, page), surveyCounts(store, model, campaign, page)]);
    expect(views.map((v) => v.responses)).toEqual([1, 1, 1]);
    expect(reads).toEqual([undefined]);
    add(2, "arbeit");
    const failing = Object.create(store) as Store;
    failing.responseBatches = async function* () {
      yield [];
      throw new Error("connection lost");
    };
    await expect(surveyCounts(failing, model, campaign, page)).rejects.toThrow("connection lost");
    const after = await surveyCounts(store, model, campaign, page);
    expect(after.responses).toBe(2);
    expect(bezug(after)).toMatchObject({ altstadt: 1, arbeit: 1 });
    expect(reads).toEqual([undefined, 1]);
  });
});
