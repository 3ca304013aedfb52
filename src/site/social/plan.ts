// The editorial plan (Redaktionsplan) as a spreadsheet the team works in: one row per post, platform
// and language, and one per draft, with date, time, platform, account, language, format, the text
// to paste, the link, the image files and their alt texts; then the columns the team fills in
// (first comment, owner, status, approval). For German Excel: ";" between columns and a byte order
// mark, so it opens in columns with its umlauts (a comma-separated file opens in one column).
import type { CampaignModel, Locale } from "../../campaign/model.js";
import { dateInZone } from "../../campaign/time.js";
import { message } from "../../i18n/index.js";
import { toCsv, type CsvCell } from "./csv.js";
import type { DraftPost } from "./drafts.js";
import type { PlannedPost } from "./posts.js";

/** The plan's columns, in order; their headings come from the kit's catalogue ("plan.date" …). */
export const PLAN_COLUMNS = ["date", "time", "platform", "account", "language", "format", "text", "link", "image", "alt", "firstComment", "owner", "status", "approval"] as const;
export type PlanColumn = (typeof PLAN_COLUMNS)[number];

/** A picture of a post as the plan and the scheduling tools name it. */
export interface PlanImage {
  /** Absolute URL on the published site. */
  url: string;
  alt: string;
}

export function planCsv(campaign: CampaignModel, planned: PlannedPost[], drafts: DraftPost[], imagesOf: (post: PlannedPost) => PlanImage[]): string {
  const locale = campaign.locale;
  const time = (instant: string) => localTime(instant, campaign.timezone);
  const rows: { key: string; cells: Record<PlanColumn, CsvCell> }[] = [];
  for (const p of planned) {
    const images = imagesOf(p);
    rows.push({
      key: `${p.post.date}\0${campaign.social.posts.indexOf(p.post)}`,
      cells: {
        date: dateInZone(p.post.date, campaign.timezone),
        time: time(p.post.date),
        platform: p.platformName,
        // "@" at the start of a cell reads as a formula to Excel; the handle is clear without it.
        account: (p.account ?? "").replace(/^@/, ""),
        language: p.locale,
        format: message(locale, `kit.planFormat.${p.way}`),
        text: p.composed,
        link: p.link,
        image: images.map((i) => i.url).join("\n"),
        alt: images.map((i) => i.alt).join("\n\n"),
        firstComment: "",
        owner: p.owner ?? "",
        status: "",
        approval: "",
      },
    });
  }
  for (const draft of drafts) {
    // The results post has a counted short link per platform, like a post: a row per platform and
    // language. Other drafts: a row per language, the platform for the team to choose.
    const variants = draft.links.length
      ? draft.links.map((l) => ({ locale: l.locale, platform: l.platformName, account: (campaign.social.accounts[l.platform] ?? "").replace(/^@/, ""), text: l.text, link: l.url }))
      : campaign.locales.map((l) => ({ locale: l, platform: "", account: "", text: draft.text[l], link: draft.url[l] }));
    for (const v of variants) {
      const l = v.locale;
      rows.push({
        key: `${draft.date}\0~`,
        cells: {
          date: draft.milestone.date,
          time: time(draft.date),
          platform: v.platform,
          account: v.account,
          language: l,
          format: message(locale, "kit.planFormat.draft"),
          text: v.text,
          link: v.link,
          image: "",
          alt: "",
          firstComment: "",
          owner: campaign.social.owner ?? "",
          status: "",
          approval: "",
        },
      });
    }
  }
  // By time, then in the order the campaign lists its posts; drafts after posts of the same minute.
  rows.sort((a, b) => Date.parse(a.key.split("\0")[0]!) - Date.parse(b.key.split("\0")[0]!) || a.key.localeCompare(b.key));
  return toCsv(
    rows.map((row) => PLAN_COLUMNS.map((column) => row.cells[column])),
    { delimiter: ";", bom: true, header: planHeader(locale) },
  );
}

export function planHeader(locale: Locale): string[] {
  return PLAN_COLUMNS.map((column) => message(locale, `kit.plan.${column}`));
}

/** "09:30" in the campaign's zone. */
export function localTime(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(new Date(instant));
}
