// A channel is where people came from, as coarse as the kit's links: the source (the platform,
// "qr" for print) and the content (the post id, or the page id of a QR code; "start" for the
// landing page), exactly the utm_source and utm_content of the links the kit gives out. Only
// channels the campaign itself gives out are kept: a made-up utm_source counts as "direct", so
// the counts hold no free text anybody could type into a URL (docs/adr/020-reach-without-cookies.md).
import type { CampaignModel } from "../../campaign/model.js";

/** The source of everything that came without a known link. */
export const DIRECT = "direct";

export interface Channel {
  /** The platform ("mastodon"), "qr", or "direct". */
  source: string;
  /** The post id, the page id ("start": the landing page), or "" for direct. */
  content: string;
}

/** The label a submission stores: "mastodon:endspurt", "qr:umfrage". */
export function channelLabel(channel: Channel): string {
  return `${channel.source}:${channel.content}`;
}

/** A stored label back to its channel; none: direct. */
export function channelOf(label: string | undefined): Channel {
  if (!label) return { source: DIRECT, content: "" };
  const at = label.indexOf(":");
  return { source: label.slice(0, at), content: label.slice(at + 1) };
}

const known = new WeakMap<CampaignModel, Set<string>>();

/** Every channel label the campaign gives out: each post on each platform, each page's QR code. */
export function campaignChannels(campaign: CampaignModel): Set<string> {
  let labels = known.get(campaign);
  if (!labels) {
    labels = new Set([
      ...campaign.social.posts.flatMap((post) => post.platforms.map((platform) => channelLabel({ source: platform, content: post.id }))),
      channelLabel({ source: "qr", content: "start" }),
      ...campaign.pages.map((page) => channelLabel({ source: "qr", content: page.id })),
    ]);
    known.set(campaign, labels);
  }
  return labels;
}

/** The label for utm_source and utm_content when the campaign gave out such a link; else undefined (direct). */
export function knownLabel(campaign: CampaignModel, source: unknown, content: unknown): string | undefined {
  if (typeof source !== "string" || typeof content !== "string") return undefined;
  const label = channelLabel({ source: source.toLowerCase(), content });
  return campaignChannels(campaign).has(label) ? label : undefined;
}

/** A label as the browser script sends it ("mastodon:endspurt"), kept only when the campaign gives it out. */
export function checkedLabel(campaign: CampaignModel, label: unknown): string | undefined {
  if (typeof label !== "string" || !label.includes(":")) return undefined;
  const { source, content } = channelOf(label);
  return knownLabel(campaign, source, content);
}

/**
 * The channel in a page address, for a form posted without JavaScript: its Referer, when it is a
 * page of this site (the request's own host, or the campaign's baseUrl) with the kit's utm
 * parameters for this campaign.
 */
export function labelFromReferer(campaign: CampaignModel, referer: string | undefined, ownHost: string | undefined): string | undefined {
  if (!referer) return undefined;
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return undefined;
  }
  // Host names only: a port a proxy adds or drops does not make a page of this site another's.
  if (url.hostname !== hostnameOf(ownHost) && url.hostname !== hostOf(campaign.site.baseUrl)) return undefined;
  const params = url.searchParams;
  if (params.get("utm_campaign") !== campaign.slug) return undefined;
  return knownLabel(campaign, params.get("utm_source"), params.get("utm_content"));
}

function hostOf(baseUrl: string): string | undefined {
  try {
    return new URL(baseUrl).hostname;
  } catch {
    return undefined;
  }
}

/** "localhost:8080" → "localhost", "[::1]:80" → "[::1]". */
function hostnameOf(host: string | undefined): string | undefined {
  return host ? hostOf(`http://${host}`) : undefined;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
let lastDay: { timeZone: string; minute: number; day: string } | undefined;

/** YYYY-MM-DD of an instant in a time zone: counts belong to the campaign's calendar day. */
export function dayIn(timeZone: string, instant: Date): string {
  // The redirect asks for every click: the answer is kept for the rest of the minute.
  const minute = Math.floor(instant.getTime() / 60_000);
  if (lastDay?.timeZone === timeZone && lastDay.minute === minute) return lastDay.day;
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })));
  const day = format.format(instant);
  lastDay = { timeZone, minute, day };
  return day;
}
