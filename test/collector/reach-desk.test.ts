// The reach figures at the desk (src/collector/reach/desk-pages.ts): /admin/<slug>/reach behind the
// login, with the counts of short links just followed; the platforms' figures saved only with the
// session's CSRF token; the CSV download logged.
import * as cheerio from "cheerio";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { htmlValidate } from "../unit/html-validate-rules.js";
import { FORM, formBody, testCollector, type TestCollector } from "./helpers/collector.js";
import { addStaff, loggedIn, type LoggedIn } from "./helpers/desk.js";

let c: TestCollector;
let anna: LoggedIn;
beforeEach(async () => {
  c = await testCollector();
  await addStaff(c.store, "anna", "moderator");
  anna = await loggedIn(c, "anna");
});
afterEach(async () => c.close());

describe("the desk's reach page", () => {
  test("shows a logged-in member the table with the clicks just counted (not yet flushed), as valid HTML", async () => {
    await c.app.inject({ method: "GET", url: "/l/marktplatz-endspurt-masto", headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0" } });
    await c.app.inject({ method: "GET", url: "/l/marktplatz-endspurt-masto", headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0" } });
    const page = await anna.get("/admin/marktplatz/reach", { "accept-language": "de" });
    expect(page.statusCode).toBe(200);
    const $ = cheerio.load(page.body);
    expect($("h1").text()).toContain("Reichweite");
    const mastodon = $("table tr")
      .filter((_, row) => $(row).find("th").first().text().trim() === "Mastodon" && $(row).find("td").first().text().includes("Noch eine Woche"))
      .first();
    expect(mastodon.length).toBe(1);
    // The post "endspurt" ("Noch eine Woche"); clicks are the first number after channel and post.
    expect(mastodon.find("td").eq(1).text().trim()).toBe("2");
    expect($('a[href="/admin/marktplatz/reach.csv"]').length).toBe(1);
    expect($('form[action="/admin/marktplatz/reach/metrics"] input[name="_csrf"]').attr("value")).toBe(anna.csrf);
    const report = await htmlValidate.validateString(page.body);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (${m.selector})`))).toEqual([]);
  });

  test("is linked from the desk's surveys page, per campaign", async () => {
    const $ = cheerio.load((await anna.get("/admin/surveys", { "accept-language": "de" })).body);
    expect($('a[href="/admin/marktplatz/reach"]').length).toBe(1);
  });

  test("without a session leads to the login; an unknown campaign is a 404", async () => {
    const anonymous = await c.app.inject({ method: "GET", url: "/admin/marktplatz/reach", headers: { accept: "text/html" } });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/admin\/login/);
    expect((await anna.get("/admin/nirgends/reach")).statusCode).toBe(404);
  });

  test("saves the platforms' figures with the CSRF token, refuses them without (403, nothing saved) and with a bad number", async () => {
    const fields = { "mastodon:endspurt:impressions": "1.200", "mastodon:endspurt:shares": "7" };
    const forged = await c.app.inject({ method: "POST", url: "/admin/marktplatz/reach/metrics", headers: { ...FORM, cookie: anna.cookie }, payload: formBody(fields) });
    expect(forged.statusCode).toBe(403);
    expect(await c.store.listPostMetrics("marktplatz")).toEqual([]);

    const bad = await anna.post("/admin/marktplatz/reach/metrics", { "mastodon:endspurt:impressions": "viele" });
    expect(bad.statusCode).toBe(400);
    expect(await c.store.listPostMetrics("marktplatz")).toEqual([]);

    const saved = await anna.post("/admin/marktplatz/reach/metrics", fields);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe("/admin/marktplatz/reach");
    expect(await c.store.listPostMetrics("marktplatz")).toContainEqual({ campaign: "marktplatz", post: "endspurt", platform: "mastodon", impressions: 1200, shares: 7 });
    const after = await anna.get("/admin/marktplatz/reach");
    expect(after.body).toContain("Die Zahlen der Plattformen sind gespeichert.");
    expect((await c.store.listAudit({ action: "reach." }, { limit: 10, offset: 0 })).map((e) => [e.actor, e.action])).toEqual([["anna", "reach.metrics"]]);
  });

  test("the CSV download is a spreadsheet file and is logged", async () => {
    const csv = await anna.get("/admin/marktplatz/reach.csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toBe('attachment; filename="marktplatz-reach.csv"');
    expect(csv.body).toContain("Klicks");
    expect((await c.store.listAudit({ action: "reach." }, { limit: 10, offset: 0 })).map((e) => e.action)).toEqual(["reach.download"]);
  });
});
