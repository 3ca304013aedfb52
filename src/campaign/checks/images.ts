// Images: the file is there, inside the campaign, and really an image; and it has alt text unless
// it is decorative. A missing file would otherwise only surface as a failed build, and missing alt
// text as an accessibility audit failure much later.
import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { displayPath } from "../load.js";
import { didYouMean } from "../suggest.js";
import { isRecord, type CheckContext } from "./context.js";

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

/**
 * Whether the file starts as a JPEG, PNG, GIF, WebP, AVIF/HEIF or SVG file does. The first bytes say
 * it, as they told sharp's metadata() before; reading them needs no image library, so commands that
 * only load the campaign (export, results, the collector) do not load libvips (some 20 MB).
 */
export async function isImage(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    const head = buffer.subarray(0, bytesRead);
    return isRaster(head) || isSvg(head);
  } finally {
    await handle.close();
  }
}

const ascii = (bytes: Buffer, from: number, to: number) => bytes.subarray(from, to).toString("latin1");
/** ISO-BMFF brands of AVIF and HEIF still pictures and sequences. */
const HEIF_BRANDS = new Set(["avif", "avis", "heic", "heix", "hevc", "heim", "heis", "mif1", "msf1"]);

function isRaster(head: Buffer): boolean {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return true; // JPEG
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return true; // PNG
  if (ascii(head, 0, 6) === "GIF87a" || ascii(head, 0, 6) === "GIF89a") return true;
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WEBP") return true;
  return ascii(head, 4, 8) === "ftyp" && HEIF_BRANDS.has(ascii(head, 8, 12)); // AVIF, HEIF
}

// sharp rasterised an SVG to read it; looking at the first bytes was enough and much cheaper.
function isSvg(bytes: Buffer): boolean {
  const head = bytes.toString("utf8").replace(/^\uFEFF/, "");
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(head);
}
