// The contribution form's field names, after src/forms/fields.ts: "category" (radios), "comment"
// (textarea) and the location parts location__lng/__lat (hidden, filled by the map script),
// location__place (select of the map's places) and location__description; plus the hidden
// _id, _token, _locale and the honeypot. JSON (the browser script):
//   { "contribution": { category, comment, point?: [lng, lat], place?, description? }, _id, _token, _locale }
// This module runs in the browser too: no Node imports.
import type { MapModel } from "../../campaign/model.js";
import { FIELD, fieldName, type FormFields } from "../../forms/fields.js";
import type { FieldIssue } from "../../forms/issues.js";

export const CONTRIBUTION_FIELD = {
  category: "category",
  comment: "comment",
  location: "location",
  lng: fieldName("location", "lng"),
  lat: fieldName("location", "lat"),
  place: fieldName("location", "place"),
  description: fieldName("location", "description"),
} as const;

export interface ContributionInput {
  category?: string;
  comment?: string;
  point?: [number, number];
  place?: string;
  description?: string;
}

const KNOWN = new Set<string>([...Object.values(FIELD), ...Object.values(CONTRIBUTION_FIELD)]);

/** A urlencoded POST → the JSON contribution, with issues the JSON shape cannot express. */
export function formToContribution(fields: FormFields): { input: ContributionInput; issues: FieldIssue[] } {
  const one = (name: string) => {
    const v = fields[name];
    const text = Array.isArray(v) ? v[0] : v;
    return text === undefined || text === "" ? undefined : text;
  };
  const issues: FieldIssue[] = [];
  const input: ContributionInput = {};
  const category = one(CONTRIBUTION_FIELD.category);
  const comment = one(CONTRIBUTION_FIELD.comment);
  const place = one(CONTRIBUTION_FIELD.place);
  const description = one(CONTRIBUTION_FIELD.description);
  if (category !== undefined) input.category = category;
  if (comment !== undefined) input.comment = comment;
  if (place !== undefined) input.place = place;
  if (description !== undefined) input.description = description;
  const lng = one(CONTRIBUTION_FIELD.lng);
  const lat = one(CONTRIBUTION_FIELD.lat);
  if (lng !== undefined || lat !== undefined) {
    const point = [Number(lng), Number(lat)];
    if (point.every((n) => Number.isFinite(n))) input.point = point as [number, number];
    else issues.push({ field: CONTRIBUTION_FIELD.location, reason: "location" });
  }
  for (const name of Object.keys(fields)) if (!KNOWN.has(name) && one(name) !== undefined) issues.push({ field: name, reason: "unknown" });
  return { input, issues };
}

/**
 * What the collector and the page both check. `inArea` is passed in so the browser can use the
 * same rule without bundling turf twice (the page has its own point-in-polygon).
 */
export function contributionIssues(map: MapModel, input: ContributionInput, inArea: (point: [number, number]) => boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!input.category) issues.push({ field: CONTRIBUTION_FIELD.category, reason: "required" });
  else if (!map.categories.some((c) => c.id === input.category)) issues.push({ field: CONTRIBUTION_FIELD.category, reason: "option" });
  const comment = input.comment?.trim() ?? "";
  if (!comment) issues.push({ field: CONTRIBUTION_FIELD.comment, reason: "required" });
  else if ([...comment].length > map.contributions.maxLength) issues.push({ field: CONTRIBUTION_FIELD.comment, reason: "too-long", limit: map.contributions.maxLength });
  const description = input.description?.trim() ?? "";
  if (description && [...description].length > map.contributions.maxLength) {
    issues.push({ field: CONTRIBUTION_FIELD.description, reason: "too-long", limit: map.contributions.maxLength });
  }
  if (input.place !== undefined && !map.places.some((p) => p.id === input.place)) issues.push({ field: CONTRIBUTION_FIELD.location, reason: "option" });
  if (input.point) {
    const [lng, lat] = input.point;
    const sane = Number.isFinite(lng) && Number.isFinite(lat) && Math.abs(lng) <= 180 && Math.abs(lat) <= 90;
    if (!sane) issues.push({ field: CONTRIBUTION_FIELD.location, reason: "location" });
    else if (!inArea(input.point)) issues.push({ field: CONTRIBUTION_FIELD.location, reason: "outside-area" });
  }
  if (!input.point && input.place === undefined && !description) issues.push({ field: CONTRIBUTION_FIELD.location, reason: "location" });
  return issues;
}
