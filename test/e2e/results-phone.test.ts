// The results page on a phone (390 px) and at 400 % zoom (1280 px shown as 320): every table fits
// the screen with all its columns, so the ranking's average place is there without scrolling
// sideways (KERN keeps numeric column headings on one line, which pushed that column off the
// screen), and a scale's ends say what they mean. Both with the web font and with the fallback
// font a visitor sees while it loads or when it is blocked: DejaVu Sans is wider, and the heading
// "Durchschnittlicher Platz" pushed its column 9 px out of sight on a slow machine that measured
// before the font had arrived, and 30 px at 320 px in the web font.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { servedBuild, type ServedBuild } from "./server.js";

let served: ServedBuild;

// After the campaign's end: its results are published.
beforeAll(async () => (served = await servedBuild("campaigns", { now: new Date("2027-06-20T10:00:00+02:00") })), 240_000);
afterAll(async () => await served?.close());

const cases = [390, 320].flatMap((width) => ["the web font", "the fallback font"].map((font) => ({ width, font })));

describe("the results page on a phone and at 400 % zoom", () => {
  it.each(cases)("shows every column of every table within $width px, in $font", async ({ width, font }) => {
    const page = await served.browser.newPage({ viewport: { width, height: 844 }, locale: "de-DE" });
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
      expect(table.rightmost, table.caption).toBeLessThanOrEqual(width);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const ranking = page.locator("table", { hasText: "Auf Platz" });
    // Wrapped on screen, the same words: "Platz 1" held together by a no-break space.
    expect((await ranking.locator("thead th").allTextContents()).map((t) => t.trim())).toEqual(["Möglichkeit", "Auf Platz\u00a01", "Platz im Schnitt"]);
    const scale = page.locator("table", { hasText: "gar nicht zufrieden" });
    expect((await scale.locator("tbody th").allInnerTexts()).map((t) => t.trim())).toEqual(["1 – gar nicht zufrieden", "2", "3", "4", "5 – sehr zufrieden"]);
    await page.close();
  });

  it("lets the keyboard scroll a table that a long compound among a campaign's options makes wider than 320 px", async () => {
    const page = await served.browser.newPage({ viewport: { width: 320, height: 844 }, locale: "de-DE" });
    await page.goto(`${served.origin}/marktplatz/ergebnisse/`);
    await page.evaluate(() => document.fonts.ready);
    // Every table's box is a tab stop named by its caption.
    const boxes = await page.locator(".kern-table-responsive").evaluateAll((all) => all.map((box) => ({ tabIndex: box.tabIndex, name: document.getElementById(box.getAttribute("aria-labelledby") ?? "")?.textContent?.trim(), caption: box.querySelector("caption")?.textContent?.trim() })));
    expect(boxes.length).toBeGreaterThan(5);
    for (const box of boxes) expect(box).toEqual({ tabIndex: 0, name: box.caption, caption: expect.any(String) });
    // A city's option with a word longer than the screen leaves room for (no hyphenation without
    // the browser's dictionaries): the box scrolls, and from the keyboard too.
    const first = page.locator(".kern-table-responsive").first();
    const hidden = await first.evaluate((box) => {
      box.querySelector("tbody th")!.textContent = "Bürgerbeteiligungsverfahren am Markt";
      return box.scrollWidth - box.clientWidth;
    });
    expect(hidden).toBeGreaterThan(0);
    for (let presses = 0; presses < 100 && !(await first.evaluate((box) => box === document.activeElement)); presses++) await page.keyboard.press("Tab");
    expect(await first.evaluate((box) => box === document.activeElement), "the table's box is reached by Tab").toBe(true);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => first.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
    await page.close();
  });
});
