// Browser scripts (progressive enhancement, src/client/<name>/) bundled at build time into one
// ESM file per page kind, named by content hash so it can be cached forever. esbuild reads the
// TypeScript sources directly; they ship with the package (package.json "files").
import { createHash } from "node:crypto";
import { readdir, readFile, mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bundleForBrowser } from "../browser-bundle.js";
import { cachedBytes, hashOf } from "../build-cache.js";
import { packagePath } from "../package-root.js";

/**
 * Bundles `entry` into `<outDir>/assets/<name>.<hash>.js` and returns its root-relative URL,
 * for `<script type="module" src>` (no inline code, so a strict CSP works).
 */
export async function bundleClientScript(entry: string, outDir: string, name: string): Promise<string> {
  // The sources change with mitreden, not with a campaign: bundled once per version of them.
  const code = (await cachedBytes(`bundle-${name}-${await sourcesHash(entry)}.js`, async () => Buffer.from(await bundle(entry)))).toString("utf8");
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 8);
  const file = `${name}.${hash}.js`;
  await mkdir(path.join(outDir, "assets"), { recursive: true });
  await writeFile(path.join(outDir, "assets", file), code);
  return `/assets/${file}`;
}

/** Every TypeScript file under the package's src/ (browser code imports src/forms too), and esbuild's version. */
async function sourcesHash(entry: string): Promise<string> {
  const clientDir = packagePath("src");
  const files = (await readdir(clientDir, { recursive: true })).map(String).filter((f) => /\.(ts|js|json)$/.test(f) && !f.includes("node_modules")).sort();
  const contents = await Promise.all(files.map((f) => readFile(path.join(clientDir, f))));
  const esbuildVersion = (createRequire(import.meta.url)("esbuild/package.json") as { version: string }).version;
  return hashOf(entry, esbuildVersion, ...files.flatMap((f, i) => [f, contents[i]!]));
}

function bundle(entry: string): Promise<string> {
  // form.validate.js is per survey: loaded at run time from the page's folder, never bundled.
  return bundleForBrowser({ entryPoints: [entry], external: ["*/form.validate.js"] });
}
