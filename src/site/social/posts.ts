// Every planned post on every platform it names, in every language of the campaign: how it goes out
// there (a link post, or pictures with the link in the text or the bio: postWay), the text as it
// will be published, its length as that platform counts it, the link it gives out (the short link,
// else the long UTM link) and the pictures it attaches. The composing and counting are validation's
// own (platformPost), so the kit shows exactly what validation enforced.
import type { CampaignModel, Locale, Platform, PostModel } from "../../campaign/model.js";
import { postShortLink } from "../../campaign/short-links.js";
import { hashtagsFor, MAX_IMAGES, mentionsFor, PLATFORM_NAMES, platformPost, postUrl, type PostWay } from "../../campaign/social-text.js";
import { pagePath } from "../../campaign/urls.js";
import { message } from "../../i18n/index.js";
import { innerPage, landingPage, photo, type CardContent, type CardFormat, type CardPage } from "../cards/index.js";

/** One picture a post attaches: the card request and where it sits among the post's pictures. */
export interface PostImage {
  /** File name stem, shared by every platform that attaches the same picture: "marktplatz-start-portrait-de". */
  name: string;
  format: CardFormat;
  content: CardContent;
  /** 1-based position in a carousel. */
  slide?: number;
}

export interface PlannedPost {
  post: PostModel;
  platform: Platform;
  platformName: string;
  locale: Locale;
  way: PostWay;
  /** Page the post links to, root-relative. */
  pagePath: string;
  /** The link given out: the short link, or the long UTM link when the campaign has no short links. */
  link: string;
  /** The short link's code, when there is one. */
  code?: string;
  /** Where the link leads: the page with utm_source=<platform>&utm_medium=social&utm_campaign=<slug>&utm_content=<post id>. */
  url: string;
  /** The link is in the text; else it goes into the bio (Instagram) or onto a story's link sticker. */
  linkInText: boolean;
  /** Text, mentions, credit, hashtags and link, as it should be pasted. */
  composed: string;
  length: number;
  limit: number;
  fits: boolean;
  hashtags: string[];
  mentions: string[];
  /** The pictures to attach, in order; none for a link post. */
  images: PostImage[];
  /** The account it is published from, if the campaign names one. */
  account?: string;
  owner?: string;
}

export function plannedPosts(campaign: CampaignModel): PlannedPost[] {
  const planned: PlannedPost[] = [];
  for (const post of campaign.social.posts) {
    for (const locale of campaign.locales) {
      const path = pagePath(campaign, locale, post.page);
      for (const platform of post.platforms) {
        const url = postUrl(campaign.site.baseUrl, path, platform, campaign.slug, post.id);
        const short = postShortLink(campaign, post.id, platform, locale);
        const hashtags = hashtagsFor(platform, campaign.social, post.hashtags);
        const mentions = mentionsFor(platform, campaign.social.partners, post.partners);
        const card = postCard(campaign, post, locale);
        const published = platformPost({
          platform,
          format: post.format,
          text: post.text[locale] ?? "",
          hashtags,
          mentions,
          credit: card.content.hero ? card.content.credit : undefined,
          link: short?.url ?? url,
          bioHint: message(locale, "kit.linkInBio"),
        });
        planned.push({
          post,
          platform,
          platformName: PLATFORM_NAMES[platform],
          locale,
          way: published.way,
          pagePath: path,
          link: short?.url ?? url,
          code: short?.code,
          url,
          linkInText: published.linkInText,
          composed: published.composed,
          length: published.length,
          limit: published.limit,
          fits: published.fits,
          hashtags,
          mentions,
          images: postImages(campaign, post, platform, published.way, locale, card),
          account: post.accounts[platform] ?? campaign.social.accounts[platform],
          owner: post.owner ?? campaign.social.owner,
        });
      }
    }
  }
  return planned;
}

/**
 * The card a post's pictures show: its page's card, with the post's own words (post.card) and
 * photo (post.image) where it has them.
 */
export function postCard(campaign: CampaignModel, post: PostModel, locale: Locale): CardPage {
  const page = post.page ? campaign.pages.find((p) => p.id === post.page) : undefined;
  // The card as it will be when the post goes out: a post during an extension notice says "verlängert bis".
  const base = page ? innerPage(campaign, locale, page, post.date) : landingPage(campaign, locale, post.date);
  const content: CardContent = { ...base.content };
  if (post.card?.title) content.title = post.card.title[locale] ?? content.title;
  if (post.card?.subtitle) content.subtitle = post.card.subtitle[locale];
  if (post.image) Object.assign(content, { picture: undefined, credit: undefined }, photo(post.image, locale));
  return { ...base, name: `${campaign.slug}-${post.id}-${locale}`, content };
}

/** The pictures a post attaches on a platform: none for a link post, else the way's format(s). */
function postImages(campaign: CampaignModel, post: PostModel, platform: Platform, way: PostWay, locale: Locale, card: CardPage): PostImage[] {
  const stem = (format: string) => `${campaign.slug}-${post.id}-${format}-${locale}`;
  switch (way) {
    case "link":
      return [];
    case "image": {
      // 4:5 where feeds show it whole (Instagram, Facebook, LinkedIn, Threads); the square elsewhere.
      const format: CardFormat = ["instagram", "facebook", "linkedin", "threads"].includes(platform) ? "portrait" : "square";
      return [{ name: stem(format), format, content: card.content }];
    }
    case "carousel":
      return post.slides.slice(0, MAX_IMAGES[platform]).map((slide, i) => ({
        name: stem(`slide${i + 1}`),
        format: "portrait",
        slide: i + 1,
        content: {
          ...card.content,
          title: slide.title?.[locale] ?? card.content.title,
          subtitle: slide.subtitle?.[locale],
          // The period is the first slide's; on the others it would read like one of their dates.
          period: i === 0 ? card.content.period : undefined,
        },
      }));
    case "story": {
      const story: PostImage = { name: stem("story"), format: "story", content: { ...card.content, stickerLabel: message(locale, "cards.sticker") } };
      // A Reel cover too, on Instagram, for a team that turns the story into a short video.
      return platform === "instagram" ? [story, { name: stem("reel"), format: "reel", content: card.content }] : [story];
    }
  }
}

/** What a post is about, for the plan and calendar: its title, else its card's title, else its page's. */
export function postTitle(campaign: CampaignModel, post: PostModel, locale: Locale): string {
  return post.title?.[locale] ?? post.card?.title?.[locale] ?? postCard(campaign, post, locale).content.title;
}
