// The `_headers` file (the format of Netlify and Cloudflare Pages): a path on a line of its own,
// then its headers indented, `Name: value`, one per line; `#` starts a comment. `mitreden build`
// writes it, `mitreden serve` reads it back, so the preview sends what the city's host will.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SiteModel } from "../campaign/model.js";
import { MitredenError } from "../errors.js";
import { collectorPaths, siteHeaderRules, type HeaderRule } from "./headers.js";
import { caddySnippet, nginxSnippet } from "./server-snippets.js";

/** Writes `_headers`, `_headers.nginx.conf` and `_headers.caddy` into a built site (after everything else is in it). */
export async function writeHeaderFiles(model: SiteModel, siteDir: string): Promise<HeaderRule[]> {
  const entries = (await readdir(siteDir, { withFileTypes: true })).map((entry) => ({ name: entry.name, folder: entry.isDirectory() }));
  const rules = siteHeaderRules(model, entries);
  const collector = collectorPaths(model);
  await Promise.all([
    writeFile(path.join(siteDir, "_headers"), formatHeadersFile(rules)),
    writeFile(path.join(siteDir, "_headers.nginx.conf"), nginxSnippet(rules, collector)),
    writeFile(path.join(siteDir, "_headers.caddy"), caddySnippet(rules, collector)),
  ]);
  return rules;
}

const HEADER_LINE = /^\s+([A-Za-z0-9-]+):\s*(.*?)\s*$/;
const PATH_LINE = /^(\/\S*)\s*$/;

export function formatHeadersFile(rules: HeaderRule[]): string {
  const intro = [
    "# Security headers of this site, written by `mitreden build` from the campaigns: change a campaign",
    "# and build again rather than editing this file. Netlify and Cloudflare Pages read it as it is;",
    "# _headers.nginx.conf and _headers.caddy say the same for nginx and Caddy.",
  ];
  const blocks = rules.map((rule) => [rule.path, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`)].join("\n"));
  return `${intro.join("\n")}\n\n${blocks.join("\n\n")}\n`;
}

export function parseHeadersFile(text: string, file = "_headers"): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "" || line.trim().startsWith("#")) return;
    const header = HEADER_LINE.exec(line);
    const at = `${file}:${index + 1}`;
    if (header) {
      const rule = rules.at(-1);
      if (!rule) throw new HeadersFileError(`${at}: a header before any path; start the block with the path it is for, e.g. "/*".`);
      rule.headers.push([header[1]!, header[2]!]);
      return;
    }
    const pathLine = PATH_LINE.exec(line);
    if (!pathLine || /\*./.test(pathLine[1]!) || pathLine[1]!.includes(":")) {
      throw new HeadersFileError(`${at}: ${JSON.stringify(line)} is neither a path ("/", "/file.html", "/folder/*") nor an indented "Name: value" header.`);
    }
    rules.push({ path: pathLine[1]!, headers: [] });
  });
  return rules;
}

/** The rules of a built site's `_headers`. */
export async function readHeadersFile(siteDir: string): Promise<HeaderRule[]> {
  const file = path.join(siteDir, "_headers");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new HeadersFileError(`${file} is missing: the site was built by an older mitreden. Build it again (mitreden build).`, { cause: error });
  }
  return parseHeadersFile(text, file);
}

export class HeadersFileError extends MitredenError {}
