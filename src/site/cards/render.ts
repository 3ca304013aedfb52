// One card from content to image files. Satori lays out the words and draws them as SVG paths;
// sharp rasterises that SVG over a backdrop (colour, photo under its veil, logo tile) that is made
// once per campaign and size. librsvg is slow at full-size gradients and embedded pictures, so the
// SVG holds nothing but text: a card then costs one small SVG and its encodes.
import { readFile } from "node:fs/promises";
import os from "node:os";
import type satoriType from "satori";
import sharp from "sharp";
import { parseHex } from "../../campaign/contrast.js";
import { MitredenError } from "../../errors.js";
import { cardColors } from "./colors.js";
import type { CardContent } from "./content.js";
import { cardFonts, type CardFont } from "./fonts.js";
import { FORMATS, type CardFormat } from "./formats.js";
import { cardGeometry, layoutCard, logoTile, veilAt, type CardLayout } from "./layout.js";
import { fontMetrics, type FontMetrics } from "./metrics.js";

export interface RenderedImage {
  png: Buffer;
  /** A lossy copy, only when smaller than the PNG (cards with a photo). */
  jpeg?: Buffer;
}

export interface RenderOptions {
  /** Draw everything but the words: the contrast test samples what lies behind them. */
  withoutText?: boolean;
}

/** A picture of the campaign that cannot be read (a broken or missing file). */
export class CardPictureError extends MitredenError {}

interface Logo {
  png: Buffer;
  width: number;
  height: number;
}

/** Fonts, metrics and prepared pictures, shared by all cards of a build. */
export class CardRenderer {
  private readonly prepared = new Map<string, Promise<unknown>>();

  private constructor(
    private readonly fonts: CardFont[],
    private readonly metrics: { regular: FontMetrics; semibold: FontMetrics },
  ) {}

  static async create(cacheDir: string): Promise<CardRenderer> {
    const fonts = await cardFonts(cacheDir);
    const face = (weight: number) => fonts.find((f) => f.weight === weight)!.data;
    return new CardRenderer(fonts, { regular: fontMetrics(face(400)), semibold: fontMetrics(face(600)) });
  }

  /** The words of the card as a Satori tree and where they went; throws CardTextTooLongError when the title cannot fit. */
  async layout(content: CardContent, format: CardFormat): Promise<CardLayout> {
    const logo = content.logo ? await this.logo(content.logo) : undefined;
    return layoutCard({
      content,
      format,
      colors: cardColors(content.theme),
      metrics: this.metrics,
      logo,
      hasHero: content.hero !== undefined,
    });
  }

  async render(content: CardContent, format: CardFormat, options: RenderOptions = {}): Promise<RenderedImage> {
    const { width, height } = FORMATS[format];
    const { node, logoAt } = await this.layout(content, format);
    const backdrop = await this.backdrop(content, format, logoAt);
    const raw = { raw: { width, height, channels: 3 as const } };
    if (options.withoutText) return { png: await sharp(backdrop, raw).png().toBuffer() };

    // Satori's types ask for React elements; its object form is the same shape without React.
    // satori loads only when a card must be drawn: a rebuild with nothing changed never needs it.
    const { default: satori } = await import("satori");
    const svg = Buffer.from(await satori(node as unknown as Parameters<typeof satoriType>[0], { width, height, fonts: this.fonts }));
    // librsvg draws the words; laying them onto the backdrop here costs a fifth of what libvips'
    // composite does (it works in floating point over every pixel, most of which no word covers).
    const words = await sharp(svg).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    if (words.info.width !== width || words.info.height !== height) throw new Error(`the text layer came out ${words.info.width}×${words.info.height}, not ${width}×${height}`);
    const flat = Buffer.from(backdrop);
    blendOnto(flat, words.data);
    if (!content.hero) return { png: await sharp(flat, raw).png({ compressionLevel: 6 }).toBuffer() };

    // With a photo the PNG grows to ~0.6 MB and the JPEG (~0.1 MB) is kept beside it. WebP would be
    // smaller still, but costs as much again to encode and not every platform accepts it.
    const [png, jpeg] = await Promise.all([
      sharp(flat, raw).png({ compressionLevel: 3, adaptiveFiltering: false }).toBuffer(),
      sharp(flat, raw).jpeg({ quality: 85 }).toBuffer(),
    ]);
    return { png, jpeg: jpeg.length < png.length ? jpeg : undefined };
  }

  /**
   * Everything beneath the words, as raw RGB, made once per campaign and size: the campaign colour;
   * with a photo, the photo under a veil of that colour (landscape) or above the colour (tall);
   * the logo on its white tile.
   */
  private backdrop(content: CardContent, format: CardFormat, logoAt: { left: number; top: number } | undefined): Promise<Buffer> {
    const colors = cardColors(content.theme);
    const key = `backdrop:${format}:${content.hero}:${content.logo}:${logoAt?.left}:${logoAt?.top}:${colors.background}:${colors.veil}:${colors.accent}`;
    return this.memo(key, async () => {
      const f = FORMATS[format];
      const base = content.hero
        ? await this.veiledPhoto(content.hero, format, colors.background, colors.veil)
        : Buffer.alloc(f.width * f.height * 3);
      if (!content.hero) paint(base, f.width, 0, f.height, () => 1, parseHex(colors.background));
      paint(base, f.width, f.height - f.stripe, f.height, () => 1, parseHex(colors.accent));
      if (!content.logo || !logoAt) return base;

      const logo = await this.logo(content.logo);
      const tile = logoTile(logo, f.logoBox);
      const { left, top } = logoAt;
      const tileSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="${tile.width}" height="${tile.height}"><rect width="100%" height="100%" rx="12" fill="#fff"/></svg>`;
      const picture = await sharp(logo.png).resize(tile.logo.width, tile.logo.height).toBuffer();
      return sharp(base, { raw: { width: f.width, height: f.height, channels: 3 } })
        .composite([
          { input: Buffer.from(tileSvg), left, top },
          { input: picture, left: left + tile.logo.left, top: top + tile.logo.top },
        ])
        .removeAlpha()
        .raw()
        .toBuffer();
    });
  }

  private async veiledPhoto(hero: string, format: CardFormat, background: string, veil: number): Promise<Buffer> {
    const { width, height, orientation } = FORMATS[format];
    const photoHeight = cardGeometry(format, true).heroHeight || height;
    const photo = await sharp(await readPicture(hero)).resize(width, photoHeight, { fit: "cover" }).removeAlpha().raw().toBuffer();
    const out = Buffer.alloc(width * height * 3);
    photo.copy(out);
    const color = parseHex(background);
    if (orientation === "landscape") paint(out, width, 0, height, (x) => veilAt(x, format, veil), color);
    else paint(out, width, photoHeight, height, () => 1, color);
    return out;
  }

  /** The logo as a PNG, drawn large enough for the biggest tile; SVG logos are rasterised sharp. */
  private logo(file: string): Promise<Logo> {
    return this.memo(`logo:${file}`, async () => {
      const png = await sharp(await readPicture(file), { density: 288 })
        .resize({ height: 160, withoutEnlargement: false })
        .png()
        .toBuffer({ resolveWithObject: true });
      return { png: png.data, width: png.info.width, height: png.info.height };
    });
  }

  private memo<T>(key: string, make: () => Promise<T>): Promise<T> {
    let value = this.prepared.get(key) as Promise<T> | undefined;
    if (!value) {
      value = make();
      this.prepared.set(key, value);
    }
    return value;
  }
}

/** Lays `color` at opacity alpha(x) over rows [fromY, toY) of a raw RGB image, in sRGB as browsers do. */
function paint(image: Buffer, width: number, fromY: number, toY: number, alpha: (x: number) => number, color: number[]): void {
  const alphas = Float64Array.from({ length: width }, (_, x) => alpha(x));
  if (alphas.every((a) => a === 1)) {
    image.fill(Buffer.from(color), fromY * width * 3, toY * width * 3);
    return;
  }
  // Per column: the colour's share and what is left of the pixel beneath (the same arithmetic as
  // a * colour + (1 − a) * pixel, so the veil's contrast is what veilAt computed).
  const share = new Float64Array(width * 3);
  const rest = new Float64Array(width);
  for (let x = 0; x < width; x++) {
    rest[x] = 1 - alphas[x]!;
    for (let c = 0; c < 3; c++) share[x * 3 + c] = alphas[x]! * color[c]!;
  }
  for (let y = fromY; y < toY; y++) {
    const row = y * width * 3;
    for (let x = 0; x < width; x++) {
      const i = row + x * 3;
      const k = rest[x]!;
      image[i] = Math.round(share[x * 3]! + k * image[i]!);
      image[i + 1] = Math.round(share[x * 3 + 1]! + k * image[i + 1]!);
      image[i + 2] = Math.round(share[x * 3 + 2]! + k * image[i + 2]!);
    }
  }
}

/**
 * Lays a straight-alpha RGBA layer (the words) onto a raw RGB image of the same size, in place,
 * rounding as libvips' "over" does to within one level.
 */
export function blendOnto(image: Buffer, layer: Buffer): void {
  if (layer.length !== (image.length / 3) * 4) throw new Error(`a layer of ${layer.length} bytes does not fit an image of ${image.length}`);
  // Most of the layer is empty: its pixels are read four bytes at a time (alpha is the top byte
  // of a little-endian word), and only those with some alpha are read byte by byte.
  const aligned = layer.byteOffset % 4 === 0 && os.endianness() === "LE";
  const words = aligned ? new Uint32Array(layer.buffer, layer.byteOffset, layer.length / 4) : undefined;
  const pixels = layer.length / 4;
  for (let p = 0; p < pixels; p++) {
    if (words ? words[p]! < 0x1000000 : layer[p * 4 + 3] === 0) continue;
    const i = p * 4;
    const j = p * 3;
    const a = layer[i + 3]!;
    if (a === 255) {
      image[j] = layer[i]!;
      image[j + 1] = layer[i + 1]!;
      image[j + 2] = layer[i + 2]!;
      continue;
    }
    const b = 255 - a;
    image[j] = ((layer[i]! * a + image[j]! * b + 127) / 255) | 0;
    image[j + 1] = ((layer[i + 1]! * a + image[j + 1]! * b + 127) / 255) | 0;
    image[j + 2] = ((layer[i + 2]! * a + image[j + 2]! * b + 127) / 255) | 0;
  }
}

async function readPicture(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new CardPictureError(`Cannot read ${file} for the share cards: ${(error as Error).message}. Check the path in campaign.json.`, {
      cause: error,
    });
  }
}
