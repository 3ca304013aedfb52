// The desk's line on each campaign's personal data (issue 12, DSGVO storage limitation): when
// `mitreden purge` deletes it (purgeDate in ../privacy.ts), that the day has come, or that the
// campaign sets no date at all. Said, never done here: the deletion is the purge command's.
import type { CampaignModel } from "../../campaign/model.js";
import { formatDate } from "../../i18n/index.js";
import { purgeDate } from "../privacy.js";

export interface RetentionNote {
  campaign: string;
  text: string;
}

export function retentionNotes(campaigns: readonly CampaignModel[], locale: string, now: Date, t: (key: string, params?: Record<string, string | number>) => string): RetentionNote[] {
  return campaigns.map((campaign) => {
    const due = purgeDate(campaign);
    const title = campaign.title[locale] ?? campaign.title[campaign.locale] ?? campaign.slug;
    if (!due) return { campaign: title, text: t("desk.retention.none") };
    const params = { date: formatDate(due, locale, campaign.timezone), slug: campaign.slug };
    return { campaign: title, text: t(due > now ? "desk.retention.due" : "desk.retention.overdue", params) };
  });
}
