// Long German titles wrap between words, shrink rather than overflow, and never lose a line.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { CampaignModel } from "../../src/campaign/model.js";
import { innerPage } from "../../src/site/cards/content.js";
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
    for (const format of ["link", "square", "portrait", "story"] as const) {
      const image = await renderer.render(content, format);
      const file = path.join(dir, `long-${format}.png`);
      await sharp(image.png).toFile(file);
      const meta = await sharp(image.png).metadata();
      expect([meta.width, meta.height]).toEqual(format === "link" ? [1200, 630] : format === "square" ? [1080, 1080] : format === "portrait" ? [1080, 1350] : [1080, 1920]);
      const node = JSON.stringify(await renderer.layout(content, format));
      // Every word of the title is on the card, none split.
      for (const word of LONG_TITLE.split(" ")) expect(node).toContain(word);
      expect(cardGeometry(format, true).text.width).toBeGreaterThan(0);
    }
  });
});
