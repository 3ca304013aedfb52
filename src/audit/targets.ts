// Which pages the audit visits. Every page a citizen can reach: each built HTML page (the sitemap's
// first, then thank-you pages, social kits, posters, the 404 page and whatever the build adds
// later), and the pages that exist only as the answer to a request, such as the error page after
// a form sent without JavaScript. Further sources (the desk's pages, behind a login) plug in as an
// AuditSource; see docs/adr/014-honest-statement-and-city-ci.md.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { Page } from "puppeteer";
import type { SiteModel } from "../campaign/model.js";
import type { Store } from "../collector/store/index.js";
import { participationPeriod } from "../pages/navigation.js";
import { MissingPrerequisiteError, MitredenError } from "../errors.js";

export interface AuditTarget {
  /** Root-relative address of the page the report names (for a form's error page: the form's action). */
  url: string;
  /** "page" (a built page), "form-error" (the answer to a form sent without JavaScript), or a source's own word. */
  kind: string;
  /** Slug of the campaign the page belongs to; undefined for the index and the 404 page. */
  campaign?: string;
  /** For a form's error page: the page whose form was sent. */
  from?: string;
  /** Brings `page` to the target (default: opens origin + url). Throws when the page cannot be reached as expected. */
  open?(page: Page, origin: string): Promise<void>;
  /**
   * Whether another page of the same browser context shows the same page at origin + url: the
   * tab-order walks in forced colours and dark mode open it so. Default: true without `open`,
   * false with it (a form's error page is the answer to a POST). The desk's pages are: their
   * session cookie is the context's.
   */
  reachable?: boolean;
  /** Where the page is served when not beside the site (the desk's own server); default the site's origin. */
  origin?: string;
}

export interface AuditSourceContext {
  /** Where the site is served, e.g. http://127.0.0.1:41523 or the --base-url. */
  origin: string;
  /** The built site's folder. */
  siteDir: string;
  /** The campaigns, when the audit runs the collector itself. */
  model?: SiteModel;
  /** Root-relative URLs of every built page. */
  pages: string[];
  /** Sets the in-process collector's clock; undefined with --base-url (the server keeps its own). */
  setClock?: (now: Date) => void;
  /** The site is served by a running server (--base-url), not by the audit. */
  remote: boolean;
  /**
   * The in-process collector's store, thrown away after the audit; undefined with --base-url. A
   * source for pages behind a login creates its account here before `login` signs in with it.
   */
  store?: Store;
}

/**
 * A group of pages to audit. Each source gets its own browser context: a login (cookies) stays
 * inside it and never reaches the citizens' pages.
 */
export interface AuditSource {
  name: string;
  targets(ctx: AuditSourceContext): Promise<AuditTarget[]>;
  /** Signs in before the source's pages are visited, e.g. to the desk. */
  login?(page: Page, ctx: AuditSourceContext): Promise<void>;
  /** Stops what the source started (e.g. its own server) after the audit. */
  close?(): Promise<void>;
}

/** Root-relative URLs of every built page: the sitemap's order first, then every other HTML file. */
export async function builtPages(siteDir: string): Promise<string[]> {
  const sitemap = await readFile(path.join(siteDir, "sitemap.xml"), "utf8").catch(() => {
    throw new MitredenError(`No sitemap.xml in ${siteDir}. Build the site first: npx mitreden build --out ${siteDir}`);
  });
  const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const files = (await readdir(siteDir, { recursive: true })).filter((f) => f.endsWith(".html")).map((f) => "/" + f.split(path.sep).join("/"));
  const others = files.map((f) => f.replace(/(^|\/)index\.html$/, "$1")).sort((a, b) => a.localeCompare(b));
  return [...new Set([...listed, ...others])];
}

/** The campaign a root-relative URL belongs to: its first path segment, unless it is the index, the 404 page or /api/. */
export function campaignOf(url: string): string | undefined {
  const segments = url.split(/[?#]/)[0]!.split("/").filter(Boolean);
  const first = segments[0] === "api" ? segments[1] : segments[0];
  return first && !first.endsWith(".html") ? first : undefined;
}

export const builtPagesSource: AuditSource = {
  name: "pages",
  async targets(ctx) {
    return ctx.pages.map((url) => ({ url, kind: "page", campaign: campaignOf(url) }));
  },
};

interface FoundForm {
  page: string;
  action: string;
  id?: string;
}

/** Forms that post to a root-relative address (the collector), found in the built pages. */
async function postForms(siteDir: string, pages: string[]): Promise<FoundForm[]> {
  const found: FoundForm[] = [];
  for (const page of pages) {
    const file = path.join(siteDir, ...page.split("/").filter(Boolean), page.endsWith(".html") ? "" : "index.html");
    const html = await readFile(file, "utf8").catch(() => "");
    for (const tag of html.matchAll(/<form\b[^>]*>/g)) {
      const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag[0])?.[1];
      const action = attr("action");
      if (attr("method")?.toLowerCase() !== "post" || !action?.startsWith("/")) continue;
      found.push({ page, action: decodeEntities(action), id: attr("id") });
    }
  }
  return found;
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}

/**
 * A form's answer to an empty submission without JavaScript: the error page with its summary and
 * the form again. The browser submits the real form with scripts off, as a citizen's would.
 */
export const formErrorPagesSource: AuditSource = {
  name: "form-errors",
  async targets(ctx) {
    const forms = await postForms(ctx.siteDir, ctx.pages);
    if (forms.length > 0 && !ctx.setClock && !ctx.remote) {
      throw new MissingPrerequisiteError(
        `The site has ${forms.length} forms; their error pages (sent without JavaScript) need the collector, which needs the campaigns. ` +
          "Run the audit where the campaigns folder is (--campaigns <folder>), or pass --base-url of a running mitreden serve.",
      );
    }
    return forms.map((form) => ({
      url: form.action,
      kind: "form-error",
      campaign: campaignOf(form.page),
      from: form.page,
      async open(page, origin) {
        const window = ctx.model && formWindow(ctx.model, form.action);
        if (ctx.setClock && window) ctx.setClock(window);
        await page.setJavaScriptEnabled(false);
        await page.goto(origin + form.page, { waitUntil: "load" });
        const selector = form.id ? `form#${form.id}` : `form[action="${form.action}"]`;
        const button = `${selector} button[type="submit"], ${selector} button:not([type]), ${selector} input[type="submit"]`;
        const [response] = await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click(button)]);
        const status = response?.status() ?? 0;
        if (status < 400) {
          throw new MitredenError(`Sending the empty form of ${form.page} without JavaScript gave HTTP ${status} instead of an error page.`);
        }
        // The page was loaded without running its scripts; the audit's own need timers and promises.
        await page.setJavaScriptEnabled(true);
      },
    }));
  },
};

/**
 * A moment at which the form's page takes submissions (else the collector answers "closed", not
 * with the form's error page): now if it is open, else the nearest open moment.
 */
function formWindow(model: SiteModel, action: string): Date | undefined {
  const [, , slug, pageId] = action.split("/");
  const campaign = model.campaigns.find((c) => c.slug === slug);
  const page = campaign?.pages.find((p) => p.id === pageId);
  if (!campaign || !page) return undefined;
  const { start, end } = participationPeriod(campaign, page);
  const now = Date.now();
  const opens = Date.parse(start);
  const closes = Date.parse(end);
  return new Date(Math.min(Math.max(now, opens + 60_000), closes - 60_000));
}

export const DEFAULT_SOURCES: readonly AuditSource[] = [builtPagesSource, formErrorPagesSource];
