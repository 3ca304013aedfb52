// Validation tells an image from another file by its first bytes (src/campaign/checks/images.ts), so
// that loading a campaign needs no image library: every format the build encodes must pass, and a
// file that only carries an image's name must not.
import { writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { isImage } from "../../src/campaign/checks/images.js";
import { tempDir } from "./cards-helpers.js";

const PHOTO = "campaigns/marktplatz/media/hero-marktplatz.jpg";

describe("image check by the file's first bytes", () => {
  it.each(["jpeg", "png", "gif", "webp", "avif", "tiff"] as const)("%s written by sharp", async (format) => {
    const dir = await tempDir("image-sniff");
    const file = path.join(dir, `picture.${format}`);
    await sharp(PHOTO).resize(64).toFormat(format).toFile(file);
    // TIFF is no format the site shows: it must be refused like any other file.
    expect(await isImage(file)).toBe(format !== "tiff");
  });

  it("SVG logos, with or without XML declaration, comment or byte order mark", async () => {
    const dir = await tempDir("image-sniff");
    expect(await isImage("campaigns/media/musterstadt-logo.svg")).toBe(true);
    for (const [name, text] of [
      ["a.svg", '\uFEFF<?xml version="1.0"?>\n<!-- Logo -->\n<svg xmlns="http://www.w3.org/2000/svg"/>'],
      ["b.svg", "<svg viewBox='0 0 1 1'></svg>"],
    ]) {
      writeFileSync(path.join(dir, name!), text!);
      expect(await isImage(path.join(dir, name!))).toBe(true);
    }
  });

  it("refuses a PDF, text and an empty file named like pictures", async () => {
    const dir = await tempDir("image-sniff");
    for (const [name, bytes] of [
      ["plan.jpg", Buffer.from("%PDF-1.7\n%âãÏÓ\n")],
      ["notes.png", Buffer.from("Lageplan folgt\n")],
      ["empty.webp", Buffer.alloc(0)],
      ["html.svg", Buffer.from("<!DOCTYPE html><html><body><svg></svg></body></html>")],
    ] as const) {
      writeFileSync(path.join(dir, name), bytes);
      expect(await isImage(path.join(dir, name)), name).toBe(false);
    }
  });
});
