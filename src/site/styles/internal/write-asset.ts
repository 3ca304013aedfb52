import { createHash } from "node:crypto";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";

/** First 8 hex digits of the SHA-256 of the content: changes whenever the file does. */
export function contentHash(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex").slice(0, 8);
}

/** Removes earlier builds' hashed files (matching `pattern`) that are not in `keep`. */
export async function removeStale(dir: string, pattern: RegExp, keep: ReadonlySet<string>): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(
    names
      .filter((name) => pattern.test(name) && !keep.has(name))
      .map((name) => rm(path.join(dir, name), { force: true })),
  );
}
