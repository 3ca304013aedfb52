// A campaign picture as <picture> markup: the `image` filter of every page. The renditions are made
// at build time (src/site/images.ts); this only prints what they are.
import { escapeHtml } from "./html.js";

/** A picture ready to print: sources per format, and the fallback <img>. */
export interface ImageAsset {
  file: string;
  /** Intrinsic size of the largest rendition, for width/height attributes (no layout shift). */
  width: number;
  height: number;
  sources: { type: string; srcset: string }[];
  fallback: { src: string; srcset: string; type: string };
  /** Files to copy: from the cache to `<outDir><url>` (only at build time; not in the site's manifest). */
  files?: { cached: string; url: string }[];
}

export interface PictureOptions {
  alt: string;
  /** The `sizes` attribute: how wide the picture is drawn, e.g. "(min-width: 62em) 36rem, 100vw". */
  sizes?: string;
  /** Above the fold: load at once. Everything else loads lazily when scrolled near. */
  eager?: boolean;
  /** The page's largest picture above the fold (the hero): fetch it before other images. */
  priority?: boolean;
  className?: string;
  /** lang of the alt text when it differs from the page's language. */
  lang?: string;
}

/** `<picture>` markup; every value is escaped. */
export function pictureHtml(asset: ImageAsset, options: PictureOptions): string {
  const sizes = options.sizes ?? "100vw";
  const loading = options.eager || options.priority ? 'loading="eager"' : 'loading="lazy"';
  const attrs = [
    `src="${escapeHtml(asset.fallback.src)}"`,
    asset.fallback.type === "image/svg+xml" ? "" : `srcset="${escapeHtml(asset.fallback.srcset)}" sizes="${escapeHtml(sizes)}"`,
    `width="${asset.width}" height="${asset.height}"`,
    `alt="${escapeHtml(options.alt)}"`,
    options.lang ? `lang="${escapeHtml(options.lang)}"` : "",
    options.className ? `class="${escapeHtml(options.className)}"` : "",
    loading,
    options.priority ? 'fetchpriority="high"' : "",
    'decoding="async"',
  ].filter(Boolean);
  const img = `<img ${attrs.join(" ")}>`;
  if (asset.sources.length === 0) return img;
  const sources = asset.sources.map(
    (s) => `<source type="${escapeHtml(s.type)}" srcset="${escapeHtml(s.srcset)}" sizes="${escapeHtml(sizes)}">`,
  );
  return `<picture>${sources.join("")}${img}</picture>`;
}

