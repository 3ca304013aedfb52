// The proof of work end to end (docs/adr/025-proof-of-work.md): a campaign with
// `"abuse": { "proofOfWork": true }`, built and served by `mitreden serve`, filled in by keyboard
// in Chromium. The widget comes from the site itself, solves while the person fills in, never
// takes focus, says in the status line what it did, breaks no CSP rule, and the answers arrive
// verified; the same page without JavaScript still sends, unverified.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import type { Browser, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tabTo } from "./keyboard.js";
import { exportRows, launchChromium, root, type RunningSite, startSite } from "./server.js";

const SURVEY = "/marktplatz/umfrage/";
const THANKS = "/marktplatz/umfrage/danke/";
let site: RunningSite;
let browser: Browser;
let campaigns: string;

beforeAll(async () => {
  campaigns = mkdtempSync(path.join(os.tmpdir(), "mitreden-pow-"));
  cpSync(path.join(root, "campaigns"), campaigns, { recursive: true });
  const file = path.join(campaigns, "marktplatz", "campaign.json");
  const campaign = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...campaign, abuse: { proofOfWork: true } }, null, 2));
  site = await startSite({ campaigns });
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await site?.stop();
  if (campaigns) rmSync(campaigns, { recursive: true, force: true });
});

describe("a survey with the proof of work", () => {
  it("is sent by keyboard: the widget solves unseen, never takes focus, is announced, and the answers arrive verified", async () => {
    const context = await browser.newContext({ locale: "de-DE", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on("request", (r: Request) => void (new URL(r.url()).origin !== site.url && foreign.push(r.url())));
    await page.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const posts: Request[] = [];
    page.on("request", (r) => void (r.method() === "POST" && posts.push(r)));
    await page.goto(site.url + SURVEY);
    const loadedAt = Date.now();
    // Solved while the page is read, and said in words in the polite status line.
    await expect.poll(() => page.textContent("[data-pow-status]"), { timeout: 15_000 }).toBe("Prüfung gegen automatische Einsendungen: Überprüft");
    expect(await page.getAttribute("[data-pow-status]", "role")).toBe("status");

    // Keyboard only: every Tab stop on the way, none of them in the widget.
    const stops: string[] = [];
    const note = async () => stops.push(await page.evaluate(() => (document.activeElement?.closest("altcha-widget") ? "altcha-widget" : (document.activeElement?.id ?? ""))));
    await tabTo(page, "#q-bezug");
    await page.keyboard.press("Space");
    await tabTo(page, "#q-einwilligung");
    await page.keyboard.press("Space");
    for (let i = 0; i < 30 && !(await page.evaluate(() => document.activeElement?.matches("button[type=submit]"))); i++) {
      await page.keyboard.press("Tab");
      await note();
    }
    expect(stops).not.toContain("altcha-widget");
    await page.waitForTimeout(Math.max(0, 3500 - (Date.now() - loadedAt)));
    await Promise.all([page.waitForURL(site.url + THANKS), page.keyboard.press("Enter")]);

    const sent = posts.at(-1)!.postDataJSON() as { _pow?: string };
    expect(JSON.parse(Buffer.from(sent._pow ?? "", "base64").toString())).toMatchObject({ challenge: { parameters: { algorithm: "PBKDF2/SHA-256" } }, solution: { derivedKey: expect.any(String) } });
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(foreign).toEqual([]);
    const rows = await exportRows(site.db);
    // "bestanden": the form token's timing and the proof of work both held (ADR 025).
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ _channel: "Browser-Skript", _timing: "bestanden" });
    await context.close();
  }, 120_000);

  it("takes under a second on a phone-class CPU: 4× throttled Chromium, one worker, the default difficulty (median of 5)", async () => {
    const context = await browser.newContext({ locale: "de-DE", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.goto(site.url + SURVEY);
    await page.waitForFunction(() => (document.querySelector("altcha-widget") as unknown as { getState?: () => string })?.getState?.() === "verified", undefined, { timeout: 30_000 });
    // Each run: a new challenge from the collector, solved from scratch (the fetch is part of what a person waits for).
    const times = await page.evaluate(async () => {
      const widget = document.querySelector("altcha-widget") as unknown as { configure(c: object): Promise<void>; reset(): void; verify(): Promise<unknown> };
      await widget.configure({ workers: 1 });
      const out: number[] = [];
      for (let i = 0; i < 5; i++) {
        widget.reset();
        const started = performance.now();
        if (!(await widget.verify())) throw new Error("not solved");
        out.push(Math.round(performance.now() - started));
      }
      return out;
    });
    const median = [...times].sort((a, b) => a - b)[2]!;
    console.log(`proof of work, 4x throttled, 1 worker: ${times.join(", ")} ms (median ${median} ms)`);
    expect(median).toBeLessThan(1000);
    await context.close();
  }, 120_000);

  it("without JavaScript the same form is a plain POST: accepted, and stored unverified", async () => {
    const $ = cheerio.load(await (await fetch(site.url + SURVEY)).text());
    const form = $("form#survey-form");
    // The widget's element is there, empty: nothing to see or use without its script.
    expect(form.find("altcha-widget").children()).toHaveLength(0);
    const fields = new URLSearchParams();
    form.find("input[type=hidden]").each((_, e) => void fields.append($(e).attr("name")!, $(e).attr("value") ?? ""));
    fields.append("bezug", "altstadt");
    fields.append("einwilligung", "yes");
    const response = await fetch(new URL(form.attr("action")!, site.url), { method: "POST", body: fields, redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(response.status).toBe(303);
    const rows = await exportRows(site.db);
    expect(rows).toHaveLength(2);
    expect(rows.at(-1)).toMatchObject({ _timing: "ohne JavaScript" });
  });
});
