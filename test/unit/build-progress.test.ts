// Issue 16, §3: long work shows progress. On a terminal each step counts up in place and ends with
// its time; in a CI log there is one summary line with the total time, and no line that misleads
// (Eleventy's own "Wrote 35 files in 0.94 seconds" counted only its last second of a 37 s build).
import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { terminalProgress } from "../../src/progress.js";

const root = path.resolve(import.meta.dirname, "../..");

describe("build progress", () => {
  it("on a terminal: counts each step up in place, then keeps a line with its count and time", () => {
    const written: string[] = [];
    let now = 0;
    const printer = terminalProgress({ isTTY: true, write: (t) => written.push(t) }, () => now)!;
    const parts = (pictures: number, cards: number, cardsTotal: number) => [
      { name: "pictures" as const, done: pictures, total: 2 },
      { name: "share cards" as const, done: cards, total: cardsTotal },
      { name: "social-media kits" as const, done: 0, total: 1 },
    ];
    printer({ step: "pictures, share cards and kits", done: 0, total: 3, parts: parts(0, 0, 0) });
    printer({ step: "pictures, share cards and kits", done: 2, total: 38, parts: parts(1, 1, 35) });
    now = 2500;
    printer({ step: "pictures, share cards and kits", done: 37, total: 38, parts: parts(2, 35, 35) });
    printer({ step: "pages", done: 0, total: 0 });
    printer({ step: "pages", done: 12, total: 12 });
    now = 4000;
    printer.finish();
    const screen = written.join("");
    // Side by side, each part keeps its own count; an unknown total shows as "…", not as a sum that grows.
    expect(screen).toContain("\r\x1b[K    pictures, share cards and kits pictures 0/2 · share cards … · social-media kits 0/1");
    expect(screen).toContain("\r\x1b[K    pictures, share cards and kits pictures 1/2 · share cards 1/35 · social-media kits 0/1");
    expect(screen).toContain("\r\x1b[K  ✓ pictures, share cards and kits: pictures 2, share cards 35, social-media kits 0 (2.5 s)\n");
    expect(screen).toContain("\r\x1b[K    pages 12/12");
    expect(screen.endsWith("\r\x1b[K  ✓ pages 12 (1.5 s)\n")).toBe(true);
  });

  it("counts rows whose total is not known as they come (an export of a map's contributions)", () => {
    const written: string[] = [];
    const printer = terminalProgress({ isTTY: true, write: (t) => written.push(t) }, () => 0)!;
    printer({ step: "export karte", done: 0, total: 0 });
    printer({ step: "export karte", done: 1200, total: 0 });
    printer.finish();
    expect(written.join("")).toBe("\r\x1b[K    export karte …\r\x1b[K    export karte 1200\r\x1b[K  ✓ export karte 1200 (0.0 s)\n");
  });

  it("prints nothing step by step when the output is not a terminal", () => {
    expect(terminalProgress({ isTTY: false, write: () => {} })).toBeUndefined();
  });

  it("`mitreden build` in a log: one summary line with the total time, without Eleventy's own line", async () => {
    const out = path.join(await mkdtemp(path.join(root, "test/.tmp/progress-")), "site");
    const { stdout, stderr } = await promisify(execFile)("node", [path.join(root, "bin/mitreden.js"), "build", "--campaigns", "test/fixtures/valid-minimal", "--out", out, "--now", "2027-03-20T10:00:00+01:00"], { cwd: root });
    expect(stderr).toBe("");
    expect(stdout).not.toMatch(/Wrote \d+ files/);
    expect(stdout).toMatch(new RegExp(`^Built \\d+ pages into ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/ in \\d+\\.\\d s: \\d+ pictures?, \\d+ share cards and kit images \\(\\d+ drawn, \\d+ from the cache\\)\\.\\n$`));
  }, 120_000);
});
