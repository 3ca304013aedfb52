// Subsets fonts on a thread of their own (subset-worker.ts), so that a cold build's main thread
// draws share cards meanwhile. One thread for the whole process, started at the first subset and
// left to end with the process: it holds nothing open while it waits (unref).
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { packagePath } from "../../package-root.js";
import type { SubsetAnswer, SubsetJob } from "./subset-worker.js";

const WORKER_FILE = packagePath("dist", "site", "styles", "subset-worker.js");

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (woff2: Buffer) => void; reject: (error: Error) => void }>();

/** `font` cut down to `characters` (and the glyphs `features` reach), as WOFF2. */
export function subsetOffThread(font: Buffer, characters: string, features: string[]): Promise<Buffer> {
  // A copy of mitreden run from its sources (a fork's test of a new language) has no compiled
  // worker: it subsets on this thread, to the same bytes.
  if (!worker && !existsSync(WORKER_FILE)) return subsetHere(font, characters, features);
  const thread = (worker ??= start());
  const id = nextId++;
  const answer = new Promise<Buffer>((resolve, reject) => waiting.set(id, { resolve, reject }));
  thread.ref();
  thread.postMessage({ id, font, characters, features } satisfies SubsetJob);
  return answer;
}

function start(): Worker {
  const thread = new Worker(WORKER_FILE);
  thread.on("message", (answer: SubsetAnswer) => {
    const job = waiting.get(answer.id);
    waiting.delete(answer.id);
    if ("error" in answer) job?.reject(new Error(answer.error));
    else job?.resolve(Buffer.from(answer.woff2.buffer, answer.woff2.byteOffset, answer.woff2.byteLength));
    if (waiting.size === 0) thread.unref();
  });
  const fail = (error: Error) => {
    if (worker === thread) worker = undefined;
    for (const job of waiting.values()) job.reject(error);
    waiting.clear();
  };
  thread.on("error", fail);
  thread.on("exit", (code) => fail(new Error(`the font subsetting thread stopped (exit code ${code})`)));
  return thread;
}

async function subsetHere(font: Buffer, characters: string, features: string[]): Promise<Buffer> {
  const { default: subsetFont } = await import("subset-font");
  return subsetFont(font, characters, { targetFormat: "woff2", keepFeatures: features });
}
