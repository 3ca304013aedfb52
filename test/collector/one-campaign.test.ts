// Commands about one campaign (export, results, moderate, reach, privacy) load only that campaign:
// a mistake in another campaign of the folder does not stop a city from exporting this one's data.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { loadCampaign } from "../../src/collector/commands.js";
import { CampaignValidationError } from "../../src/errors.js";
import { CAMPAIGNS_DIR } from "./helpers/campaigns.js";
import { tempDir } from "./helpers/collector.js";

let dir: string;
beforeAll(() => {
  dir = tempDir("one-campaign");
  cpSync(CAMPAIGNS_DIR, dir, { recursive: true });
  mkdirSync(path.join(dir, "kaputt"));
  writeFileSync(path.join(dir, "kaputt", "campaign.json"), '{ "version": 2, "title": 42 }\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a campaign loads although another campaign in the folder has errors", async () => {
  const campaign = await loadCampaign(dir, "marktplatz");
  expect(campaign.slug).toBe("marktplatz");
  expect(campaign.pages.map((p) => p.id)).toContain("umfrage");
});

test("the campaign with errors still reports them at its file and line", async () => {
  const failure = await loadCampaign(dir, "kaputt").catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(CampaignValidationError);
  expect(String((failure as Error).message)).toMatch(/kaputt\/campaign\.json:1:\d+/);
});

test("an unknown campaign is named; the folder's campaigns are checked to list them", async () => {
  rmSync(path.join(dir, "kaputt"), { recursive: true });
  await expect(loadCampaign(dir, "gibtsnicht")).rejects.toThrow(/No campaign "gibtsnicht".*Campaigns: marktplatz, radverkehr/);
  // A folder of that name that holds no campaign (the shared pictures) is no campaign either.
  await expect(loadCampaign(dir, "media")).rejects.toThrow(/No campaign "media".*Campaigns: marktplatz, radverkehr/);
});
