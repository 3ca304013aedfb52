// KERN's components come with every variant and state; a campaign site uses a part of them. PurgeCSS
// drops the rules whose classes no template, script or page-writing code names (used-classes.ts).
import type { UserDefinedOptions } from "purgecss";
import { StylesError } from "./errors.js";
import type { ClassUsage } from "./used-classes.js";

/** What {@link keepUsedRules} removed, for DEBUG output and tests. */
export interface PurgeResult {
  css: string;
  rejected: string[];
}

/**
 * The rules of `css` that can match the pages, and the custom properties they (or the map, the
 * social kit and scripts) read. Kept besides the words in `usage`:
 * - every element selector and attribute name without a hyphen (`blockquote`, `[hidden]`):
 *   Markdown writes elements that no template names;
 * - a class made of a beginning completed at render time and a word of the sources
 *   (`mr-status--{{ state }}` and "open" keep `mr-status--open`, not `mr-status--archived`);
 * - selectors that begin with `:is()`/`:where()`, which PurgeCSS 8 wrongly drops when a `:not()`
 *   follows (KERN's `:is(body, .kern-light, …):not([class*=kern-level-])` carries the page's
 *   text and action colours; FullHuman/purgecss#978 and #1197).
 */
export async function keepUsedRules(css: string, usage: ClassUsage): Promise<PurgeResult> {
  const { PurgeCSS } = await import("purgecss");
  const words = [...usage.words, ...completedClasses(css, usage)];
  const options: UserDefinedOptions = {
    content: [{ raw: words.join(" "), extension: "txt" }],
    css: [{ raw: css }],
    // The words are extracted already; PurgeCSS only has to split them again.
    defaultExtractor: (content) => content.split(" "),
    variables: true,
    keyframes: true,
    fontFace: false,
    rejected: true,
    safelist: {
      standard: [/^[a-z][a-z0-9]*$/],
      greedy: [/^:(is|where)$/],
      variables: usage.customProperties,
    },
  };
  try {
    const [result] = await new PurgeCSS().purge(options);
    return { css: result?.css ?? "", rejected: result?.rejected ?? [] };
  } catch (error) {
    throw new StylesError(`Could not remove the unused rules from the stylesheet: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * Classes of `css` made of a completion's literal parts around a word of the sources, with or
 * without the hyphens between them (`kern-form-input__input` + "--width-4" written as `"--width-4"`).
 */
function completedClasses(css: string, usage: ClassUsage): string[] {
  const words = new Set(usage.words);
  const classes = new Set([...css.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)].map((match) => match[1]!));
  const isWord = (middle: string) => words.has(middle) || words.has(middle.replace(/^[-_]+|[-_]+$/g, ""));
  return [...classes].filter((name) =>
    usage.completions.some(
      ({ before, after }) => name.length > before.length + after.length && name.startsWith(before) && name.endsWith(after) && isWord(name.slice(before.length, name.length - after.length)),
    ),
  );
}
