// A worker of `mitreden results` on a big survey (parallel.ts): counts slices of a survey's
// responses (slices.ts) in a store connection of its own and hands back their counts. It starts
// with the command and loads its modules while the command reads the campaign; it opens the store
// with its first job, when the command's own thread has opened (and, if need be, migrated) it.
// Jobs come and are answered as worker-jobs.ts has it. Runs the compiled module.
import { workerData } from "node:worker_threads";
import { answerJobs } from "../../worker-jobs.js";
import { openStore, type OpenStoreOptions, type Store } from "../store/index.js";
import type { TallyCounts } from "./aggregate.js";
import { countSlices, type SliceJob } from "./slices.js";

export interface CountJob extends SliceJob {
  store: OpenStoreOptions;
}

/** The counts of the slices this worker took, by slice number. */
export type SliceCounts = [number, TallyCounts][];

/** What the command told the worker when it started it: which store it will read. */
export interface CounterStart {
  postgres: boolean;
}

// The store's library loads now, while the command reads its campaign (node-postgres takes about
// a tenth of a second), not when the first job arrives. A failure shows when the store opens.
void ((workerData as CounterStart | null)?.postgres ? import("../store/postgres.js") : import("../store/sqlite.js")).catch(() => undefined);

let store: Promise<Store> | undefined;

answerJobs<CountJob, SliceCounts>((job) => countSlices(() => (store ??= openStore(job.store)), job), {
  end: async () => (await store?.catch(() => undefined))?.close(),
});
