// The image sizes mitreden renders, and where on each the words may go. The link card is the share
// card of every page (Open Graph, 1.91:1); the others are the pictures posts attach: the square and
// the 4:5 portrait for feeds, the 9:16 story (with the place for its link sticker) and the cover of
// a Reel, whose bottom 35 % the app covers with its caption.
export type CardFormat = "link" | "square" | "portrait" | "story" | "reel";

export const CARD_FORMATS: CardFormat[] = ["link", "square", "portrait", "story", "reel"];

export interface FormatSpec {
  width: number;
  height: number;
  /** Landscape cards lay text over the photo; tall ones put the photo above the text. */
  orientation: "landscape" | "tall";
  padding: number;
  /** Space that apps cover with their own buttons and captions (stories, Reels): no text there. */
  safeTop: number;
  safeBottom: number;
  /** Share of the height the photo takes on tall cards. */
  heroShare: number;
  /**
   * Where the words go across the card. The link card keeps them inside its centre square, so
   * the square thumbnails of chat apps (a centre crop) still show the whole headline.
   */
  column?: { left: number; width: number };
  /** Text alignment inside the column. */
  align: "start" | "center";
  /** Font sizes in px. */
  type: {
    title: [max: number, min: number];
    titleLines: number;
    kicker: number;
    subtitle: [max: number, min: number];
    organization: [max: number, min: number];
    footer: number;
  };
  logoBox: number;
  stripe: number;
  gap: number;
  /** The marked place for the story's link sticker, above the footer. */
  sticker?: { width: number; height: number };
}

const tallType = {
  title: [96, 40] as [number, number],
  titleLines: 6,
  kicker: 36,
  subtitle: [40, 30] as [number, number],
  organization: [32, 26] as [number, number],
  footer: 32,
};

const tall = { orientation: "tall", padding: 80, align: "start", logoBox: 88, stripe: 16, gap: 36, type: tallType } as const;

export const FORMATS: Record<CardFormat, FormatSpec> = {
  link: {
    width: 1200,
    height: 630,
    orientation: "landscape",
    padding: 44,
    safeTop: 0,
    safeBottom: 0,
    heroShare: 1,
    // The centre square is x 285–915; the words keep 15 px inside it.
    column: { left: 300, width: 600 },
    align: "center",
    type: { title: [64, 34], titleLines: 4, kicker: 26, subtitle: [28, 22], organization: [26, 20], footer: 24 },
    logoBox: 64,
    stripe: 12,
    gap: 20,
  },
  square: { ...tall, width: 1080, height: 1080, safeTop: 0, safeBottom: 0, heroShare: 0.34 },
  portrait: { ...tall, width: 1080, height: 1350, safeTop: 0, safeBottom: 0, heroShare: 0.38 },
  // Instagram and Facebook lay the account name over the top 250 px and the reply bar and link
  // sticker area over the bottom 340 px of a story.
  story: { ...tall, width: 1080, height: 1920, safeTop: 250, safeBottom: 340, heroShare: 0.3, sticker: { width: 640, height: 132 } },
  // A Reel's caption, buttons and music line cover its bottom 35 %; the top 250 px as in stories.
  reel: { ...tall, width: 1080, height: 1920, safeTop: 250, safeBottom: Math.round(1920 * 0.35), heroShare: 0.25 },
};

/** The square a chat app's thumbnail crops from the middle of a card. */
export function centreSquare(format: CardFormat): { left: number; top: number; size: number } {
  const { width, height } = FORMATS[format];
  const size = Math.min(width, height);
  return { left: Math.round((width - size) / 2), top: Math.round((height - size) / 2), size };
}
