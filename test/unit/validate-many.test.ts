// Authors fix a campaign in one pass only if validation reports every problem at once, in file order.
import { describe, expect, it } from "vitest";
import { formatProblem, type Problem } from "../../src/errors.js";
import { validateCampaigns } from "../../src/campaign/validate.js";

const FILE = "test/fixtures/invalid-many-problems/marktplatz/campaign.json";

describe("validateCampaigns with many mistakes in one file", () => {
  it("reports all of them at once, sorted by line and column, each once", async () => {
    const { campaigns, problems } = await validateCampaigns("test/fixtures/invalid-many-problems");
    expect(campaigns).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      `${FILE}:4:12  /title  must be a text, or an object with one text per language, e.g. { "de": "…", "en": "…" }`,
      `${FILE}:6:24  /period/start  "2027-02-30" is not a real date: February 2027 has 28 days`,
      `${FILE}:9:16  /organization/imprint  must start with https://, not http:// — write "https://www.musterstadt.de/impressum"`,
      `${FILE}:11:27  /organization/contact/email  must be an e-mail address such as "beteiligung@musterstadt.de"`,
      `${FILE}:16:13  /pages/0/id  page id "accessibility" is reserved for a page mitreden makes itself (reserved: accessibility, leichte-sprache, gebaerdensprache, social-kit, assets, api, danke, thanks); choose another id`,
      `${FILE}:31:18  /pages/1/questions/0/max  a scale needs 2–11 steps; 0 to 20 has 21`,
      `${FILE}:34:17  /pages/1/questions/1/id  question id "zufriedenheit" is already used on line 27; question ids must be unique`,
      `${FILE}:43:65  /pages/1/questions/2/showIf/in/2  25 is not an answer of "zufriedenheit" (the scale 0–20)`,
      `${FILE}:45:9  /pages/1/questions/3  an e-mail question needs a consent question in the same survey ({ "type": "consent", "label": "… [Datenschutzhinweise](…) …" }), so people agree to being contacted`,
      `${FILE}:49:11  /pages/1/questions/3/requierd  unknown field "requierd" — did you mean "required"?`,
      `${FILE}:59:17  /social/posts/0/date  must be a date-time such as "2027-03-01T09:00:00+01:00" (a date alone is not enough)`,
      `${FILE}:60:17  /social/posts/0/page  no page "umfrag" in this campaign — did you mean "umfrage"?`,
      `${FILE}:61:23  /social/posts/0/platforms/0  unknown value "twitter" — did you mean "x"?`,
    ]);
  });
});

describe("validateCampaigns, semantic checks beyond the schema", () => {
  it("checks language order, time zone, ids, survey window, choice limits, number ranges and the map", async () => {
    const file = "test/fixtures/invalid-more-checks/laermaktionsplan/campaign.json";
    const { problems } = await validateCampaigns("test/fixtures/invalid-more-checks");
    expect(problems.map(formatProblem)).toEqual([
      `${file}:4:15  /locales/0  the default language "de" (from "locale") must come first in "locales", before "en"`,
      `${file}:5:15  /timezone  unknown time zone "Europe/Berln" — did you mean "Europe/Berlin"?`,
      `${file}:18:13  /pages/0/id  page id "en" is also a language of this campaign, and /<campaign>/en/ is that language's landing page; choose another id`,
      `${file}:28:17  /pages/1/closes  the survey closes (2027-06-10) before it opens (2027-06-20); the end must be after the start`,
      `${file}:35:26  /pages/1/questions/0/minSelected  "minSelected" is 3, but there are only 2 options`,
      `${file}:35:26  /pages/1/questions/0/minSelected  "minSelected" (3) is more than "maxSelected" (2)`,
      `${file}:43:18  /pages/1/questions/1/max  "max" (0) must be greater than "min" (24)`,
      `${file}:55:21  /pages/2/map/renderer  renderer "mapbox" needs "accessToken" (a public Mapbox token, "pk.…"); or use "maplibre", which needs none`,
      `${file}:66:19  /pages/2/map/categories/1/id  category id "laerm" is already used on line 65; category ids must be unique`,
      `${file}:69:75  /pages/2/map/places/0/coordinates  place "hauptbahnhof" [8.6625, 50.1071] lies outside the area`,
    ]);
  });
});

describe("formatProblem", () => {
  const problem: Problem = { severity: "error", file: "campaigns/marktplatz/campaign.json", line: 12, column: 7, pointer: "/pages/1/questions/0/type", message: 'unknown type "singel" — did you mean "single"?' };

  it("prints file:line:col, two spaces, the pointer, two spaces, the message", () => {
    expect(formatProblem(problem)).toBe('campaigns/marktplatz/campaign.json:12:7  /pages/1/questions/0/type  unknown type "singel" — did you mean "single"?');
  });

  it("labels warnings and shows the whole document as /", () => {
    expect(formatProblem({ ...problem, severity: "warning", pointer: "", message: "folder ignored" })).toBe("campaigns/marktplatz/campaign.json:12:7  /  warning: folder ignored");
  });
});
