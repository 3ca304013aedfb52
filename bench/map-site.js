// The example Ideenkarte (marktplatz/karte) built once and served with a given number of approved
// contributions, for bench/map.js, bench/map-screens.js and bench/lighthouse-map.js: the static site
// and the collector on one port (Fastify, as `mitreden serve` does), everything on 127.0.0.1.
// Needs `npm run build:ts` first (it runs dist/).
import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import Database from "better-sqlite3";
import Fastify from "fastify";
import { loadSiteModel } from "../dist/campaign/index.js";
import { collectorPlugin } from "../dist/collector/server.js";
import { openStore } from "../dist/collector/store/index.js";
import { buildSite } from "../dist/site/build.js";

export const root = fileURLToPath(new URL("..", import.meta.url));
/** The example map is open on this day (as in npm start and the e2e tests). */
export const NOW = new Date("2027-03-20T10:00:00+01:00");
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
export const MAP_PAGE = "/marktplatz/karte/";

/** Builds the examples into `<work>/site`; returns the folder, the site model and the map page's client config. */
export async function buildMapSite(work) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const site = path.join(work, "site");
  await buildSite({ campaignsDir: path.join(root, "campaigns"), outDir: site, now: NOW, quiet: true });
  const html = readFileSync(path.join(site, "marktplatz/karte/index.html"), "utf8");
  const mapConfig = JSON.parse(/<script type="application\/json" id="mr-map-config">([^<]*)<\/script>/.exec(html)[1]);
  const { model } = await loadSiteModel(path.join(root, "campaigns"));
  return { work, site, model, mapConfig };
}

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|geo\+json|xml)|image\/svg\+xml)/;

/**
 * Serves the built site and the collector with `count` approved contributions spread over the
 * planning area's inner box, each category in turn. `gzip`: compress text as a city's web server
 * does (for Lighthouse, which judges transfer sizes).
 */
export async function serveMapSite({ work, site, model }, count, { gzip = false } = {}) {
  const file = path.join(work, `map-${count}.sqlite`);
  rmSync(file, { force: true });
  await (await openStore({ file })).close();
  const page = model.campaigns.find((c) => c.slug === "marktplatz").pages.find((p) => p.id === "karte");
  const categories = page.map.categories.map((c) => c.id);
  const db = new Database(file);
  const insert = db.prepare(
    `INSERT INTO contributions (id, campaign, page, locale, category, comment, lng, lat, place, description, received_at, channel, verified, status, moderated_at)
     VALUES (?, 'marktplatz', 'karte', 'de', ?, ?, ?, ?, NULL, NULL, ?, 'script', 1, 'approved', ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      // Inside the planning area's inner box (6.9990–7.0010, 50.9395–50.9404).
      const lng = 6.999 + ((i * 7919) % 1000) / 500_000;
      const lat = 50.9395 + ((i * 104_729) % 1000) / 1_111_111;
      const at = new Date(NOW.getTime() - (count - i) * 60_000).toISOString();
      insert.run(randomUUID(), categories[i % categories.length], `Hinweis Nr. ${i + 1}: Mehr Schatten, mehr Bänke, weniger Autos – bitte prüfen.`, lng, lat, at, at);
    }
  })();
  db.close();
  const store = await openStore({ file });
  const app = Fastify({ logger: false });
  if (gzip) {
    app.addHook("onSend", async (request, reply, payload) => {
      const type = String(reply.getHeader("content-type") ?? "");
      if (!COMPRESSIBLE.test(type) || !/\bgzip\b/.test(String(request.headers["accept-encoding"] ?? "")) || reply.getHeader("content-encoding")) return payload;
      const body = typeof payload === "string" || Buffer.isBuffer(payload) ? payload : await streamToBuffer(payload);
      reply.header("content-encoding", "gzip").removeHeader("content-length");
      return gzipSync(body);
    });
  }
  await app.register(fastifyStatic, { root: site, redirect: true });
  await app.register(collectorPlugin, { prefix: "/api", model, store, now: () => NOW });
  await app.listen({ port: 0, host: "127.0.0.1" });
  return { origin: `http://127.0.0.1:${app.server.address().port}`, close: async () => (await app.close(), await store.close()) };
}

async function streamToBuffer(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}
