// Shared by the site*.test.ts files: build into a throwaway folder, read pages back.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import * as cheerio from "cheerio";
import { buildSite, type BuildSiteResult } from "../../src/site/build.js";

export const TMP = path.resolve("test/.tmp");
/** A moment inside the Marktplatz campaign (open) and before the Radverkehr campaign (upcoming). */
export const NOW = new Date("2027-03-20T10:00:00+01:00");

export interface BuiltSite extends BuildSiteResult {
  outDir: string;
  /** Every HTML file as its URL ("/marktplatz/", "/404.html"). */
  htmlUrls: string[];
  read(url: string): string;
  load(url: string): cheerio.CheerioAPI;
  remove(): Promise<void>;
}

export function tmpDir(prefix: string): string {
  return path.join(TMP, `${prefix}-${randomBytes(4).toString("hex")}`);
}

export async function buildInto(campaignsDir: string, options: { outDir?: string; now?: Date; cacheDir?: string } = {}): Promise<BuiltSite> {
  const outDir = options.outDir ?? tmpDir("site");
  await mkdir(TMP, { recursive: true });
  // No audit report: a report left in the working directory by `mitreden audit` must not change what tests see.
  const result = await buildSite({ campaignsDir, outDir, now: options.now ?? NOW, quiet: true, cacheDir: options.cacheDir, auditReport: path.join(TMP, "no-audit-report") });
  return withReaders(outDir, result);
}

export function withReaders(outDir: string, result: BuildSiteResult): BuiltSite {
  const read = (url: string) => readFileSync(fileOf(outDir, url), "utf8");
  return {
    ...result,
    outDir,
    htmlUrls: htmlFiles(outDir).map((file) => urlOf(outDir, file)),
    read,
    load: (url) => cheerio.load(read(url)),
    remove: () => rm(outDir, { recursive: true, force: true }),
  };
}

/** The file a URL is served from: directories serve their index.html. */
export function fileOf(outDir: string, url: string): string {
  const parts = url.split("/").filter(Boolean);
  return url.endsWith("/") ? path.join(outDir, ...parts, "index.html") : path.join(outDir, ...parts);
}

function urlOf(outDir: string, file: string): string {
  const rel = path.relative(outDir, file).split(path.sep).join("/");
  return rel.endsWith("index.html") ? `/${rel.slice(0, -"index.html".length)}` : `/${rel}`;
}

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(full);
    return entry.name.endsWith(".html") ? [full] : [];
  });
}
