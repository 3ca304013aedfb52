// The reach figures a team reads (the desk, `mitreden reach`, the CSV), from counts alone.
import { describe, expect, test } from "vitest";
import { reachFigures } from "../../src/collector/reach/figures.js";
import { privacyNotice } from "../../src/collector/reach/privacy.js";
import { reachCsv, reachTable } from "../../src/collector/reach/report.js";
import type { ReachCount } from "../../src/collector/store/index.js";
import { exampleCampaign } from "./helpers/campaigns.js";

const marktplatz = exampleCampaign("marktplatz");
const count = (over: Partial<ReachCount>): ReachCount => ({ campaign: "marktplatz", source: "mastodon", content: "endspurt", day: "2027-04-08", clicks: 0, previews: 0, opened: 0, ...over });

const figures = reachFigures(
  marktplatz,
  [
    count({ clicks: 100, previews: 30, opened: 40 }),
    count({ day: "2027-04-09", clicks: 20, opened: 5 }),
    count({ source: "qr", content: "umfrage", day: "2027-03-20", clicks: 8, opened: 6 }),
    count({ source: "direct", content: "", opened: 50 }),
    count({ source: "x", content: "alter-post", clicks: 2 }),
  ],
  [
    { page: "umfrage", referral: "mastodon:endspurt", receivedAt: "2027-04-08T10:00:00.000Z" },
    // 23:30 UTC on 8 April is 9 April in Köln: the day is the campaign's.
    { page: "umfrage", referral: "mastodon:endspurt", receivedAt: "2027-04-08T23:30:00.000Z" },
    { page: "karte", referral: "qr:umfrage", receivedAt: "2027-03-20T10:00:00.000Z" },
    { page: "umfrage", receivedAt: "2027-04-08T10:00:00.000Z" },
  ],
  [{ campaign: "marktplatz", post: "endspurt", platform: "mastodon", impressions: 4000, reactions: 150, comments: 10, shares: 40 }],
);

describe("reach figures", () => {
  test("one line per post × platform with clicks, previews, opened, submitted, conversion and the platform's engagement", () => {
    const line = figures.posts.find((l) => l.source === "mastodon" && l.content === "endspurt")!;
    expect(line).toMatchObject({ channelName: "Mastodon", what: "Noch eine Woche", clicks: 120, previews: 30, opened: 45, submitted: 2, conversion: 2 / 120 });
    expect(line.platform).toEqual({ impressions: 4000, reactions: 150, comments: 10, shares: 40, engagement: 0.05 });
    // Every post × platform is listed, counted or not, in the kit's order, then the results post on every platform posted on.
    const platforms = new Set(marktplatz.social.posts.flatMap((p) => p.platforms));
    expect(figures.posts).toHaveLength(marktplatz.social.posts.reduce((n, p) => n + p.platforms.length, 0) + platforms.size);
    expect(figures.posts.filter((l) => l.content === "results").map((l) => l.source)).toEqual([...platforms]);
    // The kit's results post, which campaign.json does not list, counts as a post, not as "other".
    const withResults = reachFigures(marktplatz, [count({ source: "linkedin", content: "results", day: "2027-06-02", clicks: 7, opened: 6 })], [{ page: "umfrage", referral: "linkedin:results", receivedAt: "2027-06-02T10:00:00.000Z" }]);
    expect(withResults.posts.find((l) => l.source === "linkedin" && l.content === "results")).toMatchObject({ what: "Ergebnisse veröffentlicht", clicks: 7, opened: 6, submitted: 1 });
    expect(withResults.other).toEqual([]);
    expect(figures.posts.find((l) => l.source === "x" && l.content === "start")).toMatchObject({ clicks: 0, submitted: 0, conversion: undefined });
  });

  test("QR codes per page, direct, channels no longer in the kit, totals per platform and overall", () => {
    expect(figures.print.find((l) => l.content === "umfrage")).toMatchObject({ channelName: "QR-Code und Plakat", what: "Umfrage: Ihr Marktplatz", clicks: 8, opened: 6, submitted: 1 });
    expect(figures.direct).toMatchObject({ channelName: "Direkt", opened: 50, submitted: 1, clicks: 0 });
    expect(figures.other).toMatchObject([{ source: "x", content: "alter-post", clicks: 2 }]);
    expect(figures.platforms.find((p) => p.source === "x")).toMatchObject({ clicks: 2 });
    expect(figures.total).toMatchObject({ clicks: 130, previews: 30, opened: 101, submitted: 4, conversion: 4 / 130 });
  });

  test("days from the campaign's start, with the posts and milestones of the editorial calendar marked", () => {
    expect(figures.days[0]).toMatchObject({ day: "2027-03-01", clicks: 0 });
    expect(figures.days.find((d) => d.day === "2027-04-08")).toEqual({ day: "2027-04-08", clicks: 102, previews: 30, opened: 90, submitted: 2 });
    expect(figures.days.find((d) => d.day === "2027-04-09")).toMatchObject({ clicks: 20, submitted: 1 });
    expect(figures.days.at(-1)!.day).toBe("2027-04-15");
    expect(figures.marks).toContainEqual({ day: "2027-04-08", kind: "post", text: "Noch eine Woche" });
    expect(figures.marks).toContainEqual({ day: "2027-03-01", kind: "milestone", text: "Start der Beteiligung" });
  });

  test("the CSV opens in German Excel: ';', headings in German, ratios as decimal-comma fractions; the table prints percentages", () => {
    const csv = reachCsv(figures);
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Kanal;Beitrag oder Seite;Klicks;Vorschauen;Formular geöffnet;Abgeschickt;Teilnahme je Klick;Impressionen;Reaktionen;Kommentare;Geteilt;Engagement-Rate");
    expect(lines).toContain("Mastodon;Noch eine Woche;120;30;45;2;0,0167;4000;150;10;40;0,05");
    expect(lines).toContain("Gesamt;;130;30;101;4;0,0308;;;;;");
    expect(reachTable(figures)).toMatch(/Mastodon\s+Noch eine Woche\s+120\s+30\s+45\s+2\s+1,7\s%/);
  });

  test("the privacy notice says what is counted and what is not, in German and English, and mentions short links only when the campaign gives them out", () => {
    const de = privacyNotice(marktplatz, "de").paragraphs.join(" ");
    expect(de).toContain("https://mitreden.musterstadt.de/l/marktplatz-qr");
    expect(de).toContain("weder Ihre IP-Adresse");
    expect(de).toContain("keine Cookies");
    const en = privacyNotice(marktplatz, "en");
    expect(en.heading).toBe("Counting reach without cookies");
    expect(en.paragraphs.join(" ")).toContain("Instagram, Facebook, Mastodon, X, Bluesky, LinkedIn");
    const without = { ...marktplatz, social: { ...marktplatz.social, shortLinks: false } };
    expect(privacyNotice(without, "de").paragraphs.join(" ")).not.toContain("/l/");
  });
});

describe("the desk's reach page (templates/desk/reach.njk)", () => {
  test("tables per post × platform, QR codes and channel totals; a chart with its table of days; the CSV link; the platforms' form", async () => {
    const cheerio = await import("cheerio");
    const { createPageEnvironment } = await import("../../src/pages/environment.js");
    const { reachView } = await import("../../src/collector/reach/view.js");
    const env = createPageEnvironment({ model: { campaigns: [marktplatz], locale: "de", builtAt: "2027-04-10T00:00:00Z" }, assets: () => ({ stylesheet: "", images: new Map() }) });
    const view = reachView(figures, { csvHref: "/admin/marktplatz/reach.csv", metricsAction: "/admin/marktplatz/reach/metrics", csrf: "t0k3n" });
    const $ = cheerio.load(env.render("desk/reach.njk", { desk: { reach: view }, ui: "de" }));
    const mastodon = $("tr").filter((_, tr) => $(tr).find("th").first().text() === "Mastodon" && $(tr).find("td").first().text() === "Noch eine Woche");
    expect(mastodon.find("td").map((_, td) => $(td).text()).get()).toEqual(["Noch eine Woche", "120", "30", "45", "2", "1,7\u00a0%", "4.000", "150", "10", "40", "5\u00a0%"]);
    expect($("h2").map((_, h) => $(h).text()).get()).toEqual(expect.arrayContaining(["Beiträge", "QR-Codes und Plakate", "Summen je Kanal", "Klicks und abgeschickte Formulare je Tag"]));
    expect($("tfoot th").text()).toBe("Gesamt");
    expect($('a[download]').attr("href")).toBe("/admin/marktplatz/reach.csv");
    // The chart: labelled, described, a line per measure, a marker per post and milestone in the period.
    const svg = $("svg");
    expect(svg.attr("role")).toBe("img");
    expect(svg.attr("aria-labelledby")).toBe("reach-chart-title reach-chart-desc");
    expect($("#reach-chart-desc").text()).toContain("130 Klicks und 4 abgeschickte Formulare");
    expect(svg.find("polyline")).toHaveLength(2);
    // Its key names the lines as the table of days names its columns.
    expect($("figcaption").text()).toContain("Klicks: ━━ · Abgeschickt: ╍╍ · Beitrag: ┆ · Meilenstein: ╎");
    expect(svg.find("line title").map((_, t) => $(t).text()).get()).toContain("2027-04-08: Beitrag – Noch eine Woche");
    // Its equivalent: every day in a table.
    const april8 = $("details tr").filter((_, tr) => $(tr).find("th").text() === "2027-04-08");
    expect(april8.find("td").map((_, td) => $(td).text()).get()).toEqual(["102", "30", "90", "2", "Beitrag: Noch eine Woche; Meilenstein: Noch eine Woche"]);
    // The platforms' figures: a form per post × platform with the session's CSRF token.
    const form = $('form[action="/admin/marktplatz/reach/metrics"]');
    expect(form.find('input[name="_csrf"]').val()).toBe("t0k3n");
    expect(form.find('input[name="mastodon:endspurt:impressions"]').val()).toBe("4000");
    expect(form.find("label").length).toBe(form.find("input[type=number]").length);
  });
});
