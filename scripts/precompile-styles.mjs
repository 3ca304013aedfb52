// Part of `npm run build:ts` (and `prepare`): what every site's stylesheet and fonts share, made
// ahead of time so that a city's first build (empty .cache/) does not spend ~4 s of CPU on it:
// the stylesheet without fonts and colours (Sass over KERN and our partials, then only the rules
// templates and scripts use; dist/site/styles/main.used.css, with a hash of its inputs) and each
// font face's file of the characters beyond the sites' text (dist/site/styles/fonts/). Skipped
// where the files there are current. See src/site/styles/main-css.ts and fonts.ts. What it made is
// said on stderr: `npm pack --json` runs this (prepare) and its stdout must stay JSON.
import { writePrecompiledMainCss } from "../dist/site/styles/main-css.js";
import { writePrecompiledFonts } from "../dist/site/styles/fonts.js";

const started = performance.now();
const [{ written, bytes, rejected }, fonts] = await Promise.all([writePrecompiledMainCss(), writePrecompiledFonts()]);
if (written) console.error(`Precompiled the stylesheet: ${(bytes / 1024).toFixed(0)} KiB, ${rejected} unused selectors left out.`);
if (fonts) console.error(`Precompiled ${fonts} font files.`);
if (written || fonts) console.error(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
