// The desk's "Auf der Karte zeigen" by keyboard, in Debian's Chromium against `mitreden serve`: the
// public map opens centred on that contribution with its popup, and focus is on it in the list
// (also when it is the 25th, beyond the list's first 20). And the survey page's counts per question
// fit a phone's width.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/collector/store/index.js";
import { fullMarktplatzAnswers } from "../collector/helpers/campaigns.js";
import { setContributionStatus } from "../collector/helpers/collector.js";
import { tabTo } from "./keyboard.js";
import { launchChromium, root, startSite, type RunningSite } from "./server.js";

const PASSWORD = "ein langes Passwort für anna";
const TARGET: { comment: string; point: [number, number] } = { comment: "Die Laterne an der Ostseite ist seit Wochen dunkel.", point: [7.001, 50.94] };

describe("the desk's link to the map", () => {
  let site: RunningSite;
  let browser: Browser;
  let target: string;

  beforeAll(async () => {
    site = await startSite();
    execFileSync("node", [path.join(root, "bin/mitreden.js"), "user", "add", "anna", "--role", "moderator", "--password-stdin", "--db", site.db], { input: `${PASSWORD}\n`, cwd: root });
    // The linked one through the public API; the rest straight into the store (the API allows a
    // client 10 submissions in 10 minutes). Newest first, the linked one is the list's 25th.
    const sent = await fetch(`${site.url}/api/marktplatz/karte/contributions`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ contribution: { category: "problem", comment: TARGET.comment, point: TARGET.point }, _id: randomUUID(), _locale: "de" }),
    });
    expect(sent.status, await sent.clone().text()).toBe(201);
    target = ((await sent.json()) as { id: string }).id;
    for (const bezug of ["altstadt", "arbeit", "__other"]) {
      const { bezug__other, ...rest } = fullMarktplatzAnswers();
      const answers = bezug === "__other" ? { ...rest, bezug, bezug__other } : { ...rest, bezug };
      const response = await fetch(`${site.url}/api/marktplatz/umfrage/responses`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ answers, _id: randomUUID(), _locale: "de" }),
      });
      expect(response.status, await response.clone().text()).toBe(201);
    }
    const store = await openStore({ file: site.db });
    const ids = [target];
    for (let i = 0; i < 24; i++) {
      const id = randomUUID();
      const point: [number, number] = [6.9992 + (i % 6) * 0.00005, 50.9398 + Math.floor(i / 6) * 0.00005];
      await store.insertContribution({ id, campaign: "marktplatz", page: "karte", locale: "de", category: "problem", comment: `Hinweis ${i + 1} an der Westseite`, point, receivedAt: new Date(Date.now() + (i + 1) * 1000).toISOString(), channel: "script", verified: true });
      ids.push(id);
    }
    for (const id of ids) await setContributionStatus(store, id, "approved");
    await store.close();
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  const enter = async (page: Page) => {
    await Promise.all([page.waitForEvent("load"), page.keyboard.press("Enter")]);
  };

  for (const [width, height] of [
    [1280, 900],
    [390, 844],
  ] as const) {
    it(`centres the map on the contribution and puts focus on it in the list (${width} px)`, async () => {
      const context = await browser.newContext({ locale: "de-DE", viewport: { width, height } });
      const page = await context.newPage();
      await page.goto(`${site.url}/admin/login`);
      await tabTo(page, "#desk-username");
      await page.keyboard.type("anna");
      await page.keyboard.press("Tab");
      await page.keyboard.type(PASSWORD);
      await enter(page);
      await page.goto(`${site.url}/admin/?state=approved`);

      const link = `a[href="/marktplatz/karte/#beitrag-${target}"]`;
      await expect(page.locator(link).textContent()).resolves.toBe("Auf der Karte zeigen");
      await tabTo(page, link, 400);
      await enter(page);
      expect(new URL(page.url()).hash).toBe(`#beitrag-${target}`);

      await page.waitForSelector("html[data-map-ready]", { timeout: 60_000 });
      const popup = page.locator(".maplibregl-popup");
      await expect.poll(() => popup.textContent(), { timeout: 30_000 }).toContain(TARGET.comment);
      // The popup's tip points at the contribution: at the map's centre once the map is centred on it.
      await expect
        .poll(
          () =>
            page.evaluate(() => {
              const tip = document.querySelector(".maplibregl-popup-tip")!.getBoundingClientRect();
              const canvas = document.querySelector("#mr-map-canvas canvas")!.getBoundingClientRect();
              const anchor = /anchor-([a-z-]+)/.exec(document.querySelector(".maplibregl-popup")!.className)?.[1] ?? "bottom";
              // The tip touches the point with the edge named by the popup's anchor ("bottom": its lower edge).
              const x = anchor.includes("left") ? tip.left : anchor.includes("right") ? tip.right : tip.left + tip.width / 2;
              const y = anchor.startsWith("top") ? tip.top : anchor.startsWith("bottom") ? tip.bottom : tip.top + tip.height / 2;
              return Math.round(Math.hypot(x - (canvas.left + canvas.width / 2), y - (canvas.top + canvas.height / 2)));
            }),
          { timeout: 10_000 },
        )
        // Before, the map stood at its configured centre, ~50 px (zoom 16) to ~190 px (zoom 18) away.
        .toBeLessThanOrEqual(12);
      // The map is on screen.
      const map = await page.locator("#mr-map-canvas").boundingBox();
      expect(map!.y + map!.height / 2).toBeGreaterThan(0);
      expect(map!.y + map!.height / 2).toBeLessThan(height);

      // Keyboard and screen-reader users are at the contribution in the list (the map's accessible equivalent).
      const focused = await page.evaluate(() => ({ item: document.activeElement?.closest("li")?.id, tag: document.activeElement?.tagName, text: document.activeElement?.closest("li")?.textContent }));
      expect(focused).toMatchObject({ item: `beitrag-${target}`, tag: "H3" });
      expect(focused.text).toContain(TARGET.comment);
      await expect(page.locator(`#beitrag-${target}`).getAttribute("class")).resolves.toContain("mr-contribution--selected");
      // Only the first 20 were drawn before; the 25th was added to reach it.
      expect(await page.locator("#mr-list > li").count()).toBeGreaterThanOrEqual(25);
      await page.screenshot({ path: path.join(root, `test/.tmp/desk-map-link-${width}.png`) });

      // The survey's counts per question: tables that fit the screen (a wide one scrolls in its own box).
      await page.goto(`${site.url}/admin/surveys/marktplatz/umfrage`);
      await expect(page.locator("table[data-question=bezug] caption").textContent()).resolves.toBe("Wie sind Sie mit dem Marktplatz verbunden? (n = 3)");
      await expect(page.locator("table[data-question=bezug] tbody tr").last().textContent()).resolves.toMatch(/Sonstiges\s*1\s*33,3\s*%/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: path.join(root, `test/.tmp/desk-survey-${width}.png`), fullPage: true });
      await context.close();
    }, 120_000);
  }
});
