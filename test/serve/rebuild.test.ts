// `mitreden serve` as an author uses it: edit campaign.json the way editors and `sed -i` save it
// (a new file renamed over the old one), add and delete files, make a mistake and fix it. Every
// save is one rebuild that the served pages show; a broken save is said once and the last good
// site stays up.
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serve, type RunningServer } from "../../src/serve.js";
import { NOW, tmpDir } from "../unit/site-support.js";

const FIXTURE = "test/fixtures/valid-site-markdown";
const work = tmpDir("serve");
const campaigns = path.join(work, "campaigns");
const campaignFile = path.join(campaigns, "spielplatz", "campaign.json");
const lines: string[] = [];
let server: RunningServer;

/** Saves like `sed -i` and most editors: a new file in the same folder, renamed over the old one. */
function replaceAtomically(file: string, content: string | Buffer): void {
  const temporary = path.join(path.dirname(file), `sed${Math.random().toString(36).slice(2, 8)}`);
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

function withTitle(title: string): string {
  const json = JSON.parse(readFileSync(campaignFile, "utf8"));
  json.title.de = title;
  return JSON.stringify(json, null, 2);
}

const rebuilds = () => lines.filter((line) => line.startsWith("Rebuilt ")).length;
const logText = () => lines.join("\n");

async function until(condition: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. Log:\n${logText()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function page(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(server.url + url);
  return { status: response.status, body: await response.text() };
}

beforeAll(async () => {
  mkdirSync(work, { recursive: true });
  cpSync(FIXTURE, campaigns, { recursive: true });
  server = await serve({ campaignsDir: campaigns, outDir: path.join(work, "site"), port: 0, db: path.join(work, "x.sqlite"), now: NOW, log: (line) => lines.push(line) });
});
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("mitreden serve while the campaign is edited", () => {
  it("serves the site and the collector on one port", async () => {
    expect(lines[0]).toMatch(/^Built \d+ pages in \d+ ms\.$/);
    expect((await page("/spielplatz/")).body).toContain("Neuer Spielplatz im Lindenpark");
    expect((await page("/api/health")).status).toBe(200);
  });

  it("rebuilds once for each of two saves that replace campaign.json, and serves each edit", async () => {
    replaceAtomically(campaignFile, withTitle("Spielplatz Lindenpark: erster Entwurf"));
    await until(() => rebuilds() === 1, "the first rebuild");
    expect((await page("/spielplatz/")).body).toContain("Spielplatz Lindenpark: erster Entwurf");

    replaceAtomically(campaignFile, withTitle("Spielplatz Lindenpark: zweiter Entwurf"));
    await until(() => rebuilds() === 2, "the second rebuild");
    const second = await page("/spielplatz/");
    expect(second.body).toContain("Spielplatz Lindenpark: zweiter Entwurf");
    expect(second.body).not.toContain("erster Entwurf");
    expect(lines.at(-1)).toMatch(/^Rebuilt \d+ pages in \d+ ms \(.*campaign\.json changed\)\.$/);
    // One save, one rebuild: the temporary file and the rename did not count twice.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(rebuilds()).toBe(2);
  });

  it("says once what is wrong with a broken save, keeps serving the last good site, and recovers on the next save", async () => {
    const before = lines.length;
    const good = readFileSync(campaignFile, "utf8");
    replaceAtomically(campaignFile, good.replace('"locale": "de",', '"locale": "de",,'));
    await until(() => logText().includes("last good site"), "the error");
    const reported = lines.slice(before).join("\n");
    const problem = reported.split("\n").find((line) => line.includes("campaign.json:"));
    expect(problem, reported).toMatch(/spielplatz\/campaign\.json:\d+:\d+ /);
    // Printed once, not once with and once without its hint.
    expect(reported.split(problem!).length - 1).toBe(1);
    expect(reported.match(/campaign\.json:\d+:\d+/g)).toHaveLength(1);
    expect((await page("/spielplatz/")).body).toContain("zweiter Entwurf");

    const rebuiltBefore = rebuilds();
    replaceAtomically(campaignFile, withTitleFrom(good, "Spielplatz Lindenpark: repariert"));
    await until(() => rebuilds() === rebuiltBefore + 1, "the recovering rebuild");
    expect((await page("/spielplatz/")).body).toContain("Spielplatz Lindenpark: repariert");
  });

  it("rebuilds when a campaign folder is added, a picture changes and a campaign is deleted", async () => {
    let count = rebuilds();
    cpSync(path.join(campaigns, "spielplatz"), path.join(campaigns, "spielplatz-nord"), { recursive: true });
    await until(() => rebuilds() > count && logText().includes("spielplatz-nord"), "the new campaign");
    await until(async200("/spielplatz-nord/"), "the new campaign's page");

    count = rebuilds();
    const plan = path.join(campaigns, "spielplatz-nord", "media", "plan.png");
    replaceAtomically(plan, readFileSync(path.join(campaigns, "spielplatz", "media", "plan.png")));
    await until(() => rebuilds() > count, "the rebuild after a changed picture");

    count = rebuilds();
    rmSync(path.join(campaigns, "spielplatz-nord"), { recursive: true });
    await until(() => rebuilds() > count, "the rebuild after deleting a campaign");
    expect((await page("/spielplatz-nord/")).status).toBe(404);
  });
});

function withTitleFrom(source: string, title: string): string {
  const json = JSON.parse(source);
  json.title.de = title;
  return JSON.stringify(json, null, 2);
}

let lastStatus = 0;
/** A condition for until(): the page answers 200 (polled, since until() is synchronous). */
function async200(url: string): () => boolean {
  void page(url).then((r) => (lastStatus = r.status));
  return () => {
    if (lastStatus !== 200) void page(url).then((r) => (lastStatus = r.status));
    return lastStatus === 200;
  };
}
