// Every page of the examples in forced colours (Windows high contrast) and in dark mode, which
// pa11y sees neither of: each tab stop must show where the focus is (WCAG 2.4.7, 1.4.11), checked
// by the same walk `src/audit/focus-walk.ts` gives the audit. And the survey's own controls, one
// by one, as a person with a high-contrast theme meets them (issue 15, finding 1).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pagesToAudit } from "../../src/audit/audit.js";
import { COLOUR_MODES, walkFocus, type ColourMode } from "../../src/audit/focus-walk.js";
import { startStaticServer, type StaticServer } from "../../src/audit/static-server.js";
import { buildInto, type BuiltSite } from "../unit/site-support.js";
import { tabTo } from "./keyboard.js";
import { launchChromium } from "./server.js";

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await buildInto("campaigns");
  server = await startStaticServer(site.outDir);
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

async function open(path: string, mode: ColourMode | "light", width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale: "de-DE" });
  await page.emulateMedia({ forcedColors: mode === "forced-colors" ? "active" : "none", colorScheme: mode === "dark" ? "dark" : "light" });
  await page.goto(server.origin + path);
  // A map starts when it scrolls into view; its controls are tab stops too.
  for (const frame of await page.locator("[data-map-frame]").all()) {
    await frame.scrollIntoViewIfNeeded();
    await page.waitForSelector("html[data-map-ready], .mr-map__frame--unavailable", { timeout: 20_000 });
  }
  return page;
}

describe("focus in forced colours and dark mode", () => {
  it("is visible on every tab stop of every page", async () => {
    const problems: string[] = [];
    let stops = 0;
    for (const path of await pagesToAudit(site.outDir)) {
      for (const mode of COLOUR_MODES) {
        const page = await open(path, mode);
        const walk = await walkFocus(page);
        stops += walk.stops;
        problems.push(...walk.problems.map((p) => `${path} (${mode}) stop ${p.stop}: ${p.element}: ${p.reason}`));
        await page.close();
      }
    }
    expect(problems).toEqual([]);
    // The walk did walk: the examples have well over a thousand tab stops in the two modes.
    expect(stops).toBeGreaterThan(1000);
  }, 600_000);
});

describe("the survey's checkboxes and radios in forced colours (finding 1)", () => {
  /** What a person sees around the focused box: its outline and border, in system colours. */
  const focusedBox = (page: Page) =>
    page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`, border: `${style.borderTopStyle} ${style.borderTopWidth} ${style.borderTopColor}` };
    });

  for (const [kind, selector] of [["radio", "input.kern-form-check__radio"], ["checkbox", "input.kern-form-check__checkbox"]] as const) {
    it(`draws the focused ${kind} with a Highlight ring and a CanvasText box, checked or not`, async () => {
      const page = await open("/marktplatz/umfrage/", "forced-colors");
      const highlight = await page.evaluate(() => {
        const probe = document.body.appendChild(document.createElement("i"));
        probe.style.color = "Highlight";
        const colour = getComputedStyle(probe).color;
        probe.remove();
        return colour;
      });
      await tabTo(page, selector);
      const before = await focusedBox(page);
      expect(before.outline).toBe(`solid 3px ${highlight}`);
      expect(before.border).toMatch(/^solid 2px rgb\(0, 0, 0\)$/);
      // Checked: the mark is drawn in the text colour, and the ring stays.
      await page.keyboard.press("Space");
      const mark = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!, "::before");
        return style.backgroundColor === "rgba(0, 0, 0, 0)" ? style.borderRightColor : style.backgroundColor;
      });
      expect(mark).toBe("rgb(0, 0, 0)");
      expect((await focusedBox(page)).outline).toBe(`solid 3px ${highlight}`);
      await page.close();
    });
  }
});
