// The command line as a city's team uses it: exit codes, messages, and `new` producing a valid campaign.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { loadSiteModel } from "../../src/campaign/index.js";
import { buildSite } from "../../src/site/build.js";

const root = path.resolve(import.meta.dirname, "../..");
const cli = path.join(root, "bin/mitreden.js");

async function run(args: string[], cwd = root): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)("node", [cli, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  // The CLI runs compiled code; make sure it is current.
  await promisify(execFile)("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: root });
}, 120_000);

describe("mitreden validate", () => {
  it("accepts the example campaigns with exit code 0", async () => {
    const result = await run(["validate", "campaigns"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/2 campaigns valid/);
  });

  it("prints each problem as file:line:col  pointer  message and exits 1", async () => {
    const result = await run(["validate", "test/fixtures/invalid-unknown-key"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'test/fixtures/invalid-unknown-key/marktplatz/campaign.json:20:7  /pages/0/intor  unknown field "intor" — did you mean "intro"?',
    );
    expect(result.stdout).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it("reports a JSON syntax error with its position, not a stack trace", async () => {
    const result = await run(["validate", "test/fixtures/invalid-syntax-trailing-comma"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/campaign\.json:\d+:\d+ {2}\/ {2}.*trailing comma/);
    expect(result.stdout + result.stderr).not.toMatch(/SyntaxError|at .*\.js:\d+/);
  });

  it("explains a missing campaigns folder", async () => {
    const result = await run(["validate", "no-such-folder"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/no-such-folder/);
    expect(result.stdout).toMatch(/mitreden new/);
  });
});

describe("mitreden build", () => {
  it("refuses to build invalid campaigns and writes nothing", async () => {
    const out = await mkdtemp(path.join(root, "test/.tmp/cli-out-"));
    const result = await run(["build", "--campaigns", "test/fixtures/invalid-period-order", "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/nothing was built/);
    await expect(readFile(path.join(out, "index.html"))).rejects.toThrow();
  });
});

describe("mitreden new", () => {
  it("scaffolds a campaign that validates as it is, and never overwrites one", async () => {
    const dir = path.join(await mkdtemp(path.join(root, "test/.tmp/cli-new-")), "campaigns");
    const created = await run(["new", "neue-mitte", "--campaigns", dir]);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(path.join(dir, "neue-mitte", "campaign.json"));
    const validated = await run(["validate", dir]);
    expect(validated.code).toBe(0);
    // Not even a warning: what a team starts from must be something they need not fix first.
    expect(validated.stdout).toBe("1 campaign valid.\n");
    const again = await run(["new", "neue-mitte", "--campaigns", dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists already/);
  });

  it("shows every capability: info page, survey with consent and privacy text, map with categories and places, posts, a credited picture", async () => {
    const repository = await mkdtemp(path.join(root, "test/.tmp/cli-new-"));
    const campaigns = path.join(repository, "campaigns");
    expect((await run(["new", "neue-mitte", "--campaigns", campaigns])).code).toBe(0);
    const { model } = await loadSiteModel(campaigns);
    const campaign = model.campaigns[0]!;
    expect(campaign.pages.map((p) => p.type)).toEqual(["info", "survey", "map"]);
    const survey = campaign.pages[1]!;
    if (survey.type !== "survey") throw new Error("no survey");
    expect(survey.questions.some((q) => q.type === "consent")).toBe(true);
    expect(survey.intro?.de).toContain(campaign.organization.privacy);
    const map = campaign.pages[2]!;
    if (map.type !== "map") throw new Error("no map");
    expect(map.map.categories.length).toBeGreaterThan(1);
    // One category chooses its shape, the others get the free ones: the choice is there to copy.
    expect(map.map.categories.map((c) => c.shape)).toEqual(["circle", "triangle", "square"]);
    expect(map.map.places.length).toBeGreaterThan(1);
    expect(campaign.social.posts.length).toBeGreaterThan(0);
    expect(campaign.hero?.alt.de).toMatch(/^Platzhalterbild: /);
    expect(campaign.hero?.credit?.de).toBeTruthy();
    expect(await sharp(campaign.hero!.file).metadata()).toMatchObject({ format: "jpeg", width: 1600, height: 900 });
    // Nothing claimed about accessibility that was not tested.
    expect(campaign.accessibility.audit).toBeUndefined();
    expect(campaign.accessibility.knownIssues).toEqual([]);
    // Open from today for six weeks, so `serve` shows the forms without --now.
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
    expect(campaign.period.start.slice(0, 10)).toBe(today);
    const days = (Date.parse(campaign.period.end) - Date.parse(campaign.period.start)) / 86_400_000;
    expect(Math.round(days)).toBe(43);
    const out = path.join(repository, "_site");
    await buildSite({ campaignsDir: campaigns, outDir: out, quiet: true, auditReport: path.join(repository, "no-report") });
    const page = (url: string) => readFile(path.join(out, url, "index.html"), "utf8");
    expect(await page("neue-mitte/umfrage")).toContain('id="survey-form"');
    expect(await page("neue-mitte/karte")).toContain('id="mr-contribution-form"');
    expect(await page("neue-mitte/accessibility")).toContain("noch nicht auf Barrierefreiheit geprüft");
  }, 180_000);

  it("--minimal writes one information page", async () => {
    const campaigns = path.join(await mkdtemp(path.join(root, "test/.tmp/cli-new-")), "campaigns");
    expect((await run(["new", "kurz", "--minimal", "--campaigns", campaigns])).code).toBe(0);
    const { model } = await loadSiteModel(campaigns);
    expect(model.campaigns[0]!.pages.map((p) => p.type)).toEqual(["info"]);
    expect(model.campaigns[0]!.hero).toBeUndefined();
  });

  it("rejects a folder name that can't be a web address", async () => {
    const result = await run(["new", "Neue Mitte"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/lower-case letters, digits and hyphens/);
  });
});

describe("mitreden init and the CI files", () => {
  it("writes GitLab and GitHub CI that validate, build and audit, once, keeping what the city has", async () => {
    const repository = await mkdtemp(path.join(root, "test/.tmp/cli-init-"));
    await writeFile(path.join(repository, ".gitignore"), "node_modules\n.env\n");
    await writeFile(path.join(repository, "package.json"), JSON.stringify({ name: "beteiligung", private: true, dependencies: { mitreden: "file:mitreden-0.1.0.tgz" } }, null, 2));
    const first = await run(["init", repository]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Wrote ${repository}/.gitlab-ci.yml, ${repository}/.github/workflows/mitreden.yml, ${repository}/.puppeteerrc.cjs`);
    expect(await readFile(path.join(repository, ".gitignore"), "utf8")).toBe("node_modules\n.env\n# mitreden\n_site/\n.cache/\ndata/\naudit-report/\n");
    const manifest = JSON.parse(await readFile(path.join(repository, "package.json"), "utf8"));
    expect(manifest.allowScripts).toEqual({ mitreden: true, "better-sqlite3": true, esbuild: true, sharp: true, puppeteer: false, "@parcel/watcher": false });
    expect(manifest.overrides).toEqual({ nunjucks: { chokidar: JSON.parse(await readFile(path.join(root, "package.json"), "utf8")).dependencies.chokidar } });
    expect(manifest.dependencies).toEqual({ mitreden: "file:mitreden-0.1.0.tgz" });

    const gitlab = parseYaml(await readFile(path.join(repository, ".gitlab-ci.yml"), "utf8"));
    const job = gitlab.mitreden;
    expect(gitlab.image).toMatch(/^node:20/);
    expect(gitlab.variables).toMatchObject({ CHROMIUM_PATH: "/usr/bin/chromium", PUPPETEER_SKIP_DOWNLOAD: "true" });
    expect(job.before_script.join("\n")).toMatch(/apt-get install -y -qq chromium/);
    expect(job.script).toEqual(["npx mitreden validate", "npx mitreden build", "npx mitreden audit", "npx mitreden build"]);
    expect(job.artifacts).toMatchObject({ when: "always", reports: { junit: "audit-report/junit.xml" } });
    expect(job.artifacts.paths).toContain("audit-report/");

    const github = parseYaml(await readFile(path.join(repository, ".github/workflows/mitreden.yml"), "utf8"));
    expect(Object.keys(github.on)).toEqual(["push", "pull_request"]);
    const steps = github.jobs.mitreden.steps as { run?: string; uses?: string }[];
    expect(steps.flatMap((s) => (s.run ? [s.run] : [])).slice(-4)).toEqual(job.script);
    expect(steps.find((s) => s.run?.includes("apt-get"))?.run).toBe(job.before_script[0]);
    expect(github.jobs.mitreden.container).toBe(gitlab.image);

    // Again: nothing is written twice, nothing the city changed is replaced.
    await writeFile(path.join(repository, ".gitlab-ci.yml"), "# our own\n");
    const second = await run(["init", repository]);
    expect(second.stdout).toContain("Kept");
    expect(await readFile(path.join(repository, ".gitlab-ci.yml"), "utf8")).toBe("# our own\n");
    expect((await readFile(path.join(repository, ".gitignore"), "utf8")).match(/_site/g)).toHaveLength(1);
  });

  it("comes with the first `mitreden new`, into the folder that holds the campaigns", async () => {
    const repository = await mkdtemp(path.join(root, "test/.tmp/cli-init-"));
    const result = await run(["new", "neue-mitte", "--minimal", "--campaigns", path.join(repository, "campaigns")]);
    expect(result.stdout).toContain(".gitlab-ci.yml");
    await expect(readFile(path.join(repository, ".gitlab-ci.yml"), "utf8")).resolves.toContain("npx mitreden audit");
  });
});

describe("usage", () => {
  it("suggests the nearest command for a typo", async () => {
    const result = await run(["biuld"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Did you mean "build"\?/);
  });

  it("names a wrong option and shows the command's help", async () => {
    const result = await run(["build", "--outdir", "x"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--outdir/);
    expect(result.stderr).toMatch(/mitreden build \[--campaigns/);
  });

  it("says its version and Node's, as a bug report needs them", async () => {
    const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-v", "version"]) {
      const result = await run([flag]);
      expect(result.code, flag).toBe(0);
      expect(result.stdout, flag).toBe(`mitreden ${version} (Node ${process.versions.node})\n`);
    }
  });

  it("asks for the campaign, with an example, when a command about one is run without it", async () => {
    for (const [command, example] of [["results", "marktplatz"], ["reach", "marktplatz"], ["moderate", "marktplatz"], ["purge", "marktplatz"], ["new", "neue-mitte"]] as const) {
      const result = await run([command]);
      expect(result.code, command).toBe(1);
      expect(result.stderr, command).toBe(`Name the campaign: mitreden ${command} <slug>, e.g. mitreden ${command} ${example}\n`);
      expect((await run([command, "--help"])).stdout, command).toMatch(/^ {2}slug {9}\S/m);
    }
  });
});
