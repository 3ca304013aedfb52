// The image sizes mitreden renders, and where on each the text may go. The link card is the share
// card of every page (Open Graph, 1.91:1); the others are what the social-media kit offers to attach.
export type CardFormat = "link" | "square" | "portrait" | "story";

export interface FormatSpec {
  width: number;
  height: number;
  /** Landscape cards lay text over the photo; tall ones put the photo above the text. */
  orientation: "landscape" | "tall";
  padding: number;
  /** Space that apps cover with their own buttons (Instagram stories): no text there. */
  safeTop: number;
  safeBottom: number;
  /** Share of the height the photo takes on tall cards. */
  heroShare: number;
  /** Text column of landscape cards with a photo: the photo shows to its right. */
  textShareWithHero: number;
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
}

const tallType = {
  title: [96, 40] as [number, number],
  titleLines: 6,
  kicker: 36,
  subtitle: [40, 30] as [number, number],
  organization: [32, 26] as [number, number],
  footer: 32,
};

const tall = { orientation: "tall", padding: 80, textShareWithHero: 1, logoBox: 88, stripe: 16, gap: 36, type: tallType } as const;

export const FORMATS: Record<CardFormat, FormatSpec> = {
  link: {
    width: 1200,
    height: 630,
    orientation: "landscape",
    padding: 64,
    safeTop: 0,
    safeBottom: 0,
    heroShare: 1,
    textShareWithHero: 0.7,
    type: { title: [72, 36], titleLines: 4, kicker: 28, subtitle: [30, 24], organization: [26, 20], footer: 26 },
    logoBox: 72,
    stripe: 12,
    gap: 28,
  },
  square: { ...tall, width: 1080, height: 1080, safeTop: 0, safeBottom: 0, heroShare: 0.36 },
  portrait: { ...tall, width: 1080, height: 1350, safeTop: 0, safeBottom: 0, heroShare: 0.4 },
  // Instagram and others lay the account name over the top ~250 px and the reply bar over the bottom.
  story: { ...tall, width: 1080, height: 1920, safeTop: 250, safeBottom: 340, heroShare: 0.42 },
};
