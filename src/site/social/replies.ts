// Reply templates for comments under the posts, made from what the campaign already says: where
// and until when to take part, that the map is not needed, what happens to the data and to the
// results, the rules for comments and when the team answers, and the answers to the questions its
// information pages ask in their headings ("Was passiert mit meinen Beiträgen?"). The campaign's
// own social.replies add to them; one with a generated template's id replaces it.
import type { CampaignModel, Locale, Localized } from "../../campaign/model.js";
import { pagePath } from "../../campaign/urls.js";
import { formatDate, message } from "../../i18n/index.js";
import { markdownToText } from "../../pages/markdown.js";

export interface ReplyTemplate {
  id: string;
  label: Localized;
  text: Localized;
  /** Made by mitreden from the campaign, taken from an information page's question, or written in social.replies. */
  source: "generated" | "faq" | "campaign";
}

/** Where the rules for comments and the moderation hours stand on the site: a section of the landing page. */
export const NETIQUETTE_ANCHOR = "netiquette";

export function netiquetteUrl(campaign: CampaignModel, locale: Locale): string {
  return `${campaign.site.baseUrl}${pagePath(campaign, locale)}#${NETIQUETTE_ANCHOR}`;
}

export function replyTemplates(campaign: CampaignModel): ReplyTemplate[] {
  const replies = [...generated(campaign), ...faq(campaign)];
  for (const own of campaign.social.replies) {
    const template: ReplyTemplate = { id: own.id, label: own.label, text: own.text, source: "campaign" };
    const at = replies.findIndex((r) => r.id === own.id);
    if (at >= 0) replies[at] = template;
    else replies.push(template);
  }
  return replies;
}

function generated(campaign: CampaignModel): ReplyTemplate[] {
  const url = (locale: Locale, page?: string) => campaign.site.baseUrl + pagePath(campaign, locale, page);
  const end = (locale: Locale) => formatDate(campaign.period.end, locale, campaign.timezone);
  const per = (make: (locale: Locale) => string): Localized => Object.fromEntries(campaign.locales.map((l) => [l, make(l)]));
  const template = (id: string, key: "where" | "deadline" | "without-map" | "data" | "next" | "netiquette" | "hours", text: (l: Locale) => string): ReplyTemplate => ({
    id,
    label: per((l) => message(l, `kit.reply.${key}.label`)),
    text: per(text),
    source: "generated",
  });

  const replies = [
    template("where", "where", (l) => message(l, "kit.reply.where.text", { date: end(l), url: url(l) })),
    template("deadline", "deadline", (l) => message(l, "kit.reply.deadline.text", { date: end(l), url: url(l) })),
  ];
  // Only where there is a map: its form takes a place from the list or in words, without the map.
  const map = campaign.pages.find((p) => p.type === "map");
  if (map) {
    replies.push(template("without-map", "without-map", (l) => message(l, "kit.reply.without-map.text", { page: map.title[l] ?? "", url: url(l, map.id) })));
  }
  replies.push(template("data", "data", (l) => message(l, "kit.reply.data.text", { url: campaign.organization.privacy })));
  const results = campaign.pages.find((p) => p.type === "results");
  replies.push(template("next", "next", (l) => message(l, "kit.reply.next.text", { date: end(l), url: url(l, results?.id) })));
  if (campaign.social.netiquette) {
    replies.push(template("netiquette", "netiquette", (l) => message(l, "kit.reply.netiquette.text", { url: netiquetteUrl(campaign, l) })));
  }
  const hours = campaign.social.moderationHours;
  if (hours) {
    replies.push(template("hours", "hours", (l) => message(l, "kit.reply.hours.text", { hours: markdownToText(hours[l] ?? "", 300).replace(/[.!]$/, ""), url: netiquetteUrl(campaign, l) })));
  }
  return replies;
}

const QUESTION = /^#{1,6}\s+(.+\?)\s*$/;

/**
 * The questions an information page asks in its headings, each answered by the paragraph that
 * follows it, with a link to the page. In the campaign's default language: a page's headings
 * differ between languages, so the other languages get the question of the same position.
 */
function faq(campaign: CampaignModel): ReplyTemplate[] {
  const found: ReplyTemplate[] = [];
  for (const page of campaign.pages) {
    if (page.type !== "info") continue;
    const perLocale = campaign.locales.map((locale) => ({ locale, questions: questions(page.body[locale] ?? "") }));
    const first = perLocale[0]!;
    first.questions.forEach((question, i) => {
      const label: Localized = {};
      const text: Localized = {};
      for (const { locale, questions: qs } of perLocale) {
        const own = qs[i] ?? question;
        label[locale] = own.question;
        text[locale] = `${own.answer} ${campaign.site.baseUrl}${pagePath(campaign, locale, page.id)}`;
      }
      found.push({ id: `faq-${page.id}-${i + 1}`, label, text, source: "faq" });
    });
  }
  return found;
}

function questions(markdown: string): { question: string; answer: string }[] {
  const lines = markdown.split(/\r?\n/);
  const found: { question: string; answer: string }[] = [];
  lines.forEach((line, i) => {
    const heading = QUESTION.exec(line);
    if (!heading) return;
    const rest = lines.slice(i + 1);
    const end = rest.findIndex((l, j) => j > 0 && (l.trim() === "" || /^#{1,6}\s/.test(l)) && rest.slice(0, j).some((x) => x.trim()));
    const paragraph = rest.slice(0, end < 0 ? undefined : end).join("\n").trim();
    if (paragraph) found.push({ question: heading[1]!.trim(), answer: markdownToText(paragraph, 400) });
  });
  return found;
}
