// The desk on a phone (390 px) and at 400 % zoom (320 px), in Debian's Chromium against `mitreden
// serve`: a table wider than the screen scrolls in its own box, and that box takes the keyboard's
// focus, has a name and scrolls with the arrow keys. Without focus, a keyboard user cannot reach
// the columns beyond the screen (Safari does not focus scrolling boxes by itself). The audit log
// (five columns) and a contribution's history (four) scrolled in boxes that took no focus.
// Every page the desk links to is walked, so a new page's table is checked too.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, root, startSite, type RunningSite } from "./server.js";

const PASSWORD = "ein langes Passwort für die Leitung";

describe("the desk's wide tables on a phone and at 400 % zoom", () => {
  let site: RunningSite;
  let browser: Browser;
  let signedIn: Awaited<ReturnType<BrowserContext["storageState"]>>;
  let pages: string[];

  beforeAll(async () => {
    site = await startSite();
    execFileSync("node", [path.join(root, "bin/mitreden.js"), "user", "add", "leitung", "--role", "admin", "--password-stdin", "--db", site.db], { input: `${PASSWORD}\n`, cwd: root });
    const sent = await fetch(`${site.url}/api/marktplatz/karte/contributions`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ contribution: { category: "idee", comment: "Ein Trinkbrunnen neben den Fahrradständern", place: "brunnen" }, _id: randomUUID(), _locale: "de" }),
    });
    expect(sent.status, await sent.clone().text()).toBe(201);
    const { id } = (await sent.json()) as { id: string };
    browser = await launchChromium();

    // Signed in, a decision taken (the contribution has a history, the audit log entries), and the
    // desk's pages collected by following its links.
    const context = await browser.newContext({ locale: "de-DE" });
    const page = await context.newPage();
    await page.goto(`${site.url}/admin/login`);
    await page.fill("#desk-username", "leitung");
    await page.fill("input[type=password]", PASSWORD);
    await Promise.all([page.waitForEvent("load"), page.locator("form button[type=submit]").click()]);
    await page.goto(`${site.url}/admin/contributions/${id}`);
    await Promise.all([page.waitForEvent("load"), page.locator("form:has(input[name=decision][value=approve]) button[type=submit]").click()]);
    const seen = new Set(["/admin/", `/admin/contributions/${id}`]);
    const queue = [...seen];
    while (queue.length) {
      await page.goto(site.url + queue.shift()!);
      for (const href of await page.locator("a[href^='/admin']:not([download])").evaluateAll((links) => links.map((a) => a.getAttribute("href")!.split("#")[0]!))) {
        if (seen.has(href) || /logout|\.csv|\.json/.test(href)) continue;
        seen.add(href);
        queue.push(href);
      }
    }
    pages = [...seen];
    signedIn = await context.storageState();
    await context.close();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  for (const width of [390, 320]) {
    it(`lets the keyboard reach every column of a table wider than ${width} px`, async () => {
      expect(pages).toEqual(expect.arrayContaining(["/admin/audit", "/admin/surveys", expect.stringMatching(/^\/admin\/contributions\//), expect.stringMatching(/\/reach$/)]));
      const context = await browser.newContext({ locale: "de-DE", viewport: { width, height: 800 }, storageState: signedIn });
      const page = await context.newPage();
      const scrolling: string[] = [];
      for (const url of pages) {
        await page.goto(site.url + url);
        await page.evaluate(() => document.fonts.ready);
        const boxes = await page.locator(".kern-table-responsive").evaluateAll((all) =>
          all
            // A box in a closed <details> is laid out but not shown: it counts once opened.
            .map((box, index) => ({ index, scrolls: box.checkVisibility() && box.scrollWidth > box.clientWidth, tabIndex: box.tabIndex, name: document.getElementById(box.getAttribute("aria-labelledby") ?? "")?.textContent?.trim() ?? "" }))
            .filter((box) => box.scrolls),
        );
        for (const box of boxes) {
          const where = `${url}, table box ${box.index + 1}`;
          expect(box.tabIndex, where).toBe(0);
          expect(box.name, where).not.toBe("");
          // Focused, the arrow key shows the columns beyond the screen.
          const handle = page.locator(".kern-table-responsive").nth(box.index);
          await handle.focus();
          await page.keyboard.press("ArrowRight");
          await expect.poll(() => handle.evaluate((el) => el.scrollLeft), { message: where }).toBeGreaterThan(0);
          scrolling.push(url);
        }
      }
      // The walk saw wide tables: the audit log and the contribution's history among them.
      expect(scrolling).toEqual(expect.arrayContaining(["/admin/audit", expect.stringMatching(/^\/admin\/contributions\//)]));
      await context.close();
    });
  }
});
