// The results page on a phone (390 px): every table fits the screen with all its columns, so the
// ranking's average place is there without scrolling sideways (KERN keeps numeric column headings
// on one line, which pushed that column off the screen), and a scale's ends say what they mean.
// Both with the web font and with the fallback font a visitor sees while it loads or when it is
// blocked: DejaVu Sans is wider, and "Durchschnittlicher" once pushed a column 9 px out of sight
// on a slow machine that measured before the font had arrived.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { servedBuild, type ServedBuild } from "./server.js";

let served: ServedBuild;

// After the campaign's end: its results are published.
beforeAll(async () => (served = await servedBuild("campaigns", { now: new Date("2027-06-20T10:00:00+02:00") })), 240_000);
afterAll(async () => await served?.close());

describe("the results page at 390 px", () => {
  it.each(["the web font", "the fallback font"])("shows every column of every table within the screen, in %s", async (font) => {
    const page = await served.browser.newPage({ viewport: { width: 390, height: 844 }, locale: "de-DE" });
    if (font === "the fallback font") await page.route(/\.woff2$/, (route) => route.abort());
    await page.goto(`${served.origin}/marktplatz/ergebnisse/`);
    // What is measured is what the visitor ends up with: the font arrived, or failed for good.
    const fonts = await page.evaluate(async () => [...(await document.fonts.ready)].map((face) => face.status));
    expect(fonts.filter((status) => status === "loaded").length > 0).toBe(font === "the web font");
    const tables = await page.locator(".kern-table-responsive").evaluateAll((wrappers) =>
      wrappers.map((wrapper) => {
        const table = wrapper.querySelector("table")!;
        const cells = [...table.querySelectorAll("th, td")].map((cell) => cell.getBoundingClientRect());
        return {
          caption: table.querySelector("caption")?.textContent?.trim() ?? "",
          // Wider than its box: the rest is reachable only by scrolling sideways.
          hidden: wrapper.scrollWidth - wrapper.clientWidth,
          rightmost: Math.max(...cells.map((r) => r.right)),
        };
      }),
    );
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) {
      expect(table.hidden, table.caption).toBeLessThanOrEqual(0);
      expect(table.rightmost, table.caption).toBeLessThanOrEqual(390);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const ranking = page.locator("table", { hasText: "Auf Platz" });
    // Wrapped on screen, the same words: "Platz 1" held together by a no-break space, and
    // "Durchschnittlicher" broken, if at all, only at its soft hyphen.
    expect((await ranking.locator("thead th").allTextContents()).map((t) => t.trim())).toEqual(["Möglichkeit", "Auf Platz\u00a01", "Durchschnitt\u00adlicher Platz"]);
    const scale = page.locator("table", { hasText: "gar nicht zufrieden" });
    expect((await scale.locator("tbody th").allInnerTexts()).map((t) => t.trim())).toEqual(["1 – gar nicht zufrieden", "2", "3", "4", "5 – sehr zufrieden"]);
    await page.close();
  });
});
