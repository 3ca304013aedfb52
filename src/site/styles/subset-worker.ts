// The font subsetter's thread (subset-thread.ts): harfbuzz and woff2's Brotli run as WebAssembly,
// ~0.2 s of CPU per face, which on the build's own thread held up the share cards' Satori.
// Takes one job at a time, in the order they came. Runs the compiled module.
import { parentPort } from "node:worker_threads";
import subsetFont from "subset-font";

export interface SubsetJob {
  id: number;
  font: Uint8Array;
  characters: string;
  features: string[];
}

export type SubsetAnswer = { id: number; woff2: Uint8Array } | { id: number; error: string };

let queue = Promise.resolve();
parentPort!.on("message", (job: SubsetJob) => {
  queue = queue.then(async () => {
    try {
      const woff2 = await subsetFont(Buffer.from(job.font.buffer, job.font.byteOffset, job.font.byteLength), job.characters, { targetFormat: "woff2", keepFeatures: job.features });
      parentPort!.postMessage({ id: job.id, woff2 } satisfies SubsetAnswer, [woff2.buffer as ArrayBuffer]);
    } catch (error) {
      parentPort!.postMessage({ id: job.id, error: String(error) } satisfies SubsetAnswer);
    }
  });
});
