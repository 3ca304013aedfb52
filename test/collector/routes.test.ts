// The collector's HTTP surface as the browser script and the plain form use it.
import { randomUUID } from "node:crypto";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fullMarktplatzAnswers } from "./helpers/campaigns.js";
import { FORM, formBody, fullMarktplatzForm, JSON_HEADERS, testCollector, type TestCollector } from "./helpers/collector.js";

let c: TestCollector;
beforeAll(async () => {
  c = await testCollector();
});
afterAll(async () => c.close());

const URL = "/api/marktplatz/umfrage/responses";

describe("with JavaScript (JSON)", () => {
  test("stores a complete answer and acknowledges it with 201 after the commit", async () => {
    const id = randomUUID();
    const response = await c.app.inject({ method: "POST", url: URL, headers: JSON_HEADERS, payload: { _id: id, _locale: "de", answers: fullMarktplatzAnswers() } });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ id, status: "stored", thankYou: "/marktplatz/umfrage/danke/" });
    const [stored] = (await c.store.listResponses("marktplatz", "umfrage")).filter((r) => r.id === id);
    expect(stored).toMatchObject({ id, locale: "de", channel: "script", verified: false, answers: fullMarktplatzAnswers() });
  });

  test("a retry with the same id is acknowledged again and stored once", async () => {
    const id = randomUUID();
    const payload = { _id: id, answers: fullMarktplatzAnswers() };
    const first = await c.app.inject({ method: "POST", url: URL, headers: JSON_HEADERS, payload });
    const again = await c.app.inject({ method: "POST", url: URL, headers: JSON_HEADERS, payload });
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    expect(again.json()).toMatchObject({ id, status: "duplicate" });
    expect((await c.store.listResponses("marktplatz", "umfrage")).filter((r) => r.id === id)).toHaveLength(1);
  });

  test("the English page's answers lead to the English thank-you page; errors are in English", async () => {
    const url = "/api/radverkehr/umfrage/responses";
    const collector = await testCollector({ now: new Date("2027-05-10T12:00:00+02:00") });
    try {
      const ok = await collector.app.inject({ method: "POST", url, headers: JSON_HEADERS, payload: { _locale: "en", answers: { haeufigkeit: "taeglich", einwilligung: true } } });
      expect(ok.json()).toMatchObject({ status: "stored", thankYou: "/radverkehr/en/umfrage/thanks/" });
      const bad = await collector.app.inject({ method: "POST", url, headers: JSON_HEADERS, payload: { _locale: "en", answers: { einwilligung: true } } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().data.issues).toEqual([{ field: "haeufigkeit", reason: "required", message: "Please answer this question." }]);
    } finally {
      await collector.close();
    }
  });

  test("a form token issued for the page makes the submission verified once a person could have filled it in", async () => {
    const collector = await testCollector({ abuse: { minFillMs: 50 } });
    try {
      const issued = (await collector.app.inject({ method: "GET", url: "/api/marktplatz/umfrage/token" })).json();
      expect(issued).toMatchObject({ token: expect.stringMatching(/^v2\./), notBefore: expect.any(Number), expires: expect.any(Number) });
      const tooFast = await collector.app.inject({ method: "POST", url: URL, headers: JSON_HEADERS, payload: { _token: issued.token, answers: fullMarktplatzAnswers() } });
      expect(tooFast.statusCode).toBe(400);
      expect(tooFast.json().data.issues).toMatchObject([{ field: "_token", reason: "too-fast" }]);
      await new Promise((resolve) => setTimeout(resolve, 60));
      const id = randomUUID();
      const ok = await collector.app.inject({ method: "POST", url: URL, headers: JSON_HEADERS, payload: { _id: id, _token: issued.token, answers: fullMarktplatzAnswers() } });
      expect(ok.statusCode).toBe(201);
      expect((await collector.store.listResponses("marktplatz", "umfrage")).find((r) => r.id === id)?.verified).toBe(true);
      // A token for another survey does not verify this one (and is not an error: an old tab may hold one).
      const other = (await collector.app.inject({ method: "GET", url: "/api/radverkehr/umfrage/token" })).json();
      const id2 = randomUUID();
      await collector.app.inject({ method: "POST", url: URL, headers: JSON_HEADERS, payload: { _id: id2, _token: other.token, answers: fullMarktplatzAnswers() } });
      expect((await collector.store.listResponses("marktplatz", "umfrage")).find((r) => r.id === id2)?.verified).toBe(false);
    } finally {
      await collector.close();
    }
  });

  test("health, and no cookie anywhere", async () => {
    const health = await c.app.inject({ method: "GET", url: "/api/health" });
    expect(health.json()).toEqual({ status: "ok", store: "sqlite" });
    expect(health.headers["set-cookie"]).toBeUndefined();
    expect(health.headers["cache-control"]).toBe("no-store");
  });
});

describe("without JavaScript (plain form POST)", () => {
  test("answers 303 to the thank-you page after storing", async () => {
    const before = await c.store.countResponses("marktplatz", "umfrage");
    const response = await c.app.inject({ method: "POST", url: URL, headers: FORM, payload: formBody(fullMarktplatzForm()) });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/marktplatz/umfrage/danke/");
    expect(response.headers["set-cookie"]).toBeUndefined();
    const rows = await c.store.listResponses("marktplatz", "umfrage");
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ channel: "form", verified: false, answers: fullMarktplatzAnswers() });
    expect(rows.at(-1)!.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("errors come back as an accessible page in the campaign's language that keeps what was typed", async () => {
    const fields = { ...fullMarktplatzForm(), bezug: "", zufriedenheit: "4", drei_worte: "grün <b>laut</b> & voll", einwilligung: [] as string[] };
    const response = await c.app.inject({ method: "POST", url: URL, headers: FORM, payload: formBody(fields) });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toMatch(/^text\/html/);
    const $ = cheerio.load(response.body);
    expect($("html").attr("lang")).toBe("de");
    // The site's title pattern (page – campaign – organization), "Fehler:" first.
    expect($("title").text()).toBe("Fehler: Umfrage: Ihr Marktplatz – Neugestaltung Marktplatz – Stadt Musterstadt");
    const summary = $(".mr-error-summary");
    // Focus reads it; role="alert" on top of that read it twice.
    expect(summary.attr("role")).toBeUndefined();
    expect(summary.attr("autofocus")).toBeDefined();
    expect(summary.find("h2").text()).toBe("Es gibt ein Problem");
    const links = summary.find("a").map((_, a) => $(a).attr("href")).get();
    // bezug is empty while its "other" text is filled in: two separate things to fix.
    expect(links).toEqual(["#q-bezug", "#q-bezug--other", "#q-zufriedenheit_grund", "#q-einwilligung"]);
    // Every link leads to a control on the page.
    for (const href of links) expect($(href)).toHaveLength(1);
    expect(summary.text()).toContain("Wie sind Sie mit dem Marktplatz verbunden? Bitte beantworten Sie diese Frage.");
    expect(summary.text()).toContain("Bitte stimmen Sie zu");
    // What was typed is still there, escaped.
    expect($("#q-drei_worte").attr("value")).toBe("grün <b>laut</b> & voll");
    expect($("#q-zufriedenheit_grund").text()).toBe(fullMarktplatzForm().zufriedenheit_grund);
    expect($('input[name="zufriedenheit"][value="4"]').attr("checked")).toBeDefined();
    expect($('input[name="nutzung"]:checked').map((_, e) => $(e).attr("value")).get()).toEqual(["wochenmarkt", "verweilen", "__other"]);
    expect($('select[name="prioritaeten__autoparken"] option[selected]').attr("value")).toBe("7");
    // Each error sits next to its field and is linked to it.
    expect($("#q-zufriedenheit_grund").attr("aria-describedby")).toContain("q-zufriedenheit_grund-error");
    expect($("#q-zufriedenheit_grund-error").text()).toContain("gilt nach Ihrer vorherigen Antwort nicht");
    expect($("form").attr("action")).toBe(URL);
    expect($('link[rel="stylesheet"]').attr("href")).toBe("/assets/mitreden.0123abcd.css");
    // The next try carries a fresh token, so it counts as verified.
    expect($('input[name="_token"]').attr("value")).toMatch(/^v2\./);
  });

  test("the error page wears the site's frame: skip link, header, breadcrumbs, page list, footer; no style of its own", async () => {
    const response = await c.app.inject({ method: "POST", url: URL, headers: FORM, payload: formBody({ ...fullMarktplatzForm(), einwilligung: [] }) });
    const $ = cheerio.load(response.body);
    expect($('a.mr-skip-link[href="#main-content"]').text()).toBe("Zum Inhalt springen");
    expect($("main#main-content h1").text()).toBe("Umfrage: Ihr Marktplatz");
    expect($("header.mr-site-header .mr-site-header__name").text()).toBe("Stadt Musterstadt");
    const crumbs = $("nav.mr-breadcrumbs li").map((_, li) => $(li).text().trim()).get();
    expect(crumbs).toEqual(["Beteiligung", "Neugestaltung Marktplatz", "Umfrage: Ihr Marktplatz"]);
    expect($('nav.mr-breadcrumbs a[href="/marktplatz/"]')).toHaveLength(1);
    // The campaign's pages beside the content, this survey marked as the current one.
    expect($('.mr-layout__aside [aria-current="page"]').text()).toContain("Umfrage: Ihr Marktplatz");
    const footer = $("footer.mr-site-footer a").map((_, a) => $(a).text()).get();
    expect(footer).toEqual(expect.arrayContaining(["Impressum", "Datenschutz", "Barrierefreiheit"]));
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
    expect($('link[rel="alternate"]')).toHaveLength(0);
    expect($("style")).toHaveLength(0);
    expect($("[style]")).toHaveLength(0);
    // Under the collector's own policy: no script at all, the site's stylesheet and pictures from its origin.
    expect($("script")).toHaveLength(0);
    expect(response.headers["content-security-policy"]).toMatch(/default-src 'none'.*style-src 'self'/);
  });

  test("sending the corrected form from the error page at once works and counts as verified", async () => {
    const first = await c.app.inject({ method: "POST", url: URL, headers: FORM, payload: formBody({ ...fullMarktplatzForm(), einwilligung: [] }) });
    const $ = cheerio.load(first.body);
    const fields = Object.fromEntries($("form input[type=hidden]").map((_, e) => [[$(e).attr("name")!, $(e).attr("value") ?? ""]]).get());
    const fixed = await c.app.inject({ method: "POST", url: URL, headers: FORM, payload: formBody({ ...fullMarktplatzForm(), ...fields }) });
    expect(fixed.statusCode).toBe(303);
    expect((await c.store.listResponses("marktplatz", "umfrage")).at(-1)).toMatchObject({ channel: "form", verified: true });
  });

  test("opening the form's address directly leads to the survey", async () => {
    const response = await c.app.inject({ method: "GET", url: URL });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/marktplatz/umfrage/");
  });
});
