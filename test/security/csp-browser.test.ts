// Every page of both examples in headless Chromium, served by `mitreden serve` with the headers the
// build wrote: not one Content-Security-Policy violation, with the map drawn and a point set on it,
// a survey checked in the browser (an empty required answer, then a valid one) and sent, the
// collector's error page of a form sent without JavaScript, the social kit and the posters. Then a
// map on a third-party basemap whose tiles come from a further server named in basemap.origins.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, BrowserContext, ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serve, type RunningServer } from "../../src/serve.js";
import { launchChromium } from "../e2e/server.js";
import { htmlFiles, NOW, tmpDir } from "../unit/site-support.js";
import { inlineCodeInPage } from "./inline-code.js";

const work = tmpDir("csp-browser");
let browser: Browser;
let examples: RunningServer;

/** What the browser reported: securitypolicyviolation events, and console lines about a policy (also from workers). */
interface Reports {
  violations: string[];
}

async function watchedContext(options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; reports: Reports }> {
  const context = await browser.newContext({ locale: "de-DE", viewport: { width: 1280, height: 900 }, ...options });
  const reports: Reports = { violations: [] };
  await context.exposeBinding("mitredenViolation", (_source, line: string) => void reports.violations.push(line));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { mitredenViolation(line: string): void }).mitredenViolation;
      void report(`${location.pathname}: ${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  const fromConsole = (where: string) => (message: ConsoleMessage) => {
    if (/Content[ -]Security[ -]Policy|Permissions[ -]Policy|Refused to/i.test(message.text())) reports.violations.push(`${where}: ${message.text()}`);
  };
  context.on("page", (page) => {
    page.on("console", fromConsole("console"));
    page.on("worker", (worker) => worker.on("console", fromConsole("worker console")));
  });
  return { context, reports };
}

/** The map: scrolled into view (it loads then), drawn, and a point set by a click, which adds a marker. */
async function drawMap(page: Page): Promise<void> {
  await page.locator("#mr-map-frame").scrollIntoViewIfNeeded();
  await page.waitForSelector("html[data-map-ready]", { timeout: 60_000 });
  await page.waitForLoadState("networkidle");
  const canvas = page.locator("#mr-map-frame canvas");
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector(".maplibregl-marker, .mapboxgl-marker", { timeout: 10_000 });
}

/** Fills what the error summary names: the first choice, a word, a number or a date, as the field asks. */
async function answerWhatIsMissing(page: Page): Promise<number> {
  return page.evaluate(() => {
    const links = [...document.querySelectorAll<HTMLAnchorElement>("[data-error-summary] a")];
    for (const link of links) {
      const target = document.getElementById(link.hash.slice(1));
      const field = target?.closest("[data-field]") ?? target?.closest("fieldset") ?? target;
      const control = (field?.matches("input, select, textarea") ? field : field?.querySelector("input:not([type=hidden]), select, textarea")) as HTMLInputElement | null;
      if (!control) continue;
      if (control.type === "radio" || control.type === "checkbox") control.checked = true;
      else if (control instanceof HTMLSelectElement) control.selectedIndex = control.options.length > 1 ? 1 : 0;
      else if (control.type === "number") control.value = control.min || "1";
      else if (control.type === "date") control.value = "2027-03-25";
      else if (control.type === "email") control.value = "anna.mueller@example.de";
      else control.value = "Mehr Schatten am Brunnen";
      control.dispatchEvent(new Event("change", { bubbles: true }));
    }
    return links.length;
  });
}

beforeAll(async () => {
  mkdirSync(work, { recursive: true });
  browser = await launchChromium();
  examples = await serve({ campaignsDir: "campaigns", outDir: path.join(work, "examples"), port: 0, watch: false, db: path.join(work, "examples.sqlite"), now: NOW, log: () => {} });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await examples?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("the examples under their Content-Security-Policy", () => {
  it("reports a violation when there is one (the check itself works)", async () => {
    const { context, reports } = await watchedContext();
    const page = await context.newPage();
    await page.goto(`${examples.url}/marktplatz/`);
    await page.evaluate(() => document.body.setAttribute("style", "outline: 1px solid red"));
    await page.waitForTimeout(200);
    await context.close();
    expect(reports.violations.some((line) => line.includes("style-src-attr"))).toBe(true);
  });

  it("has not one violation on any built page, with the map drawn, and no inline code in the pages", async () => {
    const { context, reports } = await watchedContext();
    const page = await context.newPage();
    const files = htmlFiles(path.join(work, "examples"));
    const visited: string[] = [];
    for (const file of files) {
      const html = readFileSync(file, "utf8");
      const url = `/${path.relative(path.join(work, "examples"), file).split(path.sep).join("/")}`.replace(/index\.html$/, "");
      expect(inlineCodeInPage(html), url).toEqual([]);
      const response = await page.goto(examples.url + url);
      expect(response?.headers()["content-security-policy"], url).toContain("default-src 'self'");
      await page.waitForLoadState("networkidle");
      if (html.includes('id="mr-map-frame"')) await drawMap(page);
      visited.push(url);
    }
    await page.goto(`${examples.url}/gibt-es-nicht/`);
    await context.close();
    // The posters and the social kits are among them.
    expect(visited.filter((url) => url.includes("/social-kit/poster/")).length).toBeGreaterThanOrEqual(11);
    expect(visited).toContain("/marktplatz/social-kit/");
    expect(visited).toContain("/marktplatz/karte/");
    expect(reports.violations).toEqual([]);
  });

  it("has not one violation while a survey is checked in the browser and sent", async () => {
    const { context, reports } = await watchedContext();
    const page = await context.newPage();
    await page.goto(`${examples.url}/marktplatz/umfrage/`);
    await page.waitForSelector("[data-draft-note]:not([hidden])");
    const opened = Date.now();
    const submit = () => page.locator("#survey-form button[type=submit]").click();
    await submit();
    await page.waitForSelector("[data-error-summary]:not([hidden])");
    expect(await page.locator(".kern-error").count()).toBeGreaterThan(0);
    for (let round = 0; round < 4 && !page.url().endsWith("/danke/"); round++) {
      await answerWhatIsMissing(page);
      // A person takes longer than the collector's minimum time to fill in a form (ADR 006).
      await page.waitForTimeout(Math.max(0, opened + 3500 - Date.now()));
      await submit();
      await Promise.race([page.waitForURL(/\/danke\/$/, { timeout: 10_000 }), page.waitForSelector("[data-error-summary]:not([hidden])", { timeout: 10_000 })]).catch(() => {});
    }
    expect(page.url(), await page.locator("[data-error-summary], [data-form-status]").allTextContents().then((texts) => texts.join(" | "))).toMatch(/\/marktplatz\/umfrage\/danke\/$/);
    await page.waitForLoadState("networkidle");
    await context.close();
    expect(reports.violations).toEqual([]);
  });

  it("has not one violation on the collector's error page for a form sent without JavaScript", async () => {
    const { context, reports } = await watchedContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${examples.url}/marktplatz/umfrage/`);
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.locator("#survey-form button[type=submit]").click()]);
    expect(response.status()).toBe(400);
    expect(response.headers()["content-security-policy"]).toMatch(/^default-src 'none'/);
    await page.waitForLoadState("networkidle");
    // The site's stylesheet applies: the page is laid out by it, not by the browser's defaults.
    expect(await page.locator(".mr-error-summary").count()).toBe(1);
    expect(inlineCodeInPage(await page.content())).toEqual([]);
    await context.close();
    expect(reports.violations).toEqual([]);
  });
});

describe("a map on a third-party basemap", () => {
  let styles: Server;
  let tiles: Server;
  let site: RunningServer;
  const tileRequests: string[] = [];

  const listen = async (server: Server) => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  beforeAll(async () => {
    // A 1×1 PNG, the tile of every position.
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mPk/fu/HgAGggK4x8n0pwAAAABJRU5ErkJggg==", "base64");
    tiles = createServer((request, response) => {
      tileRequests.push(request.url ?? "");
      response.writeHead(200, { "content-type": "image/png", "access-control-allow-origin": "*" }).end(png);
    });
    const tileOrigin = await listen(tiles);
    styles = createServer((_request, response) => {
      const style = { version: 8, sources: { luftbild: { type: "raster", tiles: [`${tileOrigin}/{z}/{x}/{y}.png`], tileSize: 256 } }, layers: [{ id: "luftbild", type: "raster", source: "luftbild" }] };
      response.writeHead(200, { "content-type": "application/json", "access-control-allow-origin": "*" }).end(JSON.stringify(style));
    });
    const styleOrigin = await listen(styles);
    const campaigns = path.join(work, "styled-campaigns");
    cpSync("campaigns", campaigns, { recursive: true });
    const file = path.join(campaigns, "marktplatz", "campaign.json");
    const campaign = JSON.parse(readFileSync(file, "utf8"));
    campaign.pages.find((p: { id: string }) => p.id === "karte").map.basemap = { style: `${styleOrigin}/style.json`, attribution: "Luftbild: Testkarte", origins: [tileOrigin] };
    writeFileSync(file, JSON.stringify(campaign, null, 2));
    site = await serve({ campaignsDir: campaigns, outDir: path.join(work, "styled"), port: 0, watch: false, db: path.join(work, "styled.sqlite"), now: NOW, log: () => {} });
  }, 300_000);
  afterAll(async () => {
    await site?.close();
    styles?.close();
    tiles?.close();
  });

  it("draws its tiles from the server in basemap.origins without a violation", async () => {
    const { context, reports } = await watchedContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/marktplatz/karte/`);
    await drawMap(page);
    await context.close();
    expect(tileRequests.length).toBeGreaterThan(0);
    expect(reports.violations).toEqual([]);
  });
});
