// The stylesheet's last step: lightningcss parses it once more, merges and shortens what Sass
// and the purge left (longhands, colours, duplicate rules) and prints it for the browsers below.
import type { Targets } from "lightningcss";
import { StylesError } from "./errors.js";

const version = (major: number, minor = 0) => (major << 16) | (minor << 8);

/**
 * The oldest browsers that get KERN's design in full: KERN's tokens are oklch() colours mixed
 * with color-mix(), its checkboxes and radios use :has(), and neither KERN nor we ship
 * fallbacks for them. Safari 16.2 (iOS 16.2, which every iPhone since the 8 can run),
 * Chrome/Edge 111, Firefox 121, Samsung Internet 22. Older browsers get the same stylesheet as
 * before (nothing is taken away from them); lightningcss adds no prefixes or fallbacks that
 * these do not need.
 */
export const BROWSER_TARGETS: Targets = {
  chrome: version(111),
  edge: version(111),
  firefox: version(121),
  safari: version(16, 2),
  ios_saf: version(16, 2),
  samsung: version(22),
};

/** `css` minified (or pretty-printed) by lightningcss for {@link BROWSER_TARGETS}. */
export async function minifyCss(css: string, options: { minify: boolean; filename?: string }): Promise<string> {
  const { transform } = await import("lightningcss");
  try {
    const { code } = transform({
      filename: options.filename ?? "mitreden.css",
      code: Buffer.from(css),
      minify: options.minify,
      targets: BROWSER_TARGETS,
    });
    return Buffer.from(code).toString("utf8");
  } catch (error) {
    throw new StylesError(`Could not minify the stylesheet: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
