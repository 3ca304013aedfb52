// The pieces validation shares with the site and the social-media kit.
import { describe, expect, it } from "vitest";
import { contrastRatio, darkenToContrast } from "../../src/campaign/contrast.js";
import { geoJsonIssues, pointInArea } from "../../src/campaign/geo.js";
import { parseJsonFile } from "../../src/campaign/parse-json.js";
import { composePost, PLATFORM_LIMITS, postLength, postUrl } from "../../src/campaign/social-text.js";
import { editDistance, suggest } from "../../src/campaign/suggest.js";

describe("contrastRatio", () => {
  it("follows WCAG 2.x", () => {
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#fff", "#fff")).toBe(1);
    expect(contrastRatio("#7fb2e5", "#ffffff")).toBeCloseTo(2.2336, 3);
    expect(contrastRatio("#ffffff", "#767676")).toBeCloseTo(4.54, 2);
  });

  it("suggests a darker shade of the same colour that passes", () => {
    const darker = darkenToContrast("#7fb2e5");
    expect(contrastRatio(darker, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(darker).toBe("#2877c6");
  });
});

describe("social posts", () => {
  const url = postUrl("https://mitreden.musterstadt.de/", "/marktplatz/umfrage/", "x", "marktplatz", "start");

  it("links with utm parameters naming platform, campaign and post", () => {
    expect(url).toBe("https://mitreden.musterstadt.de/marktplatz/umfrage/?utm_source=x&utm_medium=social&utm_campaign=marktplatz&utm_content=start");
  });

  it("composes text, blank line, hashtags, line break, link", () => {
    expect(composePost({ text: " Jetzt mitreden! ", hashtags: ["Musterstadt", "Marktplatz"], link: url })).toBe(`Jetzt mitreden!\n\n#Musterstadt #Marktplatz\n${url}`);
    expect(composePost({ text: "Jetzt mitreden!", hashtags: [], link: url })).toBe(`Jetzt mitreden!\n\n${url}`);
  });

  it("counts a link as 23 on X and Mastodon, shortened on Bluesky, in full elsewhere", () => {
    const post = composePost({ text: "Jetzt mitreden!", hashtags: ["Musterstadt"], link: url }); // 15 + 2 + 12 + 1 + link
    expect(postLength("x", post, url)).toBe(15 + 2 + 12 + 1 + 23);
    expect(postLength("mastodon", post, url)).toBe(15 + 2 + 12 + 1 + 23);
    // Bluesky's composer shows "mitreden.musterstadt.de/marktplatz/um..." (host + 13 + "...").
    expect(postLength("bluesky", post, url)).toBe(15 + 2 + 12 + 1 + "mitreden.musterstadt.de".length + 16);
    expect(postLength("linkedin", post, url)).toBe(15 + 2 + 12 + 1 + url.length);
  });

  it("counts emoji as 2 on X and as one grapheme on Bluesky", () => {
    expect(postLength("x", "📣 Los!", "")).toBe(2 + 5);
    expect(postLength("bluesky", "👩‍👩‍👧 Los!", "")).toBe(1 + 5);
    expect(postLength("instagram", "Grüße", "")).toBe(5);
  });

  it("knows each platform's limit", () => {
    expect(PLATFORM_LIMITS).toEqual({ x: 280, bluesky: 300, mastodon: 500, threads: 500, instagram: 2200, linkedin: 3000, facebook: 63206 });
  });
});

describe("suggest", () => {
  it("offers the nearest candidate only when it is close", () => {
    expect(editDistance("singel", "single")).toBe(1);
    expect(suggest("singel", ["single", "multiple", "select"])).toBe("single");
    expect(suggest("thankyou", ["thankYou", "title"])).toBe("thankYou");
    expect(suggest("infopage", ["info", "survey", "map"])).toBe("info");
    expect(suggest("twitter", ["x", "bluesky"])).toBe("x");
    expect(suggest("beschreibung", ["title", "summary", "body"])).toBeUndefined();
  });
});

describe("parseJsonFile", () => {
  const lineCol = (text: string) => {
    const result = parseJsonFile(text, "campaign.json");
    if (result.ok) throw new Error("expected a syntax error");
    return `${result.problem.line}:${result.problem.column} ${result.problem.message}`;
  };

  it("explains the usual slips at their position", () => {
    expect(lineCol('{\n  "title": "Marktplatz",\n}')).toBe("3:1 unexpected '}' — is there a trailing comma after the last entry? Remove the ',' at line 2, column 24");
    expect(lineCol('{\n  title: "Marktplatz"\n}')).toBe('2:3 unexpected \'title\' — keys must be in double quotes: "title"');
    expect(lineCol('{\n  "title": "Marktplatz"\n  "locale": "de"\n}')).toBe("3:3 unexpected text — is a comma missing after the previous entry (line 2, column 23)?");
    expect(lineCol('{\n  "pages": [\n')).toBe("2:13 unexpected end of file — the '[' at line 2, column 12 is never closed; is a ']' missing?");
    expect(lineCol('{\n  "pages": [1,\n')).toBe("2:15 unexpected end of file — the '[' at line 2, column 12 is never closed; is a ']' missing?");
    expect(lineCol('{ "title": "Markt", "title": "Platz" }')).toBe('1:21 "title" appears twice in this object (first on line 1); only the last one would count — remove one');
    expect(lineCol('{ "required": True }')).toBe("1:15 unexpected 'True' — write true, false and null in lower case");
    expect(lineCol('{ "a": 1 } // Ende')).toBe("1:12 unexpected '/' — JSON does not allow comments");
  });
});

describe("GeoJSON", () => {
  const square = { type: "Polygon", coordinates: [[[8.68, 50.11], [8.69, 50.11], [8.69, 50.12], [8.68, 50.12], [8.68, 50.11]]] };

  it("accepts a closed polygon and finds points inside it", () => {
    expect(geoJsonIssues(square, "area")).toEqual([]);
    expect(pointInArea([8.685, 50.115], square)).toBe(true);
    expect(pointInArea([50.115, 8.685], square)).toBe(false);
  });

  it("names the feature and ring of a problem", () => {
    const open = { type: "FeatureCollection", features: [{ type: "Feature", properties: null, geometry: { ...square, coordinates: [square.coordinates[0]!.slice(0, 4)] } }] };
    expect(geoJsonIssues(open, "area")).toEqual([
      { path: ["features", 0, "geometry", "coordinates", 0], where: "feature 0, ring 0", message: "not closed: the last position [8.68, 50.12] must repeat the first [8.68, 50.11]" },
    ]);
  });

  it("allows only polygons as an area, but any geometry as a layer", () => {
    const point = { type: "Point", coordinates: [8.68, 50.11] };
    expect(geoJsonIssues(point, "area")[0]!.message).toContain("must be a Polygon or MultiPolygon");
    expect(geoJsonIssues(point, "any")).toEqual([]);
    expect(geoJsonIssues({ type: "Point", coordinates: [200, 50] }, "any")[0]!.message).toBe("longitude 200 is outside -180…180");
  });
});

describe("question ids", () => {
  it("refuses a double underscore, which the form uses for a question's parts", async () => {
    const { mkdtemp, mkdir, writeFile, readFile } = await import("node:fs/promises");
    const path = await import("node:path");
    const { validateCampaigns } = await import("../../src/campaign/validate.js");
    // The folder may not exist yet when this file runs on its own.
    await mkdir(path.join(import.meta.dirname, "../.tmp"), { recursive: true });
    const dir = await mkdtemp(path.join(import.meta.dirname, "../.tmp/qid-"));
    const campaign = JSON.parse(await readFile(path.join(import.meta.dirname, "../fixtures/valid-minimal/spielplatz-lindenpark/campaign.json"), "utf8").catch(() => "null"));
    if (!campaign) throw new Error("fixture test/fixtures/valid-minimal/spielplatz-lindenpark/campaign.json moved; update this test");
    campaign.pages.push({ id: "umfrage", type: "survey", title: "Umfrage", thankYou: "Danke!", questions: [{ id: "lieblings__ort", type: "text", label: "Ihr Lieblingsort?" }] });
    await mkdir(path.join(dir, "spielplatz-lindenpark"));
    await writeFile(path.join(dir, "spielplatz-lindenpark", "campaign.json"), JSON.stringify(campaign, null, 2));
    const { problems } = await validateCampaigns(dir);
    const problem = problems.find((p) => p.pointer.endsWith("/questions/0/id"));
    expect(problem?.message).toMatch(/must not contain "__".*"lieblings_ort"/);
  });
});
