// submitContribution: one use case, one write, with the survey's order of checks (submit.ts):
// the map page exists and the campaign is open, the rate limit, the hidden fields, the
// contribution itself (category, comment, a place inside the area); then one row, "pending".
import { randomUUID } from "node:crypto";
import type { CampaignModel, Locale, MapPageModel } from "../../campaign/model.js";
import { pointInArea } from "../../campaign/geo.js";
import { FIELD, type FormFields } from "../../forms/fields.js";
import type { FieldIssue } from "../../forms/issues.js";
import { issueMessage } from "../../forms/messages.js";
import { admit, isRecord } from "../admission.js";
import { HttpError } from "../errors.js";
import type { CollectorContext } from "../submit.js";
import { contributionIssues, formToContribution, type ContributionInput } from "./fields.js";

export interface MapPage {
  campaign: CampaignModel;
  page: MapPageModel;
}

export interface ContributionSubmission {
  slug: string;
  pageId: string;
  channel: "script" | "form";
  body: unknown;
  /** Only for the rate limit's keyed hash; never stored. */
  ip: string;
}

export interface AcceptedContribution {
  id: string;
  duplicate: boolean;
  map: MapPage;
  locale: Locale;
}

export function findMapPage(ctx: Pick<CollectorContext, "surveys">, slug: string, pageId: string): MapPage {
  const campaign = ctx.surveys.campaign(slug);
  const page = campaign?.pages.find((p): p is MapPageModel => p.type === "map" && p.id === pageId);
  if (campaign && page) return { campaign, page };
  throw new HttpError(404, campaign ? `Campaign "${slug}" has no map "${pageId}".` : `No campaign "${slug}".`, {
    issues: [{ field: campaign ? "page" : "campaign", reason: "not-found", message: issueMessage({ reason: "not-found" }, campaign?.locale ?? "de") }],
  });
}

export async function submitContribution(ctx: CollectorContext, submission: ContributionSubmission): Promise<AcceptedContribution> {
  const map = findMapPage(ctx, submission.slug, submission.pageId);
  const { campaign, page } = map;
  const { body, meta, locale, verified, issues, fail, now } = admit(ctx, {
    campaign,
    pageId: page.id,
    body: submission.body,
    ip: submission.ip,
    opens: campaign.period.start,
    closes: campaign.period.end,
    what: "map",
    channel: submission.channel,
    payload: "contribution",
  });
  let input: ContributionInput = {};
  if (submission.channel === "form") {
    const converted = formToContribution(body as FormFields);
    input = converted.input;
    issues.push(...converted.issues);
  } else {
    const raw = body.contribution;
    if (!isRecord(raw)) issues.push({ field: "contribution", reason: "malformed" });
    else input = fromJson(raw, issues);
  }
  const known = new Set(issues.map((i) => i.field));
  issues.push(...contributionIssues(page.map, input, (point) => pointInArea(point, page.map.area)).filter((i) => !known.has(i.field)));
  if (issues.length) throw fail(400, `${issues.length} ${issues.length === 1 ? "field needs" : "fields need"} attention.`, issues);

  // A named place without a point is shown at the place's coordinates.
  const point = input.point ?? page.map.places.find((p) => p.id === input.place)?.coordinates;
  const id = (meta.id ?? randomUUID()).toLowerCase();
  const outcome = await ctx.store.insertContribution({
    id,
    campaign: campaign.slug,
    page: page.id,
    locale,
    category: input.category!,
    comment: input.comment!.trim(),
    ...(point ? { point: [point[0], point[1]] as [number, number] } : {}),
    ...(input.place !== undefined ? { place: input.place } : {}),
    ...(input.description?.trim() ? { description: input.description.trim() } : {}),
    receivedAt: now.toISOString(),
    channel: submission.channel,
    verified,
  });
  if (outcome.status === "conflict") throw fail(409, "This id belongs to another submission.", [{ field: FIELD.id, reason: "id-conflict" }]);
  return { id, duplicate: outcome.status === "duplicate", map, locale };
}

function fromJson(raw: Record<string, unknown>, issues: FieldIssue[]): ContributionInput {
  const input: ContributionInput = {};
  const text = (key: string, field: string) => {
    const value = raw[key];
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value === "string") return value;
    issues.push({ field, reason: "invalid" });
    return undefined;
  };
  input.category = text("category", "category");
  input.comment = text("comment", "comment");
  input.place = text("place", "location");
  input.description = text("description", "location__description");
  if (raw.point !== undefined && raw.point !== null) {
    const p = raw.point;
    if (Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === "number")) input.point = [p[0] as number, p[1] as number];
    else issues.push({ field: "location", reason: "location" });
  }
  for (const key of Object.keys(raw)) if (!["category", "comment", "place", "description", "point"].includes(key)) issues.push({ field: key, reason: "unknown" });
  for (const key of Object.keys(input) as (keyof ContributionInput)[]) if (input[key] === undefined) delete input[key];
  return input;
}
