// `mitreden audit` walks every page's tab order in forced colours and dark mode too (issue 15):
// a focus ring that vanishes only there is an error that names the mode, the stop and the element.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { audit } from "../../src/audit/audit.js";

const root = path.resolve(import.meta.dirname, "../..");
let dir: string;
afterAll(async () => dir && rm(dir, { recursive: true, force: true }));

const page = (head: string, body: string) =>
  `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Umfrage – Stadt Musterstadt</title><style>${head}</style></head><body><main><h1>Umfrage</h1>${body}</main></body></html>`;

describe("mitreden audit in forced colours and dark mode", () => {
  it("reports a focus ring that only forced colours or only dark mode hide, and nothing else", async () => {
    await mkdir(path.join(root, "test/.tmp"), { recursive: true });
    dir = await mkdtemp(path.join(root, "test/.tmp/audit-focus-"));
    await writeFile(path.join(dir, "sitemap.xml"), `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://mitreden.musterstadt.de/</loc></url></urlset>`);
    const css = [
      // As KERN did it: in forced colours the focused box gets a transparent outline of its own.
      "@media (forced-colors: active) { #gruen:focus-visible { forced-color-adjust: none; outline: 3px auto transparent !important; } }",
      // A ring as dark as the dark page behind it.
      "@media (prefers-color-scheme: dark) { body { background: #000; color: #fff; } #mehr:focus-visible { outline: 3px solid #111; } }",
    ].join("\n");
    await writeFile(
      path.join(dir, "index.html"),
      page(css, '<p><input type="checkbox" id="gruen"><label for="gruen">Mehr Grün</label></p><p><a id="mehr" href="#x">Mehr erfahren</a></p><p><a id="ok" href="#y">Impressum</a></p>'),
    );
    await writeFile(path.join(dir, "404.html"), page("", "<p>Seite nicht gefunden</p>"));
    // A hand-made site: its headers without a CSP (its style is inline), and no campaigns to answer forms for.
    await writeFile(path.join(dir, "_headers"), "/*\n  X-Content-Type-Options: nosniff\n");
    const result = await audit({ siteDir: dir, campaignsDir: path.join(dir, "no-campaigns") });
    const focus = result.issues.filter((i) => i.code.startsWith("mitreden.focus-visible"));
    expect(focus.map((i) => [i.url, i.code, i.selector.split(" ")[0]])).toEqual([
      ["/", "mitreden.focus-visible.forced-colors", "input#gruen"],
      ["/", "mitreden.focus-visible.dark", "a#mehr"],
    ]);
    expect(focus[1]!.message).toMatch(/^Tab stop 2 in dark: no visible focus indicator \(outline rgb\(17, 17, 17\) 3px: 1\.\d\d:1\)/);
  }, 120_000);

  it("walks pages behind a login on a server of their own, as the desk's, in the session the audit signed in with", async () => {
    await mkdir(path.join(root, "test/.tmp"), { recursive: true });
    const site = await mkdtemp(path.join(root, "test/.tmp/audit-focus-login-"));
    await writeFile(path.join(site, "sitemap.xml"), `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://mitreden.musterstadt.de/</loc></url></urlset>`);
    await writeFile(path.join(site, "index.html"), page("", "<p>Start</p>"));
    await writeFile(path.join(site, "404.html"), page("", "<p>Seite nicht gefunden</p>"));
    await writeFile(path.join(site, "_headers"), "/*\n  X-Content-Type-Options: nosniff\n");
    // Signed in: a table's scrolling box whose ring the page's style takes away. Not signed in: a page without it.
    const server = createServer((request, response) => {
      const signedIn = /(^|; )sitzung=ja(;|$)/.test(request.headers.cookie ?? "");
      response.writeHead(signedIn ? 200 : 401, { "content-type": "text/html; charset=utf-8" });
      response.end(signedIn ? page("#breit:focus-visible { outline: none; }", '<div id="breit" tabindex="0" role="region" aria-label="Tabelle"><p>Zahlen</p></div>') : page("", "<p>Bitte anmelden</p>"));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    try {
      const result = await audit({
        siteDir: site,
        campaignsDir: path.join(site, "no-campaigns"),
        include: (target) => target.kind === "intern",
        sources: [
          {
            name: "intern",
            targets: async () => [{ url: "/intern/", kind: "intern", reachable: true, origin, open: async (p) => void (await p.goto(origin + "/intern/")) }],
            login: async (p) => p.setCookie({ name: "sitzung", value: "ja", url: `${origin}/intern/` }),
          },
        ],
      });
      const focus = result.issues.filter((i) => i.code.startsWith("mitreden.focus-visible"));
      expect(focus.map((i) => [i.url, i.code, i.selector.split(" ")[0]])).toEqual([
        ["/intern/", "mitreden.focus-visible.forced-colors", "div#breit"],
        ["/intern/", "mitreden.focus-visible.dark", "div#breit"],
      ]);
    } finally {
      server.close();
      await rm(site, { recursive: true, force: true });
    }
  }, 120_000);
});
