// Images: the file is there, inside the campaign, and really an image; and it has alt text unless
// it is decorative. A missing file would otherwise only surface as a failed build, and missing alt
// text as an accessibility audit failure much later.
import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { displayPath } from "../load.js";
import { didYouMean } from "../suggest.js";
import { isRecord, type CheckContext } from "./context.js";

const RASTER_FORMATS = new Set(["jpeg", "png", "webp", "gif", "avif", "heif"]);
export const IMAGE_FORMATS_IN_WORDS = "JPEG, PNG, WebP, AVIF, GIF or SVG";

export async function checkImages(ctx: CheckContext): Promise<void> {
  const seen = new Set<string>();
  for (const use of ctx.uses) {
    if (use.def !== "Image" || seen.has(use.pointer) || !isRecord(use.value)) continue;
    seen.add(use.pointer);
    const image = use.value;
    if (image.decorative !== true && image.alt === undefined) {
      ctx.error(use.pointer, 'missing "alt": describe what the image shows for people who cannot see it, or set "decorative": true if it adds nothing to the text');
    } else if (image.decorative === true && image.alt !== undefined) {
      ctx.warning(`${use.pointer}/alt`, '"alt" is not used: the image is marked "decorative": true, so screen readers skip it');
    }
    const problem = await fileProblem(ctx, `${use.pointer}/src`, "image");
    if (problem) ctx.error(`${use.pointer}/src`, problem);
  }
}

/**
 * Why the file named at `pointer` cannot be used: outside its folder, missing, or (for images) not
 * an image. Shared with the GeoJSON check, which reads the file afterwards.
 */
export async function fileProblem(ctx: CheckContext, pointer: string, kind: "image" | "GeoJSON" | "PMTiles" | "video" | "captions"): Promise<string | undefined> {
  const asset = ctx.asset(pointer);
  if (!asset) return undefined;
  const relative = path.relative(asset.root, asset.file);
  const folder = displayPath(asset.root);
  if (relative.startsWith("..") || path.isAbsolute(relative)) {
    return `"${asset.written}" points outside ${folder}/; copy the file into ${folder}/media/ and write "media/${path.basename(asset.file)}"`;
  }
  const info = await stat(asset.file).catch(() => undefined);
  if (!info?.isFile()) {
    const siblings = await readdir(path.dirname(asset.file)).catch(() => [] as string[]);
    const hint = didYouMean(path.basename(asset.file), siblings);
    return `${kind} file not found: ${displayPath(asset.file)}${hint}`;
  }
  if (kind === "image" && !(await isImage(asset.file))) {
    return `"${asset.written}" is not an image mitreden can show (${IMAGE_FORMATS_IN_WORDS})`;
  }
  return undefined;
}

async function isImage(file: string): Promise<boolean> {
  if (await looksLikeSvg(file)) return true;
  try {
    const { default: sharp } = await import("sharp"); // loaded only when a campaign has pictures
    const { format } = await sharp(file).metadata();
    return RASTER_FORMATS.has(format ?? "");
  } catch {
    return false;
  }
}

// sharp would rasterise an SVG to read it; looking at the first bytes is enough and much cheaper.
async function looksLikeSvg(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    const head = buffer.subarray(0, bytesRead).toString("utf8").replace(/^\uFEFF/, "");
    return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(head);
  } finally {
    await handle.close();
  }
}
