// The nginx and Caddy files the build writes, in the real servers: a city's IT department includes
// them and gets on every file of the site the headers `_headers` gives it (what `mitreden serve`
// sends), and the collector proxied at /api and /l (short links) keeps its own. The collector is the
// real one: a short link through either server lands on the site's page with the utm parameters and
// is counted; an unknown one shows the collector's 404 page, not the site's.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, test } from "vitest";
import { loadSiteModel } from "../../src/campaign/index.js";
import type { MapPageModel, SiteModel } from "../../src/campaign/model.js";
import { writeHeaderFiles } from "../../src/security/headers-file.js";
import { CSP, headersForPath, type HeaderRule } from "../../src/security/headers.js";
import { NOW, tmpDir } from "../unit/site-support.js";
import { testCollector, type TestCollector } from "../collector/helpers/collector.js";

const work = tmpDir("server-snippets");
const site = path.join(work, "site");
/** Files of a built site (the content does not matter here), and what nobody built. */
const FILES = ["/index.html", "/404.html", "/sitemap.xml", "/assets/mitreden.1234abcd.css", "/marktplatz/index.html", "/marktplatz/karte/index.html", "/radverkehr/index.html", "/radverkehr/en/index.html"];
const PATHS = ["/", "/marktplatz/", "/marktplatz/karte/", "/radverkehr/en/", ...FILES];
const NAMES = ["content-security-policy", "x-content-type-options", "referrer-policy", "permissions-policy"];

let rules: HeaderRule[];
let collector: TestCollector;
let upstream: string;
const servers: { name: string; child: ChildProcess; origin: string }[] = [];

function installed(command: string): boolean {
  try {
    execFileSync(command, ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    try {
      execFileSync(command, ["version"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  }
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function start(name: string, command: string, args: string[], port: number, env: NodeJS.ProcessEnv = {}): Promise<void> {
  let output = "";
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const origin = `http://127.0.0.1:${port}`;
  servers.push({ name, child, origin });
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} stopped:\n${output}`);
    if (await fetch(`${origin}/`).then(() => true, () => false)) return;
    if (Date.now() > deadline) throw new Error(`${name} did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The security headers of a response, lower-cased, as `_headers` lists them. */
function securityHeadersOf(response: Response): Record<string, string> {
  return Object.fromEntries(NAMES.flatMap((name) => (response.headers.has(name) ? [[name, response.headers.get(name)!]] : [])));
}

beforeAll(async () => {
  const missing = ["nginx", "caddy"].filter((command) => !installed(command));
  if (missing.length) throw new Error(`${missing.join(" and ")} not found: the test runs the generated snippets in them. Install with: apt-get install -y nginx-light caddy`);
  // The examples with the Marktplatz map on a third-party basemap: one rule per campaign and top-level entry.
  const examples = (await loadSiteModel("campaigns", { now: NOW })).model;
  const model: SiteModel = structuredClone(examples);
  (model.campaigns.find((c) => c.slug === "marktplatz")!.pages.find((p) => p.type === "map") as MapPageModel).map.basemap = { kind: "style", style: "https://tiles.example.org/style.json" };
  for (const file of FILES) {
    mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    writeFileSync(path.join(site, file), file.endsWith(".html") ? `<!doctype html><title>${file}</title>` : "x");
  }
  rules = await writeHeaderFiles(model, site);
  expect(rules.length).toBeGreaterThan(2);

  collector = await testCollector();
  await collector.app.listen({ port: 0, host: "127.0.0.1" });
  upstream = `127.0.0.1:${(collector.app.server.address() as AddressInfo).port}`;

  const nginxPort = await freePort();
  mkdirSync(path.join(work, "nginx"), { recursive: true });
  const nginxConf = path.join(work, "nginx", "nginx.conf");
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `${kind}_temp_path ${path.join(work, "nginx", kind)};`).join("\n    ");
  writeFileSync(
    nginxConf,
    `daemon off;
master_process off;
pid ${path.join(work, "nginx", "nginx.pid")};
error_log stderr;
events {}
http {
    access_log off;
    ${temp}
    types { text/html html; text/css css; application/xml xml; }
    server {
        listen 127.0.0.1:${nginxPort};
        root ${site};
        include ${path.join(site, "_headers.nginx.conf")};
        error_page 404 /404.html;
        location /api/ {
            proxy_pass http://${upstream};
        }
        location /l/ {
            proxy_pass http://${upstream};
        }
    }
}
`,
  );
  await start("nginx", "nginx", ["-p", path.join(work, "nginx"), "-c", nginxConf, "-e", "stderr"], nginxPort);

  const caddyPort = await freePort();
  const caddyfile = path.join(work, "Caddyfile");
  writeFileSync(
    caddyfile,
    `{
	admin off
	auto_https off
}
http://127.0.0.1:${caddyPort} {
	root * ${site}
	import ${path.join(site, "_headers.caddy")}
	reverse_proxy /api/* ${upstream}
	reverse_proxy /l/* ${upstream}
	file_server
	handle_errors {
		rewrite * /{err.status_code}.html
		file_server
	}
}
`,
  );
  const home = path.join(work, "caddy-home");
  await start("Caddy", "caddy", ["run", "--config", caddyfile, "--adapter", "caddyfile"], caddyPort, { HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home });
}, 60_000);

afterAll(async () => {
  for (const { child } of servers) {
    if (child.exitCode !== null) continue;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  await collector?.close();
  rmSync(work, { recursive: true, force: true });
});

describe.each(["nginx", "Caddy"])("the %s snippet", (name) => {
  const origin = () => servers.find((server) => server.name === name)!.origin;

  it("sends on every file of the site the headers _headers gives its path", async () => {
    for (const pathname of PATHS) {
      const response = await fetch(origin() + pathname);
      expect(response.status, pathname).toBe(200);
      const expected = Object.fromEntries(headersForPath(rules, pathname).map(([header, value]) => [header.toLowerCase(), value]));
      expect(securityHeadersOf(response), pathname).toEqual(expected);
    }
    const map = await fetch(`${origin()}/marktplatz/karte/`);
    expect(map.headers.get(CSP)).toContain("https://tiles.example.org");
  });

  it("leaves the collector's answers as the collector sends them", async () => {
    for (const url of ["/api/marktplatz/umfrage/token", "/l/marktplatz-umfrage-qr", "/l/marktplatz-unbekannt"]) {
      const response = await fetch(origin() + url, { redirect: "manual" });
      const direct = await fetch(`http://${upstream}${url}`, { redirect: "manual" });
      expect(securityHeadersOf(response), url).toEqual(securityHeadersOf(direct));
      expect(response.headers.get(CSP), url).toContain("default-src 'none'");
    }
  });

  it("passes a short link to the collector: a 302 to the site's page with the utm parameters, which the server then serves", async () => {
    const response = await fetch(`${origin()}/l/marktplatz-qr`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/marktplatz/?utm_source=qr&utm_medium=print&utm_campaign=marktplatz&utm_content=start");
    const landed = await fetch(`${origin()}/l/marktplatz-qr`);
    expect(landed.status).toBe(200);
    expect(new URL(landed.url).pathname).toBe("/marktplatz/");
    expect(await landed.text()).toContain("<title>/marktplatz/index.html</title>");
  });

  it("shows an unknown short link the collector's 404 page (error_page and handle_errors do not replace it with the site's)", async () => {
    const response = await fetch(`${origin()}/l/marktplatz-endsprut-masto`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain("Diesen Kurzlink kennen wir nicht");
    expect(html).not.toContain("<title>/404.html</title>");
  });

  it("hands out none of the header files", async () => {
    for (const file of ["_headers", "_headers.nginx.conf", "_headers.caddy"]) expect((await fetch(`${origin()}/${file}`)).status, file).toBe(404);
  });
});

test("the short links followed through nginx and Caddy are counted by the collector, one click per person, HEAD as a preview", async () => {
  // Each server's describe block above followed /l/marktplatz-qr twice (one 302 seen, one followed).
  for (const { origin } of servers) expect((await fetch(`${origin}/l/marktplatz-umfrage-qr`, { method: "HEAD", redirect: "manual" })).status).toBe(302);
  await collector.app.close();
  const counts = await collector.store.listReachCounts("marktplatz");
  const qr = (content: string) => counts.filter((r) => r.source === "qr" && r.content === content);
  expect(qr("start").reduce((sum, r) => sum + r.clicks, 0)).toBe(4);
  // "leaves the collector's answers …" followed /l/marktplatz-umfrage-qr once per server, and directly once.
  expect(qr("umfrage").reduce((sum, r) => sum + r.clicks, 0)).toBe(4);
  expect(qr("umfrage").reduce((sum, r) => sum + r.previews, 0)).toBe(2);
});
