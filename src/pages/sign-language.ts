// The city's video in Deutsche Gebärdensprache (accessibility.signLanguageVideo): published beside
// its page, /<slug>/gebaerdensprache/, under the files' own names, so the page's <video> and
// <track> load from the site itself (no video platform, no third-party request).
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { CampaignModel } from "../campaign/model.js";
import { hasGermanPages, signLanguagePath } from "../campaign/urls.js";

export interface SignLanguageVideoUrls {
  src: string;
  /** MIME type of the video, from its extension. */
  type: string;
  poster?: string;
  captions: string;
}

const VIDEO_TYPES: Record<string, string> = { ".mp4": "video/mp4", ".m4v": "video/mp4", ".webm": "video/webm", ".ogv": "video/ogg" };

/** The root-relative URLs of a campaign's DGS video files; undefined when it has none. */
export function signLanguageVideoUrls(campaign: CampaignModel): SignLanguageVideoUrls | undefined {
  const video = campaign.accessibility.signLanguageVideo;
  if (!video || !hasGermanPages(campaign)) return undefined;
  const at = (file: string) => signLanguagePath(campaign) + encodeURIComponent(path.basename(file));
  return {
    src: at(video.file),
    type: VIDEO_TYPES[path.extname(video.file).toLowerCase()] ?? "video/mp4",
    ...(video.poster ? { poster: at(video.poster.file) } : {}),
    captions: at(video.captions.file),
  };
}

/** Copies every campaign's DGS video, poster and captions into the built site. */
export async function publishSignLanguageVideos(campaigns: readonly CampaignModel[], outDir: string): Promise<void> {
  for (const campaign of campaigns) {
    const video = campaign.accessibility.signLanguageVideo;
    if (!video || !hasGermanPages(campaign)) continue;
    const dir = path.join(outDir, ...signLanguagePath(campaign).split("/").filter(Boolean));
    await mkdir(dir, { recursive: true });
    for (const file of [video.file, video.poster?.file, video.captions.file]) {
      if (file) await copyFile(file, path.join(dir, path.basename(file)));
    }
  }
}
