// The social-media kit of a campaign (/<slug>/social-kit/): images for every post and platform,
// ready-to-paste texts with counts, QR codes and A4 posters for print, and the editorial calendar
// as .ics and .csv. buildSocialKit writes the files; templates/pages/socialKit.njk shows the data.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CampaignModel, Locale } from "../../campaign/model.js";
import { socialKitPath } from "../../campaign/urls.js";
import { formatDate, formatDateTime, languageName, message, messages, uiLocaleFor } from "../../i18n/index.js";
import { innerPage, landingPage, renderCardImages, type CardImage, type CardOptions, type CardPage, type CardRequest, type ShareCard } from "../cards/index.js";
import { COPY_SCRIPT, KIT_CSS, POSTER_CSS } from "./assets.js";
import { calendarFiles } from "./calendar.js";
import { plannedPosts } from "./posts.js";
import { printUrl, shortUrl, writeQrCode } from "./qr.js";

export interface KitImage extends CardImage {
  formatName: string;
  /** File name for the download attribute, e.g. "marktplatz-umfrage-de-1080x1350.png". */
  downloadName: string;
}

export interface KitEntry {
  /** Unique id for the text field and its copy button. */
  id: string;
  platformName: string;
  locale: Locale;
  localeName: string;
  composed: string;
  rows: number;
  countLabel: string;
  fits: boolean;
  url: string;
  images: KitImage[];
}

export interface KitPost {
  id: string;
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
  shortUrl: string;
  primary: string;
}

export interface KitQrCode {
  title: string;
  locale: Locale;
  localeName: string;
  url: string;
  shortUrl: string;
  svg: string;
  png: string;
  poster: string;
}

export interface KitData {
  url: string;
  lang: Locale;
  title: string;
  labels: Record<string, string>;
  cards: { title: string; localeName: string; image: KitImage }[];
  posts: KitPost[];
  qrCodes: KitQrCode[];
  posters: KitPoster[];
  calendar: { ics: string; csv: string };
  copyScript: string;
  /** Styles of the kit page (templates/pages/socialKit.head.njk). */
  kitStylesheet: string;
  posterStylesheet: string;
  /** Images of this build: rendered anew, or taken from the card cache. */
  rendered: number;
  reused: number;
}

/** Writes the kit's files into `<outDir>/<slug>/social-kit/` and returns what its page shows. */
export async function buildSocialKit(
  campaign: CampaignModel,
  outDir: string,
  opts: CardOptions & { now?: Date; shareCards?: Map<string, ShareCard> } = {},
): Promise<KitData> {
  const base = socialKitPath(campaign);
  const dir = path.join(outDir, ...base.split("/").filter(Boolean));
  const locale = campaign.locale;
  const planned = plannedPosts(campaign);
  const pages = campaign.locales.flatMap((locale) => [landingPage(campaign, locale), ...campaign.pages.map((p) => innerPage(campaign, locale, p))]);
  const pageOf = (url: string) => pages.find((p) => p.url === url)!;

  // Every image once: the link card of each page, and each size a post needs of the page it links to.
  const requests = new Map<string, CardRequest>();
  const want = (page: CardPage, format: CardRequest["format"]) => {
    const name = `${page.name}-${format}`;
    if (!requests.has(name)) requests.set(name, { name, content: page.content, format });
    return name;
  };
  pages.forEach((page) => want(page, "link"));
  planned.forEach((p) => p.formats.forEach((format) => want(pageOf(p.pagePath), format)));
  // A page's link card is its share card, already in /assets/cards/: the kit links to that file
  // instead of keeping a second copy.
  const shared = new Map<string, CardImage>();
  for (const page of pages) {
    const card = opts.shareCards?.get(page.url);
    if (card) shared.set(`${page.name}-link`, { path: card.path, jpeg: card.jpeg, width: card.width, height: card.height, alt: card.alt });
  }
  const list = [...requests.values()].filter((request) => !shared.has(request.name));
  const rendered = await renderCardImages(list, path.join(dir, "images"), `${base}images/`, opts);
  const images = new Map(list.map((request, i) => [request.name, kitImage(request, rendered.images[i]!, campaign.locale)]));
  for (const [name, image] of shared) images.set(name, kitImage(requests.get(name)!, image, campaign.locale));

  const localeName = (l: Locale) => languageName(l);
  const titleOf = (page: CardPage) => page.content.title;
  const posts = campaign.social.posts.map((post): KitPost => ({
    id: post.id,
    date: post.date,
    dateLabel: formatDateTime(post.date, locale, campaign.timezone),
    pageTitle: titleOf(pageOf(planned.find((p) => p.post === post)?.pagePath ?? "")),
    entries: planned
      .filter((p) => p.post === post)
      .map((p) => ({
        id: `post-${post.id}-${p.platform}-${p.locale}`,
        platformName: p.platformName,
        locale: p.locale,
        localeName: localeName(p.locale),
        composed: p.composed,
        rows: Math.min(12, p.composed.split("\n").length + Math.ceil(p.composed.length / 70)),
        countLabel: message(locale, "kit.characters", { length: p.length, limit: p.limit }),
        fits: p.fits,
        url: p.url,
        images: p.formats.map((format) => images.get(`${pageOf(p.pagePath).name}-${format}`)!),
      })),
  }));

  const qrCodes: KitQrCode[] = [];
  const posters: KitPoster[] = [];
  await mkdir(path.join(dir, "qr"), { recursive: true });
  for (const page of pages) {
    const id = page.name.slice(campaign.slug.length + 1);
    const url = printUrl(campaign.site.baseUrl, page.url, campaign.slug, id.replace(/-[^-]+$/, ""));
    const files = await writeQrCode(url, path.join(dir, "qr"), page.name);
    const file = (f: string) => `${base}qr/${path.basename(f)}`;
    const poster = `${base}poster/${id}/`;
    const short = shortUrl(campaign.site.baseUrl, page.url);
    const pageLocale = page.content.locale;
    qrCodes.push({ title: titleOf(page), locale: pageLocale, localeName: localeName(pageLocale), url, shortUrl: short, svg: file(files.svg), png: file(files.png), poster });
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
      qrAlt: message(pageLocale, "kit.poster.qrAlt", { address: short }),
      shortUrl: short,
      primary: campaign.theme.primary,
    });
  }

  const calendar = calendarFiles(campaign, planned, opts.now ?? new Date());
  await mkdir(dir, { recursive: true });
  await Promise.all([
    writeFile(path.join(dir, `${campaign.slug}-redaktionskalender.ics`), calendar.ics),
    writeFile(path.join(dir, `${campaign.slug}-redaktionskalender.csv`), calendar.csv),
    writeFile(path.join(dir, "copy.js"), COPY_SCRIPT),
    writeFile(path.join(dir, "kit.css"), KIT_CSS),
    writeFile(path.join(dir, "poster.css"), POSTER_CSS),
  ]);

  // Templates get the texts without placeholders; the others are filled in here.
  const plain = Object.fromEntries(Object.entries(messages(locale, "kit")).filter((entry): entry is [string, string] => typeof entry[1] === "string" && !entry[1].includes("{")));
  const download = (what: string) => message(locale, "kit.download", { what });
  return {
    url: base,
    lang: campaign.locale,
    title: `${message(locale, "kit.title")}: ${campaign.title[campaign.locale] ?? ""}`,
    labels: { ...plain, downloadPng: download("PNG"), downloadJpeg: download("JPEG"), downloadSvg: download("SVG") },
    cards: pages.map((page) => ({ title: titleOf(page), localeName: localeName(page.content.locale), image: images.get(`${page.name}-link`)! })),
    posts,
    qrCodes,
    posters,
    calendar: { ics: `${base}${campaign.slug}-redaktionskalender.ics`, csv: `${base}${campaign.slug}-redaktionskalender.csv` },
    copyScript: `${base}copy.js`,
    kitStylesheet: `${base}kit.css`,
    posterStylesheet: `${base}poster.css`,
    rendered: rendered.rendered,
    reused: rendered.reused,
  };
}

function kitImage(request: CardRequest, image: CardImage, locale: Locale): KitImage {
  const formatName = `${message(locale, `kit.format.${request.format}`)}, ${image.width} × ${image.height}`;
  return { ...image, formatName, downloadName: `${request.name.replace(/-(link|square|portrait|story)$/, "")}-${image.width}x${image.height}.png` };
}
