// Eleventy registers an ES-module resolver hook when it loads, so that its watch mode can re-import
// changed JavaScript data and config files. mitreden gives Eleventy no JavaScript to import (its
// templates are Nunjucks, its data comes from the plugin, and `serve` builds with a new model),
// while the hook runs on a thread of its own and slows every later import of the build (~0.2 s).
// ELEVENTY_SKIP_ESM_RESOLVER is Eleventy's documented switch (11ty/eleventy#3371).
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
export {};
