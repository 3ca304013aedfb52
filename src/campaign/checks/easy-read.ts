// The Leichte Sprache and DGS pages BITV 2.0 § 4 asks for (docs/adr/023): mitreden writes the
// site's part, the city must add what only it knows. A missing Leichte Sprache text is a warning,
// not an error: the page still builds and says honestly that the text is missing; a missing video
// is announced on its page ("Das Video folgt"). Files of the DGS video must exist and be
// what the page's <video> and <track> can play.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { isRecord, type CheckContext } from "./context.js";
import { fileProblem } from "./images.js";

const VIDEO_EXTENSIONS = new Set([".mp4", ".m4v", ".webm", ".ogv"]);

export async function checkEasyRead(ctx: CheckContext): Promise<void> {
  // Leichte Sprache and DGS are German; a campaign without German gets neither page.
  if (!ctx.locales.includes("de")) return;
  const a11y: Record<string, unknown> = isRecord(ctx.data.accessibility) ? ctx.data.accessibility : {};
  const slug = ctx.campaign.slug;
  if (a11y.easyLanguage === undefined) {
    ctx.warning(
      "/accessibility",
      `no "easyLanguage": /${slug}/leichte-sprache/ explains the site in Leichte Sprache, but says that there is no text about this campaign yet. ` +
        `Add what the campaign is about in Leichte Sprache, and have it checked by readers from the target group (a Prüfgruppe) before it is published: machine-made text is not checked Leichte Sprache.`,
      "key",
    );
  }
  // Without a video the page says it follows; nothing to check.
  if (a11y.signLanguageVideo === undefined) return;
  const base = "/accessibility/signLanguageVideo";
  const video: Record<string, unknown> = isRecord(a11y.signLanguageVideo) ? a11y.signLanguageVideo : {};
  if (typeof video.src === "string") {
    const problem = await fileProblem(ctx, `${base}/src`, "video");
    if (problem) ctx.error(`${base}/src`, problem);
    else if (!VIDEO_EXTENSIONS.has(path.extname(video.src).toLowerCase())) {
      ctx.error(`${base}/src`, `"${video.src}" is not a video browsers play in a <video> element; use MP4 (H.264) or WebM`);
    }
  }
  if (typeof video.poster === "string") {
    const problem = await fileProblem(ctx, `${base}/poster`, "image");
    if (problem) ctx.error(`${base}/poster`, problem);
  }
  if (typeof video.captions === "string") {
    const problem = await fileProblem(ctx, `${base}/captions`, "captions");
    if (problem) ctx.error(`${base}/captions`, problem);
    else {
      const file = ctx.asset(`${base}/captions`)?.file;
      const head = file ? (await readFile(file, "utf8")).replace(/^\uFEFF/, "").slice(0, 6) : "WEBVTT";
      if (head !== "WEBVTT") ctx.error(`${base}/captions`, `"${video.captions}" is not a WebVTT file (it must start with "WEBVTT"); browsers show only WebVTT captions in <track>`);
    }
  }
}
