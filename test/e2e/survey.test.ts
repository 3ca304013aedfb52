// The survey form end to end, as citizens use it: built by `mitreden build`, served with the
// collector by `mitreden serve --now`, filled in without JavaScript (a plain POST) and with it
// (headless Chromium, keyboard only), and read back with `mitreden export`.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import * as cheerio from "cheerio";
import type { Browser, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { focusIsVisible, tabTo } from "./keyboard.js";
import { exportRows, launchChromium, type RunningSite, startSite } from "./server.js";

const SURVEY = "/marktplatz/umfrage/";
const THANKS = "/marktplatz/umfrage/danke/";
let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  site = await startSite();
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function openSurvey(): Promise<Page> {
  const context = await browser.newContext({ locale: "de-DE", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(site.url + SURVEY);
  // The script has run once the draft note is shown.
  await page.waitForSelector("[data-draft-note]:not([hidden])");
  return page;
}

describe("the survey without JavaScript", () => {
  it("is a plain form that POSTs to the collector and leads to the thank-you page", async () => {
    const $ = cheerio.load(await (await fetch(site.url + SURVEY)).text());
    const form = $("form#survey-form");
    expect(form.attr("method")).toBe("post");
    const fields = new URLSearchParams();
    form.find("input[type=hidden]").each((_, e) => void fields.append($(e).attr("name")!, $(e).attr("value") ?? ""));
    const option = (name: string, n: number) => $(`select[name="${name}"] option`).eq(n).attr("value")!;
    const set = (name: string, value: string) => fields.append(name, value);
    set("bezug", "__other");
    set("bezug__other", "Gäste aus Köln und Düsseldorf");
    set("haeufigkeit", option("haeufigkeit", 2));
    set("nutzung", "wochenmarkt");
    set("nutzung", "verweilen");
    set("zufriedenheit", "2");
    set("zufriedenheit_grund", "Zu wenig Schatten, große Hitze – süß ist nur das Eis.");
    const ranking = ["gruen", "sitzen", "barrierefrei", "markt", "spielen", "autoparken", "radparken"];
    ranking.forEach((value, i) => set(`prioritaeten__${value}`, String(i + 1)));
    set("parkplaetze", "weniger");
    set("lieblingsort__place", "brunnen");
    set("lieblingsort__description", "Am Brunnen, wo die Kinder spielen");
    set("idee", "Mehr Bäume und Wasserspiele für heiße Tage.");
    set("drei_worte", "grün, ruhig, gemütlich");
    set("gruppe", "ja");
    set("gruppe_name", "Seniorentreff Süd");
    set("gruppe_groesse", "12");
    set("gruppe_termin", "2027-03-25");
    set("email", "anna.mueller@example.de");
    set("einwilligung", "yes");
    // Every name sent is one the form has.
    for (const name of fields.keys()) expect(form.find(`[name="${name}"]`).length, name).toBeGreaterThan(0);
    const action = new URL(form.attr("action")!, site.url);
    const response = await fetch(action, { method: "POST", body: fields, redirect: "manual" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(THANKS);
    const thanks = cheerio.load(await (await fetch(new URL(THANKS, site.url))).text());
    expect(thanks("h1").text()).toBe("Ihre Antworten sind angekommen");
    expect(thanks("main").text()).toContain("Vielen Dank für Ihre Teilnahme!");
    expect(thanks('meta[name="robots"]').attr("content")).toBe("noindex");
    expect(thanks(`main a[href="/marktplatz/"]`)).toHaveLength(1);
  });

  it("shows the collector's error page listing each error and keeping what was typed", async () => {
    const body = new URLSearchParams({ _locale: "de", drei_worte: "grün & ruhig", idee: "Straßenbäume" });
    const response = await fetch(site.url + "/api/marktplatz/umfrage/responses", { method: "POST", body });
    expect(response.status).toBe(400);
    const $ = cheerio.load(await response.text());
    const links = $(".mr-error-summary a").map((_, a) => $(a).attr("href")).get();
    expect(links).toEqual(["#q-bezug", "#q-einwilligung"]);
    expect($(".mr-error-summary").attr("autofocus")).toBeDefined();
    expect($("#q-bezug-error").text()).toContain("Bitte beantworten Sie diese Frage.");
    expect($("#q-drei_worte").attr("value")).toBe("grün & ruhig");
    expect($("#q-idee").text()).toBe("Straßenbäume");
  });
});

describe("the survey with JavaScript, by keyboard only", () => {
  it("fills in every question type, sends it and goes to the thank-you page", async () => {
    const page = await openSurvey();
    const loadedAt = Date.now();
    const invisible: string[] = [];
    const check = async () => {
      const problem = await focusIsVisible(page);
      if (problem) invisible.push(problem);
    };
    const type = async (text: string) => {
      await page.keyboard.type(text);
      await check();
    };
    await tabTo(page, "#q-bezug");
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowDown"); // to "Sonstiges"
    await page.keyboard.press("Tab");
    await type("Gäste aus Köln, Öhringen und Übach");
    await page.keyboard.press("Tab"); // select
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await check();
    await page.keyboard.press("Tab"); // first checkbox
    await page.keyboard.press("Space");
    for (let i = 0; i < 3; i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Space"); // verweilen
    await check();
    await tabTo(page, "#q-zufriedenheit");
    await page.keyboard.press("ArrowRight"); // 2: shows the follow-up question
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("q-zufriedenheit_grund");
    await type("Zu wenig Schatten, große Hitze – süß ist nur das Eis.");
    // Ranking: positions typed into the selects, then one move with the button.
    const positions: Record<string, number> = { gruen: 2, sitzen: 1, barrierefrei: 3, markt: 4, spielen: 5, autoparken: 7, radparken: 6 };
    for (const [value, position] of Object.entries(positions)) {
      await tabTo(page, `select[name="prioritaeten__${value}"]`);
      await page.keyboard.type(String(position));
    }
    await tabTo(page, '[data-option="sitzen"] button:last-child');
    await page.keyboard.press("Space"); // sitzen one down
    await check();
    await expect.poll(() => page.textContent("[data-ranking-status]")).toContain("Platz 2 von 7");
    await tabTo(page, "#q-parkplaetze");
    await page.keyboard.press("ArrowDown"); // "weniger"
    // The location question's map (the same as a map page's): by keyboard, the crosshair and Enter.
    // Not yet loaded (it loads when it comes into view), it offers "Karte anzeigen", which loads it and moves focus into it.
    await tabTo(page, "#q-lieblingsort--map-show, #q-lieblingsort--map-canvas canvas");
    if (await page.evaluate(() => document.activeElement?.id === "q-lieblingsort--map-show")) await page.keyboard.press("Enter");
    await page.waitForSelector("html[data-map-ready]", { timeout: 30_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.matches("#q-lieblingsort--map-canvas canvas"))).toBe(true);
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.textContent("#q-lieblingsort--map-status")).toMatch(/Punkt gesetzt nahe/);
    expect(await page.textContent("#q-lieblingsort--point")).toMatch(/Punkt gesetzt nahe/);
    await tabTo(page, "#q-lieblingsort"); // place select
    await page.keyboard.press("ArrowDown"); // brunnen
    await page.keyboard.press("Tab");
    await type("Am Brunnen, wo die Kinder spielen");
    await page.keyboard.press("Tab");
    await type("Mehr Bäume und Wasserspiele für heiße Tage.");
    await page.keyboard.press("Tab");
    await type("grün, ruhig, gemütlich");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space"); // gruppe: ja
    await page.keyboard.press("Tab");
    await type("Seniorentreff Süd");
    await page.keyboard.press("Tab");
    await type("12");
    await page.keyboard.press("Tab");
    // 4 April: the same whether the browser's date field reads day or month first.
    await page.keyboard.type("04042027");
    expect(await page.inputValue("#q-gruppe_termin")).toBe("2027-04-04");
    await tabTo(page, "#q-email");
    await type("anna.mueller@example.de");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space"); // consent
    await check();
    await tabTo(page, "button[type=submit]");
    await check();
    // The collector refuses a form sent within 3 s of fetching its token as too fast for a person.
    await page.waitForTimeout(Math.max(0, 3500 - (Date.now() - loadedAt)));
    await Promise.all([page.waitForURL(site.url + THANKS), page.keyboard.press("Enter")]);
    expect(invisible).toEqual([]);
    await page.context().close();

  }, 120_000);

  it("shows an error summary that takes focus and links to the field", async () => {
    const page = await openSurvey();
    await tabTo(page, "button[type=submit]");
    await page.keyboard.press("Enter");
    await page.waitForSelector("[data-error-summary]:not([hidden])");
    expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-error-summary"))).toBe(true);
    expect(await page.title()).toMatch(/^Fehler: /);
    const links = await page.$$eval("[data-error-summary] a", (as) => as.map((a) => a.getAttribute("href")));
    expect(links).toEqual(["#q-bezug", "#q-einwilligung"]);
    expect(await page.getAttribute("#q-einwilligung", "aria-describedby")).toContain("q-einwilligung-error");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("q-bezug");
    await page.context().close();
  });

  it("never sends the answer to a question that was hidden again", async () => {
    const page = await openSurvey();
    const posts: Request[] = [];
    page.on("request", (r) => void (r.method() === "POST" && posts.push(r)));
    await tabTo(page, "#q-bezug");
    await page.keyboard.press("Space");
    await tabTo(page, "#q-gruppe");
    await page.keyboard.press("Space"); // ja
    await page.keyboard.press("Tab");
    await page.keyboard.type("Kegelclub Übersee");
    await tabTo(page, "#q-gruppe");
    await page.keyboard.press("ArrowDown"); // nein: the group questions disappear
    expect(await page.isHidden("#question-gruppe_name")).toBe(true);
    await tabTo(page, "#q-einwilligung");
    await page.keyboard.press("Space");
    await page.waitForTimeout(3500);
    await tabTo(page, "button[type=submit]");
    await Promise.all([page.waitForURL(site.url + THANKS), page.keyboard.press("Enter")]);
    const sent = posts.at(-1)!.postDataJSON() as { answers: Record<string, unknown> };
    expect(sent.answers).toMatchObject({ bezug: "altstadt", gruppe: "nein", einwilligung: true });
    expect(sent.answers).not.toHaveProperty("gruppe_name");
    await page.context().close();
  });

  it("keeps a draft across a reload", async () => {
    const page = await openSurvey();
    await tabTo(page, "#q-drei_worte");
    await page.keyboard.type("laut, eng, heiß");
    await page.waitForTimeout(600);
    await page.reload();
    await page.waitForSelector("[data-draft-note]:not([hidden])");
    expect(await page.inputValue("#q-drei_worte")).toBe("laut, eng, heiß");
    expect(await page.textContent("[data-draft-note]")).toContain("nur in diesem Browser");
    await page.context().close();
  });

  it("says so when the network fails, keeps the answers and sends them on the retry", async () => {
    const page = await openSurvey();
    await page.route("**/responses", (route) => route.abort("internetdisconnected"));
    await tabTo(page, "#q-bezug");
    await page.keyboard.press("Space");
    await tabTo(page, "#q-idee");
    await page.keyboard.type("Trinkbrunnen für Groß und Klein");
    await tabTo(page, "#q-einwilligung");
    await page.keyboard.press("Space");
    await page.waitForTimeout(3500);
    await tabTo(page, "button[type=submit]");
    await page.keyboard.press("Enter");
    const status = page.locator("[data-form-status]");
    await expect.poll(() => status.textContent()).toContain("Verbindung");
    expect(await status.getAttribute("role")).toBe("alert");
    expect(await page.inputValue("#q-idee")).toBe("Trinkbrunnen für Groß und Klein");
    expect(await page.isChecked("#q-einwilligung")).toBe(true);
    await page.unroute("**/responses");
    await Promise.all([page.waitForURL(site.url + THANKS), page.keyboard.press("Enter")]);
    // Sent: the draft is gone, the next visit starts empty.
    await page.goto(site.url + SURVEY);
    await page.waitForSelector("[data-draft-note]:not([hidden])");
    expect(await page.inputValue("#q-idee")).toBe("");
    await page.context().close();
  });
});

describe("mitreden export", () => {
  // Runs after the submissions above (tests in a file run in order).
  it("has both submissions (without and with JavaScript) exactly as entered, umlauts intact", async () => {
    const rows = await exportRows(site.db);
    const withJs = rows.find((r) => r.bezug__other === "Gäste aus Köln, Öhringen und Übach")!;
    expect(withJs).toMatchObject({
      _channel: "Browser-Skript",
      _timing: "bestanden",
      bezug: "Sonstiges",
      haeufigkeit: "Mehrmals pro Woche",
      nutzung__wochenmarkt: 1,
      nutzung__verweilen: 1,
      nutzung__parken: 0,
      zufriedenheit: 2,
      zufriedenheit_grund: "Zu wenig Schatten, große Hitze – süß ist nur das Eis.",
      prioritaeten__gruen: 1,
      prioritaeten__sitzen: 2,
      prioritaeten__barrierefrei: 3,
      prioritaeten__radparken: 6,
      prioritaeten__autoparken: 7,
      parkplaetze: expect.stringMatching(/^Weniger/),
      lieblingsort__lng: expect.any(Number),
      lieblingsort__lat: expect.any(Number),
      lieblingsort__place: "Marktbrunnen",
      lieblingsort__description: "Am Brunnen, wo die Kinder spielen",
      idee: "Mehr Bäume und Wasserspiele für heiße Tage.",
      drei_worte: "grün, ruhig, gemütlich",
      gruppe: "Ja",
      gruppe_name: "Seniorentreff Süd",
      gruppe_groesse: 12,
      gruppe_termin: "2027-04-04",
      email: "anna.mueller@example.de",
      einwilligung: "ja",
    });
    const withoutJs = rows.find((r) => r.bezug__other === "Gäste aus Köln und Düsseldorf")!;
    expect(withoutJs).toMatchObject({
      _channel: "Formular ohne JavaScript",
      zufriedenheit_grund: "Zu wenig Schatten, große Hitze – süß ist nur das Eis.",
      prioritaeten__gruen: 1,
      prioritaeten__radparken: 7,
      gruppe_name: "Seniorentreff Süd",
      idee: "Mehr Bäume und Wasserspiele für heiße Tage.",
      einwilligung: "ja",
    });
  });
});

describe("the survey script", () => {
  it("is loaded as a module on survey pages only and stays under 20 KB gzipped", () => {
    const assets = path.join(site.outDir, "assets");
    const file = readdirSync(assets).find((name) => /^survey\.[0-9a-f]{8}\.js$/.test(name))!;
    const gzipped = gzipSync(readFileSync(path.join(assets, file))).length;
    console.log(`survey script: ${file}, ${gzipped} bytes gzipped`);
    expect(gzipped).toBeLessThanOrEqual(20 * 1024);
    const survey = cheerio.load(readFileSync(path.join(site.outDir, "marktplatz/umfrage/index.html"), "utf8"));
    expect(survey(`script[type="module"][src="/assets/${file}"]`)).toHaveLength(1);
    expect(survey("script:not([src]):not([type='application/json'])")).toHaveLength(0);
    const info = cheerio.load(readFileSync(path.join(site.outDir, "marktplatz/index.html"), "utf8"));
    expect(info("script")).toHaveLength(0);
  });
});
