// Eleventy 3.1 compiles a paginated template anew for every page it writes: site.njk, one template
// for all pages, was compiled twice per page (content and permalink), ~1 ms each, a fifth of a
// 300-page build's Eleventy time. With Eleventy's compile cache switched on for Nunjucks and a
// compile step that keeps its Nunjucks template, each distinct template text is compiled once.
import type { UserConfig } from "@11ty/eleventy";

interface NunjucksTemplate {
  render(data: unknown, callback: (error: Error | null, output?: string) => void): void;
}
type NunjucksTemplateClass = new (source: string, environment: unknown, path: string | null, eagerCompile: boolean) => NunjucksTemplate;

/** Makes Eleventy compile each Nunjucks template (and permalink) text once per build. */
export function compileNunjucksOnce(eleventyConfig: UserConfig): void {
  let nunjucks: { Template: NunjucksTemplateClass; environment: unknown } | undefined;
  eleventyConfig.on("eleventy.engine.njk", ({ nunjucks: lib, environment }) => {
    nunjucks = { Template: (lib as { Template: NunjucksTemplateClass }).Template, environment };
  });
  eleventyConfig.addExtension("njk", {
    key: "njk",
    // Eleventy caches what compile() returns by template file and text; permalinks go through it too.
    compileOptions: { cache: true, permalink: true },
    compile(source, inputPath) {
      if (!nunjucks) return this.defaultRenderer;
      // As Eleventy's own Nunjucks engine does, without a path for inline texts.
      const template = new nunjucks.Template(source, nunjucks.environment, inputPath && inputPath !== "njk" ? inputPath : null, false);
      return (data: unknown) => new Promise<string>((resolve, reject) => template.render(data, (error, output) => (error ? reject(error) : resolve(output ?? ""))));
    },
  });
}
