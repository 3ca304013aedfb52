// The map page as a BITV examiner and a phone user meet it (issue 13's layout, issue 15's map
// findings 2, 4, 7, 8, 9, 16), in headless Chromium against `mitreden serve` with the examples'
// self-hosted basemap: room for the map, a page that scrolls past it, a visible focus in every
// colour mode, categories told apart by shape, the library's words in German, one widget for
// screen readers, and a character count that is not read out on every keystroke.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tabTo } from "./keyboard.js";
import { NOW, launchChromium, startSite, type RunningSite } from "./server.js";

let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  site = await startSite();
  // 30 approved contributions around the Marktplatz, the three categories in turn.
  const db = new Database(site.db);
  const insert = db.prepare(
    `INSERT INTO contributions (id, campaign, page, locale, category, comment, lng, lat, place, description, received_at, channel, verified, status, moderated_at)
     VALUES (?, 'marktplatz', 'karte', 'de', ?, ?, ?, ?, NULL, NULL, ?, 'script', 1, 'approved', ?)`,
  );
  const at = new Date(NOW).toISOString();
  db.transaction(() => {
    for (let i = 0; i < 30; i++) insert.run(randomUUID(), ["idee", "problem", "lob"][i % 3], `Hinweis ${i + 1}`, 6.999 + (i % 6) / 3000, 50.9395 + Math.floor(i / 6) / 5500, at, at);
  })();
  db.close();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function openMap(width: number, height: number, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, ...options });
  const page = await context.newPage();
  await page.goto(`${site.url}/marktplatz/karte/`);
  await page.locator("#mr-map-frame").scrollIntoViewIfNeeded();
  await page.waitForSelector("html[data-map-ready][data-map-markers]", { timeout: 60_000 });
  return page;
}

/** WCAG contrast of two CSS colours ("rgb(…)" or "#rrggbb"). */
function contrast(a: string, b: string): number {
  const rgb = (c: string) => (c.startsWith("#") ? [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) : c.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number));
  const lum = (c: string) => {
    const [r, g, b] = rgb(c).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

describe("map page: room, scrolling, focus, symbols, words", () => {
  it("gives the map the main column's full width and most of the screen's height; on a phone, the screen's width", async () => {
    const wide = await openMap(1280, 900);
    const [frame, column] = await wide.evaluate(() => [document.getElementById("mr-map-frame")!.getBoundingClientRect().toJSON(), document.querySelector("h1")!.parentElement!.getBoundingClientRect().toJSON()]);
    expect(frame.width).toBeGreaterThanOrEqual(column.width - 1);
    expect(frame.height).toBeGreaterThanOrEqual(0.6 * 900);
    // The list follows below the map, not squeezed beside it.
    const list = await wide.locator("#mr-list-section").boundingBox();
    expect(list!.y).toBeGreaterThan(frame.bottom);
    await wide.context().close();

    const phone = await openMap(390, 844, { isMobile: true, hasTouch: true });
    const small = await phone.locator("#mr-map-frame").boundingBox();
    expect(small!.width).toBeGreaterThanOrEqual(390);
    expect(small!.height).toBeGreaterThanOrEqual(0.6 * 844);
    await phone.context().close();
  });

  it("lets the mouse wheel scroll the page over the map, and says how to zoom and move it instead", async () => {
    const page = await openMap(1280, 900);
    // The map's top edge near the top of the window, so that the page has room to scroll on.
    await page.locator("#mr-map-frame").evaluate((f) => window.scrollTo(0, f.getBoundingClientRect().top + window.scrollY - 100));
    const box = (await page.locator("#mr-map-frame").boundingBox())!;
    const before = await page.evaluate(() => window.scrollY);
    expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight - window.scrollY)).toBeGreaterThan(200);
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 300));
    await page.mouse.wheel(0, 400);
    // Chromium scrolls smoothly; on a busy machine the 400 px take longer than poll's default second.
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 10_000 }).toBeGreaterThan(before + 100);
    // The hint, in German, for the mouse and for fingers.
    const hint = await page.locator("#mr-map-canvas [class*=cooperative-gesture]").first().textContent();
    expect(hint).toContain("Strg");
    expect(hint).toContain("zwei Fingern");
    await page.context().close();
  });

  for (const [mode, media] of [
    ["light", {}],
    ["forced colours", { forcedColors: "active" }],
    ["forced colours, dark", { forcedColors: "active", colorScheme: "dark" }],
  ] as const) {
    it(`shows a focus ring round the map and the crosshair when the map is reached by Tab (${mode})`, async () => {
      const page = await openMap(1280, 900, media);
      await page.evaluate(() => window.scrollTo(0, 0));
      await tabTo(page, "#mr-map-canvas canvas");
      const seen = await page.evaluate(() => {
        const frame = getComputedStyle(document.getElementById("mr-map-frame")!);
        const crosshair = document.querySelector("#mr-map-canvas .mr-map__crosshair")!;
        const arm = getComputedStyle(crosshair, "::before");
        return {
          outline: frame.outlineStyle !== "none" ? parseFloat(frame.outlineWidth) : 0,
          crosshair: getComputedStyle(crosshair).display,
          arm: parseFloat(arm.borderLeftWidth),
          armColour: arm.borderLeftColor,
          ring: arm.outlineStyle !== "none" ? arm.outlineColor : arm.boxShadow,
        };
      });
      expect(seen.outline).toBeGreaterThanOrEqual(2);
      expect(seen.crosshair).toBe("block");
      expect(seen.arm).toBeGreaterThanOrEqual(2);
      expect(seen.armColour).not.toBe("rgba(0, 0, 0, 0)");
      // A line of the other colour round the arms: the crosshair shows on light and dark map areas.
      expect(seen.ring).toMatch(/rgb/);
      await page.context().close();
    });
  }

  it("is one widget for screen readers, with a short name of its own and the keyboard help as its description", async () => {
    const page = await openMap(1280, 900);
    const canvas = page.locator("#mr-map-canvas canvas");
    expect(await canvas.getAttribute("role")).toBe("application");
    const name = await canvas.getAttribute("aria-label");
    expect(name).toBe("Interaktive Karte");
    expect(name).not.toBe(await page.textContent("#mr-map-heading"));
    expect(await page.textContent(`#${await canvas.getAttribute("aria-describedby")}`)).toContain("Pfeiltasten");
    // Required radio groups say so to assistive technology.
    expect(await page.getByRole("radiogroup", { name: /Art des Hinweises/ }).getAttribute("aria-required")).toBe("true");
    await page.context().close();
  });

  it("names the popup's close button in German and makes it at least 24 × 24 px", async () => {
    const page = await openMap(1280, 900);
    await page.locator("#mr-list .mr-contribution__show").first().click();
    const close = page.locator("[class$=popup-close-button]");
    await close.waitFor();
    expect(await close.getAttribute("aria-label")).toBe("Infofenster schließen");
    const box = (await close.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
    await page.context().close();
  });

  it("tells categories apart by shape as well as colour, the same in the legend, the filter and the list", async () => {
    const page = await openMap(1280, 900);
    const shapes = await page.evaluate(() => {
      const d = (svg: Element | null | undefined) => svg?.querySelector("path:last-of-type")?.getAttribute("d");
      const legend = [...document.querySelectorAll(".mr-filter label")].map((l) => ({ category: l.getAttribute("for")!.replace("mr-filter-", ""), d: d(l.querySelector("svg")) }));
      const listed = [...document.querySelectorAll("#mr-list .mr-contribution")].map((li) => ({ heading: li.querySelector("h3")!.textContent, d: d(li.querySelector("svg")) }));
      return { legend, listed };
    });
    expect(new Set(shapes.legend.map((l) => l.d)).size).toBe(shapes.legend.length);
    const byLabel = new Map(await page.evaluate(() => [...document.querySelectorAll(".mr-filter label")].map((l) => [l.textContent!.trim(), l.querySelector("path:last-of-type")!.getAttribute("d")] as [string, string])));
    for (const item of shapes.listed) expect(item.d).toBe(byLabel.get(item.heading!.trim()));
    await page.context().close();
  });

  for (const [mode, media] of [
    ["dark", { colorScheme: "dark" }],
    ["forced colours", { forcedColors: "active" }],
  ] as const) {
    it(`keeps every legend symbol and the cluster counts visible (${mode})`, async () => {
      const page = await openMap(1280, 900, media);
      await page.waitForSelector(".mr-cluster-count");
      const seen = await page.evaluate(() => {
        const background = getComputedStyle(document.body).backgroundColor;
        const symbols = [...document.querySelectorAll(".mr-legend .mr-swatch")].map((svg) => ({
          tile: getComputedStyle(svg.querySelector("rect")!).fill,
          adjust: getComputedStyle(svg).forcedColorAdjust,
          width: svg.getBoundingClientRect().width,
        }));
        const counts = [...document.querySelectorAll(".mr-cluster-count")].map((c) => getComputedStyle(c).color);
        return { background, symbols, counts };
      });
      expect(seen.symbols.length).toBeGreaterThanOrEqual(5); // area, layer, three categories, own point
      for (const symbol of seen.symbols) {
        expect(symbol.width).toBeGreaterThan(10);
        expect(symbol.adjust).toBe("none");
        if (mode === "dark") expect(contrast(symbol.tile, seen.background)).toBeGreaterThanOrEqual(3);
      }
      // White on the dark cluster, whatever the colour mode.
      for (const colour of seen.counts) expect(colour).toBe("rgb(255, 255, 255)");
      await page.context().close();
    });
  }

  it("reads the comment's character count out once after a pause, not on every keystroke", async () => {
    const page = await openMap(1280, 900);
    await page.evaluate(() => {
      (window as unknown as { announced: number }).announced = 0;
      const regions = [...document.querySelectorAll("#mr-contribution-form [aria-live]")];
      const observer = new MutationObserver((records) => ((window as unknown as { announced: number }).announced += records.length));
      for (const region of regions) observer.observe(region, { childList: true, characterData: true, subtree: true });
    });
    await page.locator("#mr-contribution-form textarea").first().pressSequentially("Mehr Schatten", { delay: 30 });
    await page.waitForTimeout(1_500);
    const announced = await page.evaluate(() => (window as unknown as { announced: number }).announced);
    expect(announced).toBeGreaterThanOrEqual(1);
    expect(announced).toBeLessThanOrEqual(2);
    await page.context().close();
  });
});
