// Issue 16, §3: validation warns (never errs) where a city would regret a campaign later: free text
// or contact data without a word on privacy, an intro that says which questions are required and
// disagrees with the form, a campaign whose period is over.
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateCampaigns } from "../../src/campaign/validate.js";
import { formatProblem } from "../../src/errors.js";
import { tmpDir } from "./site-support.js";

const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));

/** The examples with `change` applied to one campaign's JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test edits raw JSON of any shape
async function examplesWith(slug: string, change: (campaign: Record<string, any>) => void): Promise<string> {
  const dir = tmpDir("warnings");
  made.push(dir);
  await cp("campaigns", dir, { recursive: true });
  const file = path.join(dir, slug, "campaign.json");
  const campaign = JSON.parse(await readFile(file, "utf8"));
  change(campaign);
  await writeFile(file, JSON.stringify(campaign, null, 2));
  return dir;
}

const DURING = new Date("2027-03-20T10:00:00+01:00");
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const survey = (c: Record<string, any>) => c.pages.find((p: { id: string }) => p.id === "umfrage");

/** The warnings of the checks this file is about (others, such as the kit's, have tests of their own). */
async function warnings(dir: string, now = DURING): Promise<string[]> {
  const { problems, campaigns } = await validateCampaigns(dir, { now });
  expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  expect(campaigns.length).toBe(2);
  return problems.filter((p) => /^\/pages\/\d+\/(intro|questions)$|^\/period\/end$/.test(p.pointer)).map(formatProblem);
}

describe("validation warnings", () => {
  it("the examples have none of them", async () => {
    expect(await warnings("campaigns")).toEqual([]);
  });

  it("flags the Marktplatz survey's old intro: it said only the first question was required, but consent is too", async () => {
    const dir = await examplesWith("marktplatz", (c) => {
      survey(c).intro = "Die Umfrage dauert etwa zehn Minuten. Nur die erste Frage ist verpflichtend, alle anderen können Sie überspringen.";
    });
    const found = await warnings(dir);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/marktplatz\/campaign\.json:\d+:\d+ {2}\/pages\/2\/intro {2}warning: the intro says "Nur die erste Frage ist verpflichtend, alle anderen können Sie überspringen\.", but 2 questions are required \(bezug, einwilligung\)/);
    expect(found[0]).toContain("the form itself marks every question that may be skipped");
  });

  it("accepts a sentence about required questions that holds, and flags one mitreden cannot check", async () => {
    const holds = await examplesWith("marktplatz", (c) => {
      const s = survey(c);
      s.questions = s.questions.filter((q: { type: string; id: string }) => q.type !== "consent" && q.type !== "email");
      s.intro = "Nur die erste Frage ist verpflichtend. Was mit Ihren Angaben geschieht, steht in den [Datenschutzhinweisen](https://www.musterstadt.de/datenschutz/buergerbeteiligung).";
    });
    expect(await warnings(holds)).toEqual([]);
    const vague = await examplesWith("marktplatz", (c) => {
      survey(c).intro = "Fragen mit Stern sind Pflichtfragen.";
    });
    expect((await warnings(vague))[0]).toContain('the intro says which questions must be answered ("Fragen mit Stern sind Pflichtfragen."), which mitreden cannot check: here 2 questions are required (bezug, einwilligung)');
  });

  it("flags free text or contact data asked for without a privacy note", async () => {
    const dir = await examplesWith("marktplatz", (c) => {
      const s = survey(c);
      s.questions = s.questions.filter((q: { type: string }) => q.type !== "consent" && q.type !== "email");
    });
    const found = await warnings(dir);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/\/pages\/2\/questions {2}warning: this survey asks for free text or contact data \(bezug, nutzung, zufriedenheit_grund, lieblingsort, idee, drei_worte, gruppe_name\) but does not say what happens with it/);
    expect(found[0]).toContain("(https://www.musterstadt.de/datenschutz/buergerbeteiligung)");
  });

  it("flags a campaign whose period is over, and only then", async () => {
    expect(await warnings("campaigns", new Date("2027-04-15T23:00:00+02:00"))).toEqual([]);
    const after = await warnings("campaigns", new Date("2027-04-16T08:00:00+02:00"));
    expect(after).toHaveLength(1);
    expect(after[0]).toMatch(/^campaigns\/marktplatz\/campaign\.json:\d+:\d+ {2}\/period\/end {2}warning: the campaign ended on 2027-04-15: its pages say it is over/);
  });
});
