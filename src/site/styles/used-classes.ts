// Which class names, custom properties and class names completed at render time the pages can carry, read from the
// code that writes them: the Nunjucks templates, the browser scripts (they add error, counter, map
// and list states at run time) and the server code that writes HTML (survey form, Markdown,
// pictures, the collector's error pages, the social kit). The stylesheet keeps what these name.
// The desk's pages to come are covered as soon as their templates or code exist.
//
// Reading the sources instead of one build's pages keeps every state that appears only at run time
// or only for some campaigns (an error message, a closed survey, a map popup, a table in Markdown),
// and makes the result depend on the mitreden version alone: it is computed once and cached.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { packagePath } from "../../package-root.js";

export interface ClassUsage {
  /** Every word in the sources that could be a class, id or attribute name (a superset, by design). */
  words: string[];
  /**
   * Class names completed at render time, as the literal text around the expression: `mr-status--`
   * and "" from `mr-status--{{ params.state }}`, `kern-form-check__` and `--error` from
   * `kern-form-check__{{ params.inputType }}--error` (see purge.ts for what is kept).
   */
  completions: Completion[];
  /** Custom properties named outside the main stylesheet (map, social kit, inline styles, scripts). */
  customProperties: string[];
  /** The files read, relative to their folder, for messages and tests. */
  files: string[];
}

// Text files that can hold markup or class names; stylesheets are not uses of their own selectors.
const SOURCE_FILE = /\.(njk|html|ts|js|mjs|cjs)$/;
const NOT_A_SOURCE = /(\.d\.ts|\.map|\.test\.ts)$/;

/** The literal parts of a class name around an expression. */
export interface Completion {
  before: string;
  after: string;
}

/** A file that can name classes, with its text. */
export interface ClassSource {
  /** Path relative to the package (or to the templates folder, for a fork's templates). */
  name: string;
  text: string;
}

/**
 * The files that can put classes on a page: the templates in `templatesDir` (the build's, which
 * may be a fork's), the browser scripts (src/client, shipped as TypeScript) and the compiled server
 * code (dist: survey form, Markdown, pictures, the collector's pages, the social kit). The same
 * set in a git checkout and in an installed package. Our own stylesheet code (dist/site/styles)
 * is skipped: a selector there is what is being judged, not a use.
 */
export async function classSources(templatesDir: string = packagePath("templates")): Promise<ClassSource[]> {
  const roots = [templatesDir, packagePath("src", "client"), packagePath("dist")];
  const skip = [packagePath("dist", "site", "styles")];
  const files = (await Promise.all(roots.map((root) => sourceFiles(root, skip)))).flat();
  const texts = await Promise.all(files.map((file) => readFile(file, "utf8")));
  return files.map((file, i) => ({ name: path.relative(file.startsWith(templatesDir + path.sep) ? templatesDir : packagePath(), file), text: texts[i]! }));
}

/** Reads {@link classSources} for the words, completions and custom properties they name. */
export async function classUsage(templatesDir: string = packagePath("templates")): Promise<ClassUsage> {
  const sources = await classSources(templatesDir);
  const words = new Set<string>();
  const completions = new Map<string, Completion>();
  const customProperties = new Set<string>();
  for (const { text } of sources) {
    // Digits too: a completed class may end in one (`kern-form-input__input` + "--width-4").
    for (const word of text.match(/[A-Za-z0-9_][\w-]*/g) ?? []) words.add(word);
    for (const completion of dynamicClassNames(text)) completions.set(`${completion.before}*${completion.after}`, completion);
    for (const name of text.match(/--[A-Za-z_][\w-]*/g) ?? []) customProperties.add(name);
  }
  return {
    words: [...words].sort(),
    completions: [...completions.keys()].sort().map((key) => completions.get(key)!),
    customProperties: [...customProperties].sort(),
    files: sources.map((source) => source.name).sort(),
  };
}

/**
 * Class names completed by an expression: `mr-status--{{ state }}`,
 * `kern-form-check__{{ params.inputType }}--error` and `kern-form-input__input{{ params.width }}`
 * (Nunjucks), `kern-icon--${name}` (template literal), `"kern-btn--" + variant` (concatenation;
 * only with a trailing hyphen, as any string can be added to). `{% … %}` ends the literal part.
 */
export function dynamicClassNames(text: string): Completion[] {
  return [
    ...[...text.matchAll(/([A-Za-z][\w-]*)(?:\{\{[^}]*\}\}|\$\{[^}]*\})([\w-]*)/g)].map((m) => ({ before: m[1]!, after: m[2]! })),
    ...[...text.matchAll(/([A-Za-z][\w-]*)\{%/g)].map((m) => ({ before: m[1]!, after: "" })),
    ...[...text.matchAll(/["'`]([A-Za-z][\w]*(?:-[\w]*)*-)["'`]\s*\+/g)].map((m) => ({ before: m[1]!, after: "" })),
  ];
}

/** The files under `root` that {@link classSources} reads, sorted. */
export async function sourceFiles(root: string, skip: string[] = [packagePath("dist", "site", "styles")]): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(root, { recursive: true })).map(String);
  } catch {
    return []; // dist/ before the first `npm run build:ts`, src/ of an installed package without some folders
  }
  return names
    .filter((name) => SOURCE_FILE.test(name) && !NOT_A_SOURCE.test(name) && !name.split(path.sep).includes("node_modules"))
    .map((name) => path.join(root, name))
    .filter((file) => !skip.some((dir) => file.startsWith(dir + path.sep)))
    .sort();
}
