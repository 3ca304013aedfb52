// The social-media kit of a campaign (/<slug>/social-kit/): every post on every platform in the one
// way that platform shows it (a link post, or pictures with the link in the text or the bio), with
// its pictures, alt texts, credits, short link and a feed preview; reply, crisis and draft
// templates; QR codes and A4 posters; the editorial plan, calendar and scheduling-tool files.
// buildSocialKit writes the files; templates/pages/socialKit.njk shows the data.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CampaignModel, Locale } from "../../campaign/model.js";
import { printShortLink, printUrl } from "../../campaign/short-links.js";
import { socialKitPath } from "../../campaign/urls.js";
import { formatDate, formatDateTime, languageName, message, messages, uiLocaleFor } from "../../i18n/index.js";
import { innerPage, landingPage, renderCardImages, type CardFormat, type CardImage, type CardOptions, type CardPage, type CardRequest, type ShareCard } from "../cards/index.js";
import { renderMarkdown } from "../../pages/markdown.js";
import { COPY_SCRIPT, KIT_CSS, posterCss } from "./assets.js";
import { calendarIcs } from "./calendar.js";
import { crisisTemplates, kitNotices, type CrisisTemplate, type KitNotice } from "./crisis.js";
import { draftPosts } from "./drafts.js";
import { planCsv, type PlanImage } from "./plan.js";
import { postTitle, plannedPosts, type PlannedPost, type PostImage } from "./posts.js";
import { feedPreview, type FeedPreview } from "./preview.js";
import { shortUrl, writeQrCode } from "./qr.js";
import { replyTemplates } from "./replies.js";
import { TOOL_DOCS, toolFiles, type SchedulingTool } from "./tools.js";

export { NETIQUETTE_ANCHOR, netiquetteUrl } from "./replies.js";

export interface KitImage extends CardImage {
  format: CardFormat;
  formatName: string;
  /** File name for the download attribute, e.g. "marktplatz-start-de-1080x1350.png". */
  downloadName: string;
  /** Absolute URL on the published site (what scheduling tools fetch). */
  url: string;
  /** Height of its alt text's field, in lines. */
  altRows: number;
}

export interface KitEntry {
  /** Unique id for the text field and its copy button. */
  id: string;
  platform: string;
  platformName: string;
  locale: Locale;
  localeName: string;
  /** How to publish it here, in a sentence. */
  way: string;
  composed: string;
  rows: number;
  countLabel: string;
  fits: boolean;
  /** The link to give out, and what to do with it ("Kurzlink", "Link für die Bio", …). */
  link: { label: string; url: string };
  /** Where the link leads: the page with its UTM parameters. */
  target: string;
  images: KitImage[];
  /** Setting the post language, selecting mentions. */
  hints: string[];
  preview: FeedPreview;
}

export interface KitPost {
  id: string;
  title: string;
  date: string;
  dateLabel: string;
  pageTitle: string;
  entries: KitEntry[];
}

export interface KitPoster {
  /** Root-relative URL of the poster page. */
  url: string;
  locale: Locale;
  /** Language of the poster's own words (call, until, scan): `locale`, or its fallback. */
  uiLocale: Locale;
  title: string;
  campaignTitle: string;
  organization: string;
  until: string;
  call: string;
  scan: string;
  qrSvg: string;
  qrAlt: string;
  /** The page's address without scheme, printed under the code for people who cannot scan it. */
  shortUrl: string;
}

export interface KitQrCode {
  title: string;
  locale: Locale;
  localeName: string;
  /** What the code holds: the short link, or the page's print link when the campaign has none. */
  url: string;
  /** Where it leads: the page with utm_medium=print. */
  target: string;
  shortUrl: string;
  svg: string;
  png: string;
  poster: string;
}

export interface KitCard {
  title: string;
  localeName: string;
  image: KitImage;
  /** The file og:image names (JPEG where much smaller than the PNG). */
  shared: string;
}

export interface KitText {
  id: string;
  label: string;
  /** Per language of the campaign. */
  texts: { id: string; locale: Locale; localeName: string; text: string }[];
}

export interface KitData {
  url: string;
  lang: Locale;
  title: string;
  labels: Record<string, string>;
  shortLinks: boolean;
  cards: KitCard[];
  posts: KitPost[];
  replies: KitText[];
  crisis: (KitText & { noticeJson: string; existing: boolean })[];
  notices: (KitNotice & { id: string; texts: KitText["texts"] })[];
  drafts: (KitText & { dateLabel: string })[];
  /** The campaign's rules for comments and moderation hours, as HTML (from its Markdown). */
  netiquette?: string;
  moderationHours?: string;
  qrCodes: KitQrCode[];
  posters: KitPoster[];
  calendar: { ics: string; plan: string };
  tools: { tool: SchedulingTool; label: string; note?: string; docs: string; files: { href: string; name: string; label: string }[] }[];
  copyScript: string;
  /** Styles of the kit page (templates/pages/socialKit.head.njk). */
  kitStylesheet: string;
  posterStylesheet: string;
  /** Images of this build: rendered anew, or taken from the card cache. */
  rendered: number;
  reused: number;
}

/**
 * The site's share cards of this build, which a kit takes as its link pictures instead of drawing
 * them again. Which pages have one is known before they are drawn, so a kit draws its posts'
 * pictures while the share cards are still being made.
 */
export interface SharedCards {
  urls: ReadonlySet<string>;
  cards: Promise<Map<string, ShareCard>>;
}

/**
 * Writes the kit's files into `<outDir>/<slug>/social-kit/`, the posts' pictures into
 * `<outDir>/assets/social/<slug>/` (public: scheduling tools fetch them from the site, also when
 * the kit itself is built for an intranet), and returns what its page shows.
 */
export async function buildSocialKit(
  campaign: CampaignModel,
  outDir: string,
  opts: CardOptions & { now?: Date; shareCards?: SharedCards } = {},
): Promise<KitData> {
  const base = socialKitPath(campaign);
  const dir = path.join(outDir, ...base.split("/").filter(Boolean));
  const imagesUrl = `/assets/social/${campaign.slug}/`;
  const locale = campaign.locale;
  const planned = plannedPosts(campaign);
  // The kit's link cards are the site's of this build: with a current extension notice, "verlängert bis".
  const at = (opts.now ?? new Date()).toISOString();
  const pages = campaign.locales.flatMap((l) => [landingPage(campaign, l, at), ...campaign.pages.map((p) => innerPage(campaign, l, p, at))]);
  const pageOf = (url: string) => pages.find((p) => p.url === url)!;

  // Every picture once: each page's link card (its share card, when the site has it already) and
  // each picture a post attaches (one file for every platform that attaches the same one).
  const requests = new Map<string, CardRequest>();
  const want = (name: string, request: Omit<CardRequest, "name">) => {
    if (!requests.has(name)) requests.set(name, { name, ...request });
  };
  pages.forEach((page) => want(`${page.name}-link`, { content: page.content, format: "link" }));
  planned.forEach((p) => p.images.forEach((image) => want(image.name, { content: image.content, format: image.format })));
  const sharedNames = new Set(pages.filter((page) => opts.shareCards?.urls.has(page.url)).map((page) => `${page.name}-link`));
  const list = [...requests.values()].filter((request) => !sharedNames.has(request.name));
  const rendered = await renderCardImages(list, path.join(outDir, ...imagesUrl.split("/").filter(Boolean)), imagesUrl, opts);
  const shareCards = (await opts.shareCards?.cards) ?? new Map<string, ShareCard>();
  const shared = new Map<string, CardImage>();
  for (const page of pages) {
    const card = shareCards.get(page.url);
    if (!sharedNames.has(`${page.name}-link`)) continue;
    if (!card) throw new Error(`the share card of ${page.url} was announced but not made`);
    shared.set(`${page.name}-link`, { path: card.png, jpeg: card.jpeg, width: card.width, height: card.height, alt: card.alt, credit: page.content.credit });
  }
  const images = new Map(list.map((request, i) => [request.name, kitImage(campaign, request, rendered.images[i]!, locale)]));
  for (const [name, image] of shared) images.set(name, kitImage(campaign, requests.get(name)!, image, locale));
  const imagesOf = (p: PlannedPost): KitImage[] => p.images.map((image: PostImage) => images.get(image.name)!);
  const planImages = (p: PlannedPost): PlanImage[] => imagesOf(p).map((i) => ({ url: campaign.site.baseUrl + (i.jpeg ?? i.path), alt: i.alt }));

  const localeName = (l: Locale) => languageName(l);
  const titleOf = (page: CardPage) => page.content.title;
  const shareOf = (page: CardPage) => shareCards.get(page.url);
  const posts = campaign.social.posts.map((post): KitPost => ({
    id: post.id,
    title: postTitle(campaign, post, locale),
    date: post.date,
    dateLabel: formatDateTime(post.date, locale, campaign.timezone),
    pageTitle: titleOf(pageOf(planned.find((p) => p.post === post)?.pagePath ?? "")),
    entries: planned.filter((p) => p.post === post).map((p) => kitEntry(campaign, p, imagesOf(p), images.get(`${pageOf(p.pagePath).name}-link`)!)),
  }));

  const qrCodes: KitQrCode[] = [];
  const posters: KitPoster[] = [];
  await mkdir(path.join(dir, "qr"), { recursive: true });
  for (const page of pages) {
    const id = page.name.slice(campaign.slug.length + 1);
    const pageId = id === `start-${page.content.locale}` ? undefined : id.replace(/-[^-]+$/, "");
    const pageLocale = page.content.locale;
    const target = printUrl(campaign.site.baseUrl, page.url, campaign.slug, pageId ?? "start");
    const url = printShortLink(campaign, pageId, pageLocale)?.url ?? target;
    const files = await writeQrCode(url, path.join(dir, "qr"), page.name);
    const file = (f: string) => `${base}qr/${path.basename(f)}`;
    const poster = `${base}poster/${id}/`;
    const address = shortUrl(campaign.site.baseUrl, page.url);
    qrCodes.push({ title: titleOf(page), locale: pageLocale, localeName: localeName(pageLocale), url, target, shortUrl: address, svg: file(files.svg), png: file(files.png), poster });
    posters.push({
      url: poster,
      locale: pageLocale,
      uiLocale: uiLocaleFor(pageLocale),
      title: titleOf(page),
      campaignTitle: page.content.kicker ?? "",
      organization: page.content.organization,
      until: message(pageLocale, "kit.posterUntil", { date: formatDate(campaign.period.end, pageLocale, campaign.timezone) }),
      call: message(pageLocale, "kit.posterCall"),
      scan: message(pageLocale, "kit.posterScan"),
      qrSvg: file(files.svg),
      qrAlt: message(pageLocale, "kit.poster.qrAlt", { address }),
      shortUrl: address,
    });
  }

  const drafts = draftPosts(campaign);
  const tools = toolFiles(campaign, planned, planImages);
  const names = { ics: `${campaign.slug}-redaktionskalender.ics`, plan: `${campaign.slug}-redaktionsplan.csv` };
  await mkdir(path.join(dir, "tools"), { recursive: true });
  await Promise.all([
    writeFile(path.join(dir, names.ics), calendarIcs(campaign, planned, drafts, opts.now ?? new Date())),
    writeFile(path.join(dir, names.plan), planCsv(campaign, planned, drafts, planImages)),
    ...tools.map((f) => writeFile(path.join(dir, "tools", f.name), f.content)),
    writeFile(path.join(dir, "copy.js"), COPY_SCRIPT),
    writeFile(path.join(dir, "kit.css"), KIT_CSS),
    writeFile(path.join(dir, "poster.css"), posterCss(campaign.theme.primary)),
  ]);

  const texts = (id: string, values: Record<Locale, string>) =>
    campaign.locales.map((l) => ({ id: `${id}-${l}`, locale: l, localeName: localeName(l), text: values[l] ?? "" }));
  // Templates get the texts without placeholders; the others are filled in here.
  const plain = Object.fromEntries(Object.entries(messages(locale, "kit")).filter((entry): entry is [string, string] => typeof entry[1] === "string" && !entry[1].includes("{")));
  const download = (what: string) => message(locale, "kit.download", { what });
  return {
    url: base,
    lang: locale,
    title: `${message(locale, "kit.title")}: ${campaign.title[locale] ?? ""}`,
    labels: { ...plain, downloadPng: download("PNG"), downloadJpeg: download("JPEG"), downloadSvg: download("SVG"), downloadCsv: download("CSV") },
    shortLinks: campaign.social.shortLinks,
    cards: pages.map((page) => {
      const image = images.get(`${page.name}-link`)!;
      return { title: titleOf(page), localeName: localeName(page.content.locale), image, shared: shareOf(page)?.path ?? image.path };
    }),
    posts,
    replies: replyTemplates(campaign).map((r) => ({ id: `reply-${r.id}`, label: r.label[locale] ?? "", texts: texts(`reply-${r.id}`, r.text) })),
    crisis: crisisTemplates(campaign).map((c: CrisisTemplate) => ({ id: `crisis-${c.kind}`, label: c.label[locale] ?? "", texts: texts(`crisis-${c.kind}`, c.text), noticeJson: c.noticeJson, existing: c.notice !== undefined })),
    notices: kitNotices(campaign, locale).map((n) => ({ ...n, id: `notice-${n.notice.id}`, texts: texts(`notice-${n.notice.id}`, n.text) })),
    drafts: drafts.map((d) => ({
      id: `draft-${d.milestone.id}`,
      label: message(locale, `kit.milestone.${d.milestone.id}`),
      dateLabel: formatDateTime(d.date, locale, campaign.timezone),
      // The results post: its text with the counted short link of each platform, like a post's.
      texts: d.links.length
        ? d.links.map((l) => ({ id: `draft-${d.milestone.id}-${l.platform}-${l.locale}`, locale: l.locale, localeName: `${l.platformName}, ${localeName(l.locale)}`, text: l.text }))
        : texts(`draft-${d.milestone.id}`, d.text),
    })),
    netiquette: campaign.social.netiquette && renderMarkdown(campaign.social.netiquette[locale] ?? "", { topLevel: 4 }),
    moderationHours: campaign.social.moderationHours && renderMarkdown(campaign.social.moderationHours[locale] ?? "", { topLevel: 4 }),
    qrCodes,
    posters,
    calendar: { ics: `${base}${names.ics}`, plan: `${base}${names.plan}` },
    tools: (["buffer", "hootsuite"] as const)
      .map((tool) => ({
        tool,
        label: message(locale, `kit.tool.${tool}`),
        note: tool === "hootsuite" ? message(locale, "kit.tool.hootsuiteNote") : undefined,
        docs: TOOL_DOCS[tool],
        files: tools.filter((f) => f.tool === tool).map((f) => ({ href: `${base}tools/${f.name}`, name: f.name, label: `${f.platformName} (${localeName(f.locale)})` })),
      }))
      .filter((t) => t.files.length > 0),
    copyScript: `${base}copy.js`,
    kitStylesheet: `${base}kit.css`,
    posterStylesheet: `${base}poster.css`,
    rendered: rendered.rendered,
    reused: rendered.reused,
  };
}

function kitEntry(campaign: CampaignModel, p: PlannedPost, images: KitImage[], linkCard: KitImage): KitEntry {
  const locale = campaign.locale;
  const way = p.way === "link"
    ? message(locale, "kit.way.link", { platform: p.platformName })
    : p.way === "story"
      ? message(locale, "kit.way.story")
      : message(locale, `kit.way.${p.way}${p.linkInText ? "" : "Bio"}`, { platform: p.platformName });
  const hints: string[] = [];
  if ((p.platform === "mastodon" || p.platform === "bluesky") && campaign.locales.length > 1) {
    hints.push(message(locale, "kit.languageHint", { languages: listOf(campaign.locales.map((l) => nameIn(l, locale)), locale), platform: p.platformName }));
  }
  if ((p.platform === "facebook" || p.platform === "linkedin") && p.mentions.length) hints.push(message(locale, "kit.mentionsHint", { platform: p.platformName }));
  const linkLabel = p.way === "story" ? "kit.stickerLink" : !p.linkInText ? "kit.bioLink" : p.code ? "kit.shortLink" : "kit.link";
  const shown = p.way === "link" ? linkCard : images[0];
  return {
    id: `post-${p.post.id}-${p.platform}-${p.locale}`,
    platform: p.platform,
    platformName: p.platformName,
    locale: p.locale,
    localeName: languageName(p.locale),
    way,
    composed: p.composed,
    rows: Math.min(12, p.composed.split("\n").length + Math.ceil(p.composed.length / 70)),
    countLabel: p.way === "story" ? message(locale, "kit.storyText") : message(locale, "kit.characters", { length: p.length, limit: p.limit }),
    fits: p.fits,
    link: { label: message(locale, linkLabel), url: p.link },
    target: p.url,
    images,
    hints,
    preview: feedPreview({
      platform: p.platform,
      way: p.way,
      account: p.account ?? campaign.organization.name[p.locale] ?? campaign.organization.name[locale] ?? "",
      composed: p.composed,
      link: p.link,
      linkInText: p.linkInText,
      image: shown && { path: shown.path, width: shown.width, height: shown.height, format: shown.format },
      imageCount: p.way === "carousel" ? images.length : 1,
      linkHost: new URL(campaign.site.baseUrl).host,
    }),
  };
}

function kitImage(campaign: CampaignModel, request: CardRequest, image: CardImage, locale: Locale): KitImage {
  const slide = /-slide(\d+)-[^-]+$/.exec(request.name);
  const formatName = slide
    ? message(locale, "kit.format.slide", { number: Number(slide[1]), count: campaign.social.posts.find((p) => request.name.startsWith(`${campaign.slug}-${p.id}-slide`))?.slides.length ?? 1 })
    : message(locale, `kit.format.${request.format}`);
  return {
    ...image,
    format: request.format,
    formatName: `${formatName}, ${image.width} × ${image.height}`,
    downloadName: `${request.name}-${image.width}x${image.height}.png`,
    url: campaign.site.baseUrl + image.path,
    altRows: Math.min(8, Math.ceil(image.alt.length / 60) + 1),
  };
}

/** "Deutsch und Englisch". */
function listOf(items: string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(items);
}

/** A language named in the kit's language ("Englisch" in a German kit). */
function nameIn(language: Locale, locale: Locale): string {
  return new Intl.DisplayNames([locale], { type: "language" }).of(language) ?? language;
}
