// The audit's static server (`mitreden audit` serves the built site to Chromium) hands out what
// `mitreden serve` hands out: no dotfiles, no symlink out of the site folder, not the header files.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAuditServer, type AuditServer } from "../../src/audit/server.js";
import { tmpDir } from "../unit/site-support.js";

const site = tmpDir("audit-server");
let server: AuditServer;

beforeAll(async () => {
  mkdirSync(path.join(site, "marktplatz"), { recursive: true });
  writeFileSync(path.join(site, "404.html"), "<!doctype html><title>Nicht gefunden</title><h1>Seite nicht gefunden</h1>");
  writeFileSync(path.join(site, "marktplatz", "index.html"), "<!doctype html><title>Marktplatz</title><h1>Marktplatz</h1>");
  writeFileSync(path.join(site, ".env"), "MITREDEN_SECRET=geheim");
  writeFileSync(path.join(site, "_headers"), "/*\n  X-Content-Type-Options: nosniff\n");
  symlinkSync("/etc/passwd", path.join(site, "passwd.html"));
  symlinkSync("/etc", path.join(site, "etc"));
  server = await startAuditServer(site);
});
afterAll(async () => {
  await server?.close();
  rmSync(site, { recursive: true, force: true });
});

describe("the audit's static server", () => {
  it("serves the pages, on this machine only", async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await fetch(`${server.origin}/marktplatz/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await page.text()).toContain("<h1>Marktplatz</h1>");
  });

  it("follows no symlink out of the site and serves no dotfile or header file", async () => {
    for (const url of ["/passwd.html", "/etc/passwd", "/etc/hostname", "/.env", "/_headers"]) {
      const response = await fetch(server.origin + url);
      expect(response.status, url).toBe(404);
      const body = await response.text();
      expect(body, url).not.toContain("root:");
      expect(body, url).not.toContain("geheim");
      expect(body, url).toContain("Seite nicht gefunden");
    }
  });
});
