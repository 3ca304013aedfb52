// The self-hosted basemap end to end, in headless Chromium against `mitreden serve`: the example's
// Ideenkarte looks like a town with legible street names and asks no one but the site; a PMTiles
// archive is read with HTTP range requests; and the Mapbox renderer draws the same map with a
// placeholder token, while every request it makes on its own is blocked and listed.
import { randomUUID } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page, Request } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { musterstadtArchive } from "../helpers/pmtiles-archive.js";
import { tabTo } from "./keyboard.js";
import { launchChromium, root, runCli, startSite, type RunningSite } from "./server.js";

const SCREENS = path.join(root, "test/.tmp/screens");
// Colours of the basemap (src/site/basemap/style.ts PALETTE) and of the campaign's overlay.
const BUILDING = [0xde, 0xd7, 0xcc];
const STREET = [0xff, 0xff, 0xff];
const LABEL = [0x45, 0x41, 0x3d];
const AREA_LINE = [0x0b, 0x53, 0x94];
const LAYER = [0x55, 0x60, 0x6e];

let tmp: string;
let site: RunningSite;
let browser: Browser;
let campaigns: string;

/** The examples, with two more map pages: one on a PMTiles archive, one drawn by Mapbox GL. */
function prepareCampaigns(): string {
  const dir = path.join(tmp, "campaigns");
  cpSync(path.join(root, "campaigns"), dir, { recursive: true });
  writeFileSync(path.join(dir, "marktplatz/media/musterstadt.pmtiles"), musterstadtArchive());
  const file = path.join(dir, "marktplatz/campaign.json");
  const campaign = JSON.parse(readFileSync(file, "utf8"));
  const karte = campaign.pages.find((p: { id: string }) => p.id === "karte");
  const osm = structuredClone(karte);
  osm.id = "karte-osm";
  osm.map.basemap = { pmtiles: "media/musterstadt.pmtiles", attribution: "© OpenStreetMap-Mitwirkende" };
  const mapbox = structuredClone(karte);
  mapbox.id = "karte-mapbox";
  Object.assign(mapbox.map, { renderer: "mapbox", accessToken: "pk.placeholder-no-account" });
  campaign.pages.push(osm, mapbox);
  writeFileSync(file, JSON.stringify(campaign, null, 2));
  return dir;
}

/** Two public contributions on a map page (posted as the page's script does, approved by the CLI). */
async function contribute(page: string): Promise<void> {
  for (const [category, point] of [["idee", [7.0003, 50.9401]], ["problem", [6.9993, 50.9397]]] as const) {
    const id = randomUUID();
    const response = await fetch(`${site.url}/api/marktplatz/${page}/contributions`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ _id: id, contribution: { category, comment: `Testhinweis ${category} auf ${page}`, point } }),
    });
    expect(response.status, await response.text()).toBeLessThan(300);
    await runCli(site, "moderate", "marktplatz", "--page", page, "--approve", id, "--campaigns", campaigns);
  }
}

interface Visit {
  page: Page;
  requests: Request[];
  statuses: Map<string, number>;
}

/** Opens a map page and waits until the map has drawn its markers; every request is kept. */
async function visit(url: string, width: number, prepare?: (page: Page) => Promise<unknown>): Promise<Visit> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const requests: Request[] = [];
  const statuses = new Map<string, number>();
  page.on("request", (r) => requests.push(r));
  page.on("response", (r) => statuses.set(r.url(), r.status()));
  await prepare?.(page);
  await page.goto(`${site.url}${url}`);
  await page.locator("#mr-map-frame").scrollIntoViewIfNeeded();
  await page.waitForSelector("html[data-map-ready]", { timeout: 60_000 });
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.mapMarkers), { timeout: 30_000 }).toBe("2");
  // Tiles and labels that arrive after the markers: wait until nothing is loading.
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  return { page, requests, statuses };
}

/** The map's canvas as pixels, saved for people to look at, and how many are close to each colour. */
async function pixels(page: Page, name: string): Promise<(colour: number[], tolerance?: number) => number> {
  mkdirSync(SCREENS, { recursive: true });
  const file = path.join(SCREENS, `${name}.png`);
  await page.locator("#mr-map-canvas canvas").screenshot({ path: file });
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return (colour, tolerance = 6) => {
    let count = 0;
    for (let i = 0; i < data.length; i += info.channels) {
      if (Math.abs(data[i]! - colour[0]!) <= tolerance && Math.abs(data[i + 1]! - colour[1]!) <= tolerance && Math.abs(data[i + 2]! - colour[2]!) <= tolerance) count++;
    }
    return count;
  };
}

const origins = (requests: Request[]) => [...new Set(requests.map((r) => new URL(r.url()).origin))];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "mitreden-basemap-e2e-"));
  campaigns = prepareCampaigns();
  site = await startSite({ campaigns });
  await contribute("karte");
  await contribute("karte-osm");
  await contribute("karte-mapbox");
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe("self-hosted basemap", () => {
  it("draws the example's Ideenkarte as a town with street names, on a wide screen and a phone, asking no one but the site", async () => {
    for (const width of [1280, 390]) {
      const { page, requests, statuses } = await visit("/marktplatz/karte/", width);
      const count = await pixels(page, `karte-${width}`);
      const canvas = await page.locator("#mr-map-canvas canvas").boundingBox();
      const area = canvas!.width * canvas!.height;
      // Buildings and white streets fill much of the map; without a basemap it is one flat colour.
      expect(count(BUILDING)).toBeGreaterThan(area * 0.05);
      expect(count(STREET, 2)).toBeGreaterThan(area * 0.05);
      // Street names: dark text on white halos.
      expect(count(LABEL, 20)).toBeGreaterThan(150);
      // Style, tiles and glyphs came from the site, and arrived.
      const basemap = requests.filter((r) => r.url().includes("/assets/basemap/"));
      expect(basemap.some((r) => /\/style\.[0-9a-f]{8}\.json$/.test(r.url()))).toBe(true);
      expect(basemap.filter((r) => /\/tiles-[0-9a-f]{8}\/16\/\d+\/\d+\.pbf$/.test(r.url())).length).toBeGreaterThan(0);
      const glyphs = basemap.filter((r) => /\/glyphs-[0-9a-f]{8}\/fira-sans-[a-z]+\/0-255\.pbf$/.test(r.url()));
      expect(glyphs.length).toBeGreaterThan(0);
      for (const r of basemap) expect(statuses.get(r.url()), r.url()).toBe(200);
      expect(origins(requests)).toEqual([site.url]);
      // The pmtiles protocol is loaded only by maps that read an archive.
      expect(requests.some((r) => r.url().includes("/assets/mitreden-pmtiles."))).toBe(false);
      // The data's credit is on the map, compact (a button) when the map is narrow, named in German.
      expect(await page.locator(".maplibregl-ctrl-attrib").textContent()).toContain("© Stadt Musterstadt (fiktiv), Beispieldaten");
      expect(await page.locator(".maplibregl-ctrl-attrib.maplibregl-compact").count()).toBe(canvas!.width < 640 ? 1 : 0);
      expect(await page.locator(".maplibregl-ctrl-attrib-button").getAttribute("aria-label")).toBe("Quellenangaben der Karte zeigen oder ausblenden");
      await page.close();
    }
  });

  it("sets the labels in Fira Sans from the site's glyph files; without them the browser's own font stands in", async () => {
    const normal = await visit("/marktplatz/karte/", 1280);
    await pixels(normal.page, "karte-glyphs");
    await normal.page.close();
    const blocked = await visit("/marktplatz/karte/", 1280, (p) => p.route("**/assets/basemap/glyphs-*/**", (route) => route.abort()));
    const count = await pixels(blocked.page, "karte-without-glyphs");
    expect(count(BUILDING)).toBeGreaterThan(1000);
    expect(count(LABEL, 20)).toBeGreaterThan(100);
    expect(origins(blocked.requests)).toEqual([site.url]);
    await blocked.page.close();
    // Same map, same places: only the letters differ.
    const [a, b] = await Promise.all(["karte-glyphs", "karte-without-glyphs"].map((n) => sharp(path.join(SCREENS, `${n}.png`)).removeAlpha().raw().toBuffer()));
    let differing = 0;
    for (let i = 0; i < a!.length; i += 3) if (Math.abs(a![i]! - b![i]!) + Math.abs(a![i + 1]! - b![i + 1]!) + Math.abs(a![i + 2]! - b![i + 2]!) > 60) differing++;
    expect(differing).toBeGreaterThan(300);
    expect(differing).toBeLessThan(a!.length / 3 / 10);
  });

  it("serves a PMTiles archive with HTTP range requests, as the map reads it and as static hosts do", async () => {
    const html = await (await fetch(`${site.url}/marktplatz/karte-osm/`)).text();
    const config = JSON.parse(/<script type="application\/json" id="mr-map-config">([^<]*)<\/script>/.exec(html)![1]!) as { basemap: { style: string; pmtiles: string } };
    expect(config.basemap.pmtiles).toMatch(/^\/assets\/mitreden-pmtiles\.[0-9a-f]{8}\.js$/);
    const style = (await (await fetch(`${site.url}${config.basemap.style}`)).json()) as { sources: { basemap: { url: string } } };
    const archive = style.sources.basemap.url.replace("pmtiles://", "");
    expect(archive).toMatch(/^\/assets\/basemap\/musterstadt\.[0-9a-f]{8}\.pmtiles$/);
    const whole = Buffer.from(await (await fetch(`${site.url}${archive}`)).arrayBuffer());
    const head = await fetch(`${site.url}${archive}`, { headers: { range: "bytes=0-126" } });
    expect(head.status).toBe(206);
    expect(head.headers.get("content-range")).toBe(`bytes 0-126/${whole.length}`);
    expect(head.headers.get("accept-ranges")).toBe("bytes");
    const bytes = Buffer.from(await head.arrayBuffer());
    expect(bytes.toString("latin1", 0, 7)).toBe("PMTiles");
    expect(bytes.length).toBe(127);
    const middle = await fetch(`${site.url}${archive}`, { headers: { range: "bytes=1000-1999" } });
    expect(middle.status).toBe(206);
    expect(Buffer.from(await middle.arrayBuffer()).equals(whole.subarray(1000, 2000))).toBe(true);
    expect((await fetch(`${site.url}${archive}`, { headers: { range: `bytes=${whole.length + 10}-` } })).status).toBe(416);
  });

  it("draws a PMTiles extract with the Protomaps layers, reading the archive by ranges from the site alone", async () => {
    const { page, requests, statuses } = await visit("/marktplatz/karte-osm/", 1280);
    const count = await pixels(page, "karte-osm-1280");
    // Protomaps draws buildings half transparent over the land.
    expect(count([0xe6, 0xe2, 0xd9], 8)).toBeGreaterThan(5000);
    expect(count(LABEL, 20)).toBeGreaterThan(150);
    expect(requests.filter((r) => /\/assets\/mitreden-pmtiles\.[0-9a-f]{8}\.js$/.test(r.url())).length).toBe(1);
    const reads = requests.filter((r) => r.url().endsWith(".pmtiles"));
    expect(reads.length).toBeGreaterThanOrEqual(2); // header and root directory, then tiles
    for (const r of reads) {
      expect(r.headers().range).toMatch(/^bytes=\d+-\d+$/);
      expect(statuses.get(r.url())).toBe(206);
    }
    expect(origins(requests)).toEqual([site.url]);
    expect(await page.locator(".maplibregl-ctrl-attrib").textContent()).toMatch(/© OpenStreetMap-Mitwirkende.*Protomaps/);
    await page.close();
  });
});

describe("the Mapbox GL renderer", () => {
  it("draws the area, the layers, the markers and the self-hosted basemap with a placeholder token; keyboard placement works; its own requests are blocked and listed", async () => {
    const elsewhere: string[] = [];
    const { page, requests } = await visit("/marktplatz/karte-mapbox/", 1280, async (p) => {
      await p.context().route(
        (url) => url.origin !== site.url,
        (route) => {
          const body = route.request().postData();
          elsewhere.push(`${route.request().method()} ${route.request().url().replace(/access_token=[^&]+/, "access_token=…")}${body ? ` ${body.slice(0, 1500)}` : ""}`);
          return route.abort();
        },
      );
    });
    expect(requests.some((r) => r.url().includes("/assets/mapbox-gl-3."))).toBe(true);
    const count = await pixels(page, "karte-mapbox-1280");
    expect(count(BUILDING)).toBeGreaterThan(5000);
    expect(count(LABEL, 20)).toBeGreaterThan(150);
    expect(count(AREA_LINE, 12)).toBeGreaterThan(300);
    expect(count(LAYER, 12)).toBeGreaterThan(30);
    // Keyboard only: Tab to the map, move the crosshair, Enter places the point.
    await page.evaluate(() => window.scrollTo(0, 0));
    await tabTo(page, "#mr-map-canvas canvas");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#mr-map-status").textContent()).toMatch(/Punkt gesetzt nahe .+, innerhalb des Planungsgebiets/);
    expect(await page.locator("input[name=location__lng]").inputValue()).not.toBe("");
    // What it keeps in the browser (§ 25 TDDDG): a random id per browser and token, sent with map.load.
    const stored = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
    await page.close();
    expect(Object.keys(stored).sort()).toEqual(["mapbox.eventData.uuid:pk.placeholder-no-account", "mapbox.eventData.uuidTimestamp:pk.placeholder-no-account"]);
    // What Mapbox GL sends on its own, with a self-hosted style and no Mapbox data at all
    // (README, "Map" → "Mapbox GL"): written down here so a change shows up as a failing test.
    const hosts = [...new Set(elsewhere.map((line) => new URL(line.split(" ")[1]!).host))].sort();
    console.log(`Mapbox GL's own requests (blocked):\n${elsewhere.join("\n")}`);
    expect(hosts).toEqual(["api.mapbox.com", "events.mapbox.com"]);
    const events = elsewhere.flatMap((line) => [...line.matchAll(/"event":"([^"]+)"/g)].map((m) => m[1]));
    // The performance report (device, screen, GPU) is switched off; these two cannot be.
    expect(new Set(events)).toEqual(new Set(["style.load", "map.load"]));
    expect(elsewhere.find((line) => line.includes('"event":"map.load"'))).toContain(`"userId":"${stored["mapbox.eventData.uuid:pk.placeholder-no-account"]}"`);
    expect(elsewhere.some((line) => line.startsWith("GET https://api.mapbox.com/map-sessions/v1?"))).toBe(true);
    // The map page and the accessibility statement say so; a map drawn by MapLibre on the site's own basemap says nothing.
    const mapboxPage = await (await fetch(`${site.url}/marktplatz/karte-mapbox/`)).text();
    expect(mapboxPage).toContain("Mapbox Inc. in den USA (api.mapbox.com, events.mapbox.com)");
    const statement = await (await fetch(`${site.url}/marktplatz/accessibility/`)).text();
    expect(statement).toMatch(/Karte auf der Seite „Ideenkarte“: Die Karte zeichnet die Software Mapbox GL JS/);
    expect(await (await fetch(`${site.url}/marktplatz/karte/`)).text()).not.toMatch(/Mapbox|lädt Ihr Browser von/);
  });
});
