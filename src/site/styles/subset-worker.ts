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
  (job) => subsetFont(Buffer.from(job.font.buffer, job.font.byteOffset, job.font.byteLength), job.characters, { targetFormat: "woff2", keepFeatures: job.features }),
  { transferOf: (woff2) => [woff2.buffer as ArrayBuffer] },
);
