import { createHash } from "node:crypto";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** First 8 hex digits of the SHA-256 of the content: changes whenever the file does. */
export function contentHash(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex").slice(0, 8);
}

/**
 * Writes through a temporary file and a rename, so a reader (a dev server, a
 * concurrent build) never sees half a stylesheet or half a font.
 */
export async function writeAtomically(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(tmp, content);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
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
