// The baseline for bench/build.js: Eleventy alone over a folder of Markdown pages with a Nunjucks layout.
import Eleventy from "@11ty/eleventy";

const [input, output] = process.argv.slice(2);
const eleventy = new Eleventy(input, output, {
  quietMode: true,
  // "" reads no configuration file, as mitreden's build does; so the formats are set here.
  configPath: "",
  config(eleventyConfig) {
    eleventyConfig.setTemplateFormats(["md", "njk"]);
    // The benchmark folder is git-ignored; Eleventy would skip it.
    eleventyConfig.setUseGitIgnore(false);
  },
});
const [, templates] = await eleventy.write();
// A baseline that silently wrote nothing would make any build look slow.
if (templates.length === 0) throw new Error(`bare Eleventy wrote no pages from ${input}`);
