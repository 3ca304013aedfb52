// The map page end to end, as people use it: in headless Chromium against `mitreden serve`, with a
// local basemap style (a second tiny server, so no tile leaves the machine). Mouse and keyboard
// contributions, moderation by the CLI, refusal outside the area, and the page without JavaScript.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../collector/helpers/cli.js";

const BIN = path.resolve("bin/mitreden.js");
const ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const NOW = "2027-03-20T10:00:00+01:00";

let tmp: string;
let server: ChildProcess;
let basemap: Server;
let origin: string;
let basemapHost: string;
let browser: Browser;
const hosts = new Set<string>();

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", () => r()));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

function cli(...args: string[]): string {
  return execFileSync(process.execPath, [BIN, ...args, "--campaigns", path.join(tmp, "campaigns"), "--db", path.join(tmp, "x.sqlite")], { encoding: "utf8" });
}

async function openMap(page: Page): Promise<void> {
  page.on("request", (r) => hosts.add(new URL(r.url()).host));
  await page.goto(`${origin}/marktplatz/karte/`);
  await page.locator("#mr-map-frame").scrollIntoViewIfNeeded();
  await page.waitForSelector("html[data-map-ready]", { timeout: 30_000 });
  await page.waitForSelector("html[data-map-list]");
}

/** Presses Tab until `selector` has focus: keyboard only, as a person without a mouse would. */
async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

beforeAll(async () => {
  ensureBuilt();
  tmp = mkdtempSync(path.join(os.tmpdir(), "mitreden-map-e2e-"));
  basemap = createServer((request, response) => {
    response.setHeader("access-control-allow-origin", "*");
    if (request.url === "/style.json") {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ version: 8, sources: {}, layers: [{ id: "land", type: "background", paint: { "background-color": "#e9efe4" } }] }));
    } else response.writeHead(404).end();
  });
  await new Promise<void>((r) => basemap.listen(0, "127.0.0.1", () => r()));
  basemapHost = `127.0.0.1:${(basemap.address() as AddressInfo).port}`;
  cpSync("campaigns", path.join(tmp, "campaigns"), { recursive: true });
  const file = path.join(tmp, "campaigns", "marktplatz", "campaign.json");
  const campaign = JSON.parse(readFileSync(file, "utf8"));
  const map = campaign.pages.find((p: { id: string }) => p.id === "karte").map;
  map.basemap = { style: `http://${basemapHost}/style.json`, attribution: "Testkarte" };
  writeFileSync(file, JSON.stringify(campaign, null, 2));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [BIN, "serve", "--port", String(port), "--now", NOW, "--out", path.join(tmp, "site"), "--db", path.join(tmp, "x.sqlite"), "--campaigns", path.join(tmp, "campaigns")], { stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Serving on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout!.on("data", onData);
    server.stderr!.on("data", onData);
  });
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.kill("SIGTERM");
  await new Promise((r) => basemap?.close(r));
  await new Promise((r) => setTimeout(r, 300));
  rmSync(tmp, { recursive: true, force: true });
});

describe("map page", () => {
  it("takes a contribution placed with the mouse and one placed by keyboard only; moderation decides what is public", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await openMap(page);
    const box = (await page.locator("#mr-map-canvas canvas").boundingBox())!;

    // Far outside the planning area: refused on the spot, no point kept.
    await page.mouse.click(box.x + 10, box.y + box.height - 10);
    await expect.poll(() => page.locator("#mr-map-status").textContent()).toContain("außerhalb");
    expect(await page.locator("input[name=location__lng]").inputValue()).toBe("");

    await page.mouse.click(box.x + box.width / 2 + 8, box.y + box.height / 2 + 8);
    await expect.poll(() => page.locator("#mr-map-status").textContent()).toMatch(/Punkt gesetzt nahe .+, innerhalb des Planungsgebiets/);
    expect(await page.locator("input[name=location__lng]").inputValue()).not.toBe("");
    await page.check("#q-category");
    await page.fill("#q-comment", "Mehr Schatten am Brunnen (Maus)");
    await page.click("#mr-contribution-form button[type=submit]");
    await expect.poll(() => page.locator("#mr-form-result").textContent(), { timeout: 10_000 }).toContain("Vielen Dank");

    // Keyboard only: Tab to the map, move the crosshair, Enter; Tab through the form.
    await page.reload();
    await page.waitForSelector("html[data-map-list]");
    await tabTo(page, "#mr-map-canvas canvas");
    await page.waitForSelector("html[data-map-ready]", { timeout: 30_000 });
    expect(await page.locator(".mr-map__crosshair").isVisible()).toBe(true);
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#mr-map-status").textContent()).toMatch(/Punkt gesetzt nahe/);
    await tabTo(page, "#q-category");
    await page.keyboard.press("ArrowDown"); // radios: arrow keys choose the next option
    await tabTo(page, "#q-comment");
    await page.keyboard.type("Zu wenig Fahrradständer (Tastatur)");
    await tabTo(page, "#mr-contribution-form button[type=submit]");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#mr-form-result").textContent(), { timeout: 10_000 }).toContain("Vielen Dank");

    // Moderation "before": nothing public yet.
    const pending = cli("moderate", "marktplatz", "--page", "karte");
    const idOf = (comment: string) => new RegExp(`([0-9a-f-]{36})[^\\n]*\\n\\s+${comment.replace(/[()]/g, "\\$&")}`).exec(pending)?.[1];
    const mouseId = idOf("Mehr Schatten am Brunnen (Maus)");
    expect(mouseId).toBeTruthy();
    expect(idOf("Zu wenig Fahrradständer (Tastatur)")).toBeTruthy();
    expect(cli("moderate", "marktplatz", "--page", "karte", "--approve", mouseId!)).toContain("Approved");

    await page.reload();
    await page.locator("#mr-map-frame").scrollIntoViewIfNeeded();
    await page.waitForSelector("html[data-map-ready]", { timeout: 30_000 });
    await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute("data-map-markers"))).toBe("1");
    const list = page.locator("#mr-list");
    await expect.poll(() => list.textContent()).toContain("Mehr Schatten am Brunnen (Maus)");
    expect(await list.textContent()).not.toContain("Fahrradständer");
    // The list and the map point at each other.
    await page.click("#mr-list .mr-contribution__show");
    await expect.poll(() => page.locator(".maplibregl-popup").textContent()).toContain("Mehr Schatten");
    // Filter by category: unticking "Idee" empties the list.
    await page.uncheck("#mr-filter-idee");
    await expect.poll(() => list.locator("li").count()).toBe(0);
    await page.close();

    // No request left the site, except for the configured basemap.
    expect([...hosts].sort()).toEqual([new URL(origin).host, basemapHost].sort());
  });

  it("shows problems with the form as the survey does, by keyboard: summary with links, each error at its field, \"Fehler:\" in the title", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`${origin}/marktplatz/karte/`);
    await page.waitForSelector("html[data-map-list]");
    const title = await page.title();
    // Only the comment: no category, no place.
    await tabTo(page, "#q-comment");
    await page.keyboard.type("Hier fehlt eine Bank");
    await tabTo(page, "#mr-contribution-form button[type=submit]");
    await page.keyboard.press("Enter");
    await page.waitForSelector("[data-contribution] [data-error-summary]:not([hidden])");
    expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-error-summary"))).toBe(true);
    expect(await page.title()).toBe(`Fehler: ${title}`);
    const links = await page.$$eval("[data-error-summary] a", (as) => as.map((a) => [a.getAttribute("href"), a.textContent]));
    expect(links).toEqual([
      ["#q-category", "Art des Hinweises: Bitte beantworten Sie diese Frage."],
      ["#q-location", "Wo? Bitte wählen Sie einen Ort aus der Liste, setzen Sie einen Punkt auf die Karte oder beschreiben Sie die Stelle."],
    ]);
    // Each error next to its field, tied to it, its controls invalid; the comment is fine.
    expect(await page.textContent("#q-category-error")).toContain("Bitte beantworten Sie diese Frage.");
    expect(await page.getAttribute("#question-category fieldset", "aria-describedby")).toContain("q-category-error");
    expect(await page.getAttribute("#q-category", "aria-invalid")).toBe("true");
    expect(await page.getAttribute("#q-location", "aria-invalid")).toBe("true");
    expect(await page.getAttribute("#q-comment", "aria-invalid")).toBeNull();
    // Required fields say so.
    expect(await page.textContent("#question-category legend")).toContain("(Pflichtangabe)");
    // The summary's first link leads to the field, by keyboard.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("q-category");
    // Fixed and sent: the errors go, the title is the page's again.
    await page.keyboard.press("Space");
    await tabTo(page, "#q-location");
    await page.selectOption("#q-location", "brunnen");
    await tabTo(page, "#mr-contribution-form button[type=submit]");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#mr-form-result").textContent(), { timeout: 10_000 }).toContain("Vielen Dank");
    expect(await page.isHidden("[data-contribution] [data-error-summary]")).toBe(true);
    expect(await page.title()).toBe(title);
    await page.close();
  });

  it("shows area and layers on a plain background when the basemap cannot be loaded, and says so", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.route(`http://${basemapHost}/**`, (route) => route.abort());
    await page.goto(`${origin}/marktplatz/karte/`);
    await page.locator("#mr-map-frame").scrollIntoViewIfNeeded();
    await page.waitForSelector("html[data-map-ready]", { timeout: 30_000 });
    expect(await page.locator("#mr-map-status").textContent()).toContain("Hintergrundkarte konnte nicht geladen werden");
    await page.close();
  });

  it("writes on each cluster how many contributions it holds", async () => {
    // 25 approved contributions at one spot, written straight into the collector's database.
    const db = new Database(path.join(tmp, "x.sqlite"));
    const insert = db.prepare(
      `INSERT INTO contributions (id, campaign, page, locale, category, comment, lng, lat, place, description, received_at, channel, verified, status, moderated_at)
       VALUES (?, 'marktplatz', 'karte', 'de', 'idee', ?, 7.00002, 50.9405, NULL, NULL, ?, 'script', 1, 'approved', ?)`,
    );
    const at = new Date(NOW).toISOString();
    db.transaction(() => {
      for (let i = 0; i < 25; i++) insert.run(randomUUID(), `Sitzbank an der Rathaustreppe ${i + 1}`, at, at);
    })();
    db.close();
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await openMap(page);
    await page.waitForSelector(".mr-cluster-count", { timeout: 30_000 });
    const counts = (await page.locator(".mr-cluster-count").allTextContents()).map(Number);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(25);
    const listed = Number(await page.evaluate(() => document.documentElement.dataset.mapList));
    expect(counts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(listed);
    // Labels are for the eye only; the list is what a screen reader reads.
    expect(await page.locator('.mr-cluster-count[aria-hidden="true"]').count()).toBe(counts.length);
    await page.close();
  });

  it("filters the list by the city's status and says how many it shows, politely to screen readers", async () => {
    // Approved contributions the city has answered: 3 planned, 2 done (written straight into the database).
    const db = new Database(path.join(tmp, "x.sqlite"));
    const insert = db.prepare(
      `INSERT INTO contributions (id, campaign, page, locale, category, comment, lng, lat, place, description, received_at, channel, verified, status, moderated_at, public_status)
       VALUES (?, 'marktplatz', 'karte', 'de', 'problem', ?, NULL, NULL, 'brunnen', NULL, ?, 'script', 1, 'approved', ?, ?)`,
    );
    const at = new Date(NOW).toISOString();
    db.transaction(() => {
      for (let i = 0; i < 3; i++) insert.run(randomUUID(), `Stand geplant ${i + 1}`, at, at, "planned");
      for (let i = 0; i < 2; i++) insert.run(randomUUID(), `Stand umgesetzt ${i + 1}`, at, at, "done");
    })();
    db.close();
    const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
    await openMap(page);
    const total = Number(await page.evaluate(() => document.documentElement.dataset.mapList));
    expect(total).toBeGreaterThanOrEqual(5);
    // A labelled select, by its visible label.
    const select = page.getByLabel("Nach Stand filtern");
    await select.selectOption({ label: "Wird umgesetzt" });
    const list = page.locator("#mr-list > li");
    await expect.poll(() => list.count()).toBe(3);
    expect(await page.locator("#mr-list").textContent()).toContain("Stand geplant 1");
    expect(await page.locator("#mr-list").textContent()).not.toContain("Stand umgesetzt");
    const count = page.locator("#mr-list-count");
    expect(await count.textContent()).toBe(`3 von ${total} Hinweisen`);
    expect(await count.getAttribute("aria-live")).toBe("polite");
    await select.selectOption({ label: "Umgesetzt" });
    await expect.poll(() => count.textContent()).toBe(`2 von ${total} Hinweisen`);
    expect(await list.count()).toBe(2);
    await select.selectOption({ label: "Alle" });
    await expect.poll(() => count.textContent()).toBe(`${total} von ${total} Hinweisen`);
    await page.close();
  });

  it("refuses a point outside the area when it is posted directly", async () => {
    const response = await fetch(`${origin}/api/marktplatz/karte/contributions`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ contribution: { category: "idee", comment: "Weit weg", point: [7.01, 50.95] } }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { data: { issues: { field: string; reason: string }[] } };
    expect(body.data.issues).toContainEqual(expect.objectContaining({ field: "location", reason: "outside-area" }));
  });

  it("works without JavaScript: a named place arrives and exports", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/marktplatz/karte/`);
    await page.check("#q-category--2");
    await page.fill("#q-comment", "Stolperkante an der Rathaustreppe");
    await page.selectOption("#q-location", "rathaustreppe");
    await page.click("#mr-contribution-form button[type=submit]");
    await page.waitForURL(/\/marktplatz\/karte\/danke\/$/);
    expect(await page.locator("h1").textContent()).toContain("Ihr Hinweis ist angekommen");

    // Missing comment: an error page in German that keeps what was typed.
    await page.goto(`${origin}/marktplatz/karte/`);
    await page.check("#q-category--3");
    await page.selectOption("#q-location", "brunnen");
    await page.click("#mr-contribution-form button[type=submit]");
    expect(await page.locator(".mr-error-summary").textContent()).toContain("Ihr Hinweis");
    expect(await page.locator("#q-location").inputValue()).toBe("brunnen");
    await context.close();

    const geojson = JSON.parse(cli("export", "marktplatz", "--page", "karte", "--format", "geojson"));
    const feature = geojson.features.find((f: { properties: { comment: string } }) => f.properties.comment === "Stolperkante an der Rathaustreppe");
    expect(feature.properties).toMatchObject({ place: "rathaustreppe", status: "pending", channel: "form", category: "problem" });
    expect(feature.geometry.coordinates).toEqual([7.00002, 50.9405]);
    const csv = cli("export", "marktplatz", "--page", "karte", "--format", "csv");
    expect(csv).toContain("Stolperkante an der Rathaustreppe");
    expect(csv).toContain("freigegeben");
  });
});
