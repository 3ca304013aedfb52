// Planned posts: each links to a page that exists and fits every platform it names, counted the way
// that platform counts (see social-text.ts) with what really goes out: the short link where the
// campaign gives them out (else the long link), "Link in der Bio" on Instagram, mentions, the photo
// credit of image posts and the platform's hashtags. Also: formats that a platform cannot show,
// partners that do not exist, and short-link codes that two posts would share.
import type { Platform } from "../campaign-types.js";
import type { CampaignModel } from "../model.js";
import { childPointer } from "../positions.js";
import { postLinkCode, printLinkCode, shortLinkUrl, SHORT_LINK_PREFIX } from "../short-links.js";
import { hashtagsFor, MAX_IMAGES, mentionsFor, PLATFORM_LIMITS, PLATFORM_NAMES, platformPost, postUrl, STORY_PLATFORMS, type PostFormat } from "../social-text.js";
import { message } from "../../i18n/index.js";
import { didYouMean, quoteList } from "../suggest.js";
import { pagePath } from "../urls.js";
import { asArray, asRecords, isRecord, pages, record, texts, type Check, type CheckContext } from "./context.js";

export function isPlatform(value: unknown): value is Platform {
  return typeof value === "string" && value in PLATFORM_LIMITS;
}

const FORMATS: PostFormat[] = ["link", "image", "carousel", "story"];

export const checkSocial: Check = (ctx) => {
  const social = record(ctx.data.social);
  const pageIds = pages(ctx)
    .map(([page]) => page.id)
    .filter((id): id is string => typeof id === "string");
  const site = record(ctx.data.site);
  const baseUrl = typeof site.baseUrl === "string" ? site.baseUrl : undefined;
  const shortLinks = social.shortLinks !== false;
  const partners = asRecords(social.partners).flatMap(([p]) => (typeof p.id === "string" ? [{ id: p.id, accounts: accountsOf(p.accounts) }] : []));
  // pagePath only reads slug and locale; the full model does not exist before normalization.
  const urlCampaign = { slug: ctx.campaign.slug, locale: ctx.locale } as CampaignModel;
  const codes = new Map<string, string>();
  const claim = (code: string, pointer: string, what: string) => {
    const earlier = codes.get(code);
    if (earlier) ctx.error(pointer, `its short link ${SHORT_LINK_PREFIX}${code} is already the one of ${earlier}; rename this post's "id" so that the codes differ`);
    else codes.set(code, what);
  };
  if (shortLinks && ctx.campaign.slug === "l") {
    ctx.error("", `a campaign folder named "l" would hide the short links at ${SHORT_LINK_PREFIX}; rename the folder or set "social": { "shortLinks": false }`);
  }
  if (shortLinks) {
    for (const locale of ctx.locales) {
      // A page id used twice is reported by the ids check; its QR code is not a second problem.
      for (const page of [undefined, ...new Set(pageIds)]) claim(printLinkCode(ctx.campaign.slug, page, locale, ctx.locale), "", `the QR code of ${page ? `page "${page}"` : "the landing page"} (${locale})`);
    }
  }

  for (const [post, i] of asRecords(social.posts)) {
    const pointer = `/social/posts/${i}`;
    const page = post.page;
    if (typeof page === "string" && !pageIds.includes(page)) {
      ctx.error(`${pointer}/page`, `no page "${page}" in this campaign${didYouMean(page, pageIds) || `; pages: ${quoteList(pageIds)}`}`);
      continue;
    }
    const platforms = asArray(post.platforms).filter(isPlatform);
    const format = FORMATS.includes(post.format as PostFormat) ? (post.format as PostFormat) : "link";
    checkFormat(ctx, post, pointer, format, platforms);
    checkPartners(ctx, post, pointer, partners.map((p) => p.id));
    if (baseUrl === undefined || typeof post.id !== "string") continue;

    const credit = photoCredit(ctx, post);
    for (const [locale, text] of texts(post.text, ctx.locale)) {
      if (!ctx.locales.includes(locale)) continue;
      const textPointer = typeof post.text === "string" ? `${pointer}/text` : childPointer(`${pointer}/text`, locale);
      for (const platform of platforms) {
        const code = postLinkCode(ctx.campaign.slug, post.id, platform, locale, ctx.locale);
        if (shortLinks) claim(code, `${pointer}/id`, `post "${post.id}" on ${PLATFORM_NAMES[platform]} (${locale})`);
        const link = shortLinks
          ? shortLinkUrl(baseUrl, code)
          : postUrl(baseUrl, pagePath(urlCampaign, locale, typeof page === "string" ? page : undefined), platform, ctx.campaign.slug, post.id);
        const planned = platformPost({
          platform,
          format,
          text,
          hashtags: hashtagsFor(platform, { hashtags: strings(social.hashtags), platformHashtags: platformHashtags(social.platformHashtags) }, strings(post.hashtags)),
          mentions: mentionsFor(platform, partners, strings(post.partners)),
          credit: credit?.[locale] ?? credit?.[ctx.locale],
          link,
          bioHint: message(locale, "kit.linkInBio"),
        });
        if (planned.fits) continue;
        const linkWords = !planned.linkInText ? "" : shortLinks ? " and short link" : " and link";
        const counted = planned.linkInText && (platform === "x" || platform === "mastodon") ? ", the link counted as 23" : "";
        ctx.error(
          textPointer,
          `too long for ${PLATFORM_NAMES[platform]} by ${planned.length - planned.limit} characters: ${planned.length} of ${planned.limit} (text, hashtags${linkWords}${counted}); shorten the text or drop ${PLATFORM_NAMES[platform]} from "platforms"`,
        );
      }
    }
  }
};

/** A format the named platforms cannot show as written: slides without a carousel, stories where there are none. */
function checkFormat(ctx: CheckContext, post: Record<string, unknown>, pointer: string, format: PostFormat, platforms: Platform[]): void {
  const slides = asArray(post.slides).length;
  if (format === "carousel" && slides === 0) {
    ctx.error(`${pointer}/format`, '"format": "carousel" needs "slides": the cards of the carousel, e.g. [{ "title": "Sa 13.3., 11 Uhr" }]');
  }
  if (format !== "carousel" && slides > 0) {
    ctx.warning(`${pointer}/slides`, `the slides are only published with "format": "carousel" (this post is "${format}")`);
  }
  if (format === "carousel") {
    const short = platforms.filter((p) => MAX_IMAGES[p] < slides);
    if (short.length) {
      ctx.warning(`${pointer}/slides`, `${short.map((p) => PLATFORM_NAMES[p]).join(", ")} ${short.length === 1 ? "shows" : "show"} at most ${MAX_IMAGES[short[0]!]} pictures per post: the kit offers slides 1–${MAX_IMAGES[short[0]!]} there`);
    }
  }
  if (format === "story") {
    const without = platforms.filter((p) => !STORY_PLATFORMS.has(p));
    if (without.length) {
      ctx.warning(`${pointer}/format`, `${without.map((p) => PLATFORM_NAMES[p]).join(", ")} ${without.length === 1 ? "has" : "have"} no stories: the kit offers a link post there`);
    }
  }
}

function checkPartners(ctx: CheckContext, post: Record<string, unknown>, pointer: string, known: string[]): void {
  asArray(post.partners).forEach((id, i) => {
    if (typeof id !== "string" || known.includes(id)) return;
    ctx.error(
      childPointer(`${pointer}/partners`, i),
      known.length ? `no partner "${id}" in social.partners${didYouMean(id, known) || `; partners: ${quoteList(known)}`}` : `no partner "${id}": add it to social.partners with its accounts`,
    );
  });
}

/** The credit of the photo on the post's pictures (its own image, else the campaign's hero), per locale. */
function photoCredit(ctx: CheckContext, post: Record<string, unknown>): Record<string, string> | undefined {
  const image = isRecord(post.image) ? post.image : isRecord(ctx.data.hero) ? ctx.data.hero : undefined;
  if (!image || image.credit === undefined) return undefined;
  return Object.fromEntries(texts(image.credit, ctx.locale));
}

function strings(value: unknown): string[] {
  return asArray(value).filter((v): v is string => typeof v === "string");
}

function accountsOf(value: unknown): Partial<Record<Platform, string>> {
  return Object.fromEntries(Object.entries(record(value)).filter((e): e is [Platform, string] => isPlatform(e[0]) && typeof e[1] === "string"));
}

function platformHashtags(value: unknown): Partial<Record<Platform, string[]>> {
  return Object.fromEntries(Object.entries(record(value)).filter(([key]) => isPlatform(key)).map(([key, tags]) => [key, strings(tags)]));
}
