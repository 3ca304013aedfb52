import { existsSync, statSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildStyles, type BuiltStyles } from "../../src/site/styles/compile.js";
import { buildFonts, unicodeRange, type BuiltFonts } from "../../src/site/styles/fonts.js";
import { contrast, parseHex, themeCss } from "../../src/site/styles/theme.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const tmpRoot = path.resolve(here, "..", ".tmp");
const kernMinCss = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@kern-ux/native/package.json")),
  "dist",
  "kern.min.css",
);

// What a real site's pages say, including characters outside the base set (ő, ł, ğ).
const campaignText = `
  Neugestaltung Marktplatz – Ihre Meinung zählt!
  Wie soll der Marktplatz in Zukunft aussehen? Bis zum 31. März 2027 können Sie „Ihre Ideen“
  einreichen. Straßenbäume, Sitzbänke, Brunnen … Kosten: 1.250.000 €.
  Beteiligung abgeschlossen → Ergebnisse ansehen. Ansprechperson: Zoltán Kővári, Paweł Łukasz, Ayşe Doğan.
  Have your say on the new market square.
`;

const slugTheme = { slug: "marktplatz", primary: "#00566b", accent: "#e4a11b" };

let outDir: string;
let fonts: BuiltFonts;
let styles: BuiltStyles;
let css: string;

beforeAll(async () => {
  await mkdir(tmpRoot, { recursive: true });
  outDir = await mkdtemp(path.join(tmpRoot, "styles-"));
  fonts = await buildFonts(outDir, campaignText);
  styles = await buildStyles(outDir, {
    themes: [slugTheme, { slug: "radweg-nord" }],
    fontFaceCss: fonts.css,
  });
  css = await readFile(path.join(outDir, styles.cssPath), "utf8");
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

/** Every url(...) target in a stylesheet, quotes removed. */
function urlTargets(stylesheet: string): string[] {
  return [...stylesheet.matchAll(/url\(\s*(["']?)(.*?)\1\s*\)/g)].map((match) => match[2] ?? "");
}

describe("buildStyles", () => {
  it("writes a content-hashed stylesheet under /assets/ and reports its size", () => {
    expect(styles.cssPath).toMatch(/^\/assets\/mitreden\.[0-9a-f]{8}\.css$/);
    expect(statSync(path.join(outDir, styles.cssPath)).size).toBe(styles.bytes);
    const kernBytes = statSync(kernMinCss).size;
    console.info(
      `mitreden.css: ${(styles.bytes / 1024).toFixed(1)} KB; KERN's full kern.min.css: ${(kernBytes / 1024).toFixed(1)} KB`,
    );
    expect(styles.bytes).toBeLessThan(kernBytes / 2);
  });

  it("makes no request to another host: no remote url(), no @import", () => {
    const targets = urlTargets(css);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) {
      expect(target, target.slice(0, 80)).not.toMatch(/^(https?:)?\/\//i);
    }
    expect(/@import/i.test(css)).toBe(false);
    // Inline SVG icons name their XML namespace with http://; nothing else may.
    const withoutDataUris = css.replace(/url\(\s*(["']?)data:.*?\1\s*\)/g, "");
    expect(withoutDataUris.match(/.{0,40}https?:\/\/.{0,40}/i)?.[0]).toBeUndefined();
  });

  it("references only the subset fonts, and they exist", () => {
    const fontUrls = urlTargets(css).filter((target) => !target.startsWith("data:"));
    expect(fontUrls.sort()).toEqual(fonts.files.map((file) => `fonts/${path.posix.basename(file.path)}`).sort());
    for (const url of fontUrls) {
      expect(existsSync(path.join(outDir, "assets", url)), url).toBe(true);
    }
    expect(/FiraSans-|fira-sans\.css/.test(css)).toBe(false);
  });

  it("contains what the templates and scripts use and leaves out the rest of KERN", () => {
    for (const selector of [
      ".kern-btn--primary",
      ".kern-btn--secondary", // kern-btn--{{ 'primary' if … else 'secondary' }}
      ".kern-alert--danger",
      ".kern-form-input__input--error",
      ".kern-form-input__input--width-4", // kern-form-input__input{{ params.width }}, width "--width-4"
      ".kern-form-input__select",
      ".kern-form-check__checkbox",
      ".kern-form-check__radio--error", // kern-form-check__{{ params.inputType }}--error
      ".kern-fieldset--error",
      ".kern-table", // Markdown tables (src/site/markdown.ts)
      ".kern-badge",
      ".mr-status--open", // mr-status--{{ params.state }}
      ".mr-status--upcoming",
      ".mr-status--closed",
      ".kern-icon--danger",
      ".kern-icon--calendar-today", // the status icon, looked up by state
      ".mr-char-count--over", // added by the survey script
      ".mr-skip-link",
      ".mr-prose",
    ]) {
      expect(css.includes(selector), `missing ${selector}`).toBe(true);
    }
    for (const absent of [".kern-accordion", ".kern-dialog__", ".kern-task-list", ".kern-icon--dehaze", ".kern-col-", ".kern-kopfzeile__label", ".kern-subline"]) {
      expect(css.includes(absent), `should not contain ${absent}`).toBe(false);
    }
  });

  it("follows the user's colour scheme and motion preference", () => {
    expect(/@media\s*\(prefers-color-scheme:\s*dark\)/.test(css)).toBe(true);
    expect(/@media\s*\(prefers-reduced-motion:\s*reduce\)/.test(css)).toBe(true);
  });

  it("scopes each campaign's colours to its pages and skips campaigns without colours", () => {
    // Minified by lightningcss: [data-campaign=marktplatz]{--kern-color-action-default:#00566b;…}
    expect(/\[data-campaign="?marktplatz"?\]\)?\s*\{\s*--kern-color-action-default:\s*#00566b/.test(css)).toBe(true);
    // No template marks a .kern-light or .kern-dark island, so their variants are left out.
    expect(css).not.toMatch(/kern-dark[^{]*data-campaign/);
    expect(css.includes("radweg-nord")).toBe(false);
  });

  it("replaces an earlier build's stylesheet instead of piling them up", async () => {
    const again = await buildStyles(outDir, { themes: [{ slug: "marktplatz", primary: "#8a1538" }], minify: false });
    const sheets = (await readdir(path.join(outDir, "assets"))).filter((name) => name.endsWith(".css"));
    expect(sheets).toEqual([path.posix.basename(again.cssPath)]);
    expect(again.cssPath).not.toBe(styles.cssPath);
    // Leave the first build in place for the other tests.
    styles = await buildStyles(outDir, { themes: [slugTheme, { slug: "radweg-nord" }], fontFaceCss: fonts.css });
  });

  it("rejects a slug that could break out of the selector", async () => {
    await expect(buildStyles(outDir, { themes: [{ slug: '"]{}body{', primary: "#00566b" }] })).rejects.toThrow(/slug/);
  });
});

describe("buildFonts", () => {
  const textFile = (built: BuiltFonts, weight = 400, style = "normal") => built.files.find((f) => f.weight === weight && f.style === style && f.part === "text")!;

  it("writes two files per face the pages use: the sites' text, and the rest of the base characters", () => {
    expect(fonts.files.map((file) => `${file.weight} ${file.style} ${file.part}`).sort()).toEqual([
      "400 italic rest",
      "400 italic text",
      "400 normal rest",
      "400 normal text",
      "600 normal rest",
      "600 normal text",
    ]);
    for (const file of fonts.files) {
      const onDisk = path.join(outDir, file.path);
      expect(statSync(onDisk).size).toBe(file.bytes);
      // Hinting is kept (Windows); the text of a real site is ~13 KB per face, the rest ~10 KB.
      expect(file.bytes, file.path).toBeLessThanOrEqual((file.part === "text" ? 16 : 12) * 1024);
    }
    console.info("Fira Sans subsets: " + fonts.files.map((f) => `${f.weight} ${f.style} ${f.part} ${(f.bytes / 1024).toFixed(1)} KB`).join(", "));
  });

  it("declares the faces with font-display: swap and unicode-range, the rest before the text", () => {
    expect(fonts.css.match(/@font-face/g)).toHaveLength(6);
    expect(fonts.css.match(/font-display: swap/g)).toHaveLength(6);
    expect(fonts.css.match(/unicode-range: U\+/g)).toHaveLength(6);
    expect(fonts.css).toContain('font-family: "Fira Sans"');
    // Where ranges overlap, the rule defined last wins: the text file, which a page loads anyway.
    const order = [...fonts.css.matchAll(/fira-sans-400-normal(-rest)?\./g)].map((m) => (m[1] ? "rest" : "text"));
    expect(order).toEqual(["rest", "text"]);
  });

  it("puts ASCII and every character of the text into the text file's range, and nothing the font lacks", () => {
    const range = textFile(fonts).unicodeRange;
    expect(range.startsWith("U+20-7E,")).toBe(true);
    const covers = (cssRange: string, character: string) =>
      cssRange.split(",").some((part) => {
        const [from, to = from] = part.replace("U+", "").split("-").map((hex) => Number.parseInt(hex, 16));
        return character.codePointAt(0)! >= from! && character.codePointAt(0)! <= to!;
      });
    for (const character of "aZ0~äß„“–€→áőłŁşğ") expect(covers(range, character), character).toBe(true);
    for (const character of "åæ«»") expect(covers(range, character), `${character} is not in the text`).toBe(false);
    expect(unicodeRange("\u00e4\u00e5\u00e6\u00f6")).toBe("U+E4-E6,U+F6");
    for (const file of fonts.files) expect(file.unicodeRange).not.toMatch(/U\+2011|U\+202F/);
  });

  it("preloads the body text's file", () => {
    expect(fonts.preload).toBe(textFile(fonts).path);
  });

  it("grows only a little for characters beyond the base set", async () => {
    const dir = await mkdtemp(path.join(tmpRoot, "fonts-"));
    try {
      const plain = await buildFonts(dir, "Marktplatz");
      expect(textFile(fonts).bytes).toBeGreaterThan(textFile(plain).bytes);
      expect(textFile(fonts).bytes - textFile(plain).bytes).toBeLessThan(3 * 1024);
      // The rest file is the same for every site.
      const rest = (built: BuiltFonts) => built.files.find((f) => f.weight === 400 && f.style === "normal" && f.part === "rest")!.path;
      expect(rest(plain)).toBe(rest(fonts));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("themeCss", () => {
  const scope = '[data-campaign="marktplatz"]';

  it("sets KERN's action colour, its contextual copy and hover/active shades", () => {
    const out = themeCss({ primary: "#00566b" }, scope);
    expect(out).toContain(`:is(${scope}) {`);
    expect(out).toMatch(/--kern-color-action-default: #00566b;/);
    expect(out).toMatch(/--kern-color-action-default-contextual: #00566b;/);
    const hover = /--kern-color-action-state-indicator-shade-hover: (#[0-9a-f]{6});/.exec(out)?.[1];
    const active = /--kern-color-action-state-indicator-shade-active: (#[0-9a-f]{6});/.exec(out)?.[1];
    expect(hover).toBeDefined();
    expect(active).toBeDefined();
    const white = parseHex("#ffffff");
    // Darker than the primary, so white button text keeps (and gains) contrast.
    expect(contrast(parseHex(hover!), white)).toBeGreaterThan(contrast(parseHex("#00566b"), white));
    expect(contrast(parseHex(active!), white)).toBeGreaterThan(contrast(parseHex(hover!), white));
    expect(out).toContain("--kern-color-action-state-indicator-tint-hover-opacity: rgb(0 86 107 / 0.08);");
  });

  it("gives dark mode a light tint that reads on KERN's dark surfaces", () => {
    const out = themeCss({ primary: "#00566b" }, scope);
    const darkBlock = /@media \(prefers-color-scheme: dark\) \{([\s\S]*?)\n\}/.exec(out)?.[1] ?? "";
    const darkAction = /--kern-color-action-default: (#[0-9a-f]{6});/.exec(darkBlock)?.[1];
    expect(darkAction).toBeDefined();
    expect(contrast(parseHex(darkAction!), parseHex("#1d2034"))).toBeGreaterThanOrEqual(4.5);
    expect(out).toContain(':is(.kern-dark, [data-kern-theme="dark"])');
  });

  it("darkens a primary that only just passes on white until it passes on KERN's grey surface", () => {
    const out = themeCss({ primary: "#767676" }, scope); // 4.54:1 on white
    const light = /--kern-color-action-default: (#[0-9a-f]{6});/.exec(out)?.[1];
    expect(contrast(parseHex(light!), parseHex("#f3f4f7"))).toBeGreaterThanOrEqual(4.5);
  });

  it("puts the accent on KERN's decorative brand colour only", () => {
    const out = themeCss({ accent: "#e4a11b" }, scope);
    expect(out).toMatch(/--kern-color-decorative-brand-default: #e4a11b;/);
    expect(out).not.toContain("--kern-color-action-default");
  });

  it("returns nothing for a campaign without colours", () => {
    expect(themeCss({}, scope)).toBe("");
  });

  it("refuses colours that are not hex, naming the field", () => {
    expect(() => themeCss({ primary: "red; } body { display: none" }, scope)).toThrow(/theme\.primary/);
  });
});
