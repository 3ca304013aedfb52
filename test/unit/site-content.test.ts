// A campaign written to catch what authors can get wrong or unusual: raw HTML in Markdown, a
// heading level 1 in a body, known accessibility issues, a language mitreden has no texts for.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildInto, type BuiltSite } from "./site-support.js";

let site: BuiltSite;

beforeAll(async () => {
  site = await buildInto("test/fixtures/valid-site-markdown");
});
afterAll(async () => {
  await site?.remove();
});

describe("campaign texts on the built site", () => {
  it("shows raw HTML in Markdown as text and runs none of it", () => {
    const html = site.read("/spielplatz/worum-geht-es/");
    expect(html).not.toMatch(/<script|<iframe|<img[^>]*tracker/);
    expect(site.load("/spielplatz/worum-geht-es/")("[onerror]")).toHaveLength(0);
    // …and still shows it, so the author sees the mistake instead of silently losing text.
    expect(site.load("/spielplatz/worum-geht-es/")(".mr-prose").text()).toContain("<script>alert('xss')</script>");
    expect(site.read("/spielplatz/tr/worum-geht-es/")).toContain("&lt;iframe");
  });

  it("keeps links, drops javascript: links and never embeds a Markdown image", () => {
    const $ = site.load("/spielplatz/worum-geht-es/");
    expect($('.mr-prose a[href="https://ris.musterstadt.de/vorlage/2027-17"]').text()).toBe("Ratsinformationssystem");
    expect($('a[href^="javascript:"]')).toHaveLength(0);
    expect($('img[src*="tracker"], img[alt="Lageplan"]')).toHaveLength(0);
  });

  it("turns the body's # heading into an h2, so the title stays the only h1", () => {
    const $ = site.load("/spielplatz/worum-geht-es/");
    expect($("h1").text()).toBe("Worum geht es?");
    expect($(".mr-prose h2").first().text()).toBe("Der Spielplatz heute");
    expect($(".mr-prose h3").first().text()).toBe("Was wir vorhaben");
  });

  it("wraps Markdown tables so they scroll on a narrow screen instead of the page, in a tab stop named by the column headings", () => {
    const box = site.load("/spielplatz/worum-geht-es/")(".kern-table-responsive:has(> table.kern-table)");
    expect(box).toHaveLength(1);
    // A named <section>: a region a screen reader announces by that name when Tab reaches it.
    expect([box.prop("tagName"), box.attr("tabindex"), box.attr("aria-label")]).toEqual(["SECTION", "0", "Bereich, Fläche"]);
  });

  it("gives a transparent picture a PNG fallback and credits it", () => {
    const $ = site.load("/spielplatz/worum-geht-es/");
    expect($("figure img").attr("src")).toMatch(/\.png$/);
    expect($("figure figcaption").text()).toBe("© Grünflächenamt Musterstadt");
    // A bare name gets a label, so it reads as a credit.
    expect(site.load("/spielplatz/")(".mr-hero__caption").text().trim()).toBe("Bild: Max Mustermann");
  });

  it("lists the known issues with a contact for alternatives, without claiming a test that did not happen", () => {
    const $ = site.load("/spielplatz/accessibility/");
    expect($("main").text()).toContain("noch nicht auf Barrierefreiheit geprüft");
    expect($("#known-issues").text()).toBe("Nicht barrierefreie Inhalte");
    expect($("main li").text()).toContain("Der Lageplan ist ein Bild.");
    expect($('a[href="mailto:barrierefrei@musterstadt.de"]').length).toBeGreaterThanOrEqual(2);
  });

  it("shows the survey's own window, not the campaign's", () => {
    const $ = site.load("/spielplatz/umfrage/");
    expect($("main").text()).toContain("Die Umfrage ist vom 15. März 2027 bis zum 15. April 2027 geöffnet.");
    expect($(".mr-status--open").text()).toContain("Beteiligung offen bis 15. April 2027");
  });

  it("writes a Turkish page in Turkish, with the English interface texts marked lang=en", () => {
    const $ = site.load("/spielplatz/tr/umfrage/");
    expect($("html").attr("lang")).toBe("tr");
    expect($("h1").text()).toBe("Görüşünüz");
    expect($(".mr-skip-link").attr("lang")).toBe("en");
    expect($(".mr-status").closest("[lang]").attr("lang")).toBe("en");
    expect($("footer").attr("lang")).toBe("en");
    // Campaign texts in the breadcrumbs and the page list stay Turkish: no lang=en around them.
    expect($(".mr-breadcrumbs [aria-current]").closest("[lang]").attr("lang")).toBe("tr");
    expect($('.mr-page-nav a[aria-current="page"]').closest("[lang]").attr("lang")).toBe("tr");
    expect($(".mr-lang a[lang=tr]").text()).toBe("Türkçe");
  });
});
