// The site's asset manifest (read by the collector's pages) is the same file for the same site:
// pictures are encoded side by side and finish in any order.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assetsManifest, type SiteAssets } from "../../src/pages/assets.js";

function assetsWith(files: string[]): SiteAssets {
  const image = (file: string) => ({ file: path.resolve(file), width: 640, height: 360, sources: [], fallback: { src: `/assets/img/${path.basename(file)}`, srcset: "", type: "image/jpeg" }, files: [] });
  return { stylesheet: "/assets/mitreden.css", images: new Map(files.map((f) => [path.resolve(f), image(f)])) } as unknown as SiteAssets;
}

describe("assetsManifest", () => {
  it("lists the pictures by file, whichever finished first", () => {
    const one = assetsManifest(assetsWith(["campaigns/b/hero.jpg", "campaigns/a/logo.svg", "campaigns/c/map.png"]));
    const other = assetsManifest(assetsWith(["campaigns/c/map.png", "campaigns/b/hero.jpg", "campaigns/a/logo.svg"]));
    expect(one).toBe(other);
    expect((JSON.parse(one) as { images: { file: string }[] }).images.map((i) => i.file)).toEqual(["campaigns/a/logo.svg", "campaigns/b/hero.jpg", "campaigns/c/map.png"]);
  });
});
