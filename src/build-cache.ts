// Sass, font subsetting, QR codes and survey validators cost seconds a build while their inputs
// rarely change, so their results are kept on disk, keyed by a hash of everything that goes in
// (a rebuild while editing a campaign's text then takes Eleventy's time, not Sass's).
import { createHash } from "node:crypto";
import { copyFile, link, readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomically } from "./atomic-file.js";
import { settings } from "./settings.js";

/** `.cache/mitreden/build` in the working directory, or MITREDEN_CACHE_DIR/build. */
export function buildCacheDir(): string {
  return path.resolve(settings().cacheDir ?? path.join(".cache", "mitreden"), "build");
}

export function hashOf(...parts: (string | Buffer)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex").slice(0, 16);
}

/** The cached bytes for `key`, or `compute()` stored under it. A broken cache entry is recomputed. */
export async function cachedBytes(key: string, compute: () => Promise<Buffer>): Promise<Buffer> {
  const file = path.join(buildCacheDir(), key);
  const hit = await readFile(file).catch(() => undefined);
  if (hit && hit.byteLength > 0) return hit;
  const value = await compute();
  await writeFileAtomically(file, value);
  return value;
}

/**
 * The cached file at `key` (made by `compute()` when missing), put at `to`. A site holds thousands
 * of cached images (cards, QR codes); a hard link costs a directory entry where a copy costs the
 * bytes. Cache entries are never changed in place (a new entry is a new file, renamed over), so
 * the site's file keeps its content. Copied where links cannot be made (another file system).
 */
export async function placeCached(key: string, compute: () => Promise<Buffer>, to: string): Promise<void> {
  const file = path.join(buildCacheDir(), key);
  try {
    await linkOrCopy(file, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    await writeFileAtomically(file, await compute());
    await linkOrCopy(file, to);
  }
}

export async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return;
    await copyFile(from, to);
  }
}

/** Hash of every SCSS file in a folder: the stylesheet's sources. */
export async function hashFolder(dir: string): Promise<string> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".scss")).sort();
  const contents = await Promise.all(names.map((n) => readFile(path.join(dir, n))));
  return hashOf(...names.flatMap((n, i) => [n, contents[i]!]));
}
