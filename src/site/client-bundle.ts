// Browser scripts (progressive enhancement, src/client/<name>/) bundled at build time into one
// ESM file per page kind, named by content hash so it can be cached forever. esbuild reads the
// TypeScript sources directly; they ship with the package (package.json "files").
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import * as esbuild from "esbuild";

/**
 * Bundles `entry` into `<outDir>/assets/<name>.<hash>.js` and returns its root-relative URL,
 * for `<script type="module" src>` (no inline code, so a strict CSP works).
 */
export async function bundleClientScript(entry: string, outDir: string, name: string): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "browser",
    // Browsers of the last years; modules load only there anyway.
    target: "es2020",
    minify: true,
    legalComments: "none",
    write: false,
    // form.validate.js is per survey: loaded at run time from the page's folder, never bundled.
    external: ["*/form.validate.js"],
  });
  const code = result.outputFiles[0]?.text ?? "";
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 8);
  const file = `${name}.${hash}.js`;
  await mkdir(path.join(outDir, "assets"), { recursive: true });
  await writeFile(path.join(outDir, "assets", file), code);
  return `/assets/${file}`;
}
