// The stylesheet keeps only what templates and scripts name (src/site/styles/purge.ts). A class
// that a template or a browser script uses and KERN or our partials style must never be left out,
// whatever it is called (mr-*, kern-*): this compares against the full compiled
// stylesheet. test/e2e/purged-styles.test.ts compares the computed styles of the example pages.
import { mkdir, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packagePath } from "../../src/package-root.js";
import { buildStyles } from "../../src/site/styles/compile.js";
import { fullMainCss } from "../../src/site/styles/main-css.js";
import { dynamicClassNames } from "../../src/site/styles/used-classes.js";

const tmpRoot = path.resolve("test", ".tmp");
let outDir: string;
let builtClasses: Set<string>;
let fullClasses: Set<string>;

/** Class names in the selectors of a stylesheet (not in comments, strings or url()s). */
function classesOf(css: string): Set<string> {
  const selectors = css.replace(/\/\*[\s\S]*?\*\//g, "").replace(/url\([^)]*\)/g, "").replace(/"[^"]*"|'[^']*'/g, "");
  return new Set([...selectors.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)].map((m) => m[1]!));
}

/** Every file under `dir` whose name ends in one of `extensions`, with its text. */
async function texts(dir: string, extensions: string[]): Promise<{ file: string; text: string }[]> {
  const names = (await readdir(dir, { recursive: true })).map(String).filter((name) => extensions.some((e) => name.endsWith(e)));
  return Promise.all(names.map(async (name) => ({ file: path.join(path.relative(packagePath(), dir), name), text: await readFile(path.join(dir, name), "utf8") })));
}

beforeAll(async () => {
  await mkdir(tmpRoot, { recursive: true });
  outDir = await mkdtemp(path.join(tmpRoot, "css-coverage-"));
  const built = await buildStyles(outDir, { themes: [{ slug: "marktplatz", primary: "#00566b" }] });
  builtClasses = classesOf(await readFile(path.join(outDir, built.cssPath), "utf8"));
  fullClasses = classesOf(await fullMainCss());
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe("the built stylesheet", () => {
  it("leaves out a good part of KERN's classes (the point of purging)", () => {
    expect(builtClasses.size).toBeLessThan(fullClasses.size * 0.8);
  });

  it("keeps every styled class that a template or a browser script names", async () => {
    const sources = [...(await texts(packagePath("templates"), [".njk"])), ...(await texts(packagePath("src", "client"), [".ts"]))];
    expect(sources.length).toBeGreaterThan(40);
    const missing = new Set<string>();
    for (const { file, text } of sources) {
      for (const word of text.match(/[A-Za-z_][\w-]*/g) ?? []) {
        if (fullClasses.has(word) && !builtClasses.has(word)) missing.add(`${word} (${file})`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it("keeps the styled classes that server code writes (collector's error pages, page environment, Markdown, pictures, social kit)", async () => {
    const collector = [
      ...(await texts(packagePath("src", "collector"), [".ts"])),
      ...(await texts(packagePath("src", "pages"), [".ts"])),
      // Our own stylesheet code names selectors to judge, not uses.
      ...(await texts(packagePath("src", "site"), [".ts"])).filter(({ file }) => !file.startsWith(path.join("src", "site", "styles") + path.sep)),
    ];
    expect(collector.some(({ file }) => file.startsWith(path.join("src", "pages") + path.sep))).toBe(true);
    const missing = collector.flatMap(({ file, text }) => (text.match(/[A-Za-z_][\w-]*/g) ?? []).filter((w) => fullClasses.has(w) && !builtClasses.has(w)).map((w) => `${w} (${file})`));
    expect([...new Set(missing)]).toEqual([]);
  });
});

describe("dynamicClassNames", () => {
  it("finds class names that templates and scripts complete at render time", () => {
    expect(dynamicClassNames('<span class="kern-badge mr-status mr-status--{{ params.state }}">')).toEqual([{ before: "mr-status--", after: "" }]);
    expect(dynamicClassNames('<input class="kern-form-check__{{ params.inputType }}--error">')).toContainEqual({ before: "kern-form-check__", after: "--error" });
    expect(dynamicClassNames("element.className = `kern-icon--${name}`;")).toEqual([{ before: "kern-icon--", after: "" }]);
    expect(dynamicClassNames('button.className = "kern-btn--" + variant;')).toEqual([{ before: "kern-btn--", after: "" }]);
    // Any text can be added to a plain string; only a class-like beginning counts.
    expect(dynamicClassNames('const greeting = "Hallo " + name;')).toEqual([]);
  });
});
