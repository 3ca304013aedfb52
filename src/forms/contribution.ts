/**
 * A map contribution on the survey's foundation: the contribution form is a survey with three fixed
 * questions, so it has the survey's field names, element ids, components, messages and error display
 * (fields.ts describes them):
 *   category   one choice (radios) of the map's categories            → field "category"
 *   comment    a text of at most map.contributions.maxLength          → field "comment"
 *   location   a point set on the map, a named place or words          → "location__lng", "__lat",
 *                                                                        "__place", "__description"
 * plus the hidden _id, _token, _locale and the honeypot. All three are required.
 *
 * JSON (the map page's script) is flat:
 *   { "contribution": { category, comment, point?: [lng, lat], place?, description? }, _id, _token, _locale }
 *
 * What the contribution must satisfy (contributionIssues) is checked by the collector and, before
 * sending, by the page's script. This module runs in the browser too: no Node imports.
 */
import type { CampaignModel, Localized, MapModel, MapPageModel, QuestionModel, SurveyPageModel } from "../campaign/model.js";
import { pointInArea } from "../campaign/geo.js";
import { formToAnswers, type FormFields, type LocationAnswer } from "./fields.js";
import type { FieldIssue } from "./issues.js";
import { hasVisibleText } from "./text.js";
import { uiText, type UiKey } from "./messages.js";

/** The three questions' ids, which are also their field names. */
export const CONTRIBUTION_QUESTION = { category: "category", comment: "comment", location: "location" } as const;

export interface ContributionInput {
  category?: string;
  comment?: string;
  point?: [number, number];
  place?: string;
  description?: string;
}

/** The contribution form of a map page as survey questions, in every language of the campaign. */
export function contributionQuestions(campaign: Pick<CampaignModel, "locales">, map: MapModel): QuestionModel[] {
  const words = (key: UiKey): Localized => Object.fromEntries(campaign.locales.map((l) => [l, uiText(key, l)]));
  return [
    {
      id: CONTRIBUTION_QUESTION.category,
      type: "single",
      label: words("contributionCategory"),
      required: true,
      other: false,
      options: map.categories.map((c) => ({ value: c.id, label: c.label })),
    },
    {
      id: CONTRIBUTION_QUESTION.comment,
      type: "textarea",
      label: words("contributionComment"),
      hint: words("contributionCommentHint"),
      required: true,
      maxLength: map.contributions.maxLength,
    },
    { id: CONTRIBUTION_QUESTION.location, type: "location", label: words("contributionWhere"), hint: words("contributionWhereHint"), required: true, map },
  ];
}

/** The map page as the survey its form is: what the form helpers (fields.ts, render.ts) work with. */
export function contributionSurvey(campaign: CampaignModel, page: MapPageModel): SurveyPageModel {
  return {
    id: page.id,
    type: "survey",
    title: page.title,
    questions: contributionQuestions(campaign, page.map),
    thankYou: {},
    opens: campaign.period.start,
    closes: campaign.period.end,
  };
}

/** A urlencoded POST → the contribution, by the survey's conversion; issues for what it cannot read. */
export function formToContribution(campaign: CampaignModel, page: MapPageModel, fields: FormFields): { input: ContributionInput; issues: FieldIssue[] } {
  const { answers, issues } = formToAnswers(contributionSurvey(campaign, page), fields);
  const where = (answers[CONTRIBUTION_QUESTION.location] ?? {}) as LocationAnswer;
  // A field sent twice is refused, as the survey refuses it: never "the first one wins".
  const one = (field: string, reason: "option" | "invalid"): string | undefined => {
    const value = answers[field];
    if (value === undefined || typeof value === "string") return value;
    issues.push({ field, reason });
    return undefined;
  };
  const input: ContributionInput = {
    category: one(CONTRIBUTION_QUESTION.category, "option"),
    comment: one(CONTRIBUTION_QUESTION.comment, "invalid"),
    ...where,
  };
  return { input: withoutEmpty(input), issues };
}

/** The script's JSON `contribution` → the contribution; a value of the wrong type is an issue on its question. */
export function contributionFromJson(raw: Record<string, unknown>): { input: ContributionInput; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const text = (key: keyof ContributionInput, field: string) => {
    const value = raw[key];
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value === "string") return value;
    issues.push({ field, reason: "invalid" });
    return undefined;
  };
  const input: ContributionInput = {
    category: text("category", CONTRIBUTION_QUESTION.category),
    comment: text("comment", CONTRIBUTION_QUESTION.comment),
    place: text("place", CONTRIBUTION_QUESTION.location),
    description: text("description", CONTRIBUTION_QUESTION.location),
  };
  const point = raw.point;
  if (point !== undefined && point !== null) {
    if (Array.isArray(point) && point.length === 2 && point.every((n) => typeof n === "number")) input.point = [point[0] as number, point[1] as number];
    else issues.push({ field: CONTRIBUTION_QUESTION.location, reason: "location" });
  }
  for (const key of Object.keys(raw)) if (!["category", "comment", "place", "description", "point"].includes(key)) issues.push({ field: key, reason: "unknown" });
  return { input: withoutEmpty(input), issues };
}

/** What the rules of a contribution need to know of its map (the page's script has no more). */
export interface ContributionRules {
  categories: { id: string }[];
  places: { id: string }[];
  area: MapModel["area"];
  contributions: { maxLength: number };
}

/** What a contribution must be: a known category, a comment within the limit, a where inside the area. */
export function contributionIssues(map: ContributionRules, input: ContributionInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { category, comment, location } = CONTRIBUTION_QUESTION;
  if (!input.category) issues.push({ field: category, reason: "required" });
  else if (!map.categories.some((c) => c.id === input.category)) issues.push({ field: category, reason: "option" });
  const text = input.comment?.trim() ?? "";
  const max = map.contributions.maxLength;
  if (!hasVisibleText(text)) issues.push({ field: comment, reason: "required" });
  else if ([...text].length > max) issues.push({ field: comment, reason: "too-long", limit: max });
  const description = input.description?.trim() ?? "";
  const where: FieldIssue[] = [];
  if (description && [...description].length > max) where.push({ field: location, reason: "too-long", limit: max });
  if (input.place !== undefined && !map.places.some((p) => p.id === input.place)) where.push({ field: location, reason: "option" });
  if (input.point) {
    const [lng, lat] = input.point;
    const sane = Number.isFinite(lng) && Number.isFinite(lat) && Math.abs(lng) <= 180 && Math.abs(lat) <= 90;
    if (!sane) where.push({ field: location, reason: "location" });
    else if (!pointInArea(input.point, map.area)) where.push({ field: location, reason: "outside-area" });
  }
  if (!input.point && input.place === undefined && !hasVisibleText(description)) where.push({ field: location, reason: "location" });
  // One message per question, as in the survey: the first problem with the where.
  return [...issues, ...where.slice(0, 1)];
}

function withoutEmpty(input: ContributionInput): ContributionInput {
  for (const key of Object.keys(input) as (keyof ContributionInput)[]) if (input[key] === undefined) delete input[key];
  return input;
}
