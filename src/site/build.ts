// `mitreden build`: campaigns → validated model → assets → pages, written to a staging folder
// next to the output and swapped in at the end. A failed build leaves the last good site alone,
// and a page removed from a campaign disappears with the next build.
import { publishSignLanguageVideos } from "../pages/sign-language.js";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cp, mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
// Before Eleventy: it must see the setting when it loads.
import "./eleventy-env.js";
import { DEFAULT_REPORT_DIR, readAuditReport } from "../audit/report.js";
import type { SiteModel } from "../campaign/model.js";
import { loadSiteModel } from "../campaign/index.js";
import { socialKitPath } from "../campaign/urls.js";
import { MitredenError, type Problem } from "../errors.js";
import { emitSurveySchemas } from "../forms/emit.js";
import { packagePath } from "../package-root.js";
import { allSettled, pool } from "../parallel.js";
import { writeHeaderFiles } from "../security/headers-file.js";
import { settings } from "../settings.js";
import { prepareAssets } from "./assets.js";
import { DEFAULT_CACHE_DIR as CARD_CACHE_DIR, cardPages, openCardSession, renderCards } from "./cards/index.js";
import { bundleClientScript } from "./client-bundle.js";
import { prepareProofOfWorkAssets } from "./pow-assets.js";
import { compileNunjucksOnce } from "./compile-once.js";
import { prepareMapAssets } from "./map-assets.js";
import { writeOpenData } from "./open-data/write.js";
import mitredenPlugin from "./plugin.js";
import { buildSocialKit, type KitData } from "./social/index.js";

export interface BuildSiteOptions {
  campaignsDir: string;
  outDir: string;
  /** The moment the site represents (open/closed states, statement date); default now. */
  now?: Date;
  /** No progress lines (Eleventy's own log is always off: a failed build throws, and its caller prints the error once). */
  quiet?: boolean;
  /** Each step of the build as it goes (`mitreden build` shows them on a terminal). */
  onProgress?: (progress: BuildProgress) => void;
  /** Encoded images kept between builds; default `.cache/mitreden/img` in the working directory. */
  cacheDir?: string;
  /** Another copy of mitreden's templates/ (a fork's, or a test's); default the package's own. */
  templatesDir?: string;
  /** Share cards and kit images kept between builds; default `.cache/mitreden/cards` in the working directory. */
  cardCacheDir?: string;
  /**
   * Build the social-media kits (posts, drafts, reply templates, plan, posters) into this folder
   * instead of the site, e.g. for an intranet server: the public site then has no kit. The posts'
   * pictures stay public under /assets/social/ (scheduling tools fetch them from there).
   */
  kitOutDir?: string;
  /** The `mitreden audit` report the accessibility statement cites (report.json or its folder); default `audit-report/` in the working directory. */
  auditReport?: string;
}

export interface BuildSiteResult {
  /** The campaigns as validated and normalized for this build (what `serve` hands the collector). */
  model: SiteModel;
  /** Root-relative URLs of every file written from a template (pages, sitemap.xml, robots.txt). */
  pages: string[];
  warnings: Problem[];
  /** Share cards and social-kit images: rendered anew, or taken from the cache. */
  cards: CardCounts;
  /** Pictures of the campaigns (logos, heroes, page images), each in several sizes and formats. */
  pictures: number;
  ms: number;
}

/** A step of the build; `done` of `total` things (pictures, cards, kits); total 0 for a step without counts. */
export interface BuildProgress {
  step: "pictures, share cards and kits" | "pages";
  done: number;
  total: number;
  /** Work that runs side by side, each with its own count (a total of 0: not known yet). */
  parts?: ProgressPart[];
}

export interface ProgressPart {
  name: "pictures" | "share cards" | "social-media kits";
  done: number;
  total: number;
}

export interface CardCounts {
  rendered: number;
  reused: number;
}

export interface RenderSiteResult {
  pages: string[];
  cards: CardCounts;
  pictures: number;
}

let eleventyModule: Promise<typeof import("@11ty/eleventy")> | undefined;

/**
 * Eleventy takes about 0.4 s to load. Loaded when a build starts rather than with this module, it
 * loads while the campaigns are read and pictures, cards and kits are made, much of which is
 * waiting for files and for sharp's threads; a failed load is reported where the build uses it.
 */
function loadEleventy(): Promise<typeof import("@11ty/eleventy")> {
  if (!eleventyModule) {
    eleventyModule = import("@11ty/eleventy");
    eleventyModule.catch(() => (eleventyModule = undefined));
  }
  return eleventyModule;
}

/** The build could not finish; the previous site in the output folder is untouched. */
export class SiteBuildError extends MitredenError {}

export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const started = performance.now();
  void loadEleventy();
  const { model, warnings } = await loadSiteModel(options.campaignsDir, { now: options.now });
  phaseTimer(started)("campaigns read and checked, Eleventy loading meanwhile");
  const { pages, cards, pictures } = await renderSiteWithCounts(model, options);
  return { model, pages, warnings, cards, pictures, ms: Math.round(performance.now() - started) };
}

/** Renders a model into `outDir` (staged, then swapped in). Returns the URLs written. */
export async function renderSite(model: SiteModel, options: Omit<BuildSiteOptions, "campaignsDir" | "now">): Promise<string[]> {
  return (await renderSiteWithCounts(model, options)).pages;
}

/** {@link renderSite}, also returning how many share cards and kit images were rendered or reused. */
export async function renderSiteWithCounts(model: SiteModel, options: Omit<BuildSiteOptions, "campaignsDir" | "now">): Promise<RenderSiteResult> {
  const outDir = path.resolve(options.outDir);
  const started = performance.now();
  const lap = phaseTimer(started);
  const eleventy = loadEleventy();
  await assertReplaceable(outDir);
  await removeLeftovers(outDir);
  if (options.kitOutDir) await removeLeftovers(path.resolve(options.kitOutDir));
  const staging = `${outDir}.staging-${randomBytes(4).toString("hex")}`;
  try {
    const templatesDir = options.templatesDir ?? packagePath("templates");
    // Pictures and fonts (sharp in libuv's threads, harfbuzz in a worker of its own) side by side
    // with the share cards and kits (Satori and QR codes, mostly on this thread): on two cores a
    // cold build takes about the longer of the two instead of their sum. Neither reads what the
    // other writes.
    const progress = options.onProgress ?? (() => {});
    const sideBySide = sideBySideProgress(progress);
    // The survey validators, scripts, map assets and open data, mostly this thread's work, go
    // beside them too: while sharp encodes, this thread would otherwise wait (a cold build of the
    // examples: 0.8 s). Each writes its own files into the staging folder.
    const [assets, { cardRun, kits, counts }, { scripts, proofOfWork, mapAssets, auditReport }] = await allSettled([
      prepareAssets(model, staging, { cacheDir: options.cacheDir, templatesDir, onPicture: sideBySide("pictures") }).then((result) => (phaseTimer(started)("pictures"), result)),
      cardsAndKits(model, staging, options, sideBySide),
      scriptsAndData(model, staging, options).then((result) => (phaseTimer(started)("scripts, maps and open data"), result)),
    ] as const);
    lap("pictures, share cards, kits and scripts, side by side");
    if (options.quiet === false) console.log(`Share cards: ${counts.rendered} rendered, ${counts.reused} reused.`);
    const { default: Eleventy } = await eleventy;
    const elev = new Eleventy(path.join(templatesDir, "eleventy"), staging, {
      // "" reads no configuration file: a .eleventy.js in the city's repository is not ours.
      configPath: "",
      quietMode: true,
      config(eleventyConfig) {
        eleventyConfig.setTemplateFormats("njk");
        // Ignore rules from the working directory (.gitignore, .eleventyignore) are the city's,
        // not ours; a "node_modules/" line would hide our own templates when installed there.
        eleventyConfig.setUseGitIgnore(false);
        eleventyConfig.ignores.delete("**/node_modules/**");
        eleventyConfig.on("eleventy.ignores", (ignores) => void ignores.splice(0, ignores.length));
        eleventyConfig.addPlugin(mitredenPlugin, { model, assets, templatesDir, cards: cardRun.cards, kits, scripts, mapAssets, auditReport, proofOfWork });
        compileNunjucksOnce(eleventyConfig);
        // Eleventy's slow-filter hints are for template authors, not for a city's build log (and
        // its "Configuration" benchmark group is made before quiet mode could silence it).
        eleventyConfig.benchmarks?.config?.setIsVerbose(false);
      },
    });
    // Eleventy would print a failed template a second time, as a stack, beside our error.
    elev.disableLogger();
    progress({ step: "pages", done: 0, total: 0 });
    const [, templates] = await elev.write();
    lap("pages (Eleventy)");
    const pages = templates.flatMap((t) => (typeof t.url === "string" ? [t.url] : [])).sort();
    // Never swap in a site without pages, e.g. when something kept Eleventy from seeing the templates.
    if (!pages.includes("/") || !pages.includes("/sitemap.xml")) {
      throw new SiteBuildError(`Eleventy rendered no pages from ${templatesDir}; reinstall mitreden.`);
    }
    const kitStaging = options.kitOutDir ? await moveKitsOut(model, staging, path.resolve(options.kitOutDir), outDir) : undefined;
    try {
      // Last: the header rules name the top-level files and folders. A kit folder gets its own.
      await writeHeaderFiles(model, staging);
      if (kitStaging) await writeHeaderFiles(model, kitStaging);
      lap("security headers");
      if (kitStaging) await swapIn(kitStaging, path.resolve(options.kitOutDir!));
    } catch (error) {
      if (kitStaging) await rm(kitStaging, { recursive: true, force: true });
      throw error;
    }
    await swapIn(staging, outDir);
    lap("new site in place");
    const built = kitStaging ? pages.filter((url) => !isKitUrl(model, url)) : pages;
    progress({ step: "pages", done: built.length, total: built.length });
    return { pages: built, cards: counts, pictures: assets.images.size };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (error instanceof MitredenError) throw error;
    throw new SiteBuildError(`Could not build the site into ${options.outDir}: ${describe(error)}`, { cause: error });
  }
}

/** Marks a folder that `--kit-out` wrote, so that the next build may replace it. */
const KIT_MARKER = ".mitreden-kit";

function isKitUrl(model: SiteModel, url: string): boolean {
  return model.campaigns.some((c) => url.startsWith(socialKitPath(c)));
}

/**
 * Moves every campaign's kit (its page, posters, QR codes, plan, calendar and tool files) out of
 * the staged site into a staged kit folder, with a copy of the site's /assets/ (styles, fonts,
 * pictures) so that the kit works on its own server. Returns the staged kit folder.
 */
async function moveKitsOut(model: SiteModel, staging: string, kitOutDir: string, outDir: string): Promise<string> {
  const inside = (a: string, b: string) => !path.relative(b, a).startsWith("..") && !path.isAbsolute(path.relative(b, a));
  if (inside(kitOutDir, path.resolve(outDir)) || inside(path.resolve(outDir), kitOutDir)) {
    throw new SiteBuildError(`--kit-out ${kitOutDir} must lie outside the site folder ${outDir} (and the other way round): the kit would be published with the site.`);
  }
  await assertReplaceable(kitOutDir, KIT_MARKER);
  const kitStaging = `${kitOutDir}.staging-${randomBytes(4).toString("hex")}`;
  await mkdir(kitStaging, { recursive: true });
  for (const campaign of model.campaigns) {
    const from = path.join(staging, ...socialKitPath(campaign).split("/").filter(Boolean));
    const to = path.join(kitStaging, ...socialKitPath(campaign).split("/").filter(Boolean));
    await mkdir(path.dirname(to), { recursive: true });
    await rename(from, to);
  }
  await cp(path.join(staging, "assets"), path.join(kitStaging, "assets"), { recursive: true });
  await writeFile(path.join(kitStaging, KIT_MARKER), "Social-media kits built by mitreden build --kit-out; replaced by the next such build.\n");
  return kitStaging;
}

/**
 * What the pages load besides styles and pictures: each survey's schema and browser validator
 * next to its page, the one script that enhances every survey form, the proof-of-work widget
 * where a campaign uses it (ADR 025), the map's script, stylesheet and library where a page shows
 * a map, sign-language videos, the results pages' downloads and DCAT-AP.de metadata (from the
 * committed results files), and the audit report the accessibility statement cites.
 */
async function scriptsAndData(model: SiteModel, staging: string, options: Omit<BuildSiteOptions, "campaignsDir" | "now">) {
  await emitSurveySchemas(model, staging);
  await writeOpenData(model, staging);
  const scripts = { survey: await bundleClientScript(packagePath("src/client/survey/index.ts"), staging, "survey") };
  const proofOfWork = await prepareProofOfWorkAssets(model, staging);
  const mapAssets = await prepareMapAssets(model, staging);
  await publishSignLanguageVideos(model.campaigns, staging);
  const auditReport = await readAuditReport(path.resolve(options.auditReport ?? DEFAULT_REPORT_DIR));
  return { scripts, proofOfWork, mapAssets, auditReport };
}

/**
 * Share cards of the public pages, and beside them each campaign's social kit (its own images, QR
 * codes, posters, calendar), which takes the share cards as its link pictures once they are made.
 * Both use the same card cache, read once and written once.
 */
async function cardsAndKits(model: SiteModel, staging: string, options: Omit<BuildSiteOptions, "campaignsDir" | "now">, progress: SideBySide) {
  const lap = phaseTimer();
  const cardCacheDir = options.cardCacheDir ?? path.resolve(CARD_CACHE_DIR);
  const session = await openCardSession(cardCacheDir);
  try {
    const drawing = renderCards(model, staging, { session, onCard: progress("share cards") }).then((run) => (lap("share cards"), run));
    const shareCards = { urls: new Set(cardPages(model).map((page) => page.url)), cards: drawing.then((run) => run.cards) };
    // A failure to draw is reported once, from `drawing`, even when no kit got as far as waiting.
    shareCards.cards.catch(() => {});
    // A few kits at a time: most of a kit is linking cached images, a wait on the file system.
    const kitDone = progress("social-media kits");
    let kitsDone = 0;
    kitDone(0, model.campaigns.length);
    const kitsMade = pool(model.campaigns, 4, async (campaign) => {
      const kit = await buildSocialKit(campaign, staging, { session, now: new Date(model.builtAt), shareCards });
      kitDone(++kitsDone, model.campaigns.length);
      return kit;
    });
    const [cardRun, kitList] = await allSettled([drawing, kitsMade] as const);
    const counts: CardCounts = { rendered: cardRun.rendered, reused: cardRun.reused };
    const kits = new Map<string, KitData>(model.campaigns.map((campaign, i) => [campaign.slug, kitList[i]!]));
    for (const kit of kitList) {
      counts.rendered += kit.rendered;
      counts.reused += kit.reused;
    }
    lap("social-media kits");
    return { cardRun, kits, counts };
  } finally {
    await session.cache.close();
  }
}

type SideBySide = (part: ProgressPart["name"]) => (done: number, total: number) => void;

/**
 * One progress step for work that runs side by side (pictures beside share cards and kits): each
 * part keeps its own count, so the line never shows a total that grows as parts report theirs.
 */
function sideBySideProgress(progress: (p: BuildProgress) => void): SideBySide {
  const parts: ProgressPart[] = [
    { name: "pictures", done: 0, total: 0 },
    { name: "share cards", done: 0, total: 0 },
    { name: "social-media kits", done: 0, total: 0 },
  ];
  const emit = () => {
    const done = parts.reduce((sum, p) => sum + p.done, 0);
    const total = parts.reduce((sum, p) => sum + p.total, 0);
    progress({ step: "pictures, share cards and kits", done, total, parts: parts.map((p) => ({ ...p })) });
  };
  emit();
  return (name) => (done, total) => {
    const part = parts.find((p) => p.name === name)!;
    part.done = done;
    part.total = total;
    emit();
  };
}

/** With DEBUG=mitreden, how long each step of a build took (on stderr). */
function phaseTimer(since = performance.now()): (step: string) => void {
  if (!settings().debug) return () => {};
  let last = since;
  return (step) => {
    const now = performance.now();
    console.error(`mitreden: ${step} ${(now - last).toFixed(0)} ms`);
    last = now;
  };
}

/** Replaces `outDir` by `staging` with two renames; the old site is deleted afterwards, in the background. */
async function swapIn(staging: string, outDir: string): Promise<void> {
  const old = `${outDir}.old-${randomBytes(4).toString("hex")}`;
  const hadOld = await exists(outDir);
  if (hadOld) await rename(outDir, old);
  try {
    await rename(staging, outDir);
  } catch (error) {
    if (hadOld) await rename(old, outDir);
    throw error;
  }
  if (hadOld) removeInBackground(old);
}

/**
 * Deletes a replaced site in a process of its own: thousands of pages and images take a second or
 * more to delete, while the new site is complete already. If that process dies, the next build
 * removes what is left (removeLeftovers).
 */
function removeInBackground(dir: string): void {
  const child = spawn(process.execPath, ["-e", "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })", dir], { detached: true, stdio: "ignore" });
  child.on("error", () => void rm(dir, { recursive: true, force: true }));
  child.unref();
}

/** Replaced sites not (yet) deleted, and staging folders of builds killed before they could clean up (older than 10 minutes: a younger one may be another build's). */
async function removeLeftovers(outDir: string): Promise<void> {
  const pattern = new RegExp(`^${escapeRegExp(path.basename(outDir))}\\.(staging|old)-[0-9a-f]{8}$`);
  const parent = path.dirname(outDir);
  const names = await readdir(parent).catch(() => [] as string[]);
  const cutoff = Date.now() - 10 * 60_000;
  for (const name of names.filter((n) => pattern.test(n))) {
    const dir = path.join(parent, name);
    const info = await stat(dir).catch(() => undefined);
    // An old site may be being deleted by its build's background process at the same time.
    if (info && (name.includes(".old-") || info.mtimeMs < cutoff)) await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The output folder is replaced as a whole, so it must not be something else: the working
 * directory, a folder above it, or a non-empty folder that mitreden did not build.
 */
async function assertReplaceable(outDir: string, marker = "sitemap.xml"): Promise<void> {
  const cwd = process.cwd();
  if (outDir === path.parse(outDir).root || !path.relative(outDir, cwd).startsWith("..")) {
    throw new SiteBuildError(`Refusing to build into ${outDir}: it contains the working directory. Choose a subfolder such as _site.`);
  }
  let names: string[];
  try {
    names = await readdir(outDir);
  } catch {
    return; // does not exist yet
  }
  if (names.length > 0 && !names.includes(marker)) {
    throw new SiteBuildError(
      `Refusing to replace ${outDir}: it is not empty and has no ${marker}, so mitreden did not build it. ` +
        `Choose another output folder, or empty this one.`,
    );
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Eleventy wraps a template error (in `originalError`, not `cause`) around Nunjucks' error, whose
 * message lists every template it passed through; the innermost template and the last line say
 * what to fix: "…/components/hero/template.njk [Line 4, Column 7]: filter not found: nosuchfilter".
 */
function describe(error: unknown): string {
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause ?? (e as { originalError?: unknown }).originalError) messages.push(e.message);
  const innermost = messages.at(-1);
  if (innermost === undefined) return String(error);
  const templates = [...innermost.matchAll(/\(([^()\n]+\.njk)\)( \[Line \d+, Column \d+\])?/g)];
  const last = templates.at(-1);
  if (last) {
    const reason = innermost.slice(innermost.lastIndexOf("\n") + 1).trim().replace(/^Error: /, "");
    return `${last[1]}${last[2] ?? ""}: ${reason}`;
  }
  return messages.slice(-2).join(": ");
}
