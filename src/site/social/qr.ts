// QR codes for posters and flyers: one per page and language, holding the page's short link (the
// collector counts it as a visit from print and sends people on to the page with utm_medium=print),
// or the page's print link itself when the campaign has no short links. Error correction M (15 % may
// be damaged or covered) and the standard quiet zone of four modules, as scanners expect.
import path from "node:path";
import { hashOf, placeCached } from "../../build-cache.js";

export const QR_OPTIONS = { errorCorrectionLevel: "M", margin: 4 } as const;

/** What people type when they cannot scan: the address without scheme and trailing slash. */
export function shortUrl(baseUrl: string, pagePath: string): string {
  return (baseUrl + pagePath).replace(/^https?:\/\//, "").replace(/\/$/, "");
}

/** Writes `<dir>/<name>.svg` and `<dir>/<name>.png` (1200 px, for print at ~10 cm and 300 dpi); `dir` must exist. */
export async function writeQrCode(url: string, dir: string, name: string): Promise<{ svg: string; png: string }> {
  // The same URL always gives the same picture: the SVG's mask search costs ~10 ms, times every page
  // and language of every campaign.
  const key = hashOf(url, JSON.stringify(QR_OPTIONS));
  const files = { svg: path.join(dir, `${name}.svg`), png: path.join(dir, `${name}.png`) };
  const colors = { dark: "#000000", light: "#ffffff" };
  const qr = async () => (await import("qrcode")).default; // loaded only when a code is not cached
  await Promise.all([
    placeCached(`qr-${key}.svg`, async () => Buffer.from(await (await qr()).toString(url, { ...QR_OPTIONS, type: "svg", color: colors })), files.svg),
    placeCached(`qr-${hashOf(url, JSON.stringify(QR_OPTIONS), String(PNG_WIDTH))}.png`, async () => qrPng((await qr()).create(url, QR_OPTIONS).modules, PNG_WIDTH), files.png),
  ]);
  return files;
}

const PNG_WIDTH = 1200;

/**
 * The code's modules as a black-and-white PNG `width` pixels wide, quiet zone included. qrcode's own
 * PNG writer filters and deflates in JavaScript on the build's main thread: 2.9 s of a 9 s cold build
 * for the examples' codes. sharp encodes the same picture in its thread pool in milliseconds. Each
 * pixel takes the module it falls in, as qrcode draws it (a module is width / modules px wide).
 */
async function qrPng(modules: { size: number; data: Uint8Array }, width: number): Promise<Buffer> {
  const { default: sharp } = await import("sharp");
  const scale = width / (modules.size + QR_OPTIONS.margin * 2);
  const margin = QR_OPTIONS.margin * scale;
  // One grey channel: 0 black, 255 white.
  const pixels = Buffer.alloc(width * width, 255);
  for (let y = Math.ceil(margin); y < width - margin; y++) {
    const row = Math.floor((y - margin) / scale) * modules.size;
    for (let x = Math.ceil(margin); x < width - margin; x++) {
      if (modules.data[row + Math.floor((x - margin) / scale)]) pixels[y * width + x] = 0;
    }
  }
  return sharp(pixels, { raw: { width, height: width, channels: 1 } }).png({ palette: true, colours: 2 }).toBuffer();
}
