// Walking a page by keyboard in forced colours (Windows high contrast) and in dark mode, and
// checking that every tab stop shows where the focus is (WCAG 2.4.7, 1.4.11). pa11y sees neither
// mode; a focused checkbox that vanished in forced colours passed it for months (issue 15).
// The same walk serves `mitreden audit` (puppeteer) and the end-to-end tests (playwright): it
// needs only a page that can press keys and evaluate a function.

/** The colour modes the audit walks each page in, besides pa11y's plain light mode. */
export const COLOUR_MODES = ["forced-colors", "dark"] as const;
export type ColourMode = (typeof COLOUR_MODES)[number];

/** Enough of a puppeteer or playwright page for the walk. */
export interface KeyboardPage {
  keyboard: { press(key: string): Promise<unknown> };
  // Puppeteer's and playwright's evaluate differ in their generics; the walk's functions take nothing.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  evaluate(fn: () => any): Promise<any>;
}

export interface FocusProblem {
  /** 1 for the first tab stop. */
  stop: number;
  /** A short description of the element: tag#id.class "text". */
  element: string;
  /** What is missing, with the measured values. */
  reason: string;
}

export interface FocusWalk {
  stops: number;
  problems: FocusProblem[];
}

/**
 * Checks every element in the page's tab order. One real Tab press puts the browser into keyboard
 * mode (so :focus-visible matches as it does for a keyboard user); then, inside the page, each
 * element of the tab order is focused in turn and checked. One round trip per page, not one per
 * stop: the social kit has 250 stops, and the audit walks every page twice.
 */
export async function walkFocus(page: KeyboardPage): Promise<FocusWalk> {
  await page.keyboard.press("Tab");
  const results = (await page.evaluate(checkTabOrder)) as Checked[];
  const problems = results.flatMap((r, i) => (r.problem ? [{ stop: i + 1, element: r.element, reason: r.problem }] : []));
  return { stops: results.length, problems };
}

/** The minimum contrast of a focus indicator against what surrounds it (WCAG 1.4.11). */
export const MIN_INDICATOR_CONTRAST = 3;

type Checked = { element: string; problem?: string };

/**
 * Runs in the page (serialised: everything it needs is inside). A focus indicator counts when the
 * focused element (or its ::before/::after) has an outline of ≥ 1 px, or a box-shadow or border
 * that focus changes, or a container around it gains an outline while focus is inside it
 * (:focus-within), in a colour of ≥ 3:1 against the background behind it. Colours of any syntax (oklch, system colours) are
 * read back as sRGB through a canvas.
 */
function checkTabOrder(): Checked[] {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
  const rgba = (colour: string): [number, number, number, number] => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = "#000";
    ctx.fillStyle = colour;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return [r!, g!, b!, a! / 255];
  };
  const luminance = ([r, g, b]: number[]) => {
    const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
  };
  const contrast = (a: number[], b: number[]) => {
    const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (l1! + 0.05) / (l2! + 0.05);
  };
  // The tab order: focusable, rendered, not taken out by tabindex="-1"; positive tabindex first.
  const focusable = [...document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, summary, iframe, video[controls], audio[controls], [tabindex], [contenteditable=true]")]
    .filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && !(el instanceof HTMLInputElement && el.type === "hidden") && el.checkVisibility({ visibilityProperty: true }) && !el.closest("[inert]"));
  const order = [...focusable.filter((el) => el.tabIndex > 0).sort((a, b) => a.tabIndex - b.tabIndex), ...focusable.filter((el) => el.tabIndex === 0)];
  return order.map((el) => {
    el.focus();
    // The background the indicator is drawn on: the first opaque one outside the element.
    let background: [number, number, number, number] = [255, 255, 255, 1];
    for (let node = el.parentElement; node; node = node.parentElement) {
      const colour = rgba(getComputedStyle(node).backgroundColor);
      if (colour[3] > 0.5) {
        background = colour;
        break;
      }
      if (node === document.documentElement) background = rgba("Canvas");
    }
    // A translucent colour is seen mixed with the background.
    const over = ([r, g, b, a]: number[]) => [r! * a! + background[0] * (1 - a!), g! * a! + background[1] * (1 - a!), b! * a! + background[2] * (1 - a!)];
    const text = (el.innerText || el.getAttribute("aria-label") || (el as HTMLInputElement).value || "").trim().slice(0, 40);
    const element = `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : ""}${text ? ` "${text}"` : ""}`;

    // Border and shadow count only when focus changes them: compare with the element unfocused.
    const style = getComputedStyle(el);
    const focused = { boxShadow: style.boxShadow, border: style.borderTopColor + " " + style.borderTopWidth + " " + style.borderTopStyle, borderColor: style.borderTopColor, borderWidth: style.borderTopWidth, borderStyle: style.borderTopStyle };
    // The element's own outline and those of its pseudo-elements (a card's stretched link draws its ring on ::after).
    const outlines = [null, "::after", "::before"].flatMap((pseudo) => {
      const drawn = getComputedStyle(el, pseudo);
      if (pseudo && (drawn.content === "none" || drawn.content === "normal")) return [];
      return [{ pseudo: pseudo ?? "", style: drawn.outlineStyle, width: parseFloat(drawn.outlineWidth), colour: drawn.outlineColor }];
    });
    // A ring drawn around a container while focus is inside it (:focus-within), e.g. the map's frame.
    const ancestors: HTMLElement[] = [];
    for (let node = el.parentElement; node && node !== document.body && ancestors.length < 6; node = node.parentElement) ancestors.push(node);
    const outlineOf = (node: HTMLElement) => {
      const style = getComputedStyle(node);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), colour: style.outlineColor };
    };
    const around = ancestors.map(outlineOf);
    el.blur();
    const plain = getComputedStyle(el);
    const unfocused = { boxShadow: plain.boxShadow, border: plain.borderTopColor + " " + plain.borderTopWidth + " " + plain.borderTopStyle };

    const found: string[] = [];
    for (const outline of outlines) {
      if (outline.style !== "none" && outline.width > 0) {
        const colour = rgba(outline.colour);
        // Chromium draws `outline-style: auto` as its own two-tone ring, visible on any ground,
        // unless the colour is transparent (KERN's forced-colours trick that hid the checkboxes).
        if (outline.style === "auto" && colour[3] > 0) return { element };
        const ratio = colour[3] === 0 ? 1 : contrast(over(colour), background);
        if (ratio >= 3) return { element };
        found.push(`outline${outline.pseudo} ${outline.colour} ${outline.width}px: ${ratio.toFixed(2)}:1`);
      } else if (!outline.pseudo) found.push("no outline");
    }
    for (const [i, node] of ancestors.entries()) {
      const withFocus = around[i]!;
      const without = outlineOf(node);
      if (withFocus.style === "none" || withFocus.width === 0 || (without.style === withFocus.style && without.width === withFocus.width && without.colour === withFocus.colour)) continue;
      const colour = rgba(withFocus.colour);
      let behind: number[] = rgba("Canvas");
      for (let up = node.parentElement; up; up = up.parentElement) {
        const c = rgba(getComputedStyle(up).backgroundColor);
        if (c[3] > 0.5) {
          behind = c;
          break;
        }
      }
      const seen = colour.slice(0, 3).map((c, k) => c * colour[3] + behind[k]! * (1 - colour[3]));
      const ratio = colour[3] === 0 ? 1 : contrast(seen, behind);
      if (ratio >= 3) return { element };
      found.push(`outline around it ${withFocus.colour}: ${ratio.toFixed(2)}:1`);
    }
    if (focused.boxShadow !== "none" && focused.boxShadow !== unfocused.boxShadow) {
      const colours = focused.boxShadow.match(/(rgba?|oklch|oklab|lab|lch|color|hsla?)\([^)]*\)|#[0-9a-f]{3,8}/gi) ?? [];
      for (const c of colours) {
        const ratio = contrast(over(rgba(c)), background);
        if (ratio >= 3) return { element };
      }
      found.push(`box-shadow ${focused.boxShadow}`);
    }
    if (focused.border !== unfocused.border && focused.borderStyle !== "none" && parseFloat(focused.borderWidth) > 0) {
      const ratio = contrast(over(rgba(focused.borderColor)), background);
      if (ratio >= 3) return { element };
      found.push(`border ${focused.borderColor}: ${ratio.toFixed(2)}:1`);
    }
    return { element, problem: `no visible focus indicator (${found.join("; ")})` };

  });
}

/** A puppeteer browser, as `mitreden audit` has one. */
interface PuppeteerLikeBrowser {
  newPage(): Promise<
    KeyboardPage & {
      // Puppeteer's emulateMediaFeatures knows no forced-colors; the DevTools protocol does.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      createCDPSession(): Promise<{ send(method: any, params?: any): Promise<unknown> }>;
      setViewport(viewport: { width: number; height: number }): Promise<void>;
      goto(url: string, options?: { waitUntil?: "load" | "networkidle0" | "networkidle2" }): Promise<unknown>;
      close(): Promise<void>;
    }
  >;
}

/**
 * Walks one page in each of COLOUR_MODES, for the audit: a map, which starts when it scrolls into
 * view, is started and awaited first, so that its canvas and controls are walked too.
 */
export async function walkColourModes(browser: PuppeteerLikeBrowser, url: string): Promise<{ mode: ColourMode; walk: FocusWalk }[]> {
  const results: { mode: ColourMode; walk: FocusWalk }[] = [];
  for (const mode of COLOUR_MODES) {
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 1280, height: 900 });
      const session = await page.createCDPSession();
      await session.send("Emulation.setEmulatedMedia", {
        features: [
          { name: "forced-colors", value: mode === "forced-colors" ? "active" : "none" },
          { name: "prefers-color-scheme", value: mode === "dark" ? "dark" : "light" },
        ],
      });
      await page.goto(url, { waitUntil: "load" });
      await page.evaluate(async () => {
        const frames = [...document.querySelectorAll("[data-map-frame]")];
        for (const frame of frames) frame.scrollIntoView();
        const done = () => !frames.length || document.documentElement.hasAttribute("data-map-ready") || document.querySelector(".mr-map__frame--unavailable");
        for (let waited = 0; !done() && waited < 20_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
        window.scrollTo(0, 0);
      });
      results.push({ mode, walk: await walkFocus(page) });
    } finally {
      await page.close();
    }
  }
  return results;
}
