// How a planned post is put together and counted. Validation and the social-media kit share this,
// so a post that passes validation is exactly the post the kit offers for copying.
import type { Platform } from "./campaign-types.js";

/** Longest post per platform, in that platform's own way of counting (see postLength). */
export const PLATFORM_LIMITS: Record<Platform, number> = {
  x: 280,
  bluesky: 300,
  mastodon: 500,
  threads: 500,
  instagram: 2200,
  linkedin: 3000,
  facebook: 63206,
};

export const PLATFORM_NAMES: Record<Platform, string> = {
  x: "X",
  bluesky: "Bluesky",
  mastodon: "Mastodon",
  threads: "Threads",
  instagram: "Instagram",
  linkedin: "LinkedIn",
  facebook: "Facebook",
};

/** X (t.co) and Mastodon count every link as this many characters, however long it is. */
export const SHORTENED_URL_LENGTH = 23;

/** The page's absolute URL with utm parameters, so the city can tell which post brought people. */
export function postUrl(baseUrl: string, path: string, platform: string, campaignSlug: string, postId: string): string {
  const params = new URLSearchParams({
    utm_source: platform,
    utm_medium: "social",
    utm_campaign: campaignSlug,
    utm_content: postId,
  });
  const base = baseUrl.replace(/\/+$/, "");
  return `${base}${path}${path.includes("?") ? "&" : "?"}${params.toString()}`;
}

/**
 * The post as published: the text, a blank line, the hashtags on one line ("#Musterstadt #Marktplatz"),
 * a line break, then the link. Without hashtags: text, blank line, link. The link comes last because
 * platforms turn a trailing link into a preview card (our share card).
 */
export function composePost(text: string, hashtags: string[], url: string): string {
  const tags = hashtags.map((tag) => "#" + tag.replace(/^#/, "")).join(" ");
  return tags ? `${text.trim()}\n\n${tags}\n${url}` : `${text.trim()}\n\n${url}`;
}

const URL_PATTERN = /https?:\/\/[^\s]+/g;

/**
 * Length of a composed post as the platform counts it.
 * - X: every URL counts 23; characters are weighted as by twitter-text (Latin and most European
 *   scripts 1, CJK and others 2, an emoji 2).
 * - Mastodon: every URL counts 23; otherwise code points.
 * - Bluesky: grapheme clusters, after its composer shortens each link to host + 13 characters
 *   of the path + "..." (bluesky-social/social-app, toShortUrl), which is what the record stores.
 * - Threads, Instagram, LinkedIn, Facebook: code points.
 */
export function postLength(platform: Platform, composed: string, url: string): number {
  switch (platform) {
    case "x":
      return weightedLength(withShortLinks(composed, url));
    case "mastodon":
      return [...withShortLinks(composed, url)].length;
    case "bluesky":
      return graphemes(composed.replace(URL_PATTERN, blueskyShortUrl)).length;
    default:
      return [...composed].length;
  }
}

function withShortLinks(composed: string, url: string): string {
  const placeholder = "x".repeat(SHORTENED_URL_LENGTH);
  return (url ? composed.split(url).join(placeholder) : composed).replace(URL_PATTERN, placeholder);
}

/** How the Bluesky app displays (and counts) a link in a post. */
export function blueskyShortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const rest = (parsed.pathname === "/" ? "" : parsed.pathname) + parsed.search + parsed.hash;
    return parsed.host + (rest.length > 15 ? rest.slice(0, 13) + "..." : rest);
  } catch {
    return url;
  }
}

function graphemes(text: string): string[] {
  return Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text), (s) => s.segment);
}

// twitter-text v3 configuration: these code point ranges weigh 1, everything else 2.
const LIGHT_RANGES: [number, number][] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

function weightedLength(text: string): number {
  let total = 0;
  for (const grapheme of graphemes(text)) {
    if (/\p{Extended_Pictographic}/u.test(grapheme)) {
      total += 2;
      continue;
    }
    for (const char of grapheme) {
      const code = char.codePointAt(0)!;
      total += LIGHT_RANGES.some(([from, to]) => code >= from && code <= to) ? 1 : 2;
    }
  }
  return total;
}
