// What a manual BITV-style test found and pa11y cannot see (issue 15), in headless Chromium on the
// built examples: the survey's checkboxes and radios in forced colours (finding 1; that every tab
// stop of every page shows focus in forced colours and dark mode is `mitreden audit`'s walk,
// src/audit/focus-walk.ts, in npm test's audit and test/unit/audit-focus.test.ts); the map form's errors (3, 5);
// the ranking (13) and the error summary (14). The forms are checked in the browser before anything
// is sent, so a static server is enough.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLOUR_MODES, type ColourMode } from "../../src/audit/focus-walk.js";
import { packagePath } from "../../src/package-root.js";
import { expectLikeReference } from "../helpers/reference-picture.js";
import { tabTo } from "./keyboard.js";
import { servedBuild, type ServedBuild } from "./server.js";

let served: ServedBuild;
let browser: Browser;

beforeAll(async () => {
  served = await servedBuild("campaigns");
  browser = served.browser;
}, 240_000);
afterAll(async () => {
  await served?.close();
});

async function open(path: string, mode: ColourMode | "light", width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale: "de-DE" });
  await page.emulateMedia({ forcedColors: mode === "forced-colors" ? "active" : "none", colorScheme: mode === "dark" ? "dark" : "light" });
  await page.goto(served.origin + path);
  // Pictures and positions as a visitor ends up with them: a slow machine can pass the load event
  // before the web font has arrived.
  await page.evaluate(() => document.fonts.ready);
  // A map starts when it scrolls into view; its controls are tab stops too.
  for (const frame of await page.locator("[data-map-frame]").all()) {
    await frame.scrollIntoViewIfNeeded();
    await page.waitForSelector("html[data-map-ready], .mr-map__frame--unavailable", { timeout: 20_000 });
  }
  return page;
}

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

/** The links of the visible error summary, and whether their targets come in the form's order. */
const summaryLinks = (page: Page) =>
  page.evaluate(() => {
    const links = [...document.querySelectorAll<HTMLAnchorElement>("[data-error-summary]:not([hidden]) a")];
    const targets = links.map((a) => document.getElementById(a.getAttribute("href")!.slice(1)));
    const inOrder = targets.every((t, i) => i === 0 || (t && targets[i - 1] && targets[i - 1]!.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING));
    return { texts: links.map((a) => a.textContent ?? ""), hrefs: links.map((a) => a.getAttribute("href")), inOrder: Boolean(inOrder) };
  });

/** The focused error summary: read once (focus, no role="alert"), with a ring of ≥ 3:1. */
async function expectSummaryFocused(page: Page): Promise<void> {
  const summary = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return { isSummary: el.hasAttribute("data-error-summary"), role: el.getAttribute("role"), outline: `${style.outlineStyle} ${style.outlineWidth}` };
  });
  expect(summary).toEqual({ isSummary: true, role: null, outline: "solid 4px" });
  expect((await walkFocusOfActive(page)).problem).toBeUndefined();
}

/** The focus walk's verdict on the element that has focus now (the summary is no tab stop). */
async function walkFocusOfActive(page: Page): Promise<{ problem?: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const canvas = document.createElement("canvas").getContext("2d")!;
    const rgb = (c: string) => {
      canvas.clearRect(0, 0, 1, 1);
      canvas.fillStyle = c;
      canvas.fillRect(0, 0, 1, 1);
      return [...canvas.getImageData(0, 0, 1, 1).data].slice(0, 3);
    };
    const lum = (c: number[]) => c.map((v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
    const [a, b] = [lum(rgb(style.outlineColor)), lum(rgb(getComputedStyle(document.body).backgroundColor))].sort((x, y) => y - x);
    const ratio = (a! + 0.05) / (b! + 0.05);
    return ratio >= 3 ? {} : { problem: `outline ${style.outlineColor}: ${ratio.toFixed(2)}:1` };
  });
}

describe("the map form's errors (findings 3, 5)", () => {
  it("names each field in the summary and beside it, marks it invalid and puts \"Fehler:\" in the title", async () => {
    const page = await open("/marktplatz/karte/", "light");
    expect(await page.textContent("#q-location-hint")).toMatch(/^Eine dieser drei Angaben genügt: /);
    await tabTo(page, "#mr-contribution-form button[type=submit]");
    await page.keyboard.press("Enter");
    await page.waitForSelector("[data-error-summary]:not([hidden])");
    expect(await page.title()).toMatch(/^Fehler: Ideenkarte – /);
    const links = await summaryLinks(page);
    // Label, then message; a colon only after a label without its own punctuation ("Wo? Bitte …").
    expect(links.texts.map((t) => t.replace(/^(.*?[?:]) .*$/s, "$1"))).toEqual(["Art des Hinweises:", "Ihr Hinweis:", "Wo?"]);
    expect(links.inOrder).toBe(true);
    // Each message once, beside its field, read with it.
    const inline = await page.$$eval(".kern-error", (ps) => ps.map((p) => [p.closest("[data-field]")?.getAttribute("data-field"), p.textContent?.trim()]));
    expect(inline.map(([field]) => field)).toEqual(["category", "comment", "location"]);
    expect(await page.getAttribute("#q-comment", "aria-invalid")).toBe("true");
    expect(await page.getAttribute("#q-comment", "aria-describedby")).toContain("q-comment-error");
    await expectSummaryFocused(page);
    await page.close();
  });
});

describe("the survey's ranking and error summary (findings 13, 14)", () => {
  it("says that the first move answers the whole ranking, and lets the person take it back", async () => {
    const page = await open("/marktplatz/umfrage/", "light");
    await page.waitForSelector(".mr-ranking__buttons");
    const selects = () => page.$$eval(".mr-ranking__list select", (ss) => ss.map((s) => (s as HTMLSelectElement).value));
    expect(new Set(await selects())).toEqual(new Set([""]));
    expect(await page.isHidden(".mr-ranking__clear")).toBe(true);
    await tabTo(page, ".mr-ranking__buttons button");
    await page.keyboard.press("Tab"); // "Nach unten" of the first row
    await page.keyboard.press("Enter");
    const status = page.locator("[data-ranking-status]");
    await expect.poll(() => status.textContent()).toMatch(/ist jetzt auf Platz 2 von 7\. Damit zählt die Reihenfolge aller 7 Punkte als Ihre Antwort\./);
    expect((await selects()).sort()).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    await tabTo(page, ".mr-ranking__clear");
    await page.keyboard.press("Enter");
    expect(new Set(await selects())).toEqual(new Set([""]));
    expect(await status.textContent()).toBe("Die Rangfolge ist geleert. Die Frage ist jetzt nicht beantwortet.");
    expect(await page.isHidden(".mr-ranking__clear")).toBe(true);
    await page.close();
  });

  it("lists the problems in the order of the form, and is read once", async () => {
    const page = await open("/marktplatz/umfrage/", "light");
    await page.waitForSelector("[data-draft-note]:not([hidden])");
    // A ranking begun but not finished (found while reading the form) besides two empty required questions (found by the schema).
    await page.selectOption(".mr-ranking__list select >> nth=0", "1");
    await tabTo(page, "button[type=submit]");
    await page.keyboard.press("Enter");
    await page.waitForSelector("[data-error-summary]:not([hidden])");
    const links = await summaryLinks(page);
    expect(links.hrefs.length).toBe(3);
    expect(links.hrefs[0]).toBe("#q-bezug");
    expect(links.hrefs[2]).toBe("#q-einwilligung");
    expect(links.inOrder).toBe(true);
    await expectSummaryFocused(page);
    await page.close();
  });
});

// What a person sees in the two modes, kept as pictures: a rule that stops matching (a KERN
// update, a purge of the stylesheet) shows as thousands of changed pixels. Half size is enough.
const REFERENCES = packagePath("test", "reference", "colour-modes");

async function matchReference(name: string, png: Buffer): Promise<void> {
  const { width = 2 } = await sharp(png).metadata();
  // A palette of 256 colours keeps the files small (the colours of text, rules and focus rings stay
  // apart); the picture taken is reduced the same way before it is compared.
  const actual = await sharp(png).resize({ width: Math.round(width / 2) }).png({ palette: true, compressionLevel: 9 }).toBuffer();
  await expectLikeReference(actual, { reference: path.join(REFERENCES, `${name}.png`), diffDir: served.site.outDir, name });
}

// One page of each kind the examples build (the Leichte Sprache page also shows the footer's
// pictograms). Not the social kit: its pictures are the share cards, compared in their own tests,
// and would make its references megabytes each.
const KINDS_OF_PAGE = [
  ["start", "/"],
  ["campaign", "/marktplatz/"],
  ["info", "/marktplatz/worum-es-geht/"],
  ["survey", "/marktplatz/umfrage/"],
  ["map", "/marktplatz/karte/"],
  ["results", "/marktplatz/ergebnisse/"],
  ["accessibility", "/marktplatz/accessibility/"],
  ["leichte-sprache", "/marktplatz/leichte-sprache/"],
  ["gebaerdensprache", "/marktplatz/gebaerdensprache/"],
  ["not-found", "/404.html"],
] as const;

describe("pages in forced colours and dark mode, as pictures", () => {
  it("match test/reference/colour-modes/ (set UPDATE_REFERENCES=1 to accept an intended change)", async () => {
    for (const mode of COLOUR_MODES) {
      for (const width of [390, 1280]) {
        // Every kind of page, whole. A map's picture is drawn by WebGL in software here and varies
        // from run to run: it is masked (its frame, legend, controls and list are compared).
        for (const [name, url] of KINDS_OF_PAGE) {
          const page = await open(url, mode, width);
          await page.evaluate(() => window.scrollTo(0, 0));
          await matchReference(`${name}-${mode}-${width}`, await page.screenshot({ fullPage: true, mask: [page.locator("canvas")], maskColor: "#888888", animations: "disabled" }));
          await page.close();
        }
        // The survey's first radio group, the first option focused and the second one checked.
        const survey = await open("/marktplatz/umfrage/", mode, width);
        await tabTo(survey, "input.kern-form-check__radio");
        await survey.keyboard.press("ArrowDown");
        await survey.keyboard.press("ArrowUp");
        await survey.evaluate(() => ((document.querySelectorAll("input.kern-form-check__radio")[1] as HTMLInputElement).checked = true));
        await matchReference(`survey-radios-${mode}-${width}`, await survey.locator("fieldset:has(input.kern-form-check__radio)").first().screenshot());
        await survey.close();
      }
    }
  }, 900_000);
});
