// What a card says, taken from the campaign: the page title (or the page's card.title), the
// campaign above it on inner pages, the organization, the period, the campaign's colours and
// pictures. A card's cache key is the hash of this object, so everything it shows must be in it.
import type { CampaignModel, ImageModel, Locale, PageModel, SiteModel } from "../../campaign/model.js";
import { accessibilityPath, easyLanguagePath, hasGermanPages, pagePath, signLanguagePath } from "../../campaign/urls.js";
import { formatDate, message } from "../../i18n/index.js";
import { currentNotices } from "../../pages/navigation.js";

export interface CardContent {
  locale: Locale;
  title: string;
  /** Small line above the title: the campaign on its inner pages. */
  kicker?: string;
  subtitle?: string;
  organization: string;
  /** "bis 15. April 2027"; absent on the site index. */
  period?: string;
  /** Where people find the page without a link, e.g. "mitreden.musterstadt.de/marktplatz". */
  address: string;
  theme: { primary: string; accent: string };
  /** Absolute paths of the pictures; their bytes are hashed into the cache key separately. */
  logo?: string;
  hero?: string;
  /** Words in a story's marked place for the link sticker ("Link-Sticker"). */
  stickerLabel?: string;
  /**
   * What the photo shows (its alt text) and who made it, for the alt text and the credit line.
   * Not drawn: left out of the cache key, like the pictures' paths.
   */
  picture?: string;
  credit?: string;
}

/** A public page of the site and its card. */
export interface CardPage {
  /** Root-relative URL of the page, the key of the card map. */
  url: string;
  /** File name stem of its images, e.g. "marktplatz-umfrage-de". */
  name: string;
  content: CardContent;
}

/**
 * Every public page of every campaign and locale, and the site index: each gets a card. The cards
 * are those of the build's moment (model.builtAt): a notice extending the period shows on them.
 */
export function cardPages(model: SiteModel): CardPage[] {
  const at = model.builtAt;
  const pages: CardPage[] = [];
  const first = model.campaigns[0];
  if (first) pages.push(indexPage(first, model.locale));
  for (const campaign of model.campaigns) {
    for (const locale of campaign.locales) {
      pages.push(landingPage(campaign, locale, at));
      for (const page of campaign.pages) pages.push(innerPage(campaign, locale, page, at));
      pages.push(accessibilityPage(campaign, locale, at));
    }
    // The Leichte Sprache and DGS pages are German only (src/pages/routes.ts).
    if (hasGermanPages(campaign)) {
      pages.push(page(campaign, "de", easyLanguagePath(campaign), "leichte-sprache", { title: message("de", "easyRead.easy.title"), kicker: text(campaign.title, "de") }, at));
      pages.push(page(campaign, "de", signLanguagePath(campaign), "gebaerdensprache", { title: message("de", "easyRead.sign.title"), kicker: text(campaign.title, "de") }, at));
    }
  }
  return pages;
}

/** `at`: the instant the card is for (the build, a post's date); a current extension notice shows on it. */
export function landingPage(campaign: CampaignModel, locale: Locale, at?: string): CardPage {
  return page(campaign, locale, pagePath(campaign, locale), "start", { title: text(campaign.title, locale) }, at);
}

export function innerPage(campaign: CampaignModel, locale: Locale, model: PageModel, at?: string): CardPage {
  const card = page(campaign, locale, pagePath(campaign, locale, model.id), model.id, {
    title: text(model.card?.title ?? model.title, locale),
    kicker: text(campaign.title, locale),
    subtitle: model.card?.subtitle && text(model.card.subtitle, locale),
  }, at);
  // A results page is about what comes after the period: when its results are out, not "until".
  if (model.type === "results") card.content.period = message(locale, "cards.from", { date: formatDate(model.publishFrom, locale, campaign.timezone) });
  // An information page with its own picture shows that one: it says what the page is about.
  if (model.type === "info" && model.image && !model.image.decorative) Object.assign(card.content, { picture: undefined, credit: undefined }, photo(model.image, locale));
  return card;
}

function accessibilityPage(campaign: CampaignModel, locale: Locale, at?: string): CardPage {
  return page(campaign, locale, accessibilityPath(campaign, locale), "accessibility", {
    title: message(locale, "site.a11y.title"),
    kicker: text(campaign.title, locale),
  }, at);
}

function indexPage(first: CampaignModel, locale: Locale): CardPage {
  const base = common(first, locale, "/");
  // The index speaks for all campaigns: the first one's photo would make it look like that one's page.
  delete base.hero;
  delete base.picture;
  delete base.credit;
  return {
    url: "/",
    name: `index-${locale}`,
    content: { ...base, period: undefined, kicker: message(locale, "site.index.title"), title: message(locale, "site.index.heading") },
  };
}

function page(
  campaign: CampaignModel,
  locale: Locale,
  url: string,
  id: string,
  texts: Pick<CardContent, "title" | "kicker" | "subtitle">,
  at?: string,
): CardPage {
  const content: CardContent = { ...common(campaign, locale, url, at), ...texts };
  // Undefined keys would still change the JSON the cache key is made of; drop them.
  if (!content.kicker) delete content.kicker;
  if (!content.subtitle) delete content.subtitle;
  return { url, name: `${campaign.slug}-${id}-${locale}`, content };
}

function common(campaign: CampaignModel, locale: Locale, url: string, at?: string): CardContent {
  const host = new URL(campaign.site.baseUrl).host;
  // A card shared while a notice announces the extended period says "verlängert bis …": people who
  // saw the old date learn from the card alone that they still can take part.
  const extended = at !== undefined && currentNotices(campaign, at).some((n) => n.extendsPeriod);
  const content: CardContent = {
    locale,
    title: "",
    organization: text(campaign.organization.name, locale),
    period: message(locale, extended ? "cards.extended" : "cards.until", { date: formatDate(campaign.period.end, locale, campaign.timezone) }),
    address: (host + url).replace(/\/$/, ""),
    theme: campaign.theme,
  };
  if (campaign.organization.logo) content.logo = campaign.organization.logo.file;
  if (campaign.hero) Object.assign(content, photo(campaign.hero, locale));
  return content;
}

/** A photo on a card: its file, what it shows and its credit, in the card's language. */
export function photo(image: ImageModel, locale: Locale): Pick<CardContent, "hero" | "picture" | "credit"> {
  const shown: Pick<CardContent, "hero" | "picture" | "credit"> = { hero: image.file };
  const alt = image.decorative ? "" : text(image.alt, locale);
  if (alt) shown.picture = alt;
  const credit = image.credit && text(image.credit, locale);
  if (credit) shown.credit = credit;
  return shown;
}

function text(value: Record<Locale, string>, locale: Locale): string {
  return value[locale] ?? Object.values(value)[0] ?? "";
}

/**
 * Alt text of a card: its words in reading order (kicker and title, subtitle, organization and
 * period), then what the photo shows. A part already said is not said again: a subtitle
 * "Mitmachen bis 15. April 2027" makes the period "bis 15. April 2027" redundant.
 */
export function cardAlt(content: CardContent): string {
  const sentence = (s: string) => (/[.!?…:]$/.test(s) ? s : s + ".");
  const said: string[] = [];
  const fresh = (part: string | undefined) => {
    if (!part?.trim()) return undefined;
    const key = normalise(part);
    if (said.some((earlier) => earlier.includes(key))) return undefined;
    said.push(key);
    return part.trim();
  };
  const kicker = fresh(content.kicker);
  const title = fresh(content.title);
  const heading = [kicker, title].filter(Boolean).join(" – ");
  const subtitle = fresh(content.subtitle);
  const footer = [fresh(content.organization), fresh(content.period)].filter(Boolean).join(", ");
  const picture = content.picture && fresh(content.picture) ? message(content.locale, "cards.picture", { description: content.picture.trim() }) : undefined;
  return [heading, subtitle, footer, picture].filter((s): s is string => !!s).map(sentence).join(" ");
}

/** For comparing parts: lower case, punctuation and spacing ignored. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}
