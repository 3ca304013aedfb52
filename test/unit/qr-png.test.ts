// The poster's QR code PNG is drawn by our own loop and encoded by sharp (src/site/social/qr.ts),
// not by qrcode's JavaScript PNG writer: it must be the very picture qrcode would have drawn, pixel
// for pixel, or printed codes could stop scanning.
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import QRCode from "qrcode";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { QR_OPTIONS, writeQrCode } from "../../src/site/social/qr.js";
import { tempDir } from "./cards-helpers.js";

async function grey(png: Buffer) {
  return sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
}

afterAll(() => {
  delete process.env.MITREDEN_CACHE_DIR;
});

describe("QR code PNG", () => {
  it.each([
    "https://www.stadt-koeln.de/l/marktplatz-qr",
    "https://beteiligung.example/l/ein-langer-link-zur-umfrage-ueber-den-marktplatz-qr-en",
    `https://beteiligung.example/${"x".repeat(400)}`,
  ])("is qrcode's own 1200 px picture of %s", async (url) => {
    const dir = await tempDir("qr-png");
    await mkdir(dir, { recursive: true });
    // An empty cache of its own: a code cached by an earlier build would hide what is drawn now.
    process.env.MITREDEN_CACHE_DIR = path.join(dir, "cache");
    const files = await writeQrCode(url, dir, "code");
    const ours = await grey(await readFile(files.png));
    const theirs = await grey(await QRCode.toBuffer(url, { ...QR_OPTIONS, type: "png", width: 1200 }));
    expect([ours.info.width, ours.info.height]).toEqual([1200, 1200]);
    expect([theirs.info.width, theirs.info.height]).toEqual([1200, 1200]);
    let differing = 0;
    for (let i = 0; i < ours.data.length; i++) if (ours.data[i] !== theirs.data[i]) differing++;
    expect(differing).toBe(0);
    expect(path.extname(files.png)).toBe(".png");
  });
});
