// The results page on a phone (390 px): every table fits the screen with all its columns, so the
// ranking's average place is there without scrolling sideways (KERN keeps numeric column headings
// on one line, which pushed that column off the screen), and a scale's ends say what they mean.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { servedBuild, type ServedBuild } from "./server.js";

let served: ServedBuild;

// After the campaign's end: its results are published.
beforeAll(async () => (served = await servedBuild("campaigns", { now: new Date("2027-06-20T10:00:00+02:00") })), 240_000);
afterAll(async () => await served?.close());

describe("the results page at 390 px", () => {
  it("shows every column of every table within the screen", async () => {
    const page = await served.browser.newPage({ viewport: { width: 390, height: 844 }, locale: "de-DE" });
    await page.goto(`${served.origin}/marktplatz/ergebnisse/`);
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
    const ranking = page.locator("table", { hasText: "Durchschnittlicher" });
    // Wrapped on screen, the same words: "Platz 1" held together by a no-break space.
    expect((await ranking.locator("thead th").allTextContents()).map((t) => t.trim())).toEqual(["Möglichkeit", "Auf Platz\u00a01", "Durchschnittlicher Platz"]);
    const scale = page.locator("table", { hasText: "gar nicht zufrieden" });
    expect((await scale.locator("tbody th").allInnerTexts()).map((t) => t.trim())).toEqual(["1 – gar nicht zufrieden", "2", "3", "4", "5 – sehr zufrieden"]);
    await page.close();
  });
});
