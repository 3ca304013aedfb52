// Notices (campaign.json "notices"): a KERN alert on every page of the campaign, in every language,
// while it is current — and not before or after.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureVariant } from "./fixture-variant.js";
import { buildInto, type BuiltSite } from "./site-support.js";

let site: BuiltSite;

beforeAll(async () => {
  const dir = await fixtureVariant((c) => {
    c.notices = [
      { id: "verlaengert", level: "warning", from: "2027-10-20T08:00:00+02:00", until: "2027-11-15T23:59:00+01:00", text: { de: "Die Beteiligung ist **bis 15. November** verlängert.", en: "Taking part is **extended until 15 November**." } },
      { id: "abgesagt", level: "info", from: "2027-09-01T08:00:00+02:00", until: "2027-09-10T08:00:00+02:00", text: { de: "Der Infoabend fällt aus.", en: "The information evening is cancelled." } },
    ];
  }, "notices");
  site = await buildInto(dir, { now: new Date("2027-10-25T12:00:00+02:00") });
}, 180_000);
afterAll(async () => site?.remove());

describe("notices", () => {
  it("show the current notice on every campaign page, in its language, and not the past one", () => {
    const pages = site.htmlUrls.filter((url) => url.startsWith("/buergerhaushalt/") && !url.includes("/poster"));
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.some((url) => url.startsWith("/buergerhaushalt/en/"))).toBe(true);
    for (const url of pages) {
      const $ = site.load(url);
      const alert = $('[data-notice="verlaengert"]');
      expect(alert.length, url).toBe(1);
      expect(alert.hasClass("kern-alert--warning")).toBe(true);
      expect($('[data-notice="abgesagt"]').length, url).toBe(0);
      // Inside <main>, before the page's heading.
      expect($("main").find('[data-notice="verlaengert"]').length, url).toBe(1);
      const english = url.startsWith("/buergerhaushalt/en/");
      expect(alert.find(".kern-title").text().trim()).toBe(english ? "Important notice" : "Wichtiger Hinweis");
      expect(alert.find("strong").text()).toBe(english ? "extended until 15 November" : "bis 15. November");
    }
  });
});
