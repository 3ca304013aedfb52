// The example campaigns as a citizen's browser gets them, for bench:weight and bench:lighthouse:
// `mitreden serve --now` (site + collector, as the e2e tests run it) behind a small proxy that
// gzips text the way a city's web server or CDN does (zlib level 6, the default of gzip and
// Apache; mitreden serve itself compresses nothing). Everything stays on 127.0.0.1.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const root = fileURLToPath(new URL("..", import.meta.url));
/** The examples' surveys and map are open on this day (as in npm start and the e2e tests). */
export const NOW = "2027-03-20T10:00:00+01:00";
/** Chromium without any request of its own to Google's servers (HELPERS.md). */
export const CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * A script for a page's start that sets its clock to {@link NOW} (time runs on from there), as
 * `serve --now` does for the server: the survey's script compares the closing date with the
 * browser's clock and, run after 15 April 2027, would show the examples' survey as closed.
 * For Playwright's addInitScript and Puppeteer's evaluateOnNewDocument.
 */
export const CLOCK_SCRIPT = `(() => {
  const RealDate = Date;
  const offset = new RealDate(${JSON.stringify(NOW)}).getTime() - RealDate.now();
  class ShiftedDate extends RealDate {
    constructor(...args) { super(...(args.length ? args : [RealDate.now() + offset])); }
    static now() { return RealDate.now() + offset; }
  }
  globalThis.Date = ShiftedDate;
})();`;

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|geo\+json|xml|manifest\+json)|image\/svg\+xml)/;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/**
 * Builds the examples into `work/site` and serves them. Returns the proxy's origin, the output
 * folder and `stop()`. Needs `npm run build:ts` first (the CLI runs dist/).
 */
export async function startExampleSite(work) {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is not at ${CHROMIUM_PATH}: apt-get install -y chromium, or set CHROMIUM_PATH.`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const outDir = path.join(work, "site");
  const upstreamPort = await freePort();
  const child = spawn(process.execPath, [path.join(root, "bin/mitreden.js"), "serve", "--port", String(upstreamPort), "--now", NOW, "--out", outDir, "--db", path.join(work, "bench.sqlite")], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mitreden serve did not start within 120 s:\n${log}`)), 120_000);
    const read = (chunk) => {
      log += chunk.toString();
      if (log.includes("Serving on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => reject(new Error(`mitreden serve exited with ${code}:\n${log}`)));
  });
  const proxy = http.createServer((request, response) => forward(request, response, upstreamPort));
  const port = await new Promise((resolve) => proxy.listen(0, "127.0.0.1", () => resolve(proxy.address().port)));
  return {
    url: `http://127.0.0.1:${port}`,
    outDir,
    async stop() {
      await new Promise((resolve) => proxy.close(resolve));
      proxy.closeAllConnections?.();
      child.kill("SIGTERM");
    },
  };
}

function forward(request, response, upstreamPort) {
  const upstream = http.request(
    { host: "127.0.0.1", port: upstreamPort, method: request.method, path: request.url, headers: { ...request.headers, "accept-encoding": "identity" } },
    (answer) => {
      const type = String(answer.headers["content-type"] ?? "");
      const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? "")) && request.method !== "HEAD";
      if (!gzip) {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
        return;
      }
      const chunks = [];
      answer.on("data", (chunk) => chunks.push(chunk));
      answer.on("end", () => {
        const body = gzipSync(Buffer.concat(chunks), { level: 6 });
        const headers = { ...answer.headers, "content-encoding": "gzip", "content-length": String(body.length), vary: "Accept-Encoding" };
        delete headers["transfer-encoding"];
        response.writeHead(answer.statusCode ?? 502, headers);
        response.end(body);
      });
    },
  );
  upstream.on("error", (error) => {
    response.writeHead(502, { "content-type": "text/plain" });
    response.end(String(error));
  });
  request.pipe(upstream);
}

/** Every HTML page of a built site, as root-relative URLs ("/marktplatz/umfrage/"). */
export function pageUrls(files) {
  return files
    .filter((f) => f.endsWith(".html"))
    .map((f) => "/" + f.split(path.sep).join("/").replace(/(^|\/)index\.html$/, "$1"))
    .sort();
}
