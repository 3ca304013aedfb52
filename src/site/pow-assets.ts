// What a form with the proof of work loads (docs/adr/025-proof-of-work.md), only when a campaign
// turns it on: the ALTCHA widget with our loader (src/client/pow.ts, one bundle with the widget's
// German and English words), its stylesheet and its PBKDF2 worker, all from this site. The
// widget's "external" build keeps styles and workers out of the script, so the strict CSP holds.
import { copyFile, mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { SiteModel } from "../campaign/model.js";
import { packagePath } from "../package-root.js";
import { bundleClientScript } from "./client-bundle.js";

export interface ProofOfWorkAssets {
  /** Our loader with the widget (a module). */
  script: string;
  stylesheet: string;
  /** The classic worker that derives the keys (registered by the loader for PBKDF2/SHA-256). */
  worker: string;
}

const require = createRequire(import.meta.url);

export async function prepareProofOfWorkAssets(model: SiteModel, outDir: string): Promise<ProofOfWorkAssets | undefined> {
  if (!model.campaigns.some((c) => c.abuse.proofOfWork)) return undefined;
  // altcha's exports do not include its package.json: found from its main file (dist/main/…).
  const packageDir = path.resolve(path.dirname(require.resolve("altcha")), "..", "..");
  const { version } = JSON.parse(await readFile(path.join(packageDir, "package.json"), "utf8")) as { version: string };
  // The version in the folder's name: a new widget is a new address, so caches cannot mix them.
  const folder = `altcha-${version}`;
  await mkdir(path.join(outDir, "assets", folder), { recursive: true });
  const dist = path.join(packageDir, "dist");
  await copyFile(path.join(dist, "external", "altcha.css"), path.join(outDir, "assets", folder, "altcha.css"));
  await copyFile(path.join(dist, "workers", "pbkdf2.js"), path.join(outDir, "assets", folder, "pbkdf2.js"));
  const script = await bundleClientScript(packagePath("src", "client", "pow.ts"), outDir, "mitreden-pow");
  return { script, stylesheet: `/assets/${folder}/altcha.css`, worker: `/assets/${folder}/pbkdf2.js` };
}
