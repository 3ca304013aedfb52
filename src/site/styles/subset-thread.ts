// Subsets fonts on a thread of their own (subset-worker.ts), so that a cold build's main thread
// draws share cards meanwhile. One thread for the whole process, started at the first subset and
// left to end with the process: it holds nothing open while it waits (unref).
import { existsSync } from "node:fs";
import { packagePath } from "../../package-root.js";
import { type JobThread, startJobThread } from "../../worker-jobs.js";
import type { SubsetJob } from "./subset-worker.js";

const WORKER_FILE = packagePath("dist", "site", "styles", "subset-worker.js");

let thread: JobThread<SubsetJob, Uint8Array> | undefined;

/** `font` cut down to `characters` (and the glyphs `features` reach), as WOFF2. */
export async function subsetOffThread(font: Buffer, characters: string, features: string[]): Promise<Buffer> {
  // A copy of mitreden run from its sources (a fork's test of a new language) has no compiled
  // worker: it subsets on this thread, to the same bytes.
  if (!thread && !existsSync(WORKER_FILE)) return subsetHere(font, characters, features);
  // A thread that failed is replaced by the next subset.
  if (!thread || thread.stopped) thread = startJobThread(WORKER_FILE, { name: "the font subsetting thread", unrefWhenIdle: true });
  const woff2 = await thread.run({ font, characters, features });
  return Buffer.from(woff2.buffer, woff2.byteOffset, woff2.byteLength);
}

async function subsetHere(font: Buffer, characters: string, features: string[]): Promise<Buffer> {
  const { default: subsetFont } = await import("subset-font");
  return subsetFont(font, characters, { targetFormat: "woff2", keepFeatures: features });
}
