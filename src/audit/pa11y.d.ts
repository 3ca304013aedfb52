// pa11y 9 ships no types; this covers what the audit uses.
declare module "pa11y" {
  import type { Browser, Page } from "puppeteer";
  interface Pa11yIssue {
    code: string;
    type: "error" | "warning" | "notice";
    typeCode: number;
    message: string;
    context: string;
    selector: string;
    runner?: string;
  }
  interface Pa11yResult {
    documentTitle: string;
    pageUrl: string;
    issues: Pa11yIssue[];
  }
  interface Pa11yOptions {
    browser?: Browser;
    page?: Page;
    /** Audit `page` where it is (after our own navigation) instead of opening the URL. */
    ignoreUrl?: boolean;
    standard?: "WCAG2A" | "WCAG2AA" | "WCAG2AAA";
    runners?: string[];
    timeout?: number;
    wait?: number;
    includeNotices?: boolean;
    includeWarnings?: boolean;
    hideElements?: string;
    /** Request headers for the page (the desk audit sends its session cookie). */
    headers?: Record<string, string>;
    actions?: string[];
    ignore?: string[];
  }
  export default function pa11y(url: string, options?: Pa11yOptions): Promise<Pa11yResult>;
}
