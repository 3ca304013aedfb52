// How a post will look in the feed on a phone: the account, the text as far as the platform shows
// it before "… mehr", and the picture in the shape the feed gives it (the page's link card for a
// link post, the post's own picture otherwise; a story with the bands the app covers). A sketch for
// the team to check, drawn by the kit's CSS; the words are the ones the kit offers to copy.
import type { Platform } from "../../campaign/model.js";
import type { PostWay } from "../../campaign/social-text.js";
import type { CardFormat } from "../cards/index.js";

/** Characters a feed shows before it folds the text behind "… mehr" (roughly; fonts and screens differ). */
export const FEED_FOLD: Partial<Record<Platform, number>> = { instagram: 125, linkedin: 210, facebook: 480 };

export interface FeedPreview {
  platform: Platform;
  account: string;
  /** The text as the feed shows it, without the trailing link. */
  text: string;
  folded: boolean;
  image?: {
    path: string;
    width: number;
    height: number;
    /**
     * The frame the feed puts it in (the kit's CSS gives each its shape; a story's frame shows the
     * bands the app lays over it). A class, not an inline style: the site's CSP allows no style attributes.
     */
    frame: CardFormat;
    /** Slides of a carousel, when more than one. */
    count?: number;
  };
  /** A link post's card: the host under the picture. */
  linkHost?: string;
}

export function feedPreview(input: {
  platform: Platform;
  way: PostWay;
  account: string;
  composed: string;
  link: string;
  linkInText: boolean;
  image?: { path: string; width: number; height: number; format: CardFormat };
  imageCount: number;
  linkHost: string;
}): FeedPreview {
  const withoutLink = input.linkInText && input.way === "link" ? input.composed.slice(0, input.composed.lastIndexOf(input.link)).trimEnd() : input.composed;
  const fold = FEED_FOLD[input.platform];
  const folded = fold !== undefined && [...withoutLink].length > fold;
  const text = folded ? [...withoutLink].slice(0, fold).join("").trimEnd() : withoutLink;
  const preview: FeedPreview = { platform: input.platform, account: input.account, text: input.way === "story" ? "" : text, folded };
  if (input.image) {
    const { path, width, height, format } = input.image;
    preview.image = { path, width, height, frame: format, count: input.imageCount > 1 ? input.imageCount : undefined };
  }
  if (input.way === "link") preview.linkHost = input.linkHost;
  return preview;
}
