// The results files (campaigns/<slug>/results/<page-id>.json, written by `mitreden results`) against
// the campaign: the figures a results page publishes must belong to its questions and add up. A file
// edited by hand, or left from before a question changed, is caught here and not published.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { CONTRIBUTION_STATUSES } from "../model.js";
import { AGGREGATED_TYPES, OTHER_KEY, RESULTS_FORMAT, resultsFilePath } from "../results-file.js";
import { asArray, asRecords, optionValues, pages, record, type Check, type CheckContext } from "./context.js";

type Json = Record<string, unknown>;

export const checkResults: Check = (ctx) => {
  const all = pages(ctx);
  const sourcesOf = all.filter(([p]) => p.type === "survey" || p.type === "map");
  for (const [page, pointer] of all) {
    if (page.type !== "results") continue;
    const sources = Array.isArray(page.sources) ? page.sources : sourcesOf.map(([p]) => p.id);
    const hide = new Set(asArray(page.hide).filter((h): h is string => typeof h === "string"));
    for (const id of sources) {
      const source = sourcesOf.find(([p]) => p.id === id);
      if (!source) {
        ctx.error(`${pointer}/sources`, `"${String(id)}" is not a survey or map page of this campaign; sources: ${sourcesOf.map(([p]) => p.id).join(", ") || "none"}`);
        continue;
      }
      const relative = resultsFilePath(String(id));
      const file = path.join(ctx.campaign.dir, relative);
      if (!existsSync(file)) {
        ctx.warning(`${pointer}/sources`, `no ${relative} yet: until you run "mitreden results ${ctx.campaign.slug}" and commit the file, the page shows no figures for "${String(id)}"`);
        continue;
      }
      let figures: unknown;
      try {
        figures = JSON.parse(readFileSync(file, "utf8"));
      } catch (error) {
        ctx.error(pointer, `${relative} is not valid JSON (${(error as Error).message}); write it again with "mitreden results ${ctx.campaign.slug}"`);
        continue;
      }
      const problems = resultsProblems(ctx, source[0], record(figures), hide);
      for (const problem of problems) ctx.error(pointer, `${relative}: ${problem}; write it again with "mitreden results ${ctx.campaign.slug}"`);
    }
  }
};

/** What is wrong with one results file, in words. */
function resultsProblems(ctx: CheckContext, page: Json, figures: Json, hide: Set<string>): string[] {
  const problems: string[] = [];
  if (figures.format !== RESULTS_FORMAT) problems.push(`"format" is ${JSON.stringify(figures.format)}, not "${RESULTS_FORMAT}"`);
  if (figures.campaign !== ctx.campaign.slug || figures.page !== page.id || figures.type !== page.type) {
    problems.push(`it is for ${String(figures.campaign)}/${String(figures.page)} (${String(figures.type)}), not ${ctx.campaign.slug}/${String(page.id)} (${String(page.type)})`);
    return problems;
  }
  if (page.type === "map") return problems.concat(mapProblems(page, figures));
  const questions = new Map(asRecords(page.questions).map(([q, i]) => [q.id, { q, pointer: `/questions/${i}` }]));
  const total = figures.responses;
  if (!count(total)) return problems.concat(`"responses" must be a whole number, not ${JSON.stringify(total)}`);
  for (const f of asArray(figures.questions).map(record)) {
    const id = String(f.id);
    const question = questions.get(f.id)?.q;
    if (!question) problems.push(`question "${id}" is not in the survey (was it removed or renamed?)`);
    else if (question.type !== f.type) problems.push(`question "${id}" is a ${String(question.type)} question, the file counts it as ${String(f.type)}`);
    else if (hide.has(id)) problems.push(`question "${id}" is in the results page's "hide" but its figures are in the file`);
    else if (!(AGGREGATED_TYPES as readonly string[]).includes(String(f.type))) problems.push(`question "${id}" is ${String(f.type)}: its answers are personal and never published`);
    else problems.push(...questionProblems(question, f, total).map((p) => `question "${id}": ${p}`));
  }
  return problems;
}

const count = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n >= 0;
const sum = (values: unknown[]) => values.reduce<number>((a, b) => a + (count(b) ? b : NaN), 0);

function questionProblems(q: Json, f: Json, total: number): string[] {
  const { responses, answered } = f;
  if (!count(responses) || !count(answered)) return ["\"responses\" and \"answered\" must be whole numbers"];
  if (responses > total) return [`asked ${responses} times, more than the ${total} responses`];
  if (answered > responses) return [`answered ${answered} times, more often than it was asked (${responses})`];
  const counts = record(f.counts);
  const allowedKeys = (keys: string[]) => Object.keys(counts).filter((k) => !keys.includes(k));
  switch (q.type) {
    case "single":
    case "select":
    case "multiple": {
      const options = optionValues(q, "").map((o) => String(o.id));
      const unknown = allowedKeys([...options, ...(q.other === true ? [OTHER_KEY] : [])]);
      if (unknown.length) return [`counts options the question does not have: ${unknown.join(", ")}`];
      if (q.type !== "multiple" && sum(Object.values(counts)) !== answered) return [`the counts add up to ${sum(Object.values(counts))}, not to the ${answered} who answered`];
      if (q.type === "multiple" && Object.values(counts).some((c) => !count(c) || c > answered)) return [`an option is counted more often than the ${answered} who answered`];
      return [];
    }
    case "scale": {
      const steps = Array.from({ length: Number(q.max) - Number(q.min) + 1 }, (_, i) => String(Number(q.min) + i));
      const unknown = allowedKeys(steps);
      if (unknown.length) return [`counts steps outside ${String(q.min)}–${String(q.max)}: ${unknown.join(", ")}`];
      return sum(Object.values(counts)) === answered ? [] : [`the counts add up to ${sum(Object.values(counts))}, not to the ${answered} who answered`];
    }
    case "ranking": {
      const options = optionValues(q, "").map((o) => String(o.id));
      const positions = record(f.positions);
      const bad = options.filter((o) => asArray(positions[o]).length !== options.length || sum(asArray(positions[o])) !== answered);
      return bad.length || Object.keys(positions).length !== options.length ? [`the places of ${bad.join(", ") || "its options"} do not add up to the ${answered} who answered`] : [];
    }
    case "number":
      return sum(asArray(f.bins).map((b) => record(b).count)) === answered ? [] : [`the histogram holds ${sum(asArray(f.bins).map((b) => record(b).count))} answers, not ${answered}`];
    case "date":
      return sum(Object.values(record(f.months))) === answered ? [] : [`the months hold ${sum(Object.values(record(f.months)))} answers, not ${answered}`];
    case "location":
      return sum([...Object.values(record(f.places)), f.point, f.description]) === answered ? [] : ["places, points and descriptions do not add up to those who answered"];
    default:
      return [];
  }
}

function mapProblems(page: Json, figures: Json): string[] {
  const problems: string[] = [];
  const map = record(page.map);
  const categories = asRecords(map.categories).map(([c]) => String(c.id));
  const { received, approved } = figures;
  if (!count(received) || !count(approved) || approved > received) return [`"approved" (${String(approved)}) must be a whole number no larger than "received" (${String(received)})`];
  const perCategory = record(figures.categories);
  const unknown = Object.keys(perCategory).filter((c) => !categories.includes(c));
  if (unknown.length) problems.push(`counts categories the map does not have: ${unknown.join(", ")}`);
  if (sum(Object.values(perCategory)) !== approved) problems.push(`the categories add up to ${sum(Object.values(perCategory))}, not to the ${approved} approved`);
  const items = asArray(figures.items).map(record);
  if (items.length > approved) problems.push(`it lists ${items.length} contributions but only ${approved} were approved`);
  if (items.length && record(map.contributions).public !== true) problems.push("it lists contributions, but the map does not publish others' contributions (contributions.public)");
  for (const item of items) {
    if (!categories.includes(String(item.category))) problems.push(`contribution ${String(item.id)} has the unknown category "${String(item.category)}"`);
    if (!(CONTRIBUTION_STATUSES as readonly unknown[]).includes(item.status)) problems.push(`contribution ${String(item.id)} has the unknown status "${String(item.status)}" (${CONTRIBUTION_STATUSES.join(", ")})`);
    if (typeof item.comment !== "string") problems.push(`contribution ${String(item.id)} has no comment`);
  }
  return problems;
}
