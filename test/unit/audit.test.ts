// The accessibility gate must fail on a real barrier, and name the page, the element and the WCAG rule.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { audit, pagesToAudit } from "../../src/audit/audit.js";

const root = path.resolve(import.meta.dirname, "../..");

async function siteWith(pages: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(root, "test/.tmp/audit-"));
  const urls = Object.keys(pages).filter((p) => p !== "/404.html" && !p.endsWith("/social-kit/"));
  await writeFile(
    path.join(dir, "sitemap.xml"),
    `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls
      .map((u) => `<url><loc>https://mitreden.musterstadt.de${u}</loc></url>`)
      .join("")}</urlset>`,
  );
  for (const [url, html] of Object.entries(pages)) {
    const file = url.endsWith(".html") ? path.join(dir, url) : path.join(dir, url, "index.html");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, html);
  }
  return dir;
}

const page = (body: string) =>
  `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Umfrage – Marktplatz – Stadt Musterstadt</title></head><body><main><h1>Umfrage</h1>${body}</main></body></html>`;

describe("mitreden audit", () => {
  it("reports an unlabelled form field and an image without alt text, with URL, selector and WCAG code", async () => {
    const dir = await siteWith({
      "/": page("<p>Willkommen</p>"),
      "/marktplatz/umfrage/": page('<form><input type="text" name="wunsch"><img src="data:," width="1" height="1"></form>'),
      "/404.html": page("<p>Seite nicht gefunden</p>"),
    });
    const result = await audit({ siteDir: dir });
    expect(result.urls).toEqual(["/", "/marktplatz/umfrage/", "/404.html"]);
    const onSurvey = result.issues.filter((i) => i.url === "/marktplatz/umfrage/");
    expect(onSurvey.some((i) => /input/.test(i.selector) && /label|H44|F68/i.test(i.code))).toBe(true);
    expect(onSurvey.some((i) => /img/.test(i.selector) && /image-alt|H37/i.test(i.code))).toBe(true);
    expect(result.issues.filter((i) => i.url === "/")).toEqual([]);
  });

  it("audits the sitemap's pages, the 404 page and every social kit", async () => {
    const dir = await siteWith({ "/": page(""), "/a/": page(""), "/a/social-kit/": page(""), "/404.html": page("") });
    expect(await pagesToAudit(dir)).toEqual(["/", "/a/", "/404.html", "/a/social-kit/"]);
  });

  it("says how to build first when there is no site", async () => {
    await expect(audit({ siteDir: path.join(root, "test/.tmp/no-site-here") })).rejects.toThrow(/mitreden build/);
  });
});
