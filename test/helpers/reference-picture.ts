// Pictures compared with a reference PNG committed under test/reference/: share cards, and pages in
// the colour modes. A few pixels may differ (anti-aliasing differs between machines); more fail the
// test and leave a picture of the differences next to the output.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { expect } from "vitest";

/** Share of a picture's pixels that may differ from its reference. */
export const MAX_DIFFERENT_PIXELS = 0.002;

export interface ReferenceOptions {
  /** The reference file: test/reference/<set>/<name>.png. */
  reference: string;
  /** Where `<name>.diff.png` goes when too many pixels differ. */
  diffDir: string;
  name: string;
}

/**
 * Expects `actual` (a PNG of the reference's size) to match its reference; writes the reference
 * instead when asked to (UPDATE_REFERENCES=1) or when there is none yet.
 */
export async function expectLikeReference(actual: Buffer, { reference, diffDir, name }: ReferenceOptions): Promise<void> {
  if (process.env.UPDATE_REFERENCES === "1" || !existsSync(reference)) {
    await mkdir(path.dirname(reference), { recursive: true });
    await writeFile(reference, actual);
    return;
  }
  const [a, b] = [PNG.sync.read(actual), PNG.sync.read(await readFile(reference))];
  expect([a.width, a.height], name).toEqual([b.width, b.height]);
  const diff = new PNG({ width: a.width, height: a.height });
  const different = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  const allowed = a.width * a.height * MAX_DIFFERENT_PIXELS;
  const diffFile = path.join(diffDir, `${name}.diff.png`);
  if (different > allowed) await writeFile(diffFile, PNG.sync.write(diff));
  expect(different, `${name} differs from ${path.relative(process.cwd(), reference)} in ${different} pixels (differences in ${diffFile})`).toBeLessThanOrEqual(allowed);
}
