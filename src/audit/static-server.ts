// A minimal static file server for audits and tests: serves a built site on 127.0.0.1 only.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".geojson": "application/geo+json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".ics": "text/calendar; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".gif": "image/gif",
  ".woff2": "font/woff2",
  ".pdf": "application/pdf",
  ".webmanifest": "application/manifest+json",
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Resolves a URL path to a file inside root, or null (never outside root). */
export async function resolveFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0] ?? "/");
  } catch {
    return null;
  }
  const base = path.resolve(root);
  const file = path.join(base, path.normalize(decoded));
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  for (const candidate of [file, path.join(file, "index.html")]) {
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile()) return candidate;
  }
  return null;
}

export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  const server = http.createServer(async (req, res) => {
    const file = await resolveFile(root, req.url ?? "/");
    const target = file ?? path.join(root, "404.html");
    const info = await stat(target).catch(() => null);
    if (!info) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
      return;
    }
    res.writeHead(file ? 200 : 404, {
      "content-type": CONTENT_TYPES[path.extname(target)] ?? "application/octet-stream",
      "content-length": info.size,
    });
    createReadStream(target).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${actual}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
