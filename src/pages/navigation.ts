// What a campaign's navigation and status say, decided in TypeScript so templates stay markup.
import type { CampaignModel, Locale, PageModel, Period } from "../campaign/model.js";
import { pagePath } from "../campaign/urls.js";
import { formatDate, message, uiLocaleFor } from "../i18n/index.js";
import { isoDate, periodState, type PeriodState } from "./dates.js";
import { markdownToText } from "./markdown.js";

export interface Status {
  state: PeriodState;
  /** "Beteiligung offen bis 15. April 2027" */
  text: string;
  /** The date the text names, YYYY-MM-DD, for <time datetime>; undefined when closed. */
  datetime?: string;
}

/** The state of a period in words, for the status badge. */
export function statusOf(period: Period, locale: Locale, timeZone: string, now: string): Status {
  const state = periodState(period, now);
  if (state === "closed") return { state, text: message(locale, "site.status.closed") };
  const at = state === "upcoming" ? period.start : period.end;
  return {
    state,
    text: message(locale, `site.status.${state}`, { date: formatDate(at, locale, timeZone) }),
    datetime: isoDate(at, timeZone),
  };
}

/** When people can take part on a page: a survey's own window, otherwise the campaign period. */
export function participationPeriod(campaign: CampaignModel, page: PageModel): Period {
  return page.type === "survey" ? { start: page.opens, end: page.closes } : campaign.period;
}

export interface PageNavItem {
  /** Page id; undefined for the overview (landing page). */
  id?: string;
  kind: "landing" | PageModel["type"];
  text: string;
  href: string;
  current: boolean;
  /** For the cards on the landing page. */
  preline: string;
  description: string;
  cta: string;
  /** A participation page that is open now: its call to action is the primary button. */
  primary: boolean;
  /** lang of the interface texts (overview, preline, cta) when they fall back to another language. */
  uiLang?: Locale;
}

/** The campaign's pages in their authored order, the overview first. */
export function pageNavItems(campaign: CampaignModel, locale: Locale, now: string, currentUrl?: string): PageNavItem[] {
  const uiLang = uiLocaleFor(locale) === locale ? undefined : uiLocaleFor(locale);
  const overviewHref = pagePath(campaign, locale);
  const overview: PageNavItem = {
    kind: "landing",
    text: message(locale, "site.pageNav.overview"),
    href: overviewHref,
    current: currentUrl === overviewHref,
    preline: "",
    description: campaign.summary[locale] ?? "",
    cta: "",
    primary: false,
    uiLang,
  };
  return [
    overview,
    ...campaign.pages.map((page): PageNavItem => {
      const href = pagePath(campaign, locale, page.id);
      // A results page is the one to go to once its results are out.
      const open = page.type === "results" ? Date.parse(now) >= Date.parse(page.publishFrom) : page.type !== "info" && periodState(participationPeriod(campaign, page), now) === "open";
      const cta = message(locale, page.type === "info" ? "site.cta.info" : `site.cta.${page.type}${open ? "" : "Inactive"}`);
      const subtitle = page.card?.subtitle?.[locale];
      const intro = page.intro?.[locale];
      return {
        id: page.id,
        kind: page.type,
        text: page.title[locale] ?? "",
        href,
        current: currentUrl === href,
        preline: message(locale, `site.kind.${page.type}`),
        description: subtitle ?? (intro ? markdownToText(intro, 180) : ""),
        cta,
        primary: open,
        uiLang,
      };
    }),
  ];
}

/** Notices of the campaign that are current at `now`: from ≤ now < until (instants, compared as times). */
export function currentNotices(campaign: CampaignModel, now: string): CampaignModel["notices"] {
  const at = Date.parse(now);
  return campaign.notices.filter((n) => Date.parse(n.from) <= at && at < Date.parse(n.until));
}
