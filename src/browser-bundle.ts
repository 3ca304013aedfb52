// esbuild as the site's browser code needs it: one ES module, minified, for the browsers of the
// last years (modules load only there anyway). Loaded only when a bundle is not in the cache.
import type { BuildOptions } from "esbuild";

/** Bundles an entry file or inline source into the text of one ES module. */
export async function bundleForBrowser(input: Pick<BuildOptions, "entryPoints" | "stdin" | "external">): Promise<string> {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    ...input,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    minify: true,
    legalComments: "none",
    write: false,
  });
  return result.outputFiles[0]?.text ?? "";
}
