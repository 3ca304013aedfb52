// The font subsetter's thread (subset-thread.ts): harfbuzz and woff2's Brotli run as WebAssembly,
// ~0.2 s of CPU per face, which on the build's own thread held up the share cards' Satori.
// Takes one job at a time, in the order they came (worker-jobs.ts). Runs the compiled module.
import subsetFont from "subset-font";
import { answerJobs } from "../../worker-jobs.js";

export interface SubsetJob {
  font: Uint8Array;
  characters: string;
  features: string[];
}

answerJobs<SubsetJob, Uint8Array>(
  async (job) => {
    const woff2 = await subsetFont(Buffer.from(job.font.buffer, job.font.byteOffset, job.font.byteLength), job.characters, { targetFormat: "woff2", keepFeatures: job.features });
    // A small Buffer is a slice of Node's shared 8 KB pool. Handing the pool over would take it
    // from every other Buffer in it, and Node 22 refuses ("Cannot transfer object of unsupported
    // type"): the bytes go over in memory of their own.
    return new Uint8Array(woff2);
  },
  { transferOf: (woff2) => [woff2.buffer as ArrayBuffer] },
);
