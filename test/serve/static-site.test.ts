// What `mitreden serve` hands out from the built site: the HTTP a browser and the map's PMTiles
// reader rely on, and nothing that lies beside the site (dotfiles) or behind a symlink.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSiteFiles } from "../../src/serve/static-site.js";
import { tmpDir } from "../unit/site-support.js";

const site = tmpDir("static-site");
let app: FastifyInstance;
const tiles = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 251));

beforeAll(async () => {
  mkdirSync(path.join(site, "marktplatz", "karte"), { recursive: true });
  mkdirSync(path.join(site, "assets"), { recursive: true });
  writeFileSync(path.join(site, "index.html"), "<!doctype html><title>Beteiligung</title><h1>Alle Beteiligungen</h1>");
  writeFileSync(path.join(site, "404.html"), "<!doctype html><title>Nicht gefunden</title><h1>Seite nicht gefunden</h1>");
  writeFileSync(path.join(site, "marktplatz", "index.html"), "<!doctype html><title>Marktplatz</title><h1>Marktplatz</h1>");
  writeFileSync(path.join(site, "marktplatz", "karte", "basemap.pmtiles"), tiles);
  writeFileSync(path.join(site, "assets", "mitreden.css"), "body{color:#1b1b1b}");
  writeFileSync(path.join(site, "assets", "mitreden.css.br"), "pretend-brotli");
  writeFileSync(path.join(site, "sitemap.xml"), "<urlset/>");
  // What must never leave the machine through the preview.
  writeFileSync(path.join(site, ".env"), "MITREDEN_SECRET=geheim");
  mkdirSync(path.join(site, ".git"));
  writeFileSync(path.join(site, ".git", "config"), "[core]");
  symlinkSync("/etc/passwd", path.join(site, "passwd.html"));
  symlinkSync("/etc", path.join(site, "etc"));
  // A symlink that stays inside the site is fine.
  symlinkSync(path.join(site, "marktplatz"), path.join(site, "market"));

  app = Fastify({ logger: false });
  await serveSiteFiles(app, site);
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  rmSync(site, { recursive: true, force: true });
});

describe("serving the built site", () => {
  it("serves pages as UTF-8 HTML, folders by their index.html, and revalidates with ETag", async () => {
    const page = await app.inject({ url: "/marktplatz/" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.body).toContain("<h1>Marktplatz</h1>");
    expect(page.headers["cache-control"]).toBe("no-cache");
    expect(page.headers["last-modified"]).toBeTruthy();
    const again = await app.inject({ url: "/marktplatz/", headers: { "if-none-match": String(page.headers.etag) } });
    expect(again.statusCode).toBe(304);

    const redirect = await app.inject({ url: "/marktplatz" });
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers.location).toBe("/marktplatz/");
    expect((await app.inject({ url: "/assets/mitreden.css" })).headers["content-type"]).toBe("text/css; charset=utf-8");
    expect((await app.inject({ url: "/sitemap.xml" })).headers["content-type"]).toBe("application/xml");
  });

  it("answers a byte range with 206, as the map's PMTiles reader asks for its basemap", async () => {
    const whole = await app.inject({ url: "/marktplatz/karte/basemap.pmtiles" });
    expect(whole.headers["accept-ranges"]).toBe("bytes");
    const part = await app.inject({ url: "/marktplatz/karte/basemap.pmtiles", headers: { range: "bytes=100-611" } });
    expect(part.statusCode).toBe(206);
    expect(part.headers["content-range"]).toBe(`bytes 100-611/${tiles.length}`);
    expect(part.rawPayload.equals(tiles.subarray(100, 612))).toBe(true);
    const beyond = await app.inject({ url: "/marktplatz/karte/basemap.pmtiles", headers: { range: "bytes=99999-" } });
    expect(beyond.statusCode).toBe(416);
  });

  it("sends a precompressed file to a browser that accepts it", async () => {
    const brotli = await app.inject({ url: "/assets/mitreden.css", headers: { "accept-encoding": "br, gzip" } });
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotli.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(brotli.body).toBe("pretend-brotli");
    const plain = await app.inject({ url: "/assets/mitreden.css", headers: { "accept-encoding": "identity" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe("body{color:#1b1b1b}");
  });

  it("answers an unknown path with the site's 404 page and status 404", async () => {
    const missing = await app.inject({ url: "/marktplatz/gibt-es-nicht/" });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(missing.body).toContain("Seite nicht gefunden");
  });

  it("never serves dotfiles", async () => {
    for (const url of ["/.env", "/.git/config", "/%2eenv", "/assets/../.env"]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).not.toContain("geheim");
      expect(response.body, url).not.toContain("[core]");
    }
  });

  it("follows no symlink out of the site folder, but one that stays inside", async () => {
    for (const url of ["/passwd.html", "/etc/passwd", "/etc/hostname", "/etc/"]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).not.toContain("root:");
      expect(response.body, url).toContain("Seite nicht gefunden");
    }
    const inside = await app.inject({ url: "/market/" });
    expect(inside.statusCode).toBe(200);
    expect(inside.body).toContain("<h1>Marktplatz</h1>");
  });

  it("keeps requests inside the site folder", async () => {
    for (const url of ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd"]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.body, url).not.toContain("root:");
    }
  });
});
