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

/** How a post is published (post "format" in campaign.json). */
export type PostFormat = "link" | "image" | "carousel" | "story";

/**
 * How a post goes out on one platform: one clear way each.
 * - "link": the text with the link; the platform draws the preview from the page's share card, so
 *   no picture is attached (Mastodon shows a link card only on posts without media, and a Bluesky
 *   post holds either pictures or a link card).
 * - "image" / "carousel": pictures with alt text; the link goes into the text, or into the bio
 *   where captions do not make links clickable (Instagram).
 * - "story": a 9:16 picture with a link sticker (Instagram and Facebook only).
 * Instagram has no link posts: a "link" post becomes an image post there, its link in the bio.
 */
export type PostWay = "link" | "image" | "carousel" | "story";

/** Platforms that have stories with link stickers. */
export const STORY_PLATFORMS: ReadonlySet<Platform> = new Set(["instagram", "facebook"]);
/** Platforms whose captions do not turn links into links: the post says "link in bio". */
export const LINK_IN_BIO_PLATFORMS: ReadonlySet<Platform> = new Set(["instagram"]);
/** Most pictures one post may hold, per platform (carousels are cut to this). */
export const MAX_IMAGES: Record<Platform, number> = { x: 4, bluesky: 4, mastodon: 4, threads: 10, instagram: 10, linkedin: 10, facebook: 10 };

export function postWay(platform: Platform, format: PostFormat): PostWay {
  if (format === "story") return STORY_PLATFORMS.has(platform) ? "story" : "link";
  if (format === "link" && platform === "instagram") return "image";
  return format;
}

/** Hashtags of a post on a platform: the platform's own set (or the campaign's), then the post's; each once. */
export function hashtagsFor(platform: Platform, social: { hashtags?: string[]; platformHashtags?: Partial<Record<Platform, string[]>> }, postHashtags: string[] = []): string[] {
  const all = [...(social.platformHashtags?.[platform] ?? social.hashtags ?? []), ...postHashtags].map((tag) => tag.replace(/^#/, ""));
  const seen = new Set<string>();
  return all.filter((tag) => !seen.has(tag.toLowerCase()) && seen.add(tag.toLowerCase()));
}

/** "@name" for each partner of a post that has an account on the platform. */
export function mentionsFor(platform: Platform, partners: { id: string; accounts: Partial<Record<Platform, string>> }[], ids: string[]): string[] {
  return ids.flatMap((id) => {
    const handle = partners.find((p) => p.id === id)?.accounts[platform];
    return handle ? [handle.startsWith("@") ? handle : `@${handle}`] : [];
  });
}

export interface PostParts {
  text: string;
  hashtags: string[];
  /** "@adfc_musterstadt": partner accounts, on a line of their own. */
  mentions?: string[];
  /** The photo credit, where a picture is attached ("Illustration: Stadt Musterstadt"). */
  credit?: string;
  /** The link, last; or, where links in captions are not clickable, the words that point to the bio. */
  link?: string;
  bioHint?: string;
}

/**
 * The post as published: the text; a blank line; the mentions; the credit; the hashtags on one line
 * ("#Musterstadt #Marktplatz"); then the link (or "Link in der Bio"). The link comes last because
 * platforms turn a trailing link into a preview card (our share card).
 */
export function composePost(parts: PostParts): string {
  const tags = parts.hashtags.map((tag) => "#" + tag.replace(/^#/, "")).join(" ");
  const tail = [parts.mentions?.join(" "), parts.credit, tags, parts.link ?? parts.bioHint].filter((line): line is string => !!line);
  return tail.length ? `${parts.text.trim()}\n\n${tail.join("\n")}` : parts.text.trim();
}

export interface PlatformPostInput {
  platform: Platform;
  format: PostFormat;
  text: string;
  hashtags: string[];
  mentions: string[];
  /** Credit of the photo on the post's pictures; written into the text where a picture goes out. */
  credit?: string;
  /** The link given out: the short link, or the long UTM link when the campaign has none. */
  link: string;
  /** "Link in der Bio", in the post's language. */
  bioHint: string;
}

export interface PlatformPost {
  way: PostWay;
  /** What to paste: text, mentions, credit, hashtags and link (or the bio hint). A story's text is not published. */
  composed: string;
  /** The link is in the text (false: in the bio or on the story's link sticker). */
  linkInText: boolean;
  length: number;
  limit: number;
  fits: boolean;
}

/** The post on one platform, composed and counted the way that platform counts: validation and the kit share it. */
export function platformPost(input: PlatformPostInput): PlatformPost {
  const way = postWay(input.platform, input.format);
  const linkInText = way !== "story" && !LINK_IN_BIO_PLATFORMS.has(input.platform);
  const composed = composePost({
    text: input.text,
    hashtags: input.hashtags,
    mentions: input.mentions,
    credit: way === "image" || way === "carousel" ? input.credit : undefined,
    link: linkInText ? input.link : undefined,
    bioHint: linkInText || way === "story" ? undefined : input.bioHint,
  });
  const limit = PLATFORM_LIMITS[input.platform];
  // A story has no caption: its words are on the picture, its link on the sticker.
  const length = way === "story" ? 0 : postLength(input.platform, composed, linkInText ? input.link : "");
  return { way, composed, linkInText, length, limit, fits: length <= limit };
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
