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
  // The same URL always gives the same picture: encoding a 1200 px PNG takes about a second, and
  // even the SVG's mask search costs ~10 ms, times every page and language of every campaign.
  const key = hashOf(url, JSON.stringify(QR_OPTIONS));
  const files = { svg: path.join(dir, `${name}.svg`), png: path.join(dir, `${name}.png`) };
  const colors = { dark: "#000000", light: "#ffffff" };
  const qr = async () => (await import("qrcode")).default; // loaded only when a code is not cached
  await Promise.all([
    placeCached(`qr-${key}.svg`, async () => Buffer.from(await (await qr()).toString(url, { ...QR_OPTIONS, type: "svg", color: colors })), files.svg),
    placeCached(`qr-${hashOf(url, JSON.stringify(QR_OPTIONS), "1200")}.png`, async () => (await qr()).toBuffer(url, { ...QR_OPTIONS, type: "png", width: 1200, color: colors }), files.png),
  ]);
  return files;
}
