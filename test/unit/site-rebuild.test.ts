// Building again: removed pages disappear, a failed build keeps the last good site, images are
// not encoded twice, and the working directory's own Eleventy files change nothing.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { CampaignValidationError } from "../../src/errors.js";
import { loadSiteModel } from "../../src/campaign/index.js";
import { buildSite, renderSite, SiteBuildError } from "../../src/site/build.js";
import { buildInto, NOW, tmpDir } from "./site-support.js";

const FIXTURE = "test/fixtures/valid-site-markdown";
const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A copy of the fixture campaigns that a test may change. */
function copyOfFixture(): string {
  const dir = tmpDir("campaigns");
  cpSync(FIXTURE, dir, { recursive: true });
  made.push(dir);
  return dir;
}

function editCampaign(dir: string, edit: (json: { pages: { id: string }[] }) => void): void {
  const file = path.join(dir, "spielplatz", "campaign.json");
  const json = JSON.parse(readFileSync(file, "utf8"));
  edit(json);
  writeFileSync(file, JSON.stringify(json, null, 2));
}

describe("rebuilding a site", () => {
  it("removes the output of a page deleted from the campaign, in every language", async () => {
    const campaigns = copyOfFixture();
    const first = await buildInto(campaigns);
    made.push(first.outDir);
    expect(existsSync(path.join(first.outDir, "spielplatz", "umfrage", "index.html"))).toBe(true);

    editCampaign(campaigns, (json) => {
      json.pages = json.pages.filter((page) => page.id !== "umfrage");
    });
    // A build killed an hour ago left its staging folder behind; the next build clears it.
    const leftover = `${first.outDir}.staging-deadbeef`;
    mkdirSync(leftover);
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(leftover, anHourAgo, anHourAgo);
    const second = await buildInto(campaigns, { outDir: first.outDir });
    expect(existsSync(leftover)).toBe(false);
    expect(second.pages).not.toContain("/spielplatz/umfrage/");
    expect(existsSync(path.join(first.outDir, "spielplatz", "umfrage"))).toBe(false);
    expect(existsSync(path.join(first.outDir, "spielplatz", "tr", "umfrage"))).toBe(false);
    expect(second.read("/sitemap.xml")).not.toContain("/umfrage/");
    // The replaced site is deleted in the background, soon after the build returned.
    const oldSites = () => readdirSync(path.dirname(first.outDir)).filter((name) => name.startsWith(`${path.basename(first.outDir)}.old-`));
    for (let i = 0; i < 100 && oldSites().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(oldSites()).toEqual([]);
  });

  it("keeps the last good site when the campaigns do not validate, and leaves no staging folder", async () => {
    const campaigns = copyOfFixture();
    const site = await buildInto(campaigns);
    made.push(site.outDir);
    const before = site.read("/spielplatz/");

    writeFileSync(path.join(campaigns, "spielplatz", "campaign.json"), '{ "locale": "de", }');
    await expect(buildInto(campaigns, { outDir: site.outDir })).rejects.toBeInstanceOf(CampaignValidationError);
    expect(site.read("/spielplatz/")).toBe(before);
    const siblings = readdirSync(path.dirname(site.outDir)).filter((name) => name.startsWith(path.basename(site.outDir)));
    expect(siblings).toEqual([path.basename(site.outDir)]);
  });

  it("returns the model it validated, so serve hands the collector what the pages show", async () => {
    const site = await buildInto(FIXTURE);
    made.push(site.outDir);
    expect(site.model.builtAt).toBe(NOW.toISOString());
    expect(site.model.campaigns.map((c) => c.slug)).toEqual(["spielplatz"]);
    expect(site.model.campaigns[0]!.pages.map((p) => p.id)).toContain("umfrage");
    expect(site.warnings).toEqual([]);
  });

  it("names the template and what is wrong in it, and nothing else prints the error a second time", async () => {
    const templatesDir = tmpDir("templates");
    made.push(templatesDir);
    cpSync("templates", templatesDir, { recursive: true });
    const hero = path.join(templatesDir, "components", "hero", "template.njk");
    writeFileSync(hero, readFileSync(hero, "utf8").replace("{{ params.headingText }}", "{{ params.headingText | headline }}"));
    const printed: string[] = [];
    const capture = (stream: NodeJS.WriteStream) =>
      vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => (printed.push(String(chunk)), true));
    const spies = [capture(process.stdout), capture(process.stderr)];
    const outDir = tmpDir("broken-template");
    let error: unknown;
    try {
      await buildSite({ campaignsDir: FIXTURE, outDir, now: NOW, templatesDir });
    } catch (caught) {
      error = caught;
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(error).toBeInstanceOf(SiteBuildError);
    expect((error as Error).message).toBe(`Could not build the site into ${outDir}: ${hero}: filter not found: headline`);
    expect(printed.join("")).toBe("");
    expect(existsSync(outDir)).toBe(false);
  });

  it("refuses to replace a folder it did not build, or the working directory", async () => {
    const foreign = tmpDir("foreign");
    made.push(foreign);
    mkdirSync(foreign, { recursive: true });
    writeFileSync(path.join(foreign, "notes.txt"), "keep me");
    await expect(buildSite({ campaignsDir: FIXTURE, outDir: foreign, quiet: true })).rejects.toThrow(/did not build it/);
    expect(readFileSync(path.join(foreign, "notes.txt"), "utf8")).toBe("keep me");
    await expect(buildSite({ campaignsDir: FIXTURE, outDir: ".", quiet: true })).rejects.toBeInstanceOf(SiteBuildError);
  });

  it("does not encode an unchanged image again", async () => {
    const cacheDir = tmpDir("img-cache");
    made.push(cacheDir);
    const first = await buildInto(FIXTURE, { cacheDir });
    made.push(first.outDir);
    const stamps = () => Object.fromEntries(readdirSync(cacheDir).map((name) => [name, statSync(path.join(cacheDir, name)).mtimeMs]));
    const before = stamps();
    expect(Object.keys(before).length).toBeGreaterThan(0);
    const second = await buildInto(FIXTURE, { cacheDir, outDir: first.outDir });
    expect(stamps()).toEqual(before);
    expect(readdirSync(path.join(second.outDir, "assets", "img")).sort()).toEqual(Object.keys(before).sort());
  });

  it("works from any working directory and ignores that directory's Eleventy config and ignore files", async () => {
    const city = tmpDir("city-repo");
    made.push(city);
    mkdirSync(city, { recursive: true });
    // A city's own Eleventy setup must not leak into mitreden's build.
    writeFileSync(path.join(city, ".eleventy.js"), 'throw new Error("the city config was loaded");\n');
    writeFileSync(path.join(city, "eleventy.config.mjs"), 'throw new Error("the city config was loaded");\n');
    writeFileSync(path.join(city, ".eleventyignore"), "**/*.njk\n");
    writeFileSync(path.join(city, ".gitignore"), "node_modules/\n_site/\n");
    // As installed by npm: the templates sit below the city's folder, in node_modules.
    const templatesDir = path.join(city, "node_modules", "mitreden", "templates");
    cpSync("templates", templatesDir, { recursive: true });
    const campaigns = path.resolve(FIXTURE);
    const previous = process.cwd();
    process.chdir(city);
    try {
      const cacheDir = path.join(previous, ".cache", "mitreden", "img");
      const result = await buildSite({ campaignsDir: campaigns, outDir: "_site", now: NOW, quiet: true, cacheDir, templatesDir });
      expect(result.pages).toContain("/spielplatz/worum-geht-es/");
      expect(existsSync(path.join(city, "_site", "spielplatz", "index.html"))).toBe(true);
    } finally {
      process.chdir(previous);
    }
  });

  it("renders a site without campaigns: an index that says so", async () => {
    const outDir = tmpDir("empty");
    made.push(outDir);
    const pages = await renderSite({ campaigns: [], locale: "de", builtAt: NOW.toISOString() }, { outDir, quiet: true });
    expect(pages).toEqual(["/", "/404.html", "/robots.txt", "/sitemap.xml"]);
    expect(readFileSync(path.join(outDir, "index.html"), "utf8")).toContain("Zurzeit gibt es hier keine Beteiligung.");
  });

  it("names the file when an image cannot be processed, and writes nothing", async () => {
    const { model } = await loadSiteModel(FIXTURE, { now: NOW });
    const campaign = model.campaigns[0]!;
    const missing = path.resolve(FIXTURE, "spielplatz", "media", "gone.jpg");
    const broken = { ...model, campaigns: [{ ...campaign, hero: { ...campaign.hero!, file: missing } }] };
    const outDir = tmpDir("broken");
    await expect(renderSite(broken, { outDir, quiet: true })).rejects.toThrow(/gone\.jpg/);
    expect(existsSync(outDir)).toBe(false);
    expect(readdirSync(path.dirname(outDir)).some((name) => name.startsWith(path.basename(outDir)))).toBe(false);
  });
});
