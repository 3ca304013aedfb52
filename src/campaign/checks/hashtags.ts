// Hashtags that work for people: each word capitalised (#MarktplatzMusterstadt), so screen readers
// read words instead of spelling out one long string; no tag that every town uses, which buries the
// post among thousands; and no more than Instagram takes (30) or recommends (3 to 5).
import { childPointer } from "../positions.js";
import { hashtagsFor } from "../social-text.js";
import { asArray, asRecords, record, texts, type Check, type CheckContext } from "./context.js";
import { isPlatform } from "./social.js";

/** Instagram rejects a caption with more hashtags than this. */
export const INSTAGRAM_MAX_HASHTAGS = 30;
/** …and recommends at most this many. */
export const INSTAGRAM_RECOMMENDED_HASHTAGS = 5;

/**
 * Tags that every town, authority and campaign uses: alone they put a post into a stream nobody
 * follows for Musterstadt. Lower case, without #.
 */
export const GENERIC_HASHTAGS = new Set([
  "stadt", "city", "beteiligung", "bürgerbeteiligung", "buergerbeteiligung", "participation", "umfrage", "survey", "mitmachen",
  "mitreden", "news", "aktuell", "info", "information", "heimat", "deutschland", "germany", "politik", "kommune", "kommunalpolitik",
  "rathaus", "verwaltung", "stadtverwaltung", "stadtentwicklung", "stadtplanung", "verkehr", "radverkehr", "mobilität",
  "verkehrswende", "klimaschutz", "nachhaltigkeit", "ideen", "zukunft", "digital", "ehrenamt",
]);

const HASHTAG_IN_TEXT = /(?:^|[^\p{L}\p{N}_&#])#([\p{L}\p{N}_]+)/gu;

export const checkHashtags: Check = (ctx) => {
  const social = record(ctx.data.social);
  const lists: [unknown, string][] = [[social.hashtags, "/social/hashtags"]];
  for (const [platform, tags] of Object.entries(record(social.platformHashtags))) lists.push([tags, `/social/platformHashtags/${platform}`]);
  for (const [post, i] of asRecords(social.posts)) lists.push([post.hashtags, `/social/posts/${i}/hashtags`]);
  const seen = new Set<string>();
  for (const [tags, pointer] of lists) {
    asArray(tags).forEach((tag, i) => {
      if (typeof tag !== "string") return;
      checkTag(ctx, tag, childPointer(pointer, i), seen);
    });
  }
  for (const [post, i] of asRecords(social.posts)) {
    for (const [locale, text] of texts(post.text, ctx.locale)) {
      const pointer = typeof post.text === "string" ? `/social/posts/${i}/text` : childPointer(`/social/posts/${i}/text`, locale);
      for (const [, tag] of text.matchAll(HASHTAG_IN_TEXT)) checkTag(ctx, tag!, pointer, seen);
    }
    checkInstagramCount(ctx, social, post, i);
  }
};

/** Warns once per tag (it may recur in every post). */
function checkTag(ctx: CheckContext, tag: string, pointer: string, seen: Set<string>): void {
  if (seen.has(tag)) return;
  seen.add(tag);
  if (GENERIC_HASHTAGS.has(tag.toLowerCase())) {
    ctx.warning(pointer, `#${tag} is used by every town: alone it puts the post into a stream nobody follows for this place; use a tag of your own (#${capitalise(tag)}Musterstadt) or drop it`.replace("Musterstadt", placeHint(ctx)));
  }
  const letters = tag.replace(/[^\p{L}]/gu, "");
  if (letters.length >= 5 && (letters === letters.toLowerCase() || letters === letters.toUpperCase()) && letters.toLowerCase() !== letters.toUpperCase()) {
    ctx.warning(pointer, `write #${tag} with a capital letter at the start of each word (e.g. #${capitalise(tag.toLowerCase())}, #MarktplatzMusterstadt): screen readers then read the words instead of spelling one long one`);
  }
}

function checkInstagramCount(ctx: CheckContext, social: Record<string, unknown>, post: Record<string, unknown>, i: number): void {
  if (!asArray(post.platforms).includes("instagram")) return;
  const tags = hashtagsFor(
    "instagram",
    {
      hashtags: asArray(social.hashtags).filter((t): t is string => typeof t === "string"),
      platformHashtags: Object.fromEntries(Object.entries(record(social.platformHashtags)).filter(([k]) => isPlatform(k)).map(([k, v]) => [k, asArray(v).filter((t): t is string => typeof t === "string")])),
    },
    asArray(post.hashtags).filter((t): t is string => typeof t === "string"),
  );
  for (const [locale, text] of texts(post.text, ctx.locale)) {
    const all = new Set([...tags, ...[...text.matchAll(HASHTAG_IN_TEXT)].map((m) => m[1]!)].map((t) => t.toLowerCase()));
    const pointer = typeof post.text === "string" ? `/social/posts/${i}/text` : childPointer(`/social/posts/${i}/text`, locale);
    if (all.size > INSTAGRAM_MAX_HASHTAGS) {
      ctx.error(pointer, `${all.size} hashtags: Instagram does not publish a caption with more than ${INSTAGRAM_MAX_HASHTAGS}; use fewer (social.platformHashtags.instagram)`);
    } else if (all.size > INSTAGRAM_RECOMMENDED_HASHTAGS) {
      ctx.warning(pointer, `${all.size} hashtags on Instagram: Instagram recommends 3 to ${INSTAGRAM_RECOMMENDED_HASHTAGS}; choose the ones people follow (social.platformHashtags.instagram)`);
    }
  }
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The town in the example tag: the campaign's organization name without "Stadt". */
function placeHint(ctx: CheckContext): string {
  const name = record(ctx.data.organization).name;
  const text = typeof name === "string" ? name : texts(name, ctx.locale)[0]?.[1] ?? "";
  const place = text.replace(/^(Stadt|Gemeinde|Landeshauptstadt|Hansestadt|City of|Town of)\s+/i, "").split(/\s+/)[0] ?? "";
  return /^\p{L}+$/u.test(place) ? place : "IhrOrt";
}
