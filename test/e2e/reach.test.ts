// Reach without cookies, end to end (issue 11): `mitreden serve` answers the kit's short links; a
// person follows a Mastodon post's link with JavaScript and one an Instagram post's without, both
// answer the survey; two preview robots fetch the Mastodon link. Afterwards the browser holds no
// cookie and no storage entry, and `mitreden reach` shows clicks 2, previews 2, opened, submitted 2
// on the right channels.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchChromium, runCli, type RunningSite, startSite } from "./server.js";

let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  site = await startSite();
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

/** The two required questions, then send; the form token wants a person's few seconds first. */
async function answerAndSend(page: Page): Promise<void> {
  await page.check('input[name="bezug"][value="besuch"]');
  await page.check('input[name="einwilligung"]');
  await page.waitForTimeout(3_200);
  await Promise.all([page.waitForURL(/\/marktplatz\/umfrage\/danke\/$/), page.click("#survey-form button[type=submit]")]);
}

/** Cookies and every storage entry the site's origin holds. */
async function leftInBrowser(context: BrowserContext, page: Page): Promise<{ cookies: number; local: number; session: number }> {
  const state = await context.storageState();
  const local = state.origins.flatMap((o) => o.localStorage).length;
  const session = await page.evaluate(() => sessionStorage.length);
  return { cookies: (await context.cookies()).length, local, session };
}

test("a Mastodon link with JavaScript and an Instagram link without: counted per channel, nothing left in the browser", async () => {
  // With JavaScript: the short link leads to the survey with the channel in its address.
  const withJs = await browser.newContext({ locale: "de-DE" });
  const page = await withJs.newPage();
  await page.goto(`${site.url}/l/marktplatz-endspurt-masto`);
  expect(new URL(page.url()).pathname).toBe("/marktplatz/umfrage/");
  expect(new URL(page.url()).searchParams.get("utm_source")).toBe("mastodon");
  await page.waitForSelector("[data-draft-note]:not([hidden])");
  await answerAndSend(page);
  expect(await leftInBrowser(withJs, page)).toEqual({ cookies: 0, local: 0, session: 0 });
  await withJs.close();

  // Without JavaScript: a plain form, its channel from the page's address in the Referer.
  const withoutJs = await browser.newContext({ locale: "de-DE", javaScriptEnabled: false });
  const plain = await withoutJs.newPage();
  await plain.goto(`${site.url}/l/marktplatz-endspurt-ig`);
  expect(new URL(plain.url()).searchParams.get("utm_source")).toBe("instagram");
  await answerAndSend(plain);
  expect(await leftInBrowser(withoutJs, plain)).toEqual({ cookies: 0, local: 0, session: 0 });
  await withoutJs.close();

  // Two preview robots fetch the Mastodon post's link: redirected, counted as previews.
  for (const agent of ["Mastodon/4.3 (http.rb/5.2; +https://social.example/)", "facebookexternalhit/1.1"]) {
    const preview = await fetch(`${site.url}/l/marktplatz-endspurt-masto`, { headers: { "user-agent": agent }, redirect: "manual" });
    expect(preview.status).toBe(302);
  }

  // The counts reach the database within 5 seconds.
  await new Promise((resolve) => setTimeout(resolve, 5_500));
  const dir = await mkdtemp(path.join(os.tmpdir(), "mitreden-reach-"));
  try {
    const csvFile = path.join(dir, "reach.csv");
    await runCli(site, "reach", "marktplatz", "--out", csvFile, "--delimiter", ",");
    const rows = (await readFile(csvFile, "utf8")).replace(/^\uFEFF/, "").trim().split("\r\n").map((line) => line.split(","));
    const line = (channel: string, what: string) => rows.find((r) => r[0] === channel && r[1] === what)?.slice(2, 6).map(Number);
    // clicks, previews, opened, submitted
    const mastodon = line("Mastodon", "Noch eine Woche")!;
    expect(mastodon.slice(0, 2)).toEqual([1, 2]);
    expect(mastodon[2]).toBeGreaterThanOrEqual(1);
    expect(mastodon[3]).toBe(1);
    expect(line("Instagram", "Noch eine Woche")).toEqual([1, 0, 0, 1]);
    const total = rows.find((r) => r[0] === "Gesamt")!.slice(2, 6).map(Number);
    expect([total[0], total[1], total[3]]).toEqual([2, 2, 2]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 120_000);
