// One realistic campaign per mistake an author makes; each must be reported at the exact line,
// column and pointer, with a message that says what to do.
import { describe, expect, it } from "vitest";
import type { Problem } from "../../src/errors.js";
import { validateCampaigns } from "../../src/campaign/validate.js";

const FIXTURES = "test/fixtures";

async function problemsOf(fixture: string): Promise<Problem[]> {
  const { problems } = await validateCampaigns(`${FIXTURES}/${fixture}`);
  return problems;
}

/** The fixture has exactly one error, and it is this one. */
async function expectSingleError(fixture: string, expected: { file?: string; line: number; column: number; pointer: string; message: RegExp | string }) {
  const { campaigns, problems } = await validateCampaigns(`${FIXTURES}/${fixture}`);
  const errors = problems.filter((p) => p.severity === "error");
  expect(errors).toHaveLength(1);
  const [error] = errors;
  expect(error).toMatchObject({
    file: expected.file ?? `${FIXTURES}/${fixture}/marktplatz/campaign.json`,
    line: expected.line,
    column: expected.column,
    pointer: expected.pointer,
  });
  if (typeof expected.message === "string") expect(error!.message).toContain(expected.message);
  else expect(error!.message).toMatch(expected.message);
  expect(campaigns).toEqual([]);
}

describe("validateCampaigns reports each mistake where it is", () => {
  it("broken JSON: a trailing comma, at the closing brace, with the comma's position", async () => {
    await expectSingleError("invalid-syntax-trailing-comma", {
      line: 41,
      column: 9,
      pointer: "",
      message: "unexpected '}' — is there a trailing comma after the last entry? Remove the ',' at line 40, column 69",
    });
  });

  it("an unknown key with a typo, at the key, suggesting the right one", async () => {
    await expectSingleError("invalid-unknown-key", { line: 20, column: 7, pointer: "/pages/0/intor", message: 'unknown field "intor" — did you mean "intro"?' });
  });

  it("a wrong question type, once (not also as a discriminator error), suggesting the nearest type", async () => {
    await expectSingleError("invalid-enum", { line: 29, column: 19, pointer: "/pages/1/questions/0/type", message: 'unknown type "singel" — did you mean "single"?' });
  });

  it("a missing required field from site.json, in site.json at the object's brace", async () => {
    await expectSingleError("invalid-missing-required", {
      file: `${FIXTURES}/invalid-missing-required/site.json`,
      line: 3,
      column: 19,
      pointer: "/organization",
      message: /^missing required field "imprint" — URL of the imprint \(Impressum\)/,
    });
  });

  it("a period that ends before it starts, at the end date", async () => {
    await expectSingleError("invalid-period-order", {
      line: 6,
      column: 45,
      pointer: "/period/end",
      message: "the campaign ends (2027-03-01) before it starts (2027-04-15)",
    });
  });

  it("a duplicate page id, at the second use, naming the line of the first", async () => {
    await expectSingleError("invalid-duplicate-page-id", {
      line: 23,
      column: 13,
      pointer: "/pages/1/id",
      message: 'page id "worum-geht-es" is already used on line 17',
    });
  });

  it("showIf pointing to a later question", async () => {
    await expectSingleError("invalid-showif-later", {
      line: 31,
      column: 35,
      pointer: "/pages/1/questions/0/showIf/question",
      message: '"wunsch" comes after this question (it is question 2, this is question 1); showIf can only refer to an earlier question',
    });
  });

  it("a missing image file, suggesting the file that is there", async () => {
    await expectSingleError("invalid-missing-image", {
      line: 16,
      column: 12,
      pointer: "/hero/src",
      message: 'image file not found: test/fixtures/invalid-missing-image/marktplatz/media/marktplatz-heute.jpeg — did you mean "marktplatz-heute.jpg"?',
    });
  });

  it("an image without alt text, at the image object", async () => {
    await expectSingleError("invalid-missing-alt", { line: 20, column: 16, pointer: "/pages/0/image", message: 'missing "alt"' });
  });

  it("a text missing one of the campaign's languages", async () => {
    await expectSingleError("invalid-missing-locale", {
      line: 47,
      column: 20,
      pointer: "/pages/1/questions/1/label",
      message: 'missing the English ("en") text; every text needs all languages of "locales" (de, en)',
    });
  });

  it("a low-contrast primary colour, with the measured ratio, the gap and a darker suggestion", async () => {
    const problems = await problemsOf("invalid-low-contrast");
    const file = `${FIXTURES}/invalid-low-contrast/marktplatz/campaign.json`;
    expect(problems).toEqual([
      {
        severity: "error",
        file,
        line: 15,
        column: 25,
        pointer: "/theme/primary",
        message: "white text on #7fb2e5 (and #7fb2e5 text on white) has contrast 2.23:1, needs 4.5:1 (2.27 short); try a darker primary such as #2877c6",
      },
      // The accent is only a warning.
      expect.objectContaining({ severity: "warning", line: 15, column: 46, pointer: "/theme/accent", message: expect.stringContaining("1.78:1") }),
    ]);
  });

  it("a GeoJSON file with an open ring: the campaign pointer, the file, its line and the feature and ring", async () => {
    await expectSingleError("invalid-geojson-ring", {
      line: 29,
      column: 17,
      pointer: "/pages/1/map/area",
      message: "media/planungsgebiet.geojson:10:11: feature 0, ring 0: not closed: the last position [8.683, 50.1117] must repeat the first [8.683, 50.1102]",
    });
  });

  it("inline GeoJSON with a too-short ring, at the ring itself", async () => {
    await expectSingleError("invalid-inline-geojson", {
      line: 47,
      column: 17,
      pointer: "/pages/1/questions/1/map/area/coordinates/0",
      message: "ring 0: a ring needs at least 4 positions (the last repeating the first), has 3",
    });
  });

  it("a map center outside its area, noticing swapped coordinates", async () => {
    await expectSingleError("invalid-center-outside", {
      line: 27,
      column: 19,
      pointer: "/pages/1/map/center",
      message: "the map center [50.1109, 8.6842] lies outside the area — [8.6842, 50.1109] would be inside: positions are [longitude, latitude]",
    });
  });

  it("a post too long for X, naming the platform and by how many characters", async () => {
    await expectSingleError("invalid-post-too-long", {
      line: 23,
      column: 17,
      pointer: "/social/posts/0/text",
      message: "too long for X by 41 characters: 321 of 280",
    });
  });

  it("a relative baseUrl", async () => {
    await expectSingleError("invalid-relative-baseurl", {
      line: 14,
      column: 24,
      pointer: "/site/baseUrl",
      message: 'must be an absolute https:// URL such as "https://mitreden.musterstadt.de"',
    });
  });

  it("an e-mail question without a consent question, at the question", async () => {
    await expectSingleError("invalid-email-without-consent", {
      line: 42,
      column: 9,
      pointer: "/pages/1/questions/2",
      message: "an e-mail question needs a consent question in the same survey",
    });
  });

  it("a title over 90 characters in one language, saying which language and by how much", async () => {
    await expectSingleError("invalid-title-too-long", {
      line: 6,
      column: 11,
      pointer: "/title/de",
      message: 'the "de" text of "title" is too long: 101 characters, at most 90 allowed (11 too many)',
    });
  });

  it("image files outside the campaign folder or not images, and a missing credit", async () => {
    const problems = await problemsOf("invalid-image-files");
    const file = `${FIXTURES}/invalid-image-files/marktplatz/campaign.json`;
    expect(problems.map(({ file, line, column, pointer }) => ({ file, line, column, pointer }))).toEqual([
      { file, line: 16, column: 12, pointer: "/hero/src" },
      { file, line: 25, column: 16, pointer: "/pages/0/image" },
      { file, line: 26, column: 16, pointer: "/pages/0/image/src" },
    ]);
    expect(problems[0]!.message).toBe(
      '"../../valid-full/buergerhaushalt/media/rathaus.jpg" points outside test/fixtures/invalid-image-files/marktplatz/; copy the file into test/fixtures/invalid-image-files/marktplatz/media/ and write "media/rathaus.jpg"',
    );
    expect(problems[1]!.message).toBe('missing required field "credit" — Copyright or source, e.g. "Foto: Stadt Musterstadt".');
    expect(problems[2]!.message).toBe('"media/lageplan.jpg" is not an image mitreden can show (JPEG, PNG, WebP, AVIF, GIF or SVG)');
  });

  it("a campaign folder that is not a valid slug, naming the folder and a fix", async () => {
    await expectSingleError("invalid-folder-name", {
      file: `${FIXTURES}/invalid-folder-name/Neue Mitte/campaign.json`,
      line: 1,
      column: 1,
      pointer: "",
      message: 'the folder name "Neue Mitte" is the campaign\'s address and must use lower-case letters, digits and hyphens; rename the folder, e.g. to "neue-mitte"',
    });
  });
});
