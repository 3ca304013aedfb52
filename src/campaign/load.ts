// Reads campaigns/<slug>/campaign.json and campaigns/site.json, keeping each file's syntax tree so
// that validation can report file:line:col. Reading is all that happens here; what the data means
// is validate.ts's business.
import { readdir, readFile, stat } from "node:fs/promises";
import { evaluate } from "@humanwhocodes/momoa";
import path from "node:path";
import type { Problem } from "../errors.js";
import type { Campaign } from "./campaign-types.js";
import { parseJsonFile } from "./parse-json.js";
import { fromPointer, mergeCampaign, SourceMap, type SourceFile } from "./positions.js";
import { schemaUses } from "./schema.js";

export interface LoadedCampaign {
  /** Folder name under the campaigns folder; the campaign's URL prefix. */
  slug: string;
  /** Absolute path of the campaign folder. */
  dir: string;
  /** campaign.json as shown to the user, relative to the working directory. */
  file: string;
  /**
   * site.json merged under campaign.json (campaign wins, objects merged key by key, arrays replaced).
   * Paths are relative to the campaign folder: a path written in site.json (relative to the campaigns
   * folder) arrives as "../media/logo.svg".
   */
  data: Campaign;
}

/** A loaded campaign plus where each of its values was written; for validation only. */
export interface SourcedCampaign extends LoadedCampaign {
  sources: SourceMap;
}

/** Top-level paths the built site and the collector use themselves. */
export const RESERVED_SLUGS = ["assets", "api", "media", "sitemap", "robots"];

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Folders in the campaigns folder that are not campaigns and need no warning: site.json's images live in media/. */
const SHARED_FOLDERS = new Set(["media"]);

export async function loadCampaigns(dir: string): Promise<{ campaigns: LoadedCampaign[]; problems: Problem[] }> {
  const { campaigns, problems } = await loadCampaignSources(dir);
  return { campaigns: campaigns.map(withoutSources), problems };
}

/** The public view of a campaign: the syntax trees stay inside validation. */
export function withoutSources({ slug, dir, file, data }: SourcedCampaign): LoadedCampaign {
  return { slug, dir, file, data };
}

export function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute) || ".";
  return relative.split(path.sep).join("/");
}

function folderProblem(severity: Problem["severity"], folder: string, message: string): Problem {
  return { severity, file: displayPath(folder), line: 1, column: 1, pointer: "", message };
}

/**
 * Every campaign of the folder with its site.json, or with `only` just that campaign's folder (when
 * it is there): commands about one campaign are not stopped by a mistake in another.
 */
export async function loadCampaignSources(dir: string, only?: string): Promise<{ campaigns: SourcedCampaign[]; problems: Problem[] }> {
  const root = path.resolve(dir);
  const problems: Problem[] = [];
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) {
    const what = info ? "is not a folder" : "does not exist";
    return {
      campaigns: [],
      problems: [
        folderProblem("error", root, `the campaigns folder "${displayPath(root)}" ${what}; \`mitreden new <slug>\` scaffolds a campaign in campaigns/<slug>/`),
      ],
    };
  }

  const site = await readSource(path.join(root, "site.json"), problems);
  const folders = (await readdir(root, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => e.name)
    .filter((name, _, all) => only === undefined || !all.includes(only) || name === only)
    .sort((a, b) => a.localeCompare(b));
  const campaigns: SourcedCampaign[] = [];
  for (const name of folders) {
    const campaign = await readCampaignFolder(path.join(root, name), site, problems);
    if (campaign) campaigns.push(campaign);
  }
  if (campaigns.length === 0 && problems.length === 0) {
    problems.push(folderProblem("warning", root, "no campaigns found; `mitreden new <slug>` scaffolds one"));
  }
  return { campaigns, problems };
}

async function readCampaignFolder(folder: string, site: SourceFile | undefined | null, problems: Problem[]): Promise<SourcedCampaign | undefined> {
  const name = path.basename(folder);
  const jsonPath = path.join(folder, "campaign.json");
  if (!(await stat(jsonPath).then((s) => s.isFile(), () => false))) {
    if (!SHARED_FOLDERS.has(name)) {
      problems.push(folderProblem("warning", folder, `folder ignored: it has no campaign.json (\`mitreden new ${slugSuggestion(name)}\` scaffolds a campaign)`));
    }
    return undefined;
  }
  const campaign = await readSource(jsonPath, problems);
  if (!SLUG_PATTERN.test(name)) {
    const message = `the folder name "${name}" is the campaign's address and must use lower-case letters, digits and hyphens; rename the folder, e.g. to "${slugSuggestion(name)}"`;
    problems.push({ severity: "error", file: displayPath(jsonPath), line: 1, column: 1, pointer: "", message });
    return undefined;
  }
  if (RESERVED_SLUGS.includes(name)) {
    const message = `the folder name "${name}" is reserved for the site's own files (reserved: ${RESERVED_SLUGS.join(", ")}); rename the folder`;
    problems.push({ severity: "error", file: displayPath(jsonPath), line: 1, column: 1, pointer: "", message });
    return undefined;
  }
  // A broken site.json is reported once; validating campaigns without it would only add noise.
  if (!campaign || site === null) return undefined;
  const sources = new SourceMap(site ? [campaign, site] : [campaign]);
  const data = mergeCampaign(evaluate(campaign.root), site ? evaluate(site.root) : undefined) as Campaign;
  if (site) rebaseSitePaths(data, sources, site);
  return { slug: name, dir: folder, file: campaign.file, data, sources };
}

/** A parsed file, undefined when it does not exist, null when it has a syntax error (reported). */
async function readSource(file: string, problems: Problem[]): Promise<SourceFile | undefined | null> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    problems.push({ severity: "error", file: displayPath(file), line: 1, column: 1, pointer: "", message: `cannot read the file: ${(error as Error).message}` });
    return null;
  }
  const parsed = parseJsonFile(text, displayPath(file));
  if (!parsed.ok) {
    problems.push(parsed.problem);
    return null;
  }
  return { file: displayPath(file), path: file, root: parsed.document.body };
}

// Paths in site.json are relative to the campaigns folder (where site.json and its media/ live);
// the model resolves every path against the campaign folder, so they are rebased here, once.
function rebaseSitePaths(data: Campaign, sources: SourceMap, site: SourceFile): void {
  for (const use of schemaUses(data)) {
    const isImage = use.def === "Image" && typeof (use.value as { src?: unknown } | null)?.src === "string";
    const pointer = isImage ? `${use.pointer}/src` : use.pointer;
    if (!isImage && !(use.def === "GeoJSONSource" && typeof use.value === "string")) continue;
    const resolved = sources.resolve(pointer);
    if (!resolved.exact || resolved.source !== site) continue;
    const rebase = (p: string) => path.posix.join("..", p);
    if (isImage) {
      const image = use.value as { src: string };
      image.src = rebase(image.src);
    } else {
      setAt(data, use.pointer, rebase(use.value as string));
    }
  }
}

function setAt(data: unknown, pointer: string, value: unknown): void {
  const segments = fromPointer(pointer);
  const last = segments.pop()!;
  let node = data as Record<string, unknown>;
  for (const s of segments) node = node[s] as Record<string, unknown>;
  node[last] = value;
}

/** "Neue Mitte" → "neue-mitte", "Straßenfest" → "strassenfest". */
export function slugSuggestion(name: string): string {
  const map: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };
  const slug = name
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => map[c]!)
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "meine-kampagne";
}
