// Reach without cookies, end to end (issue 11): `mitreden serve` answers the kit's short links; a
// person follows a Mastodon post's link with JavaScript and one an Instagram post's without, both
// answer the survey; two preview robots fetch the Mastodon link. Afterwards the browser holds no
// cookie and no storage entry, and `mitreden reach` shows clicks 2, previews 2, opened, submitted 2
// on the right channels.
// Then the team's view: a phone follows the LinkedIn short link the built kit gives out, the real
// preview robots of eight networks and a HEAD fetch the same link, the phone answers the survey,
// and the desk's reach page, read by a moderator, says 1 click, 9 previews, 1 submission there.
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import pa11y from "pa11y";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { CHROMIUM_ARGS, findChromium } from "../../src/audit/chromium.js";
import { launchChromium, root, runCli, type RunningSite, startSite } from "./server.js";

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

const PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36";
/** What the networks' and messengers' preview fetchers send (test/collector/reach-previews.test.ts has more). */
const PREVIEW_ROBOTS = [
  "http.rb/5.2.0 (Mastodon/4.3.2; +https://mastodon.social/)",
  "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
  "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
  "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
  "WhatsApp/2.23.20.0 A",
  "TelegramBot (like TwitterBot)",
  "Twitterbot/1.0",
  "Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)",
];
const MODERATOR_PASSWORD = "ein langes Passwort für rita";
/** Screenshots of the desk's reach page, for looking at (not compared). */
const SCREENS = path.join(root, "test/.tmp/reach-screens");

/** The WCAG 2 AA errors pa11y (axe and HTML_CodeSniffer, as `mitreden audit`) finds on a page. */
async function pa11yErrors(url: string, headers: Record<string, string> = {}): Promise<string[]> {
  const result = await pa11y(url, {
    standard: "WCAG2AA",
    runners: ["axe", "htmlcs"],
    includeNotices: false,
    includeWarnings: false,
    timeout: 60_000,
    headers,
    // @ts-expect-error pa11y passes this on to puppeteer.launch; our declaration leaves it out.
    chromeLaunchConfig: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  });
  return result.issues.filter((i) => i.type === "error").map((i) => `${i.code} ${i.selector}: ${i.message}`);
}

/** The cells of the row for `channel` whose second column starts with `what`, by column name. */
async function reachRow(page: Page, section: string, channel: string, what?: string): Promise<Record<string, string>> {
  const $ = cheerio.load(await page.content());
  const table = $("table").filter((_, t) => $(t).find("caption").text().trim() === section).first();
  const columns = table.find("thead th").map((_, th) => $(th).text().trim()).get();
  const row = table
    .find("tr")
    .filter((_, tr) => $(tr).children().first().text().trim() === channel && (what === undefined || $(tr).children().eq(1).text().trim().startsWith(what)))
    .first();
  expect(row.length, `no row ${channel} × ${what} in "${section}"`).toBe(1);
  const cells = row.children().map((_, cell) => $(cell).text().trim()).get();
  return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? ""]));
}

test("the kit's LinkedIn link on a phone, eight preview robots and a HEAD: the desk's reach page says 1 click, 9 previews, 1 submission", async () => {
  // The short link as the built kit gives it out, next to the LinkedIn version of "Noch eine Woche".
  const kit = cheerio.load(await readFile(path.join(site.outDir, "marktplatz/social-kit/index.html"), "utf8"));
  const entry = kit('article[aria-labelledby="post-endspurt"] .mr-kit__entry').filter((_, e) => kit(e).find("h4").text().startsWith("LinkedIn")).first();
  const given = new URL(entry.find("a.mr-kit__url").first().attr("href")!);
  expect(given.pathname).toBe("/l/marktplatz-endspurt-li");
  const link = `${site.url}${given.pathname}`;

  // A phone: the link lands on the survey with the kit's utm parameters.
  const phone = await browser.newContext({ locale: "de-DE", userAgent: PHONE, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await page.goto(link);
  const landed = new URL(page.url());
  expect(landed.pathname).toBe("/marktplatz/umfrage/");
  expect(Object.fromEntries(landed.searchParams)).toEqual({ utm_source: "linkedin", utm_medium: "social", utm_campaign: "marktplatz", utm_content: "endspurt" });

  // The robots and a HEAD are redirected like the phone, to the same place.
  for (const agent of PREVIEW_ROBOTS) {
    const preview = await fetch(link, { headers: { "user-agent": agent }, redirect: "manual" });
    expect([agent, preview.status, preview.headers.get("location")]).toEqual([agent, 302, `${landed.pathname}${landed.search}`]);
  }
  expect((await fetch(link, { method: "HEAD", headers: { "user-agent": PHONE }, redirect: "manual" })).status).toBe(302);

  // The phone answers the survey; the site wrote nothing into the browser.
  await page.waitForSelector("[data-draft-note]:not([hidden])");
  await answerAndSend(page);
  expect(await leftInBrowser(phone, page)).toEqual({ cookies: 0, local: 0, session: 0 });
  expect(await page.evaluate(() => document.cookie)).toBe("");
  await phone.close();

  // The counts reach the database within 5 seconds; the desk shows them to a moderator.
  await new Promise((resolve) => setTimeout(resolve, 5_500));
  execFileSync("node", [path.join(root, "bin/mitreden.js"), "user", "add", "rita", "--role", "moderator", "--password-stdin", "--db", site.db], { input: `${MODERATOR_PASSWORD}\n`, cwd: root });
  const desk = await browser.newContext({ locale: "de-DE", viewport: { width: 1280, height: 900 } });
  const team = await desk.newPage();
  await team.goto(`${site.url}/admin/login`);
  await team.fill("#desk-username", "rita");
  await team.fill("#desk-password", MODERATOR_PASSWORD);
  await Promise.all([team.waitForURL(/\/admin\/$/), team.click("form button[type=submit]")]);
  await team.goto(`${site.url}/admin/marktplatz/reach`);
  expect(await team.locator("h1").textContent()).toContain("Reichweite");
  const linkedin = await reachRow(team, "Beiträge", "LinkedIn", "Noch eine Woche");
  expect(linkedin).toMatchObject({ Klicks: "1", Vorschauen: "9", Abgeschickt: "1" });
  expect(Number(linkedin["Formular geöffnet"])).toBeGreaterThanOrEqual(1);
  expect(linkedin["Teilnahme je Klick"]).toMatch(/^100\s?%$/);
  const total = await reachRow(team, "Summen je Kanal", "LinkedIn");
  expect(total).toMatchObject({ Klicks: "1", Vorschauen: "9", Abgeschickt: "1" });

  // How it looks, at a phone's and a desktop's width (test/.tmp/reach-screens/).
  await mkdir(SCREENS, { recursive: true });
  await team.screenshot({ path: path.join(SCREENS, "reach-1280.png"), fullPage: true });
  await team.setViewportSize({ width: 390, height: 844 });
  await team.screenshot({ path: path.join(SCREENS, "reach-390.png"), fullPage: true });
  // Nothing on the page is wider than the phone's screen but the tables' own scrolling boxes.
  const overflow = await team.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // The reach page and the 404 page of a mistyped short link pass the audit's rules.
  const cookie = (await desk.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  expect(await pa11yErrors(`${site.url}/admin/marktplatz/reach`, { cookie })).toEqual([]);
  await desk.close();
  expect(await pa11yErrors(`${site.url}/l/marktplatz-endsprut-li`)).toEqual([]);
}, 180_000);

test("a mistyped short link: the 404 page in German and English, styled by the site's stylesheet, with working links", async () => {
  const context = await browser.newContext({ locale: "de-DE", viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const response = await page.goto(`${site.url}/l/marktplatz-endsprut-li`);
  expect(response?.status()).toBe(404);
  expect(await page.locator("h1").textContent()).toBe("Diesen Kurzlink kennen wir nicht");
  expect(await page.locator('[lang="en"] h2').textContent()).toBe("We do not know this short link");
  // The stylesheet loaded and applies (KERN's body font, not the browser's default serif).
  const sheets = await page.evaluate(() => [...document.styleSheets].filter((s) => s.href && s.cssRules.length > 0).length);
  expect(sheets).toBeGreaterThan(0);
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toMatch(/^"?Times/);
  await page.screenshot({ path: path.join(SCREENS, "short-link-404-390.png"), fullPage: true });
  // The campaign it was meant for leads to its landing page.
  await Promise.all([page.waitForURL(/\/marktplatz\/$/), page.getByRole("link", { name: "Neugestaltung Marktplatz" }).first().click()]);
  expect(await page.locator("h1").textContent()).toContain("Marktplatz");
  await context.close();
}, 60_000);
