// The proof-of-work widget's files (docs/adr/025-proof-of-work.md): written into the site only when
// a campaign turns the proof of work on, all of them from the site itself (no third-party address).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prepareProofOfWorkAssets } from "../../src/site/pow-assets.js";
import { exampleSite } from "../collector/helpers/campaigns.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "mitreden-pow-assets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the proof of work's assets", () => {
  it("are not written for a site whose campaigns do not turn it on", async () => {
    expect(await prepareProofOfWorkAssets(exampleSite(), path.join(dir, "plain"))).toBeUndefined();
    expect(existsSync(path.join(dir, "plain", "assets"))).toBe(false);
  });

  it("are the widget with our loader, its stylesheet and worker, under /assets/, loading nothing from elsewhere", async () => {
    const site = exampleSite();
    site.campaigns[0]!.abuse = { proofOfWork: true };
    const out = path.join(dir, "pow");
    const assets = (await prepareProofOfWorkAssets(site, out))!;
    expect(assets.script).toMatch(/^\/assets\/mitreden-pow\.[0-9a-f]{8}\.js$/);
    expect(assets.stylesheet).toMatch(/^\/assets\/altcha-\d+\.\d+\.\d+\/altcha\.css$/);
    expect(assets.worker).toMatch(/^\/assets\/altcha-\d+\.\d+\.\d+\/pbkdf2\.js$/);
    const script = readFileSync(path.join(out, assets.script), "utf8");
    // The widget, its German and English words, and the registration of our worker.
    expect(script).toContain("altcha-widget");
    expect(script).toContain("Ich bin kein Roboter");
    expect(script).toContain("PBKDF2/SHA-256");
    for (const file of [assets.script, assets.stylesheet, assets.worker]) {
      const text = readFileSync(path.join(out, file), "utf8");
      // No script, style or font is fetched from another host (the footer link to altcha.org is hidden and never loaded).
      expect(text.match(/(?:import|importScripts|fetch|url)\(\s*["']https?:\/\//g) ?? [], file).toEqual([]);
    }
  });
});
