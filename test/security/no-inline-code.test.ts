// Every template stays within `style-src 'self'; script-src 'self'`: no style attribute, no <style>,
// no script with code inside (JSON data blocks are fine), no onclick= and no javascript: URLs.
// The end-to-end CSP test checks the built pages and the browser's own reports.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inlineCodeInPage, inlineCodeInTemplate } from "./inline-code.js";

function templates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return templates(full);
    return entry.name.endsWith(".njk") ? [full] : [];
  });
}

describe("templates under a strict Content-Security-Policy", () => {
  it("have no inline styles or inline code", () => {
    const files = templates("templates");
    expect(files.length).toBeGreaterThan(30);
    const found = files.flatMap((file) => inlineCodeInTemplate(readFileSync(file, "utf8")).map((problem) => `${file} ${problem}`));
    expect(found).toEqual([]);
  });

  it("are checked for each kind of inline code", () => {
    const template = [
      `<article class="mr-poster" style="--mr-poster-primary: {{ poster.primary }}">`,
      `<style>.x { color: red }</style>`,
      `<script>alert(1)</script>`,
      `<script type="module">import "/x.js";</script>`,
      `<button onclick="send()">`,
      `<a href="javascript:void(0)">`,
      `{# a comment may say style="…" #}`,
      `<script type="application/json" id="mr-survey-config">{{ params.config | safe }}</script>`,
      `<script type="module" src="{{ scripts().survey }}"></script>`,
      `<script type="application/ld+json">{{ route.openData.jsonLd | safe }}</script>`,
    ].join("\n");
    expect(inlineCodeInTemplate(template).map((problem) => problem.split(":")[0])).toEqual(["line 1", "line 5", "line 6", "line 2", "line 3", "line 4"]);
    const page = `<!doctype html><html><head><style>p{}</style></head><body><p style="color:red" onmouseover="x()">a</p>
      <script type="application/json">{"a":1}</script><script>x()</script><a href=" javascript:x()">b</a></body></html>`;
    expect(inlineCodeInPage(page)).toHaveLength(5);
  });
});
