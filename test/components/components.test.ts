// Every component in templates/components, on its own, as GOV.UK Frontend tests theirs: its
// params.json says what it takes, its examples.json shows each state worth seeing, and each
// example is rendered through the site's real Nunjucks setup and checked by html-validate and by
// axe (in Chromium, with the site's stylesheet, so colour contrast is measured as visitors see it).
// A new component folder is picked up by itself; one without examples fails here.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import Fastify, { type FastifyInstance } from "fastify";
import nunjucks from "nunjucks";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, findChromium } from "../../src/audit/chromium.js";
import { serveSiteFiles } from "../../src/serve/static-site.js";
import { htmlValidate } from "../unit/html-validate-rules.js";
import { tmpDir } from "../unit/site-support.js";
import { checkExample, loadComponents, paramsReadBy } from "./component-docs.js";
import { renderExamples, type RenderedExample } from "./render-examples.js";

const TEMPLATES = path.resolve("templates");
const COMPONENTS = path.join(TEMPLATES, "components");
// The audit's rule set (pa11y, WCAG2AA with axe): WCAG 2.0/2.1 A and AA, and axe's best practices.
const AXE_TAGS = ["wcag2a", "wcag21a", "wcag2aa", "wcag21aa", "best-practice"];
// About the whole page, which an example is only a part of; `mitreden audit` checks every built page for them.
const PAGE_RULES = ["page-has-heading-one", "landmark-one-main"];

const { components, problems: folderProblems } = loadComponents(COMPONENTS);

describe("component documentation", () => {
  it("finds the components, each with params.json and examples.json", () => {
    expect(folderProblems).toEqual([]);
    expect(components.map((c) => c.name)).toEqual(expect.arrayContaining(["breadcrumbs", "card", "header", "status", "survey-form"]));
  });

  it("fails for a component folder without examples, and says what to add", () => {
    const dir = tmpDir("components");
    mkdirSync(path.join(dir, "notice"), { recursive: true });
    writeFileSync(path.join(dir, "notice", "macro.njk"), '{% macro mrNotice(params) %}{% include "./template.njk" %}{% endmacro %}');
    writeFileSync(path.join(dir, "notice", "params.json"), JSON.stringify({ description: "A short notice.", params: [{ name: "text", type: "string", description: "escaped" }] }));
    try {
      const { problems } = loadComponents(dir);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/notice\/ has a macro\.njk but no examples\.json\. Add examples\.json \(\{ "<example name>": \{ <params> \} \}.*README\.md, section "Components"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("every example uses documented params of the documented type and gives the required ones", () => {
    expect(components.flatMap((c) => c.examples.flatMap((e) => checkExample(c, e)))).toEqual([]);
  });

  it("params.json documents the params each template reads, and no others", () => {
    const problems: string[] = [];
    for (const component of components) {
      const read = paramsReadBy(component, COMPONENTS);
      const documented = new Set(component.params.map((p) => p.name));
      for (const name of read.all) if (!documented.has(name)) problems.push(`${component.name}: the template reads params.${name}, params.json does not document it`);
      for (const param of component.doc.params) if (!read.own.has(param.name)) problems.push(`${component.name}: params.json documents ${param.name}, the template never reads it`);
    }
    expect(problems).toEqual([]);
  });

  it("every template under templates/ compiles", () => {
    // Templates no page uses are compiled nowhere else (pages compile what they include on load,
    // see compileOnLoad in src/pages/environment.ts), so every template is compiled here on its own.
    const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(TEMPLATES), { autoescape: true, trimBlocks: true, lstripBlocks: true });
    const files = readdirSync(TEMPLATES, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".njk"));
    const broken: string[] = [];
    for (const file of files) {
      try {
        env.getTemplate(file, true);
      } catch (error) {
        broken.push((error as Error).message.replace(/\s+/g, " "));
      }
    }
    expect(files.length).toBeGreaterThan(40);
    expect(broken).toEqual([]);
  });
});

describe("component examples, rendered", () => {
  const outDir = tmpDir("components");
  let rendered: RenderedExample[] = [];
  let app: FastifyInstance;
  let browser: Browser;
  let origin = "";

  beforeAll(async () => {
    rendered = await renderExamples(components, outDir, TEMPLATES);
    app = Fastify({ logger: false });
    await serveSiteFiles(app, outDir);
    origin = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    // COMPONENT_GALLERY=1 keeps the pages to look at (README, "Components").
    if (process.env.COMPONENT_GALLERY) console.log(`Component gallery: ${outDir}/index.html`);
    else await rm(outDir, { recursive: true, force: true });
  });

  const read = (example: RenderedExample) => readFileSync(path.join(outDir, example.url), "utf8");

  it("renders every example of every component into markup", () => {
    expect(rendered).toHaveLength(components.reduce((n, c) => n + c.examples.length, 0));
    const empty = rendered.filter((example) => !/<!-- example -->[\s\S]*<[a-z][\s\S]*<!-- \/example -->/.test(read(example)));
    expect(empty.map((e) => `${e.component}: ${e.name}`)).toEqual([]);
  });

  it("every example passes html-validate (the site's rules)", async () => {
    const failures: string[] = [];
    for (const example of rendered) {
      const report = await htmlValidate.validateString(read(example), example.url);
      for (const message of report.results.flatMap((r) => r.messages)) {
        failures.push(`${example.component}: ${example.name} (${example.url}:${message.line}:${message.column}) ${message.ruleId} ${message.message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("every example passes axe (WCAG 2.1 AA and best practices) with the site's stylesheet applied", async () => {
    // Each example as a page of its own: in one page (or in frames of one page) axe would judge
    // landmarks and headings across examples, e.g. two footers, or the hero's h1 after another's h2.
    // A context of its own: axe opens a blank page in it to put a page's frame results together.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const unstyled: string[] = [];
    const violations: string[] = [];
    const undecided: string[] = [];
    try {
      for (const example of rendered) {
        const label = `${example.component}: ${example.name}`;
        await page.goto(origin + example.url, { waitUntil: "load" });
        // The stylesheet really applies, so contrast is measured against the site's colours and font.
        const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
        if (!font.includes("Fira Sans")) unstyled.push(`${label} (${font})`);
        // Legacy mode: one axe.run in the page (an example page has no frames), half the time per page.
        const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).disableRules(PAGE_RULES).setLegacyMode().analyze();
        for (const violation of results.violations) {
          for (const node of violation.nodes) violations.push(`${label}  ${violation.id} (${violation.impact}) ${node.target.join(" ")}: ${violation.help}`);
        }
        // Contrast that axe could not decide (text over a picture, a gradient) needs a person to look.
        for (const result of results.incomplete.filter((r) => r.id === "color-contrast")) {
          for (const node of result.nodes) undecided.push(`${label}  ${node.target.join(" ")}: ${node.failureSummary ?? ""}`);
        }
      }
    } finally {
      await context.close();
    }
    expect(unstyled).toEqual([]);
    expect(violations).toEqual([]);
    expect(undecided).toEqual([]);
  });
});
