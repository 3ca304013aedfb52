// Which response headers go where: the site's rules by path (written to `_headers`, served by
// `mitreden serve`, translated for nginx and Caddy) and the collector's one set for all its answers.
import type { SiteModel } from "../campaign/model.js";
import { SHORT_LINK_PREFIX } from "../campaign/short-links.js";
import {
  campaignPolicy,
  COLLECTOR_REFERRER_POLICY,
  collectorPolicy,
  formatPolicy,
  PERMISSIONS_POLICY,
  SITE_REFERRER_POLICY,
  sitePolicy,
} from "./policy.js";

/** Headers for the paths that match `path`: `/` or `/file.html` exactly, `/folder/*` for everything under it, `/*` for all. */
export interface HeaderRule {
  path: string;
  headers: [name: string, value: string][];
}

/** A file or folder at the top of the built site. */
export interface TopLevelEntry {
  name: string;
  folder: boolean;
}

export const CSP = "Content-Security-Policy";

/** The names of the files with the headers in the built site: hosts read them, nobody downloads them. */
export const HEADER_FILES = ["_headers", "_headers.nginx.conf", "_headers.caddy"] as const;

/**
 * The site's header rules. No two rules set the same header for one path: hosts differ on what
 * happens then (Cloudflare Pages joins the values, which for two policies means both apply; Netlify
 * takes one), so each path gets exactly one policy and every host does the same. When a campaign
 * needs a wider policy than the rest, the site-wide one is therefore written per top-level entry of
 * the built site (`entries`) instead of for `/*`.
 */
export function siteHeaderRules(model: SiteModel, entries: TopLevelEntry[]): HeaderRule[] {
  const common: HeaderRule["headers"] = [
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", SITE_REFERRER_POLICY],
    ["Permissions-Policy", PERMISSIONS_POLICY],
  ];
  const site = formatPolicy(sitePolicy());
  const campaigns = model.campaigns.map((campaign) => ({ slug: campaign.slug, policy: formatPolicy(campaignPolicy(campaign)) }));
  if (campaigns.every((campaign) => campaign.policy === site)) return [{ path: "/*", headers: [...common, [CSP, site]] }];
  const slugs = new Set(campaigns.map((campaign) => campaign.slug));
  const outside = entries
    .filter((entry) => !slugs.has(entry.name) && !(HEADER_FILES as readonly string[]).includes(entry.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((entry) => (entry.folder ? `/${entry.name}/*` : `/${entry.name}`));
  return [
    { path: "/*", headers: common },
    ...["/", ...outside].map((path): HeaderRule => ({ path, headers: [[CSP, site]] })),
    ...campaigns.map((campaign): HeaderRule => ({ path: `/${campaign.slug}/*`, headers: [[CSP, campaign.policy]] })),
  ];
}

/** The headers of every answer of the collector (its error pages, its JSON, its redirects). */
export function collectorHeaders(model: SiteModel): HeaderRule["headers"] {
  return [
    [CSP, formatPolicy(collectorPolicy(model))],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", COLLECTOR_REFERRER_POLICY],
    ["Permissions-Policy", PERMISSIONS_POLICY],
  ];
}

/**
 * Root-relative paths under which the collector answers on the site's own origin: its API when
 * `site.collector` is root-relative (usually `/api`), and the short links (`/l`) when a campaign gives them out.
 */
export function collectorPaths(model: SiteModel): string[] {
  const api = model.campaigns.map((campaign) => campaign.site.collector).filter((url) => url.startsWith("/"));
  const shortLinks = model.campaigns.some((campaign) => campaign.social.shortLinks) ? [SHORT_LINK_PREFIX.replace(/\/$/, "")] : [];
  return [...new Set([...api, ...shortLinks])].sort();
}

/** Whether a rule's path pattern matches a request path (decoded, without query). */
export function pathMatches(pattern: string, pathname: string): boolean {
  if (pattern.endsWith("/*")) return pathname.startsWith(pattern.slice(0, -1));
  return pathname === pattern;
}

/** The headers the rules give a request path, in rule order. */
export function headersForPath(rules: HeaderRule[], pathname: string): HeaderRule["headers"] {
  return rules.filter((rule) => pathMatches(rule.path, pathname)).flatMap((rule) => rule.headers);
}
