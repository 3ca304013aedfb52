// Share cards of the example campaigns: one per public page and locale, at the declared size, cached
// by what they show, legible (4.5:1 behind every word) and unchanged against the reference PNGs.
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { SiteModel } from "../../src/campaign/model.js";
import { accessibilityPath, pagePath } from "../../src/campaign/urls.js";
import { cardPages, renderCards, type CardContent, type CardFormat, type ShareCard } from "../../src/site/cards/index.js";
import { postCard } from "../../src/site/social/posts.js";
import { blendOnto, CardRenderer } from "../../src/site/cards/render.js";
import { cardGeometry } from "../../src/site/cards/layout.js";
import { packagePath } from "../../src/package-root.js";
import { expectLikeReference, MAX_DIFFERENT_PIXELS } from "../helpers/reference-picture.js";
import { contrast, exampleModel, tempDir } from "./cards-helpers.js";

const REFERENCES = packagePath("test", "reference", "cards");
// References are kept at a third of the size: small enough for the repository, fine enough that a changed
// word, colour or position shows as thousands of pixels.
const REFERENCE_WIDTH = 400;

let model: SiteModel;
let outDir: string;
let cacheDir: string;
let cards: Map<string, ShareCard>;
let firstRun: { rendered: number; reused: number };

beforeAll(async () => {
  model = await exampleModel();
  const work = await tempDir("cards-render");
  outDir = path.join(work, "_site");
  cacheDir = path.join(work, "cache");
  const result = await renderCards(model, outDir, { cacheDir });
  cards = result.cards;
  firstRun = result;
});

describe("renderCards", () => {
  it("makes a card for every public page of every campaign and locale, and the index", () => {
    const expected = ["/"];
    for (const c of model.campaigns) {
      for (const l of c.locales) expected.push(pagePath(c, l), ...c.pages.map((p) => pagePath(c, l, p.id)), accessibilityPath(c, l));
      // German only, in every language (BITV 2.0 § 4).
      if (c.locales.includes("de")) expected.push(`/${c.slug}/leichte-sprache/`, `/${c.slug}/gebaerdensprache/`);
    }
    expect([...cards.keys()].sort()).toEqual(expected.sort());
    expect(firstRun.rendered).toBe(expected.length);
  });

  it("writes each card where its path says, at the size it declares", async () => {
    for (const card of cards.values()) {
      const file = path.join(outDir, card.path);
      const meta = await sharp(file).metadata();
      expect(meta.format).toBe(card.type === "image/jpeg" ? "jpeg" : "png");
      expect([meta.width, meta.height]).toEqual([card.width, card.height]);
      expect((await sharp(path.join(outDir, card.png)).metadata()).format).toBe("png");
      expect(card.alt.length).toBeGreaterThan(10);
      if (card.jpeg) expect((await readFile(path.join(outDir, card.jpeg))).length).toBeLessThan((await readFile(path.join(outDir, card.png))).length);
    }
  });

  it("renders no card when nothing changed, and only the changed page's cards otherwise", async () => {
    const again = await renderCards(model, outDir, { cacheDir });
    expect(again.rendered).toBe(0);
    expect(again.reused).toBe(cards.size);

    const radverkehr = model.campaigns.find((c) => c.slug === "radverkehr")!;
    const changed: SiteModel = {
      ...model,
      campaigns: model.campaigns.map((c) =>
        c !== radverkehr ? c : { ...c, pages: c.pages.map((p) => (p.id === "hintergrund" ? { ...p, title: { de: "Warum wir fragen", en: "Why we ask" } } : p)) },
      ),
    };
    // A copy of the site, so the other tests still find the original cards.
    const copy = `${outDir}-changed`;
    await cp(outDir, copy, { recursive: true });
    const after = await renderCards(changed, copy, { cacheDir });
    expect(after.rendered).toBe(2); // the page in German and in English
    expect(after.cards.get("/radverkehr/hintergrund/")!.path).not.toBe(cards.get("/radverkehr/hintergrund/")!.path);
    // The old card is gone from the site; the unchanged ones stayed.
    expect(existsSync(path.join(copy, cards.get("/radverkehr/hintergrund/")!.path))).toBe(false);
    expect(existsSync(path.join(copy, cards.get("/marktplatz/")!.path))).toBe(true);
  });

  it("renders a card again when its file was deleted from the cache, and the site gets it", async () => {
    const card = cards.get("/marktplatz/")!;
    const cached = (await readdir(cacheDir)).filter((f) => f.startsWith(path.basename(card.path).split(".")[1]!) && f.endsWith(".png"));
    expect(cached).toHaveLength(1);
    await rm(path.join(cacheDir, cached[0]!));
    const fresh = `${outDir}-fresh`;
    const again = await renderCards(model, fresh, { cacheDir });
    expect(again.rendered).toBe(1);
    expect((await sharp(path.join(fresh, card.path)).metadata()).width).toBe(1200);
  });
});

describe("legibility", () => {
  it("keeps 4.5:1 between the white text and every pixel behind the text column", async () => {
    const renderer = await CardRenderer.create(cacheDir);
    for (const page of cardPages(model).filter((p) => p.url === "/" || p.url.endsWith("/karte/") || p.url === "/radverkehr/en/")) {
      for (const format of ["link", "portrait"] as const) {
        const { png } = await renderer.render(page.content, format, { withoutText: true });
        const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
        const { text } = cardGeometry(format, page.content.hero !== undefined);
        let worst = 21;
        // Below the logo row, where the kicker, title, subtitle and footer sit (the pill is white with primary text).
        for (let y = text.top + 100; y < text.top + text.height - 80; y += 3) {
          for (let x = text.left; x < text.left + text.width; x += 3) {
            const i = (y * info.width + x) * info.channels;
            worst = Math.min(worst, contrast([255, 255, 255], [data[i]!, data[i + 1]!, data[i + 2]!]));
          }
        }
        expect(worst, `${page.name} ${format}`).toBeGreaterThanOrEqual(4.5);
      }
    }
    const primary = model.campaigns[0]!.theme.primary.match(/[0-9a-f]{2}/gi)!.map((h) => parseInt(h, 16));
    expect(contrast(primary, [255, 255, 255])).toBeGreaterThanOrEqual(4.5);
  });
});

/**
 * Compares a rendered image, scaled to the reference width, with test/reference/cards/<name>.png;
 * writes the reference when asked to (UPDATE_REFERENCES=1) or when there is none yet.
 */
async function matchReference(name: string, png: Buffer): Promise<void> {
  const actual = await sharp(png).resize({ width: REFERENCE_WIDTH }).png({ compressionLevel: 9 }).toBuffer();
  await expectLikeReference(actual, { reference: path.join(REFERENCES, `${name}.png`), diffDir: outDir, name });
}

describe("laying the words onto the backdrop", () => {
  it("gives what libvips' composite gives, to within one level, for every opacity over every shade", async () => {
    // A layer with each of the 256 opacities in each of 4 colours, over a backdrop of every shade.
    const width = 256;
    const height = 16;
    const layer = Buffer.alloc(width * height * 4);
    const backdrop = Buffer.alloc(width * height * 3);
    const colours = [[255, 255, 255], [0, 0, 0], [200, 30, 90], [17, 180, 240]];
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const p = y * width + x;
        layer.set([...colours[y % 4]!, x], p * 4);
        backdrop.set([(x * 7 + y * 31) % 256, (x * 3 + y * 11) % 256, (255 - x + y) % 256], p * 3);
      }
    }
    const raw = { raw: { width, height, channels: 3 as const } };
    const expected = await sharp(backdrop, raw)
      .composite([{ input: await sharp(layer, { raw: { width, height, channels: 4 } }).png().toBuffer(), top: 0, left: 0 }])
      .removeAlpha()
      .raw()
      .toBuffer();
    const ours = Buffer.from(backdrop);
    blendOnto(ours, layer);
    let worst = 0;
    for (let i = 0; i < ours.length; i++) worst = Math.max(worst, Math.abs(ours[i]! - expected[i]!));
    expect(worst).toBeLessThanOrEqual(1);
    // Fully transparent leaves the backdrop, fully opaque is the layer's colour.
    expect([...ours.subarray(0, 3)]).toEqual([...backdrop.subarray(0, 3)]);
    expect([...ours.subarray(255 * 3, 256 * 3)]).toEqual([255, 255, 255]);
  });

  it("refuses a layer of another size", () => {
    expect(() => blendOnto(Buffer.alloc(30), Buffer.alloc(36))).toThrow(/does not fit/);
  });
});

describe("reference cards", () => {
  it("match test/reference/cards/ (set UPDATE_REFERENCES=1 to accept an intended change)", async () => {
    await mkdir(REFERENCES, { recursive: true });
    for (const page of cardPages(model)) {
      await matchReference(page.name, await readFile(path.join(outDir, cards.get(page.url)!.png)));
    }
  });

  it("match for every format a post's pictures come in: square, 4:5, carousel slide, story with its sticker place, Reel cover", async () => {
    const renderer = await CardRenderer.create(cacheDir);
    const marktplatz = model.campaigns.find((c) => c.slug === "marktplatz")!;
    const radverkehr = model.campaigns.find((c) => c.slug === "radverkehr")!;
    const post = (campaign: typeof marktplatz, id: string) => campaign.social.posts.find((p) => p.id === id)!;
    const start = postCard(marktplatz, post(marktplatz, "start"), "de").content;
    const walk = post(marktplatz, "spaziergang");
    const slide = { ...postCard(marktplatz, walk, "de").content, title: walk.slides[1]!.title!.de!, subtitle: walk.slides[1]!.subtitle!.de!, period: undefined };
    // English: the longest addresses, which the portrait and the story used to leave off.
    const english = postCard(radverkehr, post(radverkehr, "endspurt"), "en").content;
    const images: [string, CardContent, CardFormat][] = [
      ["post-marktplatz-start-square-de", start, "square"],
      ["post-marktplatz-start-portrait-de", start, "portrait"],
      ["post-marktplatz-start-story-de", { ...start, stickerLabel: "Link-Sticker" }, "story"],
      ["post-marktplatz-start-reel-de", start, "reel"],
      ["post-marktplatz-spaziergang-slide2-de", slide, "portrait"],
      ["post-radverkehr-endspurt-portrait-en", english, "portrait"],
      ["post-radverkehr-endspurt-story-en", { ...english, stickerLabel: "Link sticker" }, "story"],
    ];
    for (const [name, content, format] of images) await matchReference(name, (await renderer.render(content, format)).png);
  });

  it("notices a changed title", async () => {
    const renderer = await CardRenderer.create(cacheDir);
    const landing = cardPages(model).find((p) => p.url === "/marktplatz/")!;
    const changed = await renderer.render({ ...landing.content, title: "Neugestaltung Rathausplatz" }, "link");
    const a = PNG.sync.read(await sharp(changed.png).resize({ width: REFERENCE_WIDTH }).png().toBuffer());
    const b = PNG.sync.read(await readFile(path.join(REFERENCES, `${landing.name}.png`)));
    const different = pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: 0.1 });
    expect(different).toBeGreaterThan(a.width * a.height * MAX_DIFFERENT_PIXELS);
  });
});
