// The reach figures of a campaign, from what was counted to what a team reads (the desk's page,
// `mitreden reach`, the CSV): one line per post × platform and per QR code, direct, totals per
// platform, the days with the editorial calendar's posts and milestones. Pure: counts in, model
// out; no store, no HTTP (docs/adr/020-reach-without-cookies.md).
import { milestones } from "../../campaign/milestones.js";
import type { CampaignModel, Locale, Platform } from "../../campaign/model.js";
import { RESULTS_POST, resultsPostPlatforms } from "../../campaign/short-links.js";
import { PLATFORM_NAMES } from "../../campaign/social-text.js";
import { dateInZone } from "../../campaign/time.js";
import { message } from "../../i18n/index.js";
import type { PostMetrics, ReachCount, ReachSubmission } from "../store/index.js";
import { channelLabel, channelOf, DIRECT } from "./channels.js";

export interface Counts {
  clicks: number;
  previews: number;
  opened: number;
  submitted: number;
}

export interface ReachLine extends Counts {
  source: string;
  content: string;
  medium: "social" | "print" | "direct";
  /** "Mastodon", "QR-Code und Plakat", "Direkt". */
  channelName: string;
  /** The post's title (or id), the page's title for a QR code; "" for direct. */
  what: string;
  /** Submissions per click (0–1, may exceed 1 when people shared the page on); undefined without clicks. */
  conversion?: number;
  /** What the team entered from the platform's statistics, with the engagement rate (interactions per impression). */
  platform?: Omit<PostMetrics, "campaign" | "post" | "platform"> & { engagement?: number };
}

export interface ReachDay extends Counts {
  /** YYYY-MM-DD in the campaign's time zone. */
  day: string;
}

export interface ReachMark {
  day: string;
  kind: "post" | "milestone";
  text: string;
}

export interface ReachFigures {
  campaign: string;
  title: string;
  locale: Locale;
  posts: ReachLine[];
  print: ReachLine[];
  direct: ReachLine;
  /** Channels counted that the campaign no longer gives out (a renamed post or page). */
  other: ReachLine[];
  /** Per source: each platform, QR codes, direct. */
  platforms: ReachLine[];
  total: Counts & { conversion?: number };
  /** Every day from the campaign's start to its last count (or its end), with zeros. */
  days: ReachDay[];
  marks: ReachMark[];
}

const zero = (): Counts => ({ clicks: 0, previews: 0, opened: 0, submitted: 0 });

function addTo(target: Counts, from: Partial<Counts>): void {
  target.clicks += from.clicks ?? 0;
  target.previews += from.previews ?? 0;
  target.opened += from.opened ?? 0;
  target.submitted += from.submitted ?? 0;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : undefined);

export function reachFigures(campaign: CampaignModel, counted: ReachCount[], submissions: ReachSubmission[], metrics: PostMetrics[] = [], locale: Locale = campaign.locale): ReachFigures {
  const byChannel = new Map<string, Counts>();
  const byDay = new Map<string, Counts>();
  const at = <K>(map: Map<K, Counts>, key: K) => map.get(key) ?? (map.set(key, zero()), map.get(key)!);
  for (const c of counted) {
    const label = c.source === DIRECT ? "" : channelLabel(c);
    addTo(at(byChannel, label), c);
    addTo(at(byDay, c.day), c);
  }
  for (const s of submissions) {
    addTo(at(byChannel, s.referral ?? ""), { submitted: 1 });
    addTo(at(byDay, dateInZone(s.receivedAt, campaign.timezone)), { submitted: 1 });
  }

  const title = (text: Partial<Record<Locale, string>> | undefined) => text?.[locale] ?? text?.[campaign.locale] ?? "";
  const pageTitle = (id: string) => (id === "start" ? title(campaign.title) : title(campaign.pages.find((p) => p.id === id)?.title) || id);
  const channelName = (source: string) =>
    source === DIRECT ? message(locale, "reach.channel.direct") : source === "qr" ? message(locale, "reach.channel.print") : (PLATFORM_NAMES[source as Platform] ?? source);
  const seen = new Set<string>();
  const line = (source: string, content: string, what: string): ReachLine => {
    const label = source === DIRECT ? "" : channelLabel({ source, content });
    seen.add(label);
    const counts = { ...zero(), ...byChannel.get(label) };
    const medium = source === DIRECT ? "direct" : source === "qr" ? "print" : "social";
    return { source, content, medium, channelName: channelName(source), what, ...counts, conversion: ratio(counts.submitted, counts.clicks) };
  };

  const posts = campaign.social.posts.flatMap((post) =>
    post.platforms.map((platform) => {
      const l = line(platform, post.id, title(post.title) || post.id);
      const entered = metrics.find((m) => m.post === post.id && m.platform === platform);
      if (entered) {
        const { impressions, reactions, comments, shares } = entered;
        const interactions = (reactions ?? 0) + (comments ?? 0) + (shares ?? 0);
        l.platform = { impressions, reactions, comments, shares, engagement: impressions ? interactions / impressions : undefined };
      }
      return l;
    }),
  );
  // The kit's results post ("the results are out") is not in campaign.json, but has a post's links
  // on every platform the campaign posts on (src/campaign/short-links.ts): its own lines, not "other".
  for (const platform of resultsPostPlatforms(campaign)) posts.push(line(platform, RESULTS_POST, message(locale, "kit.milestone.results")));
  const print = [line("qr", "start", pageTitle("start")), ...campaign.pages.map((p) => line("qr", p.id, pageTitle(p.id)))];
  const direct = line(DIRECT, "", "");
  const other = [...byChannel.keys()].filter((label) => !seen.has(label)).sort().map((label) => {
    const { source, content } = channelOf(label);
    return line(source, content, content);
  });

  const platforms = new Map<string, ReachLine>();
  for (const l of [...posts, ...print, ...other, direct]) {
    let sum = platforms.get(l.source);
    if (!sum) platforms.set(l.source, (sum = { source: l.source, content: "", medium: l.medium, channelName: l.channelName, what: "", ...zero() }));
    addTo(sum, l);
  }
  for (const sum of platforms.values()) sum.conversion = ratio(sum.submitted, sum.clicks);
  const total = zero();
  for (const sum of platforms.values()) addTo(total, sum);

  const start = dateInZone(campaign.period.start, campaign.timezone);
  const end = [...byDay.keys(), dateInZone(campaign.period.end, campaign.timezone)].sort().at(-1)!;
  const days: ReachDay[] = [];
  const first = [start, ...byDay.keys()].sort()[0]!;
  for (let day = first; day <= end; day = nextDay(day)) days.push({ day, ...zero(), ...byDay.get(day) });

  const marks: ReachMark[] = [
    ...campaign.social.posts.map((post): ReachMark => ({ day: dateInZone(post.date, campaign.timezone), kind: "post", text: title(post.title) || post.id })),
    ...milestones(campaign).map((m): ReachMark => ({ day: m.date, kind: "milestone", text: message(locale, `kit.milestone.${m.id}`) })),
  ].sort((a, b) => a.day.localeCompare(b.day));

  return { campaign: campaign.slug, title: title(campaign.title), locale, posts, print, direct, other, platforms: [...platforms.values()], total: { ...total, conversion: ratio(total.submitted, total.clicks) }, days, marks };
}

function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
