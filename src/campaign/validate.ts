// `mitreden validate`: every problem of every campaign at once, each at file:line:col with a JSON
// pointer. The schema (ajv) checks shapes; the semantic checks what a schema cannot say (dates in
// order, files present, showIf pointing backwards, colours readable).
import type { Problem } from "../errors.js";
import { CHECKS } from "./checks/index.js";
import { createContext, type At } from "./checks/context.js";
import { loadCampaignSources, withoutSources, type LoadedCampaign, type SourcedCampaign } from "./load.js";
import { campaignValidator, schemaUses } from "./schema.js";
import { schemaIssues } from "./schema-issues.js";

export interface ValidateOptions {
  /** The moment to check for (default now): a campaign whose period ended before it gets a warning. */
  now?: Date;
  /** Only this campaign (by its folder's name), when the folder has it. */
  only?: string;
}

export async function validateCampaigns(dir: string, options: ValidateOptions = {}): Promise<{ campaigns: LoadedCampaign[]; problems: Problem[] }> {
  const { campaigns, problems } = await loadCampaignSources(dir, options.only);
  const valid: LoadedCampaign[] = [];
  for (const campaign of campaigns) {
    const found = await validateCampaign(campaign, options);
    problems.push(...found);
    if (!found.some((p) => p.severity === "error")) valid.push(withoutSources(campaign));
  }
  return { campaigns: valid, problems: sortProblems(problems) };
}

/** Problems of one loaded campaign: schema first, then the semantic checks. */
export async function validateCampaign(campaign: SourcedCampaign, options: ValidateOptions = {}): Promise<Problem[]> {
  const problems: Problem[] = [];
  const report = (severity: Problem["severity"], pointer: string, message: string, at: At) => {
    const where = at === "key" ? campaign.sources.keyLocation(pointer) : campaign.sources.valueLocation(pointer);
    problems.push({ severity, ...where, pointer, message });
  };

  const validate = campaignValidator();
  const schemaValid = validate(campaign.data);
  if (!schemaValid) {
    for (const issue of schemaIssues(validate.errors ?? [])) report("error", issue.pointer, issue.message, issue.at);
  }

  const ctx = createContext(campaign, schemaUses(campaign.data), report, options.now);
  for (const [name, check] of Object.entries(CHECKS)) {
    try {
      await check(ctx);
    } catch (error) {
      // Checks read data the schema may have rejected; if one trips over such data, the schema's
      // messages already explain it. On valid data a crash is a bug and must surface.
      if (schemaValid) throw new Error(`the ${name} check failed on ${campaign.file}`, { cause: error });
    }
  }
  return problems;
}

/** By file, line and column; each problem once (site.json problems recur for every campaign). */
export function sortProblems(problems: Problem[]): Problem[] {
  const unique = new Map<string, Problem>();
  for (const p of problems) unique.set(`${p.file}\0${p.line}\0${p.column}\0${p.pointer}\0${p.severity}\0${p.message}`, p);
  return [...unique.values()].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || a.pointer.localeCompare(b.pointer),
  );
}
