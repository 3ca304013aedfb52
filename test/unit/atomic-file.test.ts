// The one way mitreden writes cache entries, stylesheets and fonts: whole or not at all.
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeFileAtomically } from "../../src/atomic-file.js";
import { tmpDir } from "./site-support.js";

const dir = tmpDir("atomic");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("writeFileAtomically", () => {
  it("creates the folder and writes text and bytes", async () => {
    const css = path.join(dir, "assets", "mitreden.css");
    await writeFileAtomically(css, "body{color:#1b1b1b}");
    expect(readFileSync(css, "utf8")).toBe("body{color:#1b1b1b}");
    const png = path.join(dir, "cards", "start.png");
    await writeFileAtomically(png, new Uint8Array([0x89, 0x50, 0x4e, 0x47]).subarray(1));
    expect([...readFileSync(png)]).toEqual([0x50, 0x4e, 0x47]);
  });

  it("leaves one whole version when many builds write the same file at once", async () => {
    const file = path.join(dir, "race", "manifest.json");
    const versions = Array.from({ length: 20 }, (_, i) => JSON.stringify({ build: i, cards: "x".repeat(50_000 + i) }));
    await Promise.all(versions.map((v) => writeFileAtomically(file, v)));
    expect(versions).toContain(readFileSync(file, "utf8"));
    expect(readdirSync(path.dirname(file))).toEqual(["manifest.json"]);
  });

  it("fails without leaving a temporary file behind", async () => {
    const blocked = path.join(dir, "blocked", "site.css");
    mkdirSync(blocked, { recursive: true }); // a folder where the file should go: the rename fails
    await expect(writeFileAtomically(blocked, "body{}")).rejects.toThrow();
    expect(readdirSync(path.dirname(blocked))).toEqual(["site.css"]);
  });
});
