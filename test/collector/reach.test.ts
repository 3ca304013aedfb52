// Short links (issue 11, docs/adr/020-reach-without-cookies.md): /l/<code> leads to the page with
// the kit's utm parameters and is counted, a person as a click, a preview robot as a preview, with
// nothing about either kept; an unknown code is a helpful 404 page.
import { randomUUID } from "node:crypto";
import path from "node:path";
import * as cheerio from "cheerio";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createCollector } from "../../src/collector/server.js";
import { openStore } from "../../src/collector/store/index.js";
import { DURING_MARKTPLATZ, exampleSite, fullMarktplatzAnswers } from "./helpers/campaigns.js";
import { FORM, formBody, fullMarktplatzForm, JSON_HEADERS, tempDir, testCollector, type TestCollector } from "./helpers/collector.js";

const PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36";

let c: TestCollector;
beforeEach(async () => {
  c = await testCollector();
});
afterEach(async () => c.close());

const follow = (url: string, userAgent: string | undefined = PHONE, method: "GET" | "HEAD" = "GET") =>
  c.app.inject({ method, url, headers: userAgent === undefined ? {} : { "user-agent": userAgent } });

describe("a short link", () => {
  test("leads to its page with the kit's utm parameters, on the site's own origin, never cached, no cookie", async () => {
    const response = await follow("/l/marktplatz-endspurt-masto");
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe("/marktplatz/umfrage/?utm_source=mastodon&utm_medium=social&utm_campaign=marktplatz&utm_content=endspurt");
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.headers["set-cookie"]).toBeUndefined();
    expect(response.headers["content-security-policy"]).toContain("default-src 'none'");
  });

  test("a QR code leads to its page as print; the landing page's as 'start'; codes are found whatever the case", async () => {
    expect((await follow("/l/marktplatz-umfrage-qr")).headers.location).toBe("/marktplatz/umfrage/?utm_source=qr&utm_medium=print&utm_campaign=marktplatz&utm_content=umfrage");
    expect((await follow("/l/Marktplatz-QR")).headers.location).toBe("/marktplatz/?utm_source=qr&utm_medium=print&utm_campaign=marktplatz&utm_content=start");
  });

  test("is counted once per person as a click, per robot and HEAD as a preview, by channel and day, after the flush", async () => {
    await follow("/l/marktplatz-endspurt-masto");
    await follow("/l/marktplatz-endspurt-masto");
    await follow("/l/marktplatz-endspurt-masto", "Mastodon/4.3 (http.rb/5.2; +https://social.example/)");
    await follow("/l/marktplatz-endspurt-masto", PHONE, "HEAD");
    await follow("/l/marktplatz-umfrage-qr");
    await follow("/l/unbekannt");
    // Nothing is written before the flush (the redirect does not wait for the database)…
    expect(await c.store.listReachCounts("marktplatz")).toEqual([]);
    // …and closing the collector writes the rest.
    await c.app.close();
    const day = "2027-03-15";
    expect(await c.store.listReachCounts("marktplatz")).toEqual([
      { campaign: "marktplatz", source: "mastodon", content: "endspurt", day, clicks: 2, previews: 2, opened: 0 },
      { campaign: "marktplatz", source: "qr", content: "umfrage", day, clicks: 1, previews: 0, opened: 0 },
    ]);
  });
});

describe("an unknown short link", () => {
  test("is a 404 page in the site's frame that shows the code, what short links look like and the campaign it was probably meant for", async () => {
    const response = await follow("/l/marktplatz-endsprut-masto");
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    const $ = cheerio.load(response.body);
    expect($("html").attr("lang")).toBe("de");
    expect($("h1").text()).toBe("Diesen Kurzlink kennen wir nicht");
    expect($("title").text()).toContain("Diesen Kurzlink kennen wir nicht");
    expect($("main").text()).toContain("/l/marktplatz-endsprut-masto");
    expect($("main").text()).toContain("/l/marktplatz-qr");
    const meant = $("main p").filter((_, p) => $(p).text().startsWith("Gesucht haben Sie vermutlich")).find("a");
    expect(meant.attr("href")).toBe("/marktplatz/");
    expect($("main ul a").map((_, a) => $(a).attr("href")).get()).toEqual(expect.arrayContaining(["/marktplatz/", "/radverkehr/"]));
    expect($('main [lang="en"] h2').text()).toBe("We do not know this short link");
    expect($('meta[name="robots"]').attr("content")).toContain("noindex");
  });

  test("on a collector with an origin of its own: the site as <base>, so its stylesheet and links are the site's; the CSP allows exactly that", async () => {
    const site = exampleSite();
    for (const campaign of site.campaigns) campaign.site.collector = "https://api.musterstadt.de/api";
    const store = await openStore({ file: path.join(tempDir("short-elsewhere"), "s.sqlite") });
    const app = createCollector({ model: site, store, now: () => DURING_MARKTPLATZ, assets: { stylesheet: "/assets/mitreden.0123abcd.css", images: new Map() } });
    try {
      const response = await app.inject({ method: "GET", url: "/l/marktplatz-endsprut", headers: { host: "api.musterstadt.de", "user-agent": PHONE } });
      expect(response.statusCode).toBe(404);
      const $ = cheerio.load(response.body);
      expect($("base").attr("href")).toBe("https://mitreden.musterstadt.de/");
      // Root-relative, resolved against the <base>: the site's stylesheet and pages.
      expect($('link[rel="stylesheet"]').attr("href")).toBe("/assets/mitreden.0123abcd.css");
      expect(new URL($("main ul a").first().attr("href")!, $("base").attr("href")).href).toBe("https://mitreden.musterstadt.de/marktplatz/");
      const csp = String(response.headers["content-security-policy"]);
      expect(csp).toContain("style-src 'self' https://mitreden.musterstadt.de");
      expect(csp).toContain("base-uri https://mitreden.musterstadt.de");
    } finally {
      await app.close();
      await store.close();
    }
  });

  test("on the site's own origin: no <base> (the page works wherever the site is served, also by mitreden serve)", async () => {
    const $ = cheerio.load((await follow("/l/nichts")).body);
    expect($("base").length).toBe(0);
  });

  test("shows a code with markup as text", async () => {
    const response = await follow(`/l/${encodeURIComponent("<script>x</script>")}`);
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain("<script>x");
  });
});

describe("the funnel: opened and submitted, per channel", () => {
  const survey = "/api/marktplatz/umfrage";
  const landing = "/marktplatz/umfrage/?utm_source=instagram&utm_medium=social&utm_campaign=marktplatz&utm_content=endspurt";

  test("a form token request carries the channel of the page's address; an unknown one or none counts as direct", async () => {
    await c.app.inject({ method: "GET", url: `${survey}/token?via=mastodon:endspurt` });
    await c.app.inject({ method: "GET", url: `/api/marktplatz/karte/contributions/token?via=${encodeURIComponent("qr:karte")}` });
    await c.app.inject({ method: "GET", url: `${survey}/token?via=evil:<b>free text</b>` });
    await c.app.inject({ method: "GET", url: `${survey}/token` });
    await c.app.close();
    const opened = (await c.store.listReachCounts("marktplatz")).map((r) => [r.source, r.content, r.opened]);
    expect(opened).toEqual([
      ["direct", "", 2],
      ["mastodon", "endspurt", 1],
      ["qr", "karte", 1],
    ]);
  });

  test("a map's fresh token after a contribution (again=1; one token, one contribution) does not count the form as opened again", async () => {
    const token = "/api/marktplatz/karte/contributions/token";
    const first = await c.app.inject({ method: "GET", url: `${token}?via=${encodeURIComponent("qr:karte")}` });
    const again = await c.app.inject({ method: "GET", url: `${token}?again=1` });
    expect([first.statusCode, again.statusCode]).toEqual([200, 200]);
    expect(JSON.parse(again.body).token).toEqual(expect.any(String));
    await c.app.close();
    expect((await c.store.listReachCounts("marktplatz")).map((r) => [r.source, r.content, r.opened])).toEqual([["qr", "karte", 1]]);
  });

  test("with JavaScript the submission says its channel; a channel the campaign does not give out is not kept", async () => {
    const send = (via: string) =>
      c.app.inject({ method: "POST", url: `${survey}/responses`, headers: JSON_HEADERS, payload: { _id: randomUUID(), _via: via, answers: fullMarktplatzAnswers() } });
    expect((await send("mastodon:endspurt")).statusCode).toBe(201);
    expect((await send("mastodon:nicht-im-kit")).statusCode).toBe(201);
    const stored = await c.store.listResponses("marktplatz", "umfrage");
    expect(stored.map((r) => r.referral)).toEqual(["mastodon:endspurt", undefined]);
  });

  test("without JavaScript the channel comes from the form's same-origin Referer; another site's Referer is direct", async () => {
    const send = (referer: string) =>
      c.app.inject({ method: "POST", url: `${survey}/responses`, headers: { ...FORM, referer }, payload: formBody(fullMarktplatzForm()) });
    expect((await send(`http://localhost${landing}`)).statusCode).toBe(303);
    expect((await send(`https://mitreden.musterstadt.de${landing}`)).statusCode).toBe(303);
    expect((await send(`https://elsewhere.example${landing}`)).statusCode).toBe(303);
    const stored = await c.store.listResponses("marktplatz", "umfrage");
    expect(stored.map((r) => r.referral)).toEqual(["instagram:endspurt", "instagram:endspurt", undefined]);
  });

  test("a map contribution keeps its channel too", async () => {
    const response = await c.app.inject({
      method: "POST",
      url: "/api/marktplatz/karte/contributions",
      headers: JSON_HEADERS,
      payload: { _id: randomUUID(), _locale: "de", _via: "qr:karte", contribution: { category: "idee", comment: "Mehr Bänke am Brunnen", point: [6.99998, 50.93998] } },
    });
    expect(response.statusCode).toBe(201);
    expect((await c.store.listContributions("marktplatz", "karte"))[0]).toMatchObject({ referral: "qr:karte" });
  });
});
