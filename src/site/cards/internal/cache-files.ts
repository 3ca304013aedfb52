// Reading the card cache. Writes go through writeFileAtomically (src/atomic-file.ts), so two builds
// sharing a cache folder (a watch session and a test run) never read half a PNG.
import { readFile } from "node:fs/promises";

/** The file's bytes, or undefined when it is not in the cache (yet). */
export async function readCached(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
