// `mitreden audit` walks every page's tab order in forced colours and dark mode too (issue 15):
// a focus ring that vanishes only there is an error that names the mode, the stop and the element.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
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
});
