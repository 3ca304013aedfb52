// A copy of the valid-full fixture with one change to its campaign.json, for tests of what
// validation and normalization make of a field. Each copy is removed after the test file.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll } from "vitest";

const fixture = path.resolve(import.meta.dirname, "../fixtures/valid-full");
const made: string[] = [];
afterAll(async () => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test edits raw JSON of any shape
export type RawCampaign = Record<string, any>;

/** The valid-full fixture with `change` applied to its campaign.json, in a folder of its own. */
export async function fixtureVariant(change: (campaign: RawCampaign) => void, prefix = "variant"): Promise<string> {
  await mkdir(path.resolve(import.meta.dirname, "../.tmp"), { recursive: true });
  const dir = await mkdtemp(path.resolve(import.meta.dirname, `../.tmp/${prefix}-`));
  made.push(dir);
  await cp(fixture, dir, { recursive: true });
  const file = path.join(dir, "buergerhaushalt", "campaign.json");
  const campaign = JSON.parse(await readFile(file, "utf8"));
  change(campaign);
  await writeFile(file, JSON.stringify(campaign, null, 2));
  return dir;
}
