// Long German titles wrap between words, shrink rather than overflow, and never lose a line.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { CampaignModel } from "../../src/campaign/model.js";
import { cardPages, innerPage } from "../../src/site/cards/content.js";
import { CARD_FORMATS, centreSquare } from "../../src/site/cards/formats.js";
import { postCard } from "../../src/site/social/posts.js";
import { fitText } from "../../src/site/cards/fit-text.js";
import { cardFonts } from "../../src/site/cards/fonts.js";
import { CardTextTooLongError, cardGeometry } from "../../src/site/cards/layout.js";
import { fontMetrics, type FontMetrics } from "../../src/site/cards/metrics.js";
import { CardRenderer } from "../../src/site/cards/render.js";
import { exampleModel, tempDir } from "./cards-helpers.js";

const LONG_TITLE = "Neugestaltung des Marktplatzes und der angrenzenden Fußgängerzone";

let semibold: FontMetrics;
let renderer: CardRenderer;
let marktplatz: CampaignModel;
let cacheDir: string;

beforeAll(async () => {
  cacheDir = await tempDir("cards-layout");
  const fonts = await cardFonts(cacheDir);
  semibold = fontMetrics(fonts.find((f) => f.weight === 600)!.data);
  renderer = await CardRenderer.create(cacheDir);
  marktplatz = (await exampleModel()).campaigns.find((c) => c.slug === "marktplatz")!;
});

function withTitle(title: string, subtitle?: string) {
  const page = { ...marktplatz.pages[0]!, title: { de: title }, card: subtitle ? { subtitle: { de: subtitle } } : undefined };
  return innerPage(marktplatz, "de", page).content;
}

describe("fitting a title", () => {
  const box = { width: 776, height: 250, maxLines: 4, maxSize: 72, minSize: 36, lineHeight: 1.12 };

  it("breaks a long German title between words only, and every line fits", () => {
    const fitted = fitText(LONG_TITLE, semibold, box)!;
    expect(fitted.hyphenated).toBe(false);
    expect(fitted.lines.join(" ")).toBe(LONG_TITLE);
    for (const line of fitted.lines) expect(semibold.width(line, fitted.fontSize)).toBeLessThanOrEqual(box.width);
    expect(fitted.height).toBeLessThanOrEqual(box.height);
  });

  it("shrinks the font before it drops or cuts anything", () => {
    const roomy = fitText("Radfahren in Musterstadt", semibold, box)!;
    const long = fitText(LONG_TITLE, semibold, box)!;
    expect(roomy.fontSize).toBe(72);
    expect(long.fontSize).toBeLessThan(72);
  });

  it("hyphenates a word no line can hold, at a syllable, and keeps every letter", () => {
    const word = "Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung";
    const fitted = fitText(word, semibold, { ...box, width: 600 })!;
    expect(fitted.hyphenated).toBe(true);
    expect(fitted.lines.length).toBeGreaterThan(1);
    expect(fitted.lines.slice(0, -1).every((l) => l.endsWith("-"))).toBe(true);
    expect(fitted.lines.map((l) => l.replace(/-$/, "")).join("")).toBe(word);
    for (const line of fitted.lines) expect(semibold.width(line, fitted.fontSize)).toBeLessThanOrEqual(600);
  });

  it("refuses a title that cannot fit, naming the fix", async () => {
    const endless = Array.from({ length: 40 }, () => "Bürgerbeteiligung").join(" ");
    await expect(renderer.layout(withTitle(endless), "link")).rejects.toThrow(CardTextTooLongError);
    await expect(renderer.layout(withTitle(endless), "link")).rejects.toThrow(/"card": \{ "title"/);
  });
});

describe("a card with a long German title", () => {
  it("renders in every size, lines inside the text column", async () => {
    const dir = path.join(await tempDir("cards-long"), "out");
    await mkdir(dir, { recursive: true });
    const content = withTitle(LONG_TITLE, "Sagen Sie uns bis zum 15. April, was Ihnen wichtig ist");
    for (const format of ["link", "square", "portrait", "story", "reel"] as const) {
      const image = await renderer.render(content, format);
      const file = path.join(dir, `long-${format}.png`);
      await sharp(image.png).toFile(file);
      const meta = await sharp(image.png).metadata();
      expect([meta.width, meta.height]).toEqual(format === "link" ? [1200, 630] : format === "square" ? [1080, 1080] : format === "portrait" ? [1080, 1350] : [1080, 1920]);
      const node = JSON.stringify((await renderer.layout(content, format)).node);
      // Every word of the title is on the card, none split.
      for (const word of LONG_TITLE.split(" ")) expect(node).toContain(word);
      expect(cardGeometry(format, true).text.width).toBeGreaterThan(0);
    }
  });
});

describe("every format of every card", () => {
  const contents = async () => {
    const model = await exampleModel();
    const pages = cardPages(model).map((p) => p.content);
    // The posts' own cards too: their words, their slides, in every language.
    const posts = model.campaigns.flatMap((c) => c.social.posts.flatMap((post) => c.locales.map((l) => postCard(c, post, l).content)));
    return [...pages, ...posts];
  };

  it("carries the web address, whole, so people find the page without a link", async () => {
    for (const content of await contents()) {
      for (const format of CARD_FORMATS) {
        const { address } = await renderer.layout(content, format);
        expect(address.join(""), `${content.address} ${format}`).toBe(content.address);
      }
    }
  });

  it("keeps the headline inside the centre square, which chat apps crop as a thumbnail", async () => {
    for (const content of await contents()) {
      for (const format of CARD_FORMATS) {
        const { headline } = await renderer.layout(content, format);
        const square = centreSquare(format);
        const where = `${content.title} ${format}`;
        expect(headline.left, where).toBeGreaterThanOrEqual(square.left);
        expect(headline.left + headline.width, where).toBeLessThanOrEqual(square.left + square.size);
        expect(headline.top, where).toBeGreaterThanOrEqual(square.top);
        expect(headline.top + headline.height, where).toBeLessThanOrEqual(square.top + square.size);
      }
    }
  });

  it("keeps words out of a story's top 250 and bottom 340 px and a Reel cover's bottom 35 %, and marks the link sticker's place", async () => {
    const content = { ...withTitle(LONG_TITLE, "Sagen Sie uns bis zum 15. April, was Ihnen wichtig ist"), stickerLabel: "Link-Sticker" };
    for (const [format, bottom] of [["story", 1920 - 340], ["reel", Math.round(1920 * 0.65)]] as const) {
      for (const hero of [true, false]) {
        const layout = await renderer.layout(hero ? content : { ...content, hero: undefined }, format);
        const boxes = [layout.headline, ...(layout.sticker ? [layout.sticker] : [])];
        const text = cardGeometry(format, hero).text;
        expect(text.top, format).toBeGreaterThanOrEqual(250);
        expect(text.top + text.height, format).toBeLessThanOrEqual(bottom);
        for (const box of boxes) {
          expect(box.top, format).toBeGreaterThanOrEqual(250);
          expect(box.top + box.height, format).toBeLessThanOrEqual(bottom);
        }
      }
    }
    const story = await renderer.layout(content, "story");
    expect(story.sticker).toBeDefined();
    // Between the headline and the footer, so the sticker covers no words.
    expect(story.sticker!.top).toBeGreaterThan(story.headline.top + story.headline.height);
    expect(JSON.stringify(story.node)).toContain("Link-Sticker");
    expect((await renderer.layout(content, "reel")).sticker).toBeUndefined();
  });

  it("breaks an address too long for one line after a slash", async () => {
    const content = { ...withTitle("Radfahren"), address: "mitreden.musterstadt-an-der-mustermuendung.de/radverkehrskonzept-2035/en/umfrage-zum-radverkehr" };
    const { address } = await renderer.layout(content, "link");
    expect(address).toHaveLength(2);
    expect(address[0]!.endsWith("/")).toBe(true);
    expect(address.join("")).toBe(content.address);
  });
});
