// The card as a tree for Satori (its React-like object form; no JSX needed). Every box is placed
// absolutely from geometry computed here, and every text is already broken into lines that were
// measured to fit (fit-text.ts), so nothing can overflow or be cut off. The SVG holds only the
// words; colour, photo and logo lie beneath it (render.ts), where librsvg need not redraw them.
import { MitredenError } from "../../errors.js";
import { TEXT_COLOR, type CardColors } from "./colors.js";
import type { CardContent } from "./content.js";
import { fitText, type FitBox, type FittedText } from "./fit-text.js";
import { FORMATS, type CardFormat } from "./formats.js";
import type { FontMetrics } from "./metrics.js";

export interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: (CardNode | string)[] | string; src?: string; width?: number; height?: number };
}

export interface LayoutInput {
  content: CardContent;
  format: CardFormat;
  colors: CardColors;
  metrics: { regular: FontMetrics; semibold: FontMetrics };
  /** Size of the logo's picture; the logo itself is painted beneath the SVG (render.ts). */
  logo?: { width: number; height: number };
  hasHero: boolean;
}

/** Where the text may go; the contrast test samples the background there. */
export interface CardGeometry {
  text: { left: number; top: number; width: number; height: number };
  /** Height of the photo band on tall cards (0 on landscape cards, where it lies under the text). */
  heroHeight: number;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The card's tree, and where its parts landed (tests check the headline and the address). */
export interface CardLayout {
  node: CardNode;
  /** Top left corner of the logo's white tile, painted beneath the words. */
  logoAt?: { left: number; top: number };
  /** Kicker, title and subtitle. */
  headline: Box;
  /** The web address, as drawn (one or two lines). */
  address: string[];
  /** The marked place for a story's link sticker. */
  sticker?: Box;
}

/** A title that cannot fit the card even at the smallest size, hyphenated. */
export class CardTextTooLongError extends MitredenError {}

export function cardGeometry(format: CardFormat, hasHero: boolean): CardGeometry {
  const f = FORMATS[format];
  const heroHeight = hasHero && f.orientation === "tall" ? Math.round(f.height * f.heroShare) : 0;
  const top = heroHeight ? heroHeight + f.padding : f.safeTop + f.padding;
  const bottom = f.height - f.stripe - f.padding - f.safeBottom;
  const column = f.column ?? { left: f.padding, width: f.width - 2 * f.padding };
  return { text: { left: column.left, top, width: column.width, height: bottom - top }, heroHeight };
}

export function cardLayout(input: LayoutInput): CardNode {
  return layoutCard(input).node;
}

/** The card as Satori nodes: header (logo tile, organization), headline, the story's sticker place, footer (period, address). */
export function layoutCard(input: LayoutInput): CardLayout {
  const { content, format, colors, metrics } = input;
  const f = FORMATS[format];
  const centred = f.align === "center";
  const geometry = cardGeometry(format, input.hasHero);
  const { left, top, width, height } = geometry.text;
  const children: CardNode[] = [];

  // Header: logo on a white tile (a logo in the campaign colour would vanish on it), organization.
  const tile = input.logo ? logoTile(input.logo, f.logoBox) : undefined;
  const orgRoom = width - (tile ? tile.width + 20 : 0);
  const organization = fit(content.organization, metrics.regular, { width: orgRoom, height: f.logoBox, maxLines: 2, lineHeight: 1.2, maxSize: f.type.organization[0], minSize: f.type.organization[1] });
  const orgWidth = organization ? Math.ceil(Math.max(...organization.lines.map((l) => metrics.regular.width(l, organization.fontSize) * 1.03))) : 0;
  const headerWidth = (tile ? tile.width + (organization ? 20 : 0) : 0) + orgWidth;
  const headerLeft = centred ? left + Math.round((width - headerWidth) / 2) : left;
  const headerHeight = Math.max(tile ? f.logoBox : 0, organization?.height ?? 0);
  const logoAt = tile ? { left: headerLeft, top } : undefined;
  if (organization) {
    const orgLeft = headerLeft + (tile ? tile.width + 20 : 0);
    children.push(at(orgLeft, top + Math.round((headerHeight - organization.height) / 2), lines(organization, 400)));
  }

  // Footer, from the bottom up: the address (on every card, so people find the page without a link),
  // above it the period on a white pill (primary on white also has 4.5:1).
  const bottom = top + height;
  const address = fitAddress(content, metrics.regular, width, f.type.footer);
  const addressTop = bottom - address.height;
  children.push(at(left, addressTop, lines(address, 400, 0, 0, centred ? width : undefined)));
  let footerTop = addressTop;
  if (content.period) {
    const pillHeight = Math.round(f.type.footer * 2);
    const pillWidth = Math.ceil(metrics.semibold.width(content.period, f.type.footer) * 1.03) + f.type.footer * 1.6;
    footerTop = addressTop - 10 - pillHeight;
    children.push(at(centred ? left + Math.round((width - pillWidth) / 2) : left, footerTop, pill(content.period, pillWidth, pillHeight, f.type.footer, colors)));
  }

  // A story's link sticker goes above the footer, in a marked place, so it covers no words.
  let sticker: Box | undefined;
  let middleBottom = footerTop - f.gap;
  if (f.sticker) {
    const w = Math.min(f.sticker.width, width);
    sticker = { left: left + Math.round((width - w) / 2), top: middleBottom - f.sticker.height, width: w, height: f.sticker.height };
    children.push(at(sticker.left, sticker.top, stickerPlace(sticker, content.stickerLabel ?? "", f.type.footer)));
    middleBottom = sticker.top - f.gap;
  }

  const middleTop = top + headerHeight + (headerHeight ? f.gap : 0);
  const middle = headline(input, width, middleBottom - middleTop, centred);
  const headlineTop = middleTop + Math.max(0, Math.round((middleBottom - middleTop - middle.height) / 2));
  children.push(at(left, headlineTop, middle.node));

  children.push(at(0, f.height - f.stripe, box({ width: f.width, height: f.stripe, backgroundColor: colors.accent })));
  return {
    node: box({ position: "relative", width: f.width, height: f.height, fontFamily: "Fira Sans", color: TEXT_COLOR }, children),
    logoAt,
    headline: { left, top: headlineTop, width, height: middle.height },
    address: address.lines,
    sticker,
  };
}

/**
 * The web address on one line, shrinking to 60 % of the footer size; a longer one breaks after a
 * "/" into two lines. An address that even then does not fit fails the build: the words that lead
 * people to the page without a link never silently go missing.
 */
function fitAddress(content: CardContent, metrics: FontMetrics, width: number, footer: number): FittedText {
  const oneLine = fitText(content.address, metrics, { width, height: footer * 2, maxLines: 1, lineHeight: 1.2, maxSize: Math.round(footer * 0.92), minSize: Math.round(footer * 0.6) });
  if (oneLine && !oneLine.hyphenated) return oneLine;
  const size = Math.round(footer * 0.6);
  const measure = (s: string) => metrics.width(s, size) * 1.03;
  const parts = content.address.split(/(?<=\/)/);
  for (let cut = parts.length - 1; cut > 0; cut--) {
    const first = parts.slice(0, cut).join("");
    const second = parts.slice(cut).join("");
    if (measure(first) <= width && measure(second) <= width) {
      const lineHeight = Math.round(size * 1.2);
      return { lines: [first, second], fontSize: size, lineHeight, height: 2 * lineHeight, hyphenated: false };
    }
  }
  throw new CardTextTooLongError(`The web address "${content.address}" does not fit on a card. Use a shorter site.baseUrl or page id.`);
}

/**
 * Opacity of the campaign colour over the photo at column x of a landscape card: even under the
 * text column, then thinning out over the photo on either side of it.
 */
export function veilAt(x: number, format: CardFormat, veil: number): number {
  const f = FORMATS[format];
  const { text } = cardGeometry(format, true);
  const solidStart = text.left - 24;
  const solidEnd = text.left + text.width + 24;
  if (x >= solidStart && x <= solidEnd) return veil;
  const share = x < solidStart ? (solidStart - x) / solidStart : (x - solidEnd) / (f.width - solidEnd);
  return veil + share * (0.25 - veil);
}

/** Kicker, title and subtitle, sized so that all three fit the height between header and footer. */
function headline(input: LayoutInput, width: number, height: number, centred: boolean): { node: CardNode; height: number } {
  const { content, format, metrics } = input;
  const f = FORMATS[format];
  const attempt = (withKicker: boolean, withSubtitle: boolean) => {
    const kicker = withKicker && content.kicker
      ? fit(content.kicker, metrics.semibold, { width, height, maxLines: 2, lineHeight: 1.2, maxSize: f.type.kicker, minSize: f.type.kicker - 6 })
      : undefined;
    const subtitle = withSubtitle && content.subtitle
      ? fit(content.subtitle, metrics.regular, { width, height, maxLines: 3, lineHeight: 1.25, maxSize: f.type.subtitle[0], minSize: f.type.subtitle[1] })
      : undefined;
    const used = (kicker ? kicker.height + 12 : 0) + (subtitle ? subtitle.height + 20 : 0);
    const title = fit(content.title, metrics.semibold, {
      width,
      height: height - used,
      maxLines: f.type.titleLines,
      lineHeight: 1.12,
      maxSize: f.type.title[0],
      minSize: f.type.title[1],
    });
    return title && { kicker, title, subtitle, height: used + title.height };
  };
  // A kicker or subtitle that squeezes the title below 60 % of its largest size gives way (the
  // kicker first: the campaign's name is on the site, the subtitle is the post's message); one
  // that leaves no room at all always does. The title never does.
  const large = Math.round(f.type.title[0] * 0.6);
  const options = [attempt(true, true), attempt(false, true), attempt(true, false), attempt(false, false)];
  const parts = options.find((o) => o && o.title.fontSize >= large) ?? options.find((o) => o !== undefined);
  if (!parts) {
    throw new CardTextTooLongError(
      `The share card title "${content.title}" (${content.locale}) does not fit on a ${f.width} × ${f.height} card. ` +
        `Give the page a shorter "card": { "title": … } in campaign.json.`,
    );
  }
  const children: CardNode[] = [];
  const lineWidth = centred ? width : undefined;
  if (parts.kicker) children.push(lines(parts.kicker, 600, 12, 0, lineWidth));
  children.push(lines(parts.title, 600, 0, 0, lineWidth));
  if (parts.subtitle) children.push(lines(parts.subtitle, 400, 0, 20, lineWidth));
  return { node: box({ display: "flex", flexDirection: "column", width }, children), height: parts.height };
}

function fit(text: string, metrics: FontMetrics, box: FitBox): FittedText | undefined {
  return text ? fitText(text, metrics, box) : undefined;
}

/** Lines of fitted text; with `centreIn`, each line is centred in a box of that width. */
function lines(text: FittedText, weight: 400 | 600, marginBottom = 0, marginTop = 0, centreIn?: number): CardNode {
  const centring: Record<string, string | number> = centreIn ? { width: centreIn, justifyContent: "center" } : {};
  return box(
    { display: "flex", flexDirection: "column", marginBottom, marginTop, color: TEXT_COLOR, fontWeight: weight },
    text.lines.map((line) =>
      box({ display: "flex", fontSize: text.fontSize, lineHeight: `${text.lineHeight}px`, height: text.lineHeight, whiteSpace: "pre", ...centring }, [line]),
    ),
  );
}

/** The place for a story's link sticker: a dashed frame with its name, covered by the sticker when it is placed. */
function stickerPlace(place: Box, label: string, fontSize: number): CardNode {
  return box(
    {
      display: "flex",
      alignItems: "center",
      justifyContent: "center",
      width: place.width,
      height: place.height,
      borderRadius: 28,
      border: "4px dashed #ffffff",
      color: TEXT_COLOR,
      fontSize,
      fontWeight: 600,
      whiteSpace: "pre",
    },
    label ? [label] : [],
  );
}

function pill(text: string, width: number, height: number, fontSize: number, colors: CardColors): CardNode {
  return box(
    {
      display: "flex",
      alignItems: "center",
      justifyContent: "center",
      width,
      height,
      borderRadius: height / 2,
      backgroundColor: "#ffffff",
      color: colors.background,
      fontSize,
      fontWeight: 600,
      whiteSpace: "pre",
    },
    [text],
  );
}

export interface LogoTile {
  /** The white tile, at the text column's top left corner. */
  width: number;
  height: number;
  /** The logo on it, centred. */
  logo: { left: number; top: number; width: number; height: number };
}

/** The logo on a white tile (a logo in the campaign colour would vanish on the card). */
export function logoTile(logo: { width: number; height: number }, size: number): LogoTile {
  const inner = size - 16;
  const scale = Math.min(inner / logo.width, inner / logo.height);
  const w = Math.round(logo.width * scale);
  const h = Math.round(logo.height * scale);
  const width = Math.max(size, w + 16);
  return { width, height: size, logo: { left: Math.round((width - w) / 2), top: Math.round((size - h) / 2), width: w, height: h } };
}

function at(left: number, top: number, node: CardNode): CardNode {
  return box({ position: "absolute", left, top, display: "flex" }, [node]);
}

function box(style: Record<string, string | number>, children: (CardNode | string)[] = []): CardNode {
  return { type: "div", props: { style: { display: "flex", ...style }, children } };
}
