// The desk end to end, by keyboard only, in Debian's Chromium against `mitreden serve`: log in,
// approve one contribution, reject one with a reason, answer one with a status and a text, redact a
// phone number in a survey answer, log out. Then, as a citizen: the approved one with its answer
// and status is in the public list and GeoJSON, the rejected one is not, the redacted text is gone
// from the export.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fullMarktplatzAnswers } from "../collector/helpers/campaigns.js";
import { tabTo } from "./keyboard.js";
import { exportRows, launchChromium, root, startSite, type RunningSite } from "./server.js";

const PASSWORD = "ein langes Passwort für anna";
const POINT: [number, number] = [6.99998, 50.93998];

describe("the desk by keyboard", () => {
  let site: RunningSite;
  let browser: Browser;
  const ids: Record<string, string> = {};

  const json = async (url: string, body: unknown) => {
    const response = await fetch(`${site.url}${url}`, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(body) });
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as { id: string };
  };

  beforeAll(async () => {
    site = await startSite();
    execFileSync("node", [path.join(root, "bin/mitreden.js"), "user", "add", "anna", "--role", "admin", "--password-stdin", "--db", site.db], { input: `${PASSWORD}\n`, cwd: root });
    for (const [key, comment] of [["approve", "Mehr Bänke am Brunnen, bitte."], ["reject", "Kauft bei Firma X, beste Preise!"]] as const) {
      ids[key] = (await json("/api/marktplatz/karte/contributions", { contribution: { category: "idee", comment, point: POINT }, _id: randomUUID(), _locale: "de" })).id;
    }
    await json("/api/marktplatz/umfrage/responses", { answers: { ...fullMarktplatzAnswers(), idee: "Ruft mich an: 0221 9876543, dann erkläre ich es." }, _id: randomUUID(), _locale: "de" });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  /** Enter on the focused control, and wait for the page it leads to. */
  const enter = async (page: Page) => {
    await Promise.all([page.waitForEvent("load"), page.keyboard.press("Enter")]);
  };

  it("logs in, approves, rejects with a reason, answers, redacts and logs out", async () => {
    const context = await browser.newContext({ locale: "de-DE", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/admin/`);
    expect(page.url()).toMatch(/\/admin\/login\?/);

    await tabTo(page, "#desk-username");
    await page.keyboard.type("anna");
    await page.keyboard.press("Tab");
    await page.keyboard.type(PASSWORD);
    await enter(page);
    expect(new URL(page.url()).pathname).toBe("/admin/");
    await expect(page.locator("h1").textContent()).resolves.toBe("Beiträge");

    // Approve the first.
    await tabTo(page, `form[action="/admin/contributions/${ids.approve}/decide"] input[value=approve] ~ button`);
    await enter(page);
    await expect(page.locator("[role=status]").textContent()).resolves.toContain("Freigegeben.");

    // Reject the second: "Beleidigend oder diskriminierend" is the second reason.
    await tabTo(page, `#reason-${ids.reject}`);
    await page.keyboard.press("ArrowDown");
    await tabTo(page, `form[action="/admin/contributions/${ids.reject}/decide"] input[value=reject] ~ button`);
    await enter(page);
    await expect(page.locator("[role=status]").textContent()).resolves.toContain("Abgelehnt.");

    // Answer the approved one on its own page: "Wird umgesetzt" is the third status.
    await tabTo(page, `a[href="/admin/contributions/${ids.approve}"]`);
    await enter(page);
    await tabTo(page, "#answer-status");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await tabTo(page, "#answer-text");
    await page.keyboard.type("Die Bänke kommen im Mai.");
    await tabTo(page, "#answer button[type=submit]:not([name])");
    await enter(page);
    await expect(page.locator("[role=status]").textContent()).resolves.toContain("Antwort veröffentlicht.");

    // Redact the phone number in the survey's free text.
    await tabTo(page, 'a[href="/admin/surveys"]');
    await enter(page);
    await tabTo(page, 'a[href="/admin/surveys/marktplatz/umfrage"]');
    await enter(page);
    await tabTo(page, "select[name=question]");
    await page.keyboard.type("Wenn");
    await tabTo(page, "input[name=fragment]");
    await page.keyboard.type("0221 9876543");
    await page.keyboard.press("Tab");
    await enter(page);
    await expect(page.locator("[role=status]").textContent()).resolves.toContain("Text entfernt.");
    await expect(page.locator("main").textContent()).resolves.toContain("Ruft mich an: [entfernt], dann erkläre ich es.");

    await tabTo(page, ".mr-desk-nav__logout button");
    await enter(page);
    expect(page.url()).toMatch(/\/admin\/login\?out=1$/);
    await page.goto(`${site.url}/admin/`);
    expect(page.url()).toMatch(/\/admin\/login\?/);
    await context.close();
  });

  it("shows the citizen the approved one with its answer and status, not the rejected one; the export has no phone number", async () => {
    const geojson = (await (await fetch(`${site.url}/api/marktplatz/karte/contributions.geojson`)).json()) as { features: { properties: Record<string, unknown> }[] };
    expect(geojson.features.map((f) => f.properties.id)).toEqual([ids.approve]);
    expect(geojson.features[0]!.properties).toMatchObject({ status: "planned", answer: { text: "Die Bänke kommen im Mai.", organization: "Stadt Musterstadt" } });

    const context = await browser.newContext({ locale: "de-DE" });
    const page = await context.newPage();
    await page.goto(`${site.url}/marktplatz/karte/`);
    const item = page.locator(`#beitrag-${ids.approve}`);
    await item.waitFor();
    await expect(item.textContent()).resolves.toMatch(/Stand: Wird umgesetzt.*Antwort der Stadt.*Die Bänke kommen im Mai\..*Stadt Musterstadt/s);
    await expect(page.locator(`#beitrag-${ids.reject}`).count()).resolves.toBe(0);
    expect((await page.context().cookies()).length).toBe(0);
    await context.close();

    const rows = await exportRows(site.db);
    expect(JSON.stringify(rows)).toContain("Ruft mich an: [entfernt]");
    expect(JSON.stringify(rows)).not.toContain("9876543");
  });
});
