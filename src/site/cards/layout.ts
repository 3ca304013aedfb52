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

/** A title that cannot fit the card even at the smallest size, hyphenated. */
export class CardTextTooLongError extends MitredenError {}

export function cardGeometry(format: CardFormat, hasHero: boolean): CardGeometry {
  const f = FORMATS[format];
  const heroHeight = hasHero && f.orientation === "tall" ? Math.round(f.height * f.heroShare) : 0;
  const top = heroHeight ? heroHeight + f.padding : f.safeTop + f.padding;
  const bottom = f.height - f.stripe - f.padding - f.safeBottom;
  const width = hasHero && f.orientation === "landscape" ? Math.round(f.width * f.textShareWithHero) - f.padding : f.width - 2 * f.padding;
  return { text: { left: f.padding, top, width, height: bottom - top }, heroHeight };
}

export function cardLayout(input: LayoutInput): CardNode {
  const { content, format, colors, metrics } = input;
  const f = FORMATS[format];
  const geometry = cardGeometry(format, input.hasHero);
  const { left, top, width, height } = geometry.text;
  const children: CardNode[] = [];

  
  // Header: logo on a white tile (a logo in the campaign colour would vanish on it), organization.
  let headerHeight = 0;
  let orgLeft = left;
  if (input.logo) {
    orgLeft = left + logoTile(input.logo, f.logoBox).width + 20;
    headerHeight = f.logoBox;
  }
  const orgBox = { width: left + width - orgLeft, height: f.logoBox, maxLines: 2, lineHeight: 1.2 };
  const organization = fit(content.organization, metrics.regular, { ...orgBox, maxSize: f.type.organization[0], minSize: f.type.organization[1] });
  if (organization) {
    headerHeight = Math.max(headerHeight, organization.height);
    const orgTop = top + Math.round((headerHeight - organization.height) / 2);
    children.push(at(orgLeft, orgTop, lines(organization, 400)));
  }

  // Footer: the period on a white pill (primary on white also has 4.5:1), the address beside it.
  const footerHeight = Math.round(f.type.footer * 2);
  const footerTop = top + height - footerHeight;
  let addressLeft = left;
  if (content.period) {
    const pillWidth = Math.ceil(metrics.semibold.width(content.period, f.type.footer) * 1.03) + f.type.footer * 1.6;
    children.push(at(left, footerTop, pill(content.period, pillWidth, footerHeight, f.type.footer, colors)));
    addressLeft = left + pillWidth + 28;
  }
  const address = fit(content.address, metrics.regular, {
    width: left + width - addressLeft,
    height: footerHeight,
    maxLines: 1,
    lineHeight: 1.2,
    maxSize: Math.round(f.type.footer * 0.92),
    minSize: Math.round(f.type.footer * 0.75),
  });
  // The address helps where links are not clickable (Instagram), but it is the first thing to go.
  if (address) children.push(at(addressLeft, footerTop + Math.round((footerHeight - address.height) / 2), lines(address, 400)));

  const middleTop = top + headerHeight + f.gap;
  const middle = headline(input, width, footerTop - f.gap - middleTop);
  children.push(at(left, middleTop + Math.max(0, Math.round((footerTop - f.gap - middleTop - middle.height) / 2)), middle.node));

  children.push(at(0, f.height - f.stripe, box({ width: f.width, height: f.stripe, backgroundColor: colors.accent })));
  return box({ position: "relative", width: f.width, height: f.height, fontFamily: "Fira Sans", color: TEXT_COLOR }, children);
}

/**
 * Opacity of the campaign colour over the photo at column x of a landscape card: even under the
 * text column, then thinning out over the photo to its right.
 */
export function veilAt(x: number, format: CardFormat, veil: number): number {
  const f = FORMATS[format];
  const { text } = cardGeometry(format, true);
  const solidEnd = text.left + text.width + 24;
  if (x <= solidEnd) return veil;
  return veil + ((x - solidEnd) / (f.width - solidEnd)) * (0.25 - veil);
}

/** Kicker, title and subtitle, sized so that all three fit the height between header and footer. */
function headline(input: LayoutInput, width: number, height: number): { node: CardNode; height: number } {
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
  // A subtitle or kicker that leaves no room for the title gives way; the title never does.
  const parts = attempt(true, true) ?? attempt(true, false) ?? attempt(false, false);
  if (!parts) {
    throw new CardTextTooLongError(
      `The share card title "${content.title}" (${content.locale}) does not fit on a ${f.width} × ${f.height} card. ` +
        `Give the page a shorter "card": { "title": … } in campaign.json.`,
    );
  }
  const children: CardNode[] = [];
  if (parts.kicker) children.push(lines(parts.kicker, 600, 12));
  children.push(lines(parts.title, 600));
  if (parts.subtitle) children.push(lines(parts.subtitle, 400, 0, 20));
  return { node: box({ display: "flex", flexDirection: "column", width }, children), height: parts.height };
}

function fit(text: string, metrics: FontMetrics, box: FitBox): FittedText | undefined {
  return text ? fitText(text, metrics, box) : undefined;
}

function lines(text: FittedText, weight: 400 | 600, marginBottom = 0, marginTop = 0): CardNode {
  return box(
    { display: "flex", flexDirection: "column", marginBottom, marginTop, color: TEXT_COLOR, fontWeight: weight },
    text.lines.map((line) =>
      box({ display: "flex", fontSize: text.fontSize, lineHeight: `${text.lineHeight}px`, height: text.lineHeight, whiteSpace: "pre" }, [line]),
    ),
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
