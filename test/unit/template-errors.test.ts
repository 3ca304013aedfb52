// A mistake in a component's template must stop the build with the template's name and line, not
// leave the component out of the page. Nunjucks loses errors of templates included from a macro
// (every component is one: components/<name>/macro.njk includes its template.njk).
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createPageEnvironment } from "../../src/pages/environment.js";

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function pageWithComponent(template: string): Promise<string> {
  dir = await mkdtemp(path.join(os.tmpdir(), "mitreden-templates-"));
  await mkdir(path.join(dir, "components", "notice-box"), { recursive: true });
  await writeFile(path.join(dir, "components", "notice-box", "macro.njk"), '{% macro mrNoticeBox(params) %}{%- include "./template.njk" -%}{% endmacro %}');
  await writeFile(path.join(dir, "components", "notice-box", "template.njk"), template);
  await writeFile(path.join(dir, "page.njk"), '{% from "components/notice-box/macro.njk" import mrNoticeBox %}<main>{{ mrNoticeBox({ text: "Hallo" }) }}</main>');
  const env = createPageEnvironment({ model: { campaigns: [], locale: "de", builtAt: "2027-04-10T00:00:00Z" }, assets: () => ({ stylesheet: "", images: new Map() }), templatesDir: dir });
  return env.render("page.njk", {});
}

describe("a component's template", () => {
  it("renders inside its macro", async () => {
    expect(await pageWithComponent("<p>{{ params.text }}</p>")).toBe("<main><p>Hallo</p></main>");
  });

  it("with a syntax error stops the render, naming the file and line", async () => {
    await expect(pageWithComponent("<p>\n{{ params.text }</p>")).rejects.toThrow(/notice-box[/\\]template\.njk\) \[Line 2, Column \d+\]/);
  });
});
