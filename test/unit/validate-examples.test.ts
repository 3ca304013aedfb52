// The example campaigns and the valid fixtures are what `mitreden new` users copy from; they must pass.
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/errors.js";
import { validateCampaigns } from "../../src/campaign/validate.js";

describe("valid campaigns", () => {
  it("the example campaigns in campaigns/ have no errors", async () => {
    const { campaigns, problems } = await validateCampaigns("campaigns");
    const errors = problems.filter((p) => p.severity === "error").map(formatProblem);
    expect(errors).toEqual([]);
    expect(campaigns.length).toBeGreaterThan(0);
  });

  it.each(["valid-minimal", "valid-full"])("test/fixtures/%s has no problems at all", async (fixture) => {
    // At a moment inside their periods: after it, a campaign that is over gets a warning.
    const { campaigns, problems } = await validateCampaigns(`test/fixtures/${fixture}`, { now: new Date("2027-03-20T10:00:00+01:00") });
    expect(problems.map(formatProblem)).toEqual([]);
    expect(campaigns).toHaveLength(1);
  });
});
