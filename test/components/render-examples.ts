// Renders every component example through the site's own Eleventy setup (mitredenPlugin: its
// Nunjucks options, loader and filters) into one small page per example, with the site's compiled
// stylesheet and the first example campaign's colours, plus a gallery page that shows them all
// in frames beside their documentation. The test checks the pages; people can look at them.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import "../../src/site/eleventy-env.js";
import Eleventy from "@11ty/eleventy";
import { loadSiteModel } from "../../src/campaign/index.js";
import { prepareAssets } from "../../src/site/assets.js";
import mitredenPlugin from "../../src/site/plugin.js";
import type { Component, ParamDoc } from "./component-docs.js";

export interface RenderedExample {
  component: string;
  name: string;
  /** Root-relative URL of its page, e.g. /status/open.html. */
  url: string;
  /** Id of its frame on the gallery page. */
  frameId: string;
}

export const NOW = new Date("2027-03-20T10:00:00+01:00");

// One page per example: a component is shown where it sits on a real page (inside <main>, or
// itself a landmark directly in <body>, or in <head>).
const EXAMPLE_PAGE = `---
pagination:
  data: componentExamples
  size: 1
  alias: example
permalink: "{{ example.url }}"
---
{%- import "components/" + example.component + "/macro.njk" as component -%}
{#- The markers let the test find what the component rendered. -#}
{%- set rendered -%}<!-- example -->{{ component[example.macro](example.params) }}<!-- /example -->{%- endset -%}
<!DOCTYPE html>
<html lang="de" data-campaign="{{ theme }}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{{ example.component }}: {{ example.name }}</title>
  <link rel="stylesheet" href="{{ assets().stylesheet }}">
  {% if example.placement == "head" %}{{ rendered | safe }}{% endif %}
</head>
<body>
{% if example.placement == "body" %}
{{ rendered | safe }}
{% elif example.placement == "head" %}
<main class="mr-main"><div class="mr-container"><p>{{ example.component }} renders into &lt;head&gt;.</p></div></main>
{% else %}
<main class="mr-main"><div class="mr-container mr-stack">
{{ rendered | safe }}
</div></main>
{% endif %}
</body>
</html>
`;

const GALLERY_PAGE = `---
permalink: index.html
---
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Components – mitreden</title>
  <link rel="stylesheet" href="{{ assets().stylesheet }}">
  <style>.gallery-frame { display: block; width: 100%; min-height: 4rem; border: 1px dashed #6c757d; } .gallery-params { display: block; overflow-x: auto; } .gallery-params td, .gallery-params th { text-align: left; vertical-align: top; padding: .25rem .5rem; } .gallery-params code { overflow-wrap: anywhere; }</style>
</head>
<body>
<main class="mr-main"><div class="mr-container mr-stack">
  <h1 class="kern-heading-x-large">Components</h1>
  <p class="kern-body">Every folder in templates/components with its params (params.json) and examples (examples.json), rendered with the site's templates, filters and stylesheet.</p>
  {% for c in gallery %}
  <section class="mr-stack" aria-labelledby="component-{{ c.name }}">
    <h2 class="kern-heading-large" id="component-{{ c.name }}">{{ c.name }}</h2>
    <p class="kern-body">{{ c.description }}</p>
    <table class="gallery-params">
      <caption class="kern-sr-only">Params of {{ c.name }}</caption>
      <thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Description</th></tr></thead>
      <tbody>
      {% for p in c.params %}<tr><td><code>{{ p.name }}</code></td><td>{{ p.type }}</td><td>{{ "yes" if p.required else "no" }}</td><td>{{ p.description }}</td></tr>
      {% endfor %}
      </tbody>
    </table>
    {% for e in c.examples %}
    <h3 class="kern-heading-medium">{{ e.name }}</h3>
    <iframe class="gallery-frame" id="{{ e.frameId }}" src="{{ e.url }}" title="{{ c.name }}: {{ e.name }}"></iframe>
    {% endfor %}
  </section>
  {% endfor %}
</div></main>
<script>
  // Each frame as tall as its example, so the gallery reads like one page.
  for (const frame of document.querySelectorAll("iframe")) {
    const fit = () => { frame.style.height = frame.contentDocument.documentElement.scrollHeight + "px"; };
    frame.addEventListener("load", fit);
    if (frame.contentDocument && frame.contentDocument.readyState === "complete") fit();
  }
</script>
</body>
</html>
`;

/** Writes the example pages and the gallery (index.html) into `outDir`. */
export async function renderExamples(components: Component[], outDir: string, templatesDir: string): Promise<RenderedExample[]> {
  const { model } = await loadSiteModel("campaigns", { now: NOW });
  await mkdir(outDir, { recursive: true });
  const assets = await prepareAssets(model, outDir);
  const examples = components.flatMap((c) =>
    c.examples.map((e) => ({
      component: c.name,
      macro: c.macro,
      name: e.name,
      params: e.params,
      placement: c.doc.placement ?? "main",
      url: `/${c.name}/${e.slug}.html`,
      frameId: `example-${c.name}-${e.slug}`,
    })),
  );
  const gallery = components.map((c) => ({
    name: c.name,
    description: c.doc.description,
    params: flatten(c.params),
    examples: examples.filter((e) => e.component === c.name),
  }));

  const input = await mkdtemp(path.join(os.tmpdir(), "mitreden-component-pages-"));
  try {
    await writeFile(path.join(input, "example.njk"), EXAMPLE_PAGE);
    await writeFile(path.join(input, "gallery.njk"), GALLERY_PAGE);
    const elev = new Eleventy(input, outDir, {
      configPath: "",
      quietMode: true,
      config(eleventyConfig) {
        eleventyConfig.setTemplateFormats("njk");
        eleventyConfig.setUseGitIgnore(false);
        eleventyConfig.addPlugin(mitredenPlugin, { model, assets, templatesDir });
        eleventyConfig.addGlobalData("componentExamples", examples);
        eleventyConfig.addGlobalData("gallery", gallery);
        eleventyConfig.addGlobalData("theme", model.campaigns[0]?.slug ?? "");
      },
    });
    elev.disableLogger();
    await elev.write();
  } finally {
    await rm(input, { recursive: true, force: true });
  }
  return examples.map(({ component, name, url, frameId }) => ({ component, name, url, frameId }));
}

/** Nested params as rows: items[].text, honeypot.error. */
function flatten(params: ParamDoc[], prefix = ""): { name: string; type: string; required: boolean; description: string }[] {
  return params.flatMap((p) => {
    const name = `${prefix}${p.name}`;
    const row = { name, type: p.type, required: p.required ?? false, description: p.description };
    const inner = p.params ? flatten(p.params, p.type === "array" ? `${name}[].` : `${name}.`) : [];
    return [row, ...inner];
  });
}
