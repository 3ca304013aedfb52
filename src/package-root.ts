// Templates, styles, fonts and the schema ship inside the package; a city runs mitreden in its own
// repository, so these are found relative to this file, never to the working directory.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "mitreden") return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("mitreden's package.json not found above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

export const packageRoot = findRoot();

export function packagePath(...parts: string[]): string {
  return path.join(packageRoot, ...parts);
}
