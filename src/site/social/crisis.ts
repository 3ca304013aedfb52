// When something goes wrong (the survey is down, the deadline moves, a walk is cancelled, a false
// claim circulates), the site and the posts must say the same thing. Each template here comes with
// the notice that puts the same words on every page of the campaign (campaign.json "notices"); where
// the campaign already has that notice, its words are the post.
import type { CampaignModel, Locale, Localized, NoticeModel } from "../../campaign/model.js";
import { pagePath } from "../../campaign/urls.js";
import { formatDateTime, message } from "../../i18n/index.js";
import { markdownToText } from "../../pages/markdown.js";

export const CRISIS_KINDS = ["disrupted", "extended", "cancelled", "false-claim"] as const;
export type CrisisKind = (typeof CRISIS_KINDS)[number];

/** The notice id each template pairs with: the kit finds an existing notice by it. */
export const CRISIS_NOTICE_IDS: Record<CrisisKind, string> = {
  disrupted: "disrupted",
  extended: "deadline-extended",
  cancelled: "event-cancelled",
  "false-claim": "correction",
};

const LEVELS: Record<CrisisKind, NoticeModel["level"]> = { disrupted: "warning", extended: "info", cancelled: "warning", "false-claim": "info" };

export interface CrisisTemplate {
  kind: CrisisKind;
  label: Localized;
  /** The post, per language, with the landing page's address. */
  text: Localized;
  /** The notice with the same words, as JSON to paste into campaign.json "notices". */
  noticeJson: string;
  /** The campaign's notice of this kind, when it has one: the post then says what it says. */
  notice?: NoticeModel;
}

export interface KitNotice {
  notice: NoticeModel;
  /** "Auf der Website von … bis …". */
  shown: string;
  /** The notice as a post, per language. */
  text: Localized;
}

export function crisisTemplates(campaign: CampaignModel): CrisisTemplate[] {
  const url = (locale: Locale) => campaign.site.baseUrl + pagePath(campaign, locale);
  const per = (make: (locale: Locale) => string): Localized => Object.fromEntries(campaign.locales.map((l) => [l, make(l)]));
  return CRISIS_KINDS.map((kind) => {
    const notice = campaign.notices.find((n) => n.id === CRISIS_NOTICE_IDS[kind]);
    // The notice says it without the address: it stands on the site itself.
    const words = (l: Locale) => message(l, `kit.crisis.${kind}.text`, { title: campaign.title[l] ?? "", url: "" }).replace(/[\s:]*$/, "").replace(/([^.!?])$/, "$1.");
    const text = per((l) => (notice ? `${markdownToText(notice.text[l] ?? "", 1000)} ${url(l)}` : message(l, `kit.crisis.${kind}.text`, { title: campaign.title[l] ?? "", url: url(l) })));
    // The extension's notice marks itself, so the share cards say "verlängert bis" while it shows.
    const suggested = { id: CRISIS_NOTICE_IDS[kind], from: campaign.period.start, until: campaign.period.end, level: LEVELS[kind], text: campaign.locales.length > 1 ? per(words) : words(campaign.locale), ...(kind === "extended" ? { extendsPeriod: true } : {}) };
    return { kind, label: per((l) => message(l, `kit.crisis.${kind}.label`)), text, noticeJson: JSON.stringify(notice ? noticeAsWritten(notice, campaign) : suggested, null, 2), notice };
  });
}

/** Every notice of the campaign, as it shows on the site and as a post saying the same. */
export function kitNotices(campaign: CampaignModel, locale: Locale): KitNotice[] {
  return campaign.notices.map((notice) => ({
    notice,
    shown: message(locale, "kit.noticeShown", { from: formatDateTime(notice.from, locale, campaign.timezone), until: formatDateTime(notice.until, locale, campaign.timezone) }),
    text: Object.fromEntries(campaign.locales.map((l) => [l, `${markdownToText(notice.text[l] ?? "", 1000)} ${campaign.site.baseUrl}${pagePath(campaign, l)}`])),
  }));
}

function noticeAsWritten(notice: NoticeModel, campaign: CampaignModel): object {
  return { id: notice.id, from: notice.from, until: notice.until, level: notice.level, text: campaign.locales.length > 1 ? notice.text : notice.text[campaign.locale], ...(notice.extendsPeriod ? { extendsPeriod: true } : {}) };
}
