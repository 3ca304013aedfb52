// The counting of a big survey's responses in slices (parallel.ts): every thread, the command's own
// and each worker, takes the next slice that nobody has taken yet from one counter they share, and
// counts it in a tally of its own. A thread that is slower (a worker starts later, a core is shared)
// then simply counts fewer slices, and nobody waits for it at the end. The counts are added up in
// the slices' order, so the file is the same whichever thread counted which slice.
import type { SurveyPageModel } from "../../campaign/model.js";
import { allSettled } from "../../parallel.js";
import type { ResponseRange, Store } from "../store/index.js";
import { createSurveyTally, type TallyCounts } from "./aggregate.js";

export type Slice = Pick<ResponseRange, "after" | "upTo">;

export interface SliceJob {
  campaign: string;
  page: SurveyPageModel;
  hide: string[];
  slices: Slice[];
  /** The number of the next slice to take: one Int32, shared by every thread of the count. */
  next: SharedArrayBuffer;
  /**
   * Slices a thread counts side by side. PostgreSQL: 2, so that the server reads the next rows of
   * one slice while this thread counts the rows of the other (a cursor waits for each batch).
   */
  lanes: number;
}

/** How many slices each range of responseRanges is cut into. */
export const SLICES_PER_PART = 8;

/** `range` cut into up to `parts` slices of arrival numbers of equal width. */
export function sliced(range: Slice, parts: number): Slice[] {
  const width = range.upTo - range.after;
  const n = Math.max(1, Math.min(parts, width));
  return Array.from({ length: n }, (_, i) => ({ after: range.after + Math.floor((width * i) / n), upTo: range.after + Math.floor((width * (i + 1)) / n) }));
}

/** Counts slices of `job` until none is left; the counts of each, with the slice's number. */
export async function countSlices(store: Store | (() => Promise<Store>), job: SliceJob): Promise<[number, TallyCounts][]> {
  const next = new Int32Array(job.next);
  const counted: [number, TallyCounts][] = [];
  const lane = async () => {
    for (let i = Atomics.add(next, 0, 1); i < job.slices.length; i = Atomics.add(next, 0, 1)) {
      const slice = job.slices[i]!;
      try {
        const from = typeof store === "function" ? await store() : store;
        const tally = createSurveyTally(job.page, { hide: job.hide });
        for await (const batch of from.answerBatches(job.campaign, job.page.id, slice)) for (const answers of batch) tally.add(answers);
        counted.push([i, tally.counts()]);
      } catch (error) {
        // No thread takes another slice: the count has failed.
        Atomics.store(next, 0, job.slices.length);
        throw new Error(`Counting ${job.campaign}/${job.page.id} (arrival numbers ${slice.after + 1} to ${slice.upTo}) failed: ${(error as Error).message}`, { cause: error });
      }
    }
  };
  // Each lane ends before the count fails: none reads on while the command reports the failure.
  await allSettled(Array.from({ length: job.lanes }, lane));
  return counted;
}
