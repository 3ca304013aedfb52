// The baseline for bench/build.js: Eleventy alone over a folder of Markdown+Nunjucks pages.
import Eleventy from "@11ty/eleventy";

const [input, output] = process.argv.slice(2);
const eleventy = new Eleventy(input, output, { quietMode: true, configPath: "" });
await eleventy.write();
