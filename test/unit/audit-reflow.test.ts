// `mitreden audit` looks at every page at 320 px too, as 1280 px at 400 % zoom shows it: content
// wider than the screen (WCAG 1.4.10) and a scrolling box that the keyboard cannot scroll (2.1.1)
// are errors that name the element. pa11y, at its one desktop width, sees neither.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { audit } from "../../src/audit/audit.js";

const root = path.resolve(import.meta.dirname, "../..");
let dir: string;
afterAll(async () => dir && rm(dir, { recursive: true, force: true }));

const page = (title: string, head: string, body: string) =>
  `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – Stadt Musterstadt</title><style>body { margin: 0 8px; } ${head}</style></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

// A results table as a city might write it: a long compound in the first column.
const table = `<table><caption>Was ist Ihnen wichtig?</caption><thead><tr><th scope="col">Antwort</th><th scope="col">Anzahl</th><th scope="col">Anteil</th></tr></thead>
  <tbody><tr><th scope="row">Bürgerbeteiligungsverfahren</th><td>12</td><td>40 %</td></tr></tbody></table>`;
const css = "th, td { padding: 0 24px; font-size: 20px; } .box { overflow-x: auto; }";

describe("mitreden audit at 320 px", () => {
  it("reports a page wider than the screen and a scrolling box without focus; a box that takes focus passes", async () => {
    await mkdir(path.join(root, "test/.tmp"), { recursive: true });
    dir = await mkdtemp(path.join(root, "test/.tmp/audit-reflow-"));
    const pages = ["/", "/breit/", "/kasten/", "/fokus/"];
    await writeFile(path.join(dir, "sitemap.xml"), `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${pages.map((p) => `<url><loc>https://mitreden.musterstadt.de${p}</loc></url>`).join("")}</urlset>`);
    await writeFile(path.join(dir, "index.html"), page("Start", "", "<p>Willkommen</p>"));
    for (const [name, body] of [
      ["breit", `<p>Vorher</p>${table}`],
      ["kasten", `<div class="box" id="ohne">${table}</div>`],
      ["fokus", `<section class="box" id="mit" tabindex="0" aria-label="Was ist Ihnen wichtig?">${table}</section>`],
    ]) {
      await mkdir(path.join(dir, name!));
      await writeFile(path.join(dir, name!, "index.html"), page(name!, css, body!));
    }
    await writeFile(path.join(dir, "404.html"), page("Nicht gefunden", "", "<p>Seite nicht gefunden</p>"));
    await writeFile(path.join(dir, "_headers"), "/*\n  X-Content-Type-Options: nosniff\n");
    const result = await audit({ siteDir: dir, campaignsDir: path.join(dir, "no-campaigns") });
    const found = result.issues.filter((i) => /^mitreden\.(reflow|scroll-focus)$/.test(i.code));
    expect(found.map((i) => [i.url, i.code, i.selector.split(" ")[0], i.criteria])).toEqual([
      ["/breit/", "mitreden.reflow", "table", ["1.4.10"]],
      ["/kasten/", "mitreden.scroll-focus", "div#ohne.box", ["2.1.1"]],
    ]);
    expect(found[0]!.message).toMatch(/^At 320 px \(400 % zoom\): reaches \d+ px on a 3\d\d px screen/);
    expect(found[1]!.message).toMatch(/scrolls sideways by \d+ px, and takes no focus/);
    // What to do, in the site's language (German here); the measured values beside the element.
    expect(found[1]).toMatchObject({ helpLocale: "de", context: found[1]!.message });
    expect(found[1]!.help).toMatch(/^Ein Bereich, der seitlich scrollt, muss per Tastatur erreichbar sein/);
  }, 120_000);
});
