// Share cards: one 1200 × 630 image per public page and locale, for Open Graph and Twitter, plus the
// other sizes the social-media kit offers. Rendered at build time without a browser (Satori → SVG,
// sharp → PNG) and cached by what they show (docs/adr/004-share-cards.md).
import { createHash } from "node:crypto";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { SiteModel } from "../../campaign/model.js";
import { linkOrCopy } from "../../build-cache.js";
import { MitredenError } from "../../errors.js";
import { limiter, pool } from "../../parallel.js";
import { CardCache } from "./cache.js";
import { cardAlt, cardPages, type CardContent } from "./content.js";
import { cardFonts } from "./fonts.js";
import { FORMATS, type CardFormat } from "./formats.js";
import type { CardRenderer } from "./render.js";

export { shareMeta, shareMetaForRoute, type ShareMeta, type ShareMetaInput, type ShareRoute } from "./share-meta.js";
export { cardPages, landingPage, innerPage, cardAlt, photo, type CardContent, type CardPage } from "./content.js";
export { CARD_FORMATS, FORMATS, centreSquare, type CardFormat } from "./formats.js";

export interface ShareCard {
  /**
   * Root-relative URL of the image og:image names, e.g. /assets/cards/marktplatz-umfrage-de.3f2a9c1b.jpg:
   * the JPEG where it is at most half the PNG's size (cards with a photo), else the PNG.
   */
  path: string;
  width: number;
  height: number;
  type: "image/png" | "image/jpeg";
  alt: string;
  /** The PNG, always there (sharpest letters; for download in the kit). */
  png: string;
  /** The same card as JPEG, when that is smaller (cards with a photo). */
  jpeg?: string;
  /** Sizes of the files in bytes. */
  bytes: { png: number; jpeg?: number };
}

/**
 * og:image is the JPEG when it is at most this share of the PNG. A card with a photo is a ~0.6 MB
 * PNG and a ~0.1 MB JPEG: chat apps (WhatsApp) drop link previews whose image is too large, so the
 * JPEG wins. A card of flat colour and words is a small PNG, and JPEG would only blur its letters.
 */
export const JPEG_SHARE_LIMIT = 0.5;

export interface CardOptions {
  /** Where rendered cards are kept between builds; default .cache/mitreden/cards under the working directory. */
  cacheDir?: string;
  /** One cache opened for a whole build (share cards and every kit); without it each call opens and closes its own. */
  session?: CardSession;
  /** Cards rendered at once; default one per core. Cached ones are placed many at a time. */
  concurrency?: number;
  /** After each card, for progress output: how many are done of how many. */
  onCard?: (done: number, total: number) => void;
}

export interface CardRun {
  rendered: number;
  reused: number;
  ms: number;
  /** Render time of each card that was rendered, in ms (for the benchmark). */
  timings: number[];
}

/** One image to produce: its file name stem, what it shows and its size. */
export interface CardRequest {
  name: string;
  content: CardContent;
  format: CardFormat;
}

export const DEFAULT_CACHE_DIR = path.join(".cache", "mitreden", "cards");
const CARD_FILE = /^[a-z0-9-]+\.[0-9a-f]{8}\.(png|jpg)$/i;

/** A card that could not be made; names the page and keeps the cause. */
export class ShareCardError extends MitredenError {}

/** Renders (or reuses) the share card of every public page into `<outDir>/assets/cards/`. */
export async function renderCards(
  model: SiteModel,
  outDir: string,
  opts: CardOptions = {},
): Promise<{ cards: Map<string, ShareCard> } & CardRun> {
  const pages = cardPages(model);
  const requests = pages.map((page): CardRequest => ({ name: page.name, content: page.content, format: "link" }));
  const result = await renderCardImages(requests, path.join(outDir, "assets", "cards"), "/assets/cards/", opts);
  const cards = new Map<string, ShareCard>();
  const dir = path.join(outDir, "assets", "cards");
  const size = async (url: string | undefined) => (url ? (await stat(path.join(dir, path.posix.basename(url)))).size : undefined);
  await pool(pages, 16, async (page, i) => {
    const image = result.images[i]!;
    const bytes = { png: (await size(image.path))!, jpeg: await size(image.jpeg) };
    const jpeg = image.jpeg && bytes.jpeg !== undefined && bytes.jpeg <= bytes.png * JPEG_SHARE_LIMIT;
    cards.set(page.url, {
      path: jpeg ? image.jpeg! : image.path,
      type: jpeg ? "image/jpeg" : "image/png",
      width: 1200,
      height: 630,
      alt: image.alt,
      png: image.path,
      jpeg: image.jpeg,
      bytes,
    });
  });
  return { cards, rendered: result.rendered, reused: result.reused, ms: result.ms, timings: result.timings };
}

export interface CardImage {
  /** Root-relative URL of the PNG. */
  path: string;
  jpeg?: string;
  width: number;
  height: number;
  alt: string;
  /** Credit of the photo on it, if it shows one. */
  credit?: string;
}

/** The card cache and renderer of one build: the manifest is read once and written once. */
export interface CardSession {
  cacheDir: string;
  cache: CardCache;
  renderer?: Promise<CardRenderer>;
}

export async function openCardSession(cacheDir: string = DEFAULT_CACHE_DIR): Promise<CardSession> {
  const dir = path.resolve(cacheDir);
  const fonts = await cardFonts(dir);
  const fontHash = fonts.reduce((hash, font) => hash.update(font.data), createHash("sha256")).digest("hex");
  return { cacheDir: dir, cache: await new CardCache(dir, fontHash).open() };
}

/**
 * Renders what the cache lacks, copies every image into `targetDir` (served at `urlPrefix`) under
 * a name with its hash, and removes earlier builds' images from that folder.
 */
export async function renderCardImages(
  requests: CardRequest[],
  targetDir: string,
  urlPrefix: string,
  opts: CardOptions = {},
): Promise<{ images: CardImage[] } & CardRun> {
  const started = performance.now();
  const session = opts.session ?? (await openCardSession(opts.cacheDir));
  const { cache } = session;
  const timings: number[] = [];
  let reused = 0;
  await mkdir(targetDir, { recursive: true });

  // Satori works on the main thread while sharp encodes on libuv's threads, so one card per core
  // keeps both busy; taking a card from the cache is a file-system wait, so many go at once.
  const rendering = limiter(opts.concurrency ?? os.availableParallelism());
  let done = 0;
  const images = await pool(requests, 16, async (request): Promise<CardImage> => {
    const key = await cache.key(request.content, request.format);
    const stem = `${request.name}.${key.slice(0, 8)}`;
    const png = path.join(targetDir, `${stem}.png`);
    let held = cache.lookup(key);
    // Placing it is also the check that the cache still has the file (someone may have cleared it).
    if (held && !(await place(cache.file(key, "png"), png))) held = undefined;
    if (held) {
      reused++;
    } else {
      // Satori and sharp load only when a card must be drawn.
      session.renderer ??= import("./render.js").then(({ CardRenderer }) => CardRenderer.create(session.cacheDir));
      let image;
      let took = 0; // the card's own time, not its wait for a free core
      try {
        image = await rendering(async () => {
          const t = performance.now();
          const made = await (await session.renderer!).render(request.content, request.format);
          took = performance.now() - t;
          return made;
        });
      } catch (error) {
        throw new ShareCardError(`Could not make the image "${request.name}" (${request.format}): ${(error as Error).message}`, { cause: error });
      }
      const t = performance.now();
      await cache.store(key, image.png, image.jpeg);
      timings.push(took + performance.now() - t);
      held = { jpeg: image.jpeg !== undefined };
      if (!(await place(cache.file(key, "png"), png))) throw new ShareCardError(`The card cache lost "${request.name}" while it was being placed; build again.`);
    }
    if (held.jpeg) await place(cache.file(key, "jpg"), path.join(targetDir, `${stem}.jpg`));
    const { width, height } = FORMATS[request.format];
    opts.onCard?.(++done, requests.length);
    return {
      path: `${urlPrefix}${stem}.png`,
      jpeg: held.jpeg ? `${urlPrefix}${stem}.jpg` : undefined,
      width,
      height,
      alt: cardAlt(request.content),
      credit: request.content.hero ? request.content.credit : undefined,
    };
  });

  if (!opts.session) await cache.close();
  await removeStale(targetDir, new Set(images.flatMap((i) => [i.path, i.jpeg].filter(Boolean).map((p) => path.posix.basename(p!)))));
  return { images, rendered: timings.length, reused, ms: performance.now() - started, timings };
}

/** Puts a cached image into the site (a file of the same hash-name there is the same image). False when the cache lacks it. */
async function place(from: string, to: string): Promise<boolean> {
  try {
    await linkOrCopy(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

async function removeStale(dir: string, keep: Set<string>): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => CARD_FILE.test(n) && !keep.has(n)).map((n) => rm(path.join(dir, n), { force: true })));
}
