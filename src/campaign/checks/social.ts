// Planned posts: each links to a page that exists and fits every platform it names, counted the way
// that platform counts (see social-text.ts), with the real link and the hashtags included.
import type { Platform } from "../campaign-types.js";
import type { CampaignModel } from "../model.js";
import { childPointer } from "../positions.js";
import { composePost, PLATFORM_LIMITS, PLATFORM_NAMES, postLength, postUrl } from "../social-text.js";
import { didYouMean, quoteList } from "../suggest.js";
import { pagePath } from "../urls.js";
import { asArray, asRecords, pages, record, texts, type Check } from "./context.js";

function isPlatform(value: unknown): value is Platform {
  return typeof value === "string" && value in PLATFORM_LIMITS;
}

export const checkSocial: Check = (ctx) => {
  const social = record(ctx.data.social);
  const pageIds = pages(ctx)
    .map(([page]) => page.id)
    .filter((id): id is string => typeof id === "string");
  const hashtags = asArray(social.hashtags).filter((h): h is string => typeof h === "string");
  const site = record(ctx.data.site);
  const baseUrl = typeof site.baseUrl === "string" ? site.baseUrl : undefined;
  // pagePath only reads slug and locale; the full model does not exist before normalization.
  const urlCampaign = { slug: ctx.campaign.slug, locale: ctx.locale } as CampaignModel;

  for (const [post, i] of asRecords(social.posts)) {
    const pointer = `/social/posts/${i}`;
    const page = post.page;
    if (typeof page === "string" && !pageIds.includes(page)) {
      ctx.error(`${pointer}/page`, `no page "${page}" in this campaign${didYouMean(page, pageIds) || `; pages: ${quoteList(pageIds)}`}`);
      continue;
    }
    if (baseUrl === undefined || typeof post.id !== "string") continue;
    for (const [locale, text] of texts(post.text, ctx.locale)) {
      if (!ctx.locales.includes(locale)) continue;
      const textPointer = typeof post.text === "string" ? `${pointer}/text` : childPointer(`${pointer}/text`, locale);
      for (const platform of asArray(post.platforms).filter(isPlatform)) {
        const url = postUrl(baseUrl, pagePath(urlCampaign, locale, typeof page === "string" ? page : undefined), platform, ctx.campaign.slug, post.id);
        const length = postLength(platform, composePost(text, hashtags, url), url);
        const limit = PLATFORM_LIMITS[platform];
        if (length <= limit) continue;
        const counted = platform === "x" || platform === "mastodon" ? ", the link counted as 23" : "";
        ctx.error(
          textPointer,
          `too long for ${PLATFORM_NAMES[platform]} by ${length - limit} characters: ${length} of ${limit} (text, hashtags and link${counted}); shorten the text or drop ${PLATFORM_NAMES[platform]} from "platforms"`,
        );
      }
    }
  }
};
