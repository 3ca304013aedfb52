import { existsSync, statSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildStyles, type BuiltStyles } from "../../src/site/styles/compile.js";
import { buildFonts, type BuiltFonts } from "../../src/site/styles/fonts.js";
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

  it("contains the KERN components the templates use and leaves out the rest", () => {
    for (const selector of [
      ".kern-btn--primary",
      ".kern-alert--danger",
      ".kern-form-input__input--error",
      ".kern-form-input__select",
      ".kern-form-check__checkbox",
      ".kern-form-check__radio",
      ".kern-fieldset--error",
      ".kern-table__cell",
      ".kern-badge--success",
      ".kern-kopfzeile__label",
      ".kern-icon--danger",
      ".mr-skip-link",
      ".mr-prose",
    ]) {
      expect(css.includes(selector), `missing ${selector}`).toBe(true);
    }
    for (const absent of [".kern-accordion", ".kern-dialog__", ".kern-task-list", ".kern-icon--dehaze", ".kern-col-"]) {
      expect(css.includes(absent), `should not contain ${absent}`).toBe(false);
    }
  });

  it("follows the user's colour scheme and motion preference", () => {
    expect(/@media\s*\(prefers-color-scheme:\s*dark\)/.test(css)).toBe(true);
    expect(/@media\s*\(prefers-reduced-motion:\s*reduce\)/.test(css)).toBe(true);
  });

  it("scopes each campaign's colours to its pages and skips campaigns without colours", () => {
    // Our theme CSS is appended as written (minified by whitespace only): [data-campaign="marktplatz"]
    expect(/:is\(\[data-campaign="?marktplatz"?\]\)\s*\{\s*--kern-color-action-default:\s*#00566b/.test(css)).toBe(true);
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
  it("writes one subset per face KERN uses, each at most 25 KB", () => {
    expect(fonts.files.map((file) => `${file.weight} ${file.style}`).sort()).toEqual([
      "400 italic",
      "400 normal",
      "500 normal",
      "600 normal",
    ]);
    for (const file of fonts.files) {
      const onDisk = path.join(outDir, file.path);
      expect(statSync(onDisk).size).toBe(file.bytes);
      expect(file.bytes, file.path).toBeLessThanOrEqual(25 * 1024);
    }
    console.info(
      "Fira Sans subsets: " +
        fonts.files.map((f) => `${f.weight} ${f.style} ${(f.bytes / 1024).toFixed(1)} KB`).join(", "),
    );
  });

  it("declares the faces with font-display: swap", () => {
    expect(fonts.css.match(/@font-face/g)).toHaveLength(4);
    expect(fonts.css.match(/font-display: swap/g)).toHaveLength(4);
    expect(fonts.css).toContain('font-family: "Fira Sans"');
  });

  it("grows only a little for characters beyond the base set", async () => {
    const dir = await mkdtemp(path.join(tmpRoot, "fonts-"));
    try {
      const plain = await buildFonts(dir, "Marktplatz");
      const regular = (built: BuiltFonts) => built.files.find((f) => f.weight === 400 && f.style === "normal")!.bytes;
      expect(regular(fonts)).toBeGreaterThan(regular(plain));
      expect(regular(fonts) - regular(plain)).toBeLessThan(2 * 1024);
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
