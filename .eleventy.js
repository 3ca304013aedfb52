// For people who run Eleventy directly (`npx @11ty/eleventy`): the same site as `mitreden build`,
// from ./campaigns into ./_site, but without the staged swap. Needs the compiled code (`npm run build:ts`).
import { loadSiteModel } from "./dist/campaign/index.js";
import mitredenPlugin from "./dist/site/plugin.js";

export default async function (eleventyConfig) {
  const { model } = await loadSiteModel("campaigns");
  eleventyConfig.addPlugin(mitredenPlugin, { model });
  eleventyConfig.setTemplateFormats("njk");
  return { dir: { input: "templates/eleventy", output: "_site" } };
}
