// The header rules of the built site: `_headers` as Netlify and Cloudflare Pages read it, the same
// rules for nginx and Caddy, and one policy per path whatever the host does with overlapping rules.
import { beforeAll, describe, expect, it } from "vitest";
import { loadSiteModel } from "../../src/campaign/index.js";
import type { CampaignModel, MapPageModel, SiteModel } from "../../src/campaign/model.js";
import { formatHeadersFile, HeadersFileError, parseHeadersFile } from "../../src/security/headers-file.js";
import { collectorHeaders, collectorPaths, CSP, headersForPath, siteHeaderRules, type HeaderRule, type TopLevelEntry } from "../../src/security/headers.js";
import { campaignPolicy, formatPolicy, sitePolicy } from "../../src/security/policy.js";
import { caddySnippet, nginxSnippet } from "../../src/security/server-snippets.js";

const ENTRIES: TopLevelEntry[] = [
  { name: "404.html", folder: false },
  { name: "assets", folder: true },
  { name: "index.html", folder: false },
  { name: "marktplatz", folder: true },
  { name: "radverkehr", folder: true },
  { name: "robots.txt", folder: false },
  { name: "sitemap.xml", folder: false },
];
/** Paths a visitor may ask for, inside and outside the campaigns. */
const PATHS = ["/", "/index.html", "/404.html", "/sitemap.xml", "/assets/mitreden.1234abcd.css", "/marktplatz/", "/marktplatz/karte/", "/radverkehr/en/umfrage/", "/gibt-es-nicht/"];

let model: SiteModel;
/** The examples with the Marktplatz map on a third-party basemap. */
let styled: SiteModel;
beforeAll(async () => {
  model = (await loadSiteModel("campaigns")).model;
  const marktplatz = structuredClone(model.campaigns.find((c) => c.slug === "marktplatz")!) as CampaignModel;
  (marktplatz.pages.find((p) => p.type === "map") as MapPageModel).map.basemap = { kind: "style", style: "https://tiles.example.org/style.json" };
  styled = { ...model, campaigns: model.campaigns.map((c) => (c.slug === "marktplatz" ? marktplatz : c)) };
});

function cspOf(rules: HeaderRule[], pathname: string): string[] {
  return headersForPath(rules, pathname)
    .filter(([name]) => name === CSP)
    .map(([, value]) => value);
}

describe("the site's header rules", () => {
  it("give every path the strict policy in one /* rule when no campaign needs more", () => {
    const rules = siteHeaderRules(model, ENTRIES);
    expect(rules.map((rule) => rule.path)).toEqual(["/*"]);
    expect(Object.fromEntries(rules[0]!.headers)).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      [CSP]: formatPolicy(sitePolicy()),
    });
    expect(Object.fromEntries(rules[0]!.headers)["Permissions-Policy"]).toContain("camera=()");
  });

  it("give a campaign that needs more its own policy, and no path two policies", () => {
    const rules = siteHeaderRules(styled, ENTRIES);
    const marktplatz = formatPolicy(campaignPolicy(styled.campaigns.find((c) => c.slug === "marktplatz")!));
    const strict = formatPolicy(sitePolicy());
    for (const pathname of PATHS) {
      const expected = pathname.startsWith("/marktplatz/") ? [marktplatz] : pathname === "/gibt-es-nicht/" ? [] : [strict];
      expect(cspOf(rules, pathname), pathname).toEqual(expected);
      // The headers every path has, once each.
      const names = headersForPath(rules, pathname).map(([name]) => name);
      expect(names.filter((name) => name !== CSP).sort(), pathname).toEqual(["Permissions-Policy", "Referrer-Policy", "X-Content-Type-Options"]);
    }
    expect(rules.map((rule) => rule.path)).toEqual(["/*", "/", "/404.html", "/assets/*", "/index.html", "/robots.txt", "/sitemap.xml", "/marktplatz/*", "/radverkehr/*"]);
  });

  it("leave the header files themselves out", () => {
    const rules = siteHeaderRules(styled, [...ENTRIES, { name: "_headers", folder: false }, { name: "_headers.caddy", folder: false }]);
    expect(rules.some((rule) => rule.path.startsWith("/_headers"))).toBe(false);
  });
});

describe("the _headers file", () => {
  it("reads back as the rules it was written from", () => {
    for (const site of [model, styled]) {
      const rules = siteHeaderRules(site, ENTRIES);
      const text = formatHeadersFile(rules);
      expect(parseHeadersFile(text)).toEqual(rules);
      // Netlify and Cloudflare Pages: a path at the start of a line, its headers indented below it.
      expect(text).toMatch(/^\/\*\n {2}X-Content-Type-Options: nosniff$/m);
    }
  });

  it("refuses what it does not understand, naming the line", () => {
    expect(() => parseHeadersFile("  X-Frame-Options: DENY\n", "_site/_headers")).toThrow(/_site\/_headers:1: a header before any path/);
    expect(() => parseHeadersFile("/*\n  X-Content-Type-Options: nosniff\n/:lang/*\n", "_site/_headers")).toThrow(HeadersFileError);
    expect(() => parseHeadersFile("/*\nX-Content-Type-Options nosniff\n", "_site/_headers")).toThrow(/_site\/_headers:2: "X-Content-Type-Options nosniff" is neither a path/);
  });
});

describe("the nginx and Caddy snippets", () => {
  it("say what _headers says, path by path, and leave the collector's answers to the collector", () => {
    const rules = siteHeaderRules(styled, ENTRIES);
    const nginx = nginxSnippet(rules, collectorPaths(styled));
    const caddy = caddySnippet(rules, collectorPaths(styled));
    const marktplatz = formatPolicy(campaignPolicy(styled.campaigns.find((c) => c.slug === "marktplatz")!));
    expect(nginx).toContain(`if ($uri ~ "^/marktplatz/") {\n    set $mitreden_content_security_policy "${marktplatz}";\n}`);
    expect(nginx).toContain(`if ($uri ~ "^/404\\.html$") {`);
    // The collector's API and the short links it counts.
    expect(collectorPaths(styled)).toEqual(["/api", "/l"]);
    expect(nginx).toContain(`if ($uri ~ "^/api/") {`);
    expect(nginx).toContain(`if ($uri ~ "^/l/") {`);
    expect(nginx).toContain("add_header Content-Security-Policy $mitreden_content_security_policy always;");
    expect(caddy).toContain(`@mitreden_headers_8 {\n\tpath /marktplatz/*\n\tnot path /api/* /l/*\n}\nheader @mitreden_headers_8 {\n\tContent-Security-Policy "${marktplatz}"\n}`);
    expect(caddy).toContain("respond @mitreden_header_files 404");
  });

  it("refuse a value nginx would read as a variable", () => {
    expect(() => nginxSnippet([{ path: "/*", headers: [["X-Test", "costs $5"]] }], [])).toThrow(/must not contain \$/);
  });
});

describe("the collector's headers", () => {
  it("forbid scripts and framing and send no referrer", () => {
    const headers = Object.fromEntries(collectorHeaders(model));
    expect(headers[CSP]).toMatch(/^default-src 'none';/);
    expect(headers[CSP]).toContain("frame-ancestors 'none'");
    expect(headers["Referrer-Policy"]).toBe("no-referrer");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
  });
});
