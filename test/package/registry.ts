// A package registry on 127.0.0.1 for installing mitreden's tarball without the network: it
// offers each package at the versions mitreden's package-lock.json names (dev-only ones left out),
// with the metadata the lockfile keeps, and serves their tarballs from this machine's npm cache.
// npm resolves against it exactly as against registry.npmjs.org, so a dependency a city's install
// would need beyond mitreden's own lock (say, an older version for a peer) shows up as a failure
// instead of hiding behind mitreden's lockfile. Also serves better-sqlite3's prebuilt binary from
// node_modules, so the install need not compile SQLite (prebuild-install's *_binary_host setting).
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";

interface LockEntry {
  name?: string;
  version: string;
  integrity?: string;
  dev?: boolean;
  link?: boolean;
  [key: string]: unknown;
}

export interface LocalRegistry {
  url: string;
  /** Environment that points npm and prebuild-install at this registry. */
  env: Record<string, string>;
  /** Packages or tarballs asked for that it does not have (for the failure message). */
  missing: string[];
  close(): Promise<void>;
}

/** What a package entry of the lockfile may keep in its packument. */
const MANIFEST_FIELDS = ["dependencies", "optionalDependencies", "peerDependencies", "peerDependenciesMeta", "bin", "engines", "os", "cpu", "libc", "hasInstallScript", "license"];

export async function startLocalRegistry(root: string): Promise<LocalRegistry> {
  const { stdout: npmRoot } = await promisify(execFile)("npm", ["root", "-g"]);
  const { stdout: cacheDir } = await promisify(execFile)("npm", ["config", "get", "cache"]);
  // npm's own content-addressed cache library, the one npm wrote the cache with.
  const cacache = createRequire(path.join(npmRoot.trim(), "npm", "package.json"))("cacache") as {
    get: { byDigest(cache: string, integrity: string): Promise<Buffer> };
  };
  const cache = path.join(cacheDir.trim(), "_cacache");

  const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  const packages = new Map<string, Map<string, LockEntry>>();
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key.includes("node_modules/") || entry.dev || entry.link || !entry.integrity) continue;
    const name = entry.name ?? key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length);
    packages.set(name, (packages.get(name) ?? new Map()).set(entry.version, entry));
  }
  const sqliteVersion = (JSON.parse(readFileSync(path.join(root, "node_modules/better-sqlite3/package.json"), "utf8")) as { version: string }).version;

  const missing: string[] = [];
  const server = http.createServer((request, response) => {
    void (async () => {
      const url = decodeURIComponent((request.url ?? "/").split("?")[0]!);
      const tarball = /^\/-\/(.+)\/([^/]+)\.tgz$/.exec(url);
      if (tarball) {
        const entry = packages.get(tarball[1]!)?.get(tarball[2]!);
        const data = entry && (await cacache.get.byDigest(cache, entry.integrity!).catch(() => undefined));
        if (!data) {
          missing.push(`${tarball[1]}@${tarball[2]} (not in the npm cache)`);
          response.writeHead(404).end();
          return;
        }
        response.writeHead(200, { "content-type": "application/octet-stream", "content-length": data.length }).end(data);
        return;
      }
      if (url.startsWith("/prebuilds/") && url.endsWith(".tar.gz") && url.includes(`better-sqlite3-v${sqliteVersion}-`)) {
        const { stdout } = await promisify(execFile)("tar", ["czf", "-", "-C", path.join(root, "node_modules/better-sqlite3"), "build/Release/better_sqlite3.node"], { encoding: "buffer", maxBuffer: 64 << 20 });
        response.writeHead(200, { "content-type": "application/gzip" }).end(stdout);
        return;
      }
      const name = url.slice(1);
      const versions = packages.get(name);
      if (!versions) {
        missing.push(`${name} (no such package in mitreden's lockfile)`);
        response.writeHead(404, { "content-type": "application/json" }).end('{"error":"Not found"}');
        return;
      }
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const packument = {
        name,
        "dist-tags": { latest: [...versions.keys()].at(-1) },
        versions: Object.fromEntries(
          [...versions].map(([version, entry]) => [
            version,
            {
              name,
              version,
              ...Object.fromEntries(MANIFEST_FIELDS.filter((f) => entry[f] !== undefined).map((f) => [f, entry[f]])),
              dist: { tarball: `${origin}/-/${name}/${version}.tgz`, integrity: entry.integrity },
            },
          ]),
        ),
      };
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(packument));
    })().catch((error: Error) => response.writeHead(500).end(error.message));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    env: { npm_config_registry: url, npm_config_better_sqlite3_binary_host: `${url}prebuilds` },
    missing,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
