// Each page at 320 CSS px, what 1280 px at 400 % zoom shows (WCAG 1.4.10 Reflow): nothing may be
// wider than the screen but content that needs two dimensions (a data table) in a box of its own,
// and such a box must take the keyboard's focus when it scrolls (WCAG 2.1.1), unless something
// focusable inside it scrolls it along. pa11y audits at one desktop width, where a table that a
// campaign's long compound ("Bürgerbeteiligungsverfahren") widens fits, and Chromium focuses a
// scrolling box by itself where Safari does not: neither shows these problems.

/** The width audited: 1280 px at 400 % zoom. */
export const REFLOW_WIDTH = 320;

export interface ReflowProblem {
  /** "reflow": the page is wider than the screen; "scroll-focus": a box scrolls, the keyboard cannot. */
  kind: "reflow" | "scroll-focus";
  /** A short description of the element: tag#id.class "text". */
  element: string;
  reason: string;
}

/** Enough of a puppeteer page. */
interface ReflowPage {
  setViewport(viewport: { width: number; height: number }): Promise<void>;
  goto(url: string, options?: { waitUntil?: "load" }): Promise<unknown>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  evaluate(fn: () => any): Promise<any>;
  close(): Promise<void>;
}

export async function checkReflow(browser: { newPage(): Promise<ReflowPage> }, url: string): Promise<ReflowProblem[]> {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: REFLOW_WIDTH, height: 800 });
    await page.goto(url, { waitUntil: "load" });
    // Measured as the visitor ends up with it: the web font arrived (or failed for good).
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return (await page.evaluate(measure)) as ReflowProblem[];
  } finally {
    await page.close();
  }
}

/** Runs in the page (serialised: everything it needs is inside). */
function measure(): ReflowProblem[] {
  const describe = (element: Element) => {
    const id = element.id ? `#${element.id}` : "";
    const classes = [...element.classList].slice(0, 2).map((c) => `.${c}`).join("");
    const text = (element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40);
    return `${element.tagName.toLowerCase()}${id}${classes}${text ? ` "${text}"` : ""}`;
  };
  const problems: ReflowProblem[] = [];
  const screen = document.documentElement.clientWidth;
  const scrolls = (element: Element) => {
    const overflow = getComputedStyle(element).overflowX;
    return (overflow === "auto" || overflow === "scroll") && element.scrollWidth > element.clientWidth + 1;
  };
  const insideScrollBox = (element: Element) => {
    for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) if (scrolls(up)) return true;
    return false;
  };
  if (document.documentElement.scrollWidth > screen + 1) {
    // The outermost elements that reach beyond the screen (a table, not each of its cells): what
    // the city put on the page, inside a parent that fits.
    const beyond = new Set([...document.body.querySelectorAll("*")].filter((e) => e.getBoundingClientRect().right > screen + 1 && e.checkVisibility() && !insideScrollBox(e)));
    const outermost = [...beyond].filter((e) => !e.parentElement || !beyond.has(e.parentElement));
    for (const element of outermost.slice(0, 3)) {
      problems.push({ kind: "reflow", element: describe(element), reason: `reaches ${Math.round(element.getBoundingClientRect().right)} px on a ${screen} px screen: the page scrolls sideways` });
    }
  }
  const focusable = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  for (const box of document.body.querySelectorAll("*")) {
    if (!scrolls(box) || !box.checkVisibility()) continue;
    if ((box as HTMLElement).tabIndex >= 0 || box.querySelector(focusable)) continue;
    problems.push({ kind: "scroll-focus", element: describe(box), reason: `scrolls sideways by ${box.scrollWidth - box.clientWidth} px, and takes no focus: a keyboard cannot scroll it (tabindex="0" and a name)` });
  }
  return problems;
}
