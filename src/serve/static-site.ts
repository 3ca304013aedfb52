// The built site as `serve` hands it out: @fastify/static does the HTTP (content types, ETag and
// Last-Modified, Range requests for a map's PMTiles basemap, index.html for folders, precompressed
// .br/.gz files when present); this file adds the rules for a folder we did not write alone:
// no dotfiles (a stray .env), no symlink that leads out of the site folder, not the header files
// that hosts read (`_headers` and its nginx and Caddy versions; no host hands them out), and the
// site's own 404 page with status 404.
import { realpathSync, statSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { HEADER_FILES } from "../security/headers.js";

/** Serves the files under `root` on `app`; every path no route claims gets `root/404.html` with status 404. */
export async function serveSiteFiles(app: FastifyInstance, root: string): Promise<void> {
  const siteRoot = path.resolve(root);
  await app.register(fastifyStatic, {
    root: siteRoot,
    // "ignore" answers a dotfile as if it did not exist (404), not with a 403 that says it does.
    dotfiles: "ignore",
    preCompressed: true,
    index: ["index.html"],
    // /marktplatz → /marktplatz/, so the page's relative links resolve as on any web server.
    redirect: true,
    // A preview changes with every save: revalidate each time (ETag → 304), never show a stale page.
    cacheControl: false,
    setHeaders: (res) => res.setHeader("cache-control", "no-cache"),
    allowedPath: (pathname) => !isHeaderFile(pathname) && staysInside(siteRoot, pathname),
  });
  app.setNotFoundHandler((_request, reply) => {
    if (!isServable(siteRoot, "/404.html")) return reply.code(404).type("text/plain; charset=utf-8").send("Not found");
    return reply.code(404).type("text/html; charset=utf-8").sendFile("404.html");
  });
}

/**
 * Whether `pathname` (decoded, from the site root) and every file @fastify/static may send for it
 * (the folder's index.html, precompressed variants) resolve to a place inside the site folder once
 * symlinks are followed. Missing files pass: they become a 404 anyway.
 */
export function staysInside(root: string, pathname: string): boolean {
  const target = path.join(root, pathname);
  if (!isWithin(root, target)) return false;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return true; // no site yet: nothing to leak
  }
  const candidates = [target, path.join(target, "index.html")].flatMap((file) => [file, `${file}.br`, `${file}.gz`]);
  for (const candidate of candidates) {
    let real: string;
    try {
      real = realpathSync(candidate);
    } catch {
      continue;
    }
    if (!isWithin(realRoot, real)) return false;
  }
  return true;
}

function isHeaderFile(pathname: string): boolean {
  return (HEADER_FILES as readonly string[]).some((file) => pathname === `/${file}`);
}

function isServable(root: string, pathname: string): boolean {
  try {
    return staysInside(root, pathname) && statSync(path.join(root, pathname)).isFile();
  } catch {
    return false;
  }
}

function isWithin(root: string, file: string): boolean {
  return file === root || file.startsWith(root + path.sep);
}
