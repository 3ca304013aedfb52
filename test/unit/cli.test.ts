// The command line as a city's team uses it: exit codes, messages, and `new` producing a valid campaign.
import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";

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
    const dir = await mkdtemp(path.join(root, "test/.tmp/cli-new-"));
    const created = await run(["new", "neue-mitte", "--campaigns", dir]);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(path.join(dir, "neue-mitte", "campaign.json"));
    expect((await run(["validate", dir])).code).toBe(0);
    const again = await run(["new", "neue-mitte", "--campaigns", dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists already/);
  });

  it("rejects a folder name that can't be a web address", async () => {
    const result = await run(["new", "Neue Mitte"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/lower-case letters, digits and hyphens/);
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
});
