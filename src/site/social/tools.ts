// Files for the scheduling tools city teams use, each in the layout its bulk upload documents, one
// file per channel and language (both tools upload into one channel at a time). Stories and
// carousels are left out: neither bulk upload creates them (they would arrive as feed posts), so the
// team sets them up in the tool from the kit.
//
// - Buffer, "How to upload posts in bulk to Buffer",
//   https://support.buffer.com/article/926-how-to-upload-posts-in-bulk-to-buffer: a CSV with the
//   columns Text, Image URL, Tags, Posting Time (YYYY-MM-DD HH:mm, in the channel's time zone).
// - Hootsuite, "Schedule posts in bulk" (Bulk Composer), https://help.hootsuite.com/s/article/bulk-schedule:
//   no heading row; column A the date and time (day/month/year and 24-hour time, the format chosen
//   in the upload dialog), column B the post text, column C an optional link that Hootsuite adds to
//   the post. Times must be on five-minute steps.
// Meta Business Suite documents no CSV layout for posts (its bulk upload takes media files and the
// text per post in the browser), so there is no file for it; nor for fediverse schedulers, none of
// which documents a bulk file format.
import type { CampaignModel, Platform } from "../../campaign/model.js";
import { dateInZone } from "../../campaign/time.js";
import { toCsv } from "./csv.js";
import { localTime, type PlanImage } from "./plan.js";
import type { PlannedPost } from "./posts.js";

export type SchedulingTool = "buffer" | "hootsuite";

export const TOOL_DOCS: Record<SchedulingTool, string> = {
  buffer: "https://support.buffer.com/article/926-how-to-upload-posts-in-bulk-to-buffer",
  hootsuite: "https://help.hootsuite.com/s/article/bulk-schedule",
};

/** Buffer's documented heading row. */
export const BUFFER_COLUMNS = ["Text", "Image URL", "Tags", "Posting Time"] as const;

/** The channels each tool publishes to. */
export const TOOL_PLATFORMS: Record<SchedulingTool, Platform[]> = {
  buffer: ["instagram", "facebook", "linkedin", "x", "mastodon", "bluesky", "threads"],
  hootsuite: ["instagram", "facebook", "linkedin", "x", "threads"],
};

export interface ToolFile {
  tool: SchedulingTool;
  platform: Platform;
  platformName: string;
  locale: string;
  /** File name in the kit folder, e.g. "marktplatz-buffer-instagram-de.csv". */
  name: string;
  content: string;
  rows: number;
}

export function toolFiles(campaign: CampaignModel, planned: PlannedPost[], imagesOf: (post: PlannedPost) => PlanImage[]): ToolFile[] {
  const files: ToolFile[] = [];
  for (const tool of ["buffer", "hootsuite"] as const) {
    for (const platform of TOOL_PLATFORMS[tool]) {
      for (const locale of campaign.locales) {
        const posts = planned
          .filter((p) => p.platform === platform && p.locale === locale && (p.way === "link" || p.way === "image"))
          .sort((a, b) => Date.parse(a.post.date) - Date.parse(b.post.date));
        if (posts.length === 0) continue;
        const content = tool === "buffer" ? bufferCsv(campaign, posts, imagesOf) : hootsuiteCsv(campaign, posts);
        files.push({ tool, platform, platformName: posts[0]!.platformName, locale, name: `${campaign.slug}-${tool}-${platform}-${locale}.csv`, content, rows: posts.length });
      }
    }
  }
  return files;
}

function bufferCsv(campaign: CampaignModel, posts: PlannedPost[], imagesOf: (post: PlannedPost) => PlanImage[]): string {
  return toCsv(
    posts.map((p) => [
      p.composed,
      imagesOf(p)[0]?.url ?? "",
      // Buffer's tags are the team's own labels, comma-separated in the cell: campaign and post.
      [campaign.slug, p.post.id].join(","),
      `${dateInZone(p.post.date, campaign.timezone)} ${localTime(p.post.date, campaign.timezone)}`,
    ]),
    { delimiter: ",", bom: false, header: [...BUFFER_COLUMNS] },
  );
}

function hootsuiteCsv(campaign: CampaignModel, posts: PlannedPost[]): string {
  return toCsv(
    posts.map((p) => {
      const [y, m, d] = dateInZone(p.post.date, campaign.timezone).split("-");
      // Hootsuite adds column C's link to the post itself: the text goes without it.
      const text = p.linkInText && p.composed.endsWith(p.link) ? p.composed.slice(0, -p.link.length).trimEnd() : p.composed;
      return [`${d}/${m}/${y} ${localTime(p.post.date, campaign.timezone)}`, text, p.linkInText ? p.link : ""];
    }),
    { delimiter: ",", bom: false },
  );
}
