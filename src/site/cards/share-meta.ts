// The Open Graph and Twitter tags of a page, as data for templates/components/share-meta. Platforms
// show the card only when every tag is there and absolute, so this fills all of them in one place.
import type { CampaignModel, Locale, SiteModel } from "../../campaign/model.js";
import type { ShareCard } from "./index.js";
import { memoize } from "../../memo.js";

export interface ShareMetaInput {
  /** The site's base URL without trailing slash, e.g. https://mitreden.musterstadt.de. */
  baseUrl: string;
  /** Root-relative URL of the page. */
  url: string;
  locale: Locale;
  /** The page's other languages. */
  alternateLocales: Locale[];
  title: string;
  description: string;
  siteName: string;
  card: ShareCard;
  /**
   * The Mastodon account behind the site ("@stadt@social.example"): Mastodon then names it as the
   * author under link previews of these pages (fediverse:creator).
   */
  fediverseCreator?: string;
}

/** One <meta>: Open Graph uses `property`, Twitter `name`. */
export interface MetaTag {
  property?: string;
  name?: string;
  content: string;
}

export interface ShareMeta {
  tags: MetaTag[];
}

export function shareMeta(input: ShareMetaInput): ShareMeta {
  const image = input.baseUrl + input.card.path;
  const og = (property: string, content: string): MetaTag => ({ property, content });
  const twitter = (name: string, content: string): MetaTag => ({ name, content });
  return {
    tags: [
      og("og:type", "website"),
      og("og:site_name", input.siteName),
      og("og:title", input.title),
      og("og:description", input.description),
      og("og:url", input.baseUrl + input.url),
      og("og:locale", ogLocale(input.locale)),
      ...input.alternateLocales.map((l) => og("og:locale:alternate", ogLocale(l))),
      og("og:image", image),
      og("og:image:secure_url", image),
      og("og:image:type", input.card.type),
      og("og:image:width", String(input.card.width)),
      og("og:image:height", String(input.card.height)),
      og("og:image:alt", input.card.alt),
      twitter("twitter:card", "summary_large_image"),
      twitter("twitter:title", input.title),
      twitter("twitter:description", input.description),
      twitter("twitter:image", image),
      twitter("twitter:image:alt", input.card.alt),
      ...(input.fediverseCreator ? [{ name: "fediverse:creator", content: input.fediverseCreator }] : []),
    ],
  };
}

/** What shareMetaForRoute needs of a route (src/site/routes.ts's Route has all of it). */
export interface ShareRoute {
  url: string;
  kind: string;
  locale: Locale;
  campaign?: CampaignModel;
  heading: string;
  description: string;
}

/**
 * The tags for one route of the site: the title is the page with its campaign ("Umfrage: Ihr
 * Marktplatz – Neugestaltung Marktplatz"), the site name the organization.
 */
export function shareMetaForRoute(model: SiteModel, route: ShareRoute, card: ShareCard): ShareMeta {
  const campaign = route.campaign ?? model.campaigns[0];
  if (!campaign) throw new Error("share tags need at least one campaign (for the base URL)");
  const text = (value: Record<Locale, string>) => value[route.locale] ?? value[campaign.locale] ?? "";
  const campaignTitle = route.campaign ? text(route.campaign.title) : "";
  const title = campaignTitle && route.kind !== "landing" ? `${route.heading} – ${campaignTitle}` : route.heading;
  return shareMeta({
    baseUrl: campaign.site.baseUrl,
    url: route.url,
    locale: route.locale,
    alternateLocales: route.campaign ? route.campaign.locales.filter((l) => l !== route.locale) : [],
    title,
    description: route.description,
    siteName: text(campaign.organization.name),
    card,
    fediverseCreator: route.campaign?.social.accounts.mastodon,
  });
}

/**
 * Open Graph wants language_TERRITORY. Plain "en" becomes en_GB, as our English dates are
 * British; other bare languages get their most likely territory (de → de_DE).
 */
export const ogLocale = memoize((locale: Locale): string => {
  if (locale.toLowerCase() === "en") return "en_GB";
  try {
    const full = new Intl.Locale(locale).maximize();
    return full.region ? `${full.language}_${full.region}` : full.language;
  } catch {
    return locale.replace("-", "_");
  }
});
