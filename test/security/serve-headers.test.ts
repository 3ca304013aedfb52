// `mitreden serve` sends the headers the built site's `_headers` says, path by path (what Netlify or
// Cloudflare Pages will send for the same site), the collector's own under /api and /l, and follows a
// rebuild that changes them.
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSiteModel } from "../../src/campaign/index.js";
import { serve, type RunningServer } from "../../src/serve.js";
import { parseHeadersFile } from "../../src/security/headers-file.js";
import { collectorHeaders, headersForPath } from "../../src/security/headers.js";
import { NOW, tmpDir } from "../unit/site-support.js";

const work = tmpDir("serve-headers");
const campaigns = path.join(work, "campaigns");
const outDir = path.join(work, "site");
const campaignFile = path.join(campaigns, "marktplatz", "campaign.json");
const lines: string[] = [];
let server: RunningServer;

function setBasemap(basemap: unknown): void {
  const campaign = JSON.parse(readFileSync(campaignFile, "utf8"));
  const map = campaign.pages.find((p: { id: string }) => p.id === "karte").map;
  if (basemap) map.basemap = basemap;
  else delete map.basemap;
  // As editors save: a new file renamed over the old one.
  writeFileSync(`${campaignFile}.new`, JSON.stringify(campaign, null, 2));
  renameSync(`${campaignFile}.new`, campaignFile);
}

/** Every file of the built site as a URL path (folders by their trailing slash), and paths nobody built. */
function sitePaths(dir: string, base = "/"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return sitePaths(path.join(dir, entry.name), `${base}${entry.name}/`);
    if (entry.name.startsWith("_headers")) return [];
    return entry.name === "index.html" ? [base, `${base}index.html`] : [`${base}${entry.name}`];
  });
}

/** The response's headers of the names `_headers` and the collector use, lower-cased. */
function securityHeadersOf(response: Response): Record<string, string> {
  const names = ["content-security-policy", "x-content-type-options", "referrer-policy", "permissions-policy"];
  return Object.fromEntries(names.flatMap((name) => (response.headers.has(name) ? [[name, response.headers.get(name)!]] : [])));
}

const lowerCased = (headers: [string, string][]) => Object.fromEntries(headers.map(([name, value]) => [name.toLowerCase(), value]));

beforeAll(async () => {
  mkdirSync(work, { recursive: true });
  cpSync("campaigns", campaigns, { recursive: true });
  setBasemap({ style: "https://tiles.example.org/styles/stadt/style.json", origins: ["https://fonts.example.org"] });
  server = await serve({ campaignsDir: campaigns, outDir, port: 0, db: path.join(work, "x.sqlite"), now: NOW, log: (line) => lines.push(line), rebuildDelayMs: 50 });
});
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("mitreden serve's security headers", () => {
  it("are on every path exactly the headers _headers gives it", async () => {
    const rules = parseHeadersFile(readFileSync(path.join(outDir, "_headers"), "utf8"));
    // A campaign with a wider policy: one rule per campaign and per top-level entry.
    expect(rules.map((rule) => rule.path)).toContain("/marktplatz/*");
    const paths = [...sitePaths(outDir), "/gibt-es-nicht/", "/marktplatz/gibt-es-nicht/"];
    expect(paths.length).toBeGreaterThan(60);
    for (const pathname of paths) {
      const response = await fetch(server.url + pathname, { redirect: "manual" });
      await response.arrayBuffer();
      expect(securityHeadersOf(response), pathname).toEqual(lowerCased(headersForPath(rules, pathname)));
    }
    const map = await fetch(`${server.url}/marktplatz/karte/`);
    expect(map.headers.get("content-security-policy")).toContain("connect-src 'self' https://tiles.example.org https://fonts.example.org;");
    const index = await fetch(`${server.url}/`);
    expect(index.headers.get("content-security-policy")).toContain("connect-src 'self';");
  });

  it("are the collector's own on its answers, its error pages included", async () => {
    const { model } = await loadSiteModel(campaigns, { now: NOW });
    const expected = lowerCased(collectorHeaders(model));
    const form = await fetch(`${server.url}/api/marktplatz/umfrage/responses`, { method: "POST", body: new URLSearchParams({ _locale: "de" }) });
    expect(form.status).toBe(400);
    expect(form.headers.get("content-type")).toMatch(/^text\/html/);
    expect(securityHeadersOf(form)).toEqual(expected);
    const token = await fetch(`${server.url}/api/marktplatz/umfrage/token`);
    expect(securityHeadersOf(token)).toEqual(expected);
    // Short links are the collector's too (it counts them), not files of the site.
    const shortLink = await fetch(`${server.url}/l/marktplatz-umfrage-qr`, { redirect: "manual" });
    expect(securityHeadersOf(shortLink)).toEqual(expected);
    expect(shortLink.status).toBe(302);
    expect(shortLink.headers.get("location")).toBe("/marktplatz/umfrage/?utm_source=qr&utm_medium=print&utm_campaign=marktplatz&utm_content=umfrage");
    const unknown = await fetch(`${server.url}/l/marktplatz-gibt-es-nicht`);
    expect(unknown.status).toBe(404);
    expect(securityHeadersOf(unknown)).toEqual(expected);
    // In the site's frame, with its stylesheet.
    expect(await unknown.text()).toMatch(/<link rel="stylesheet" href="\/assets\/mitreden\.[0-9a-f]+\.css"/);
  });

  it("hand out none of the header files", async () => {
    for (const file of ["_headers", "_headers.nginx.conf", "_headers.caddy"]) {
      expect((await fetch(`${server.url}/${file}`)).status, file).toBe(404);
    }
  });

  it("follow a rebuild that changes the policy", async () => {
    const before = lines.filter((line) => line.startsWith("Rebuilt ")).length;
    setBasemap(undefined);
    const deadline = Date.now() + 60_000;
    while (lines.filter((line) => line.startsWith("Rebuilt ")).length === before) {
      if (Date.now() > deadline) throw new Error(`no rebuild:\n${lines.join("\n")}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const rules = parseHeadersFile(readFileSync(path.join(outDir, "_headers"), "utf8"));
    expect(rules.map((rule) => rule.path)).toEqual(["/*"]);
    const map = await fetch(`${server.url}/marktplatz/karte/`);
    expect(map.headers.get("content-security-policy")).toBe(rules[0]!.headers.find(([name]) => name === "Content-Security-Policy")![1]);
    expect(map.headers.get("content-security-policy")).not.toContain("tiles.example.org");
  });
});
