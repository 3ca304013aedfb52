// What the map page shows of others' contributions: "before" → only approved ones, "after" →
// everything not rejected. GeoJSON with an ETag over the body, so a reload costs a 304.
import { createHash } from "node:crypto";
import type { MapModel } from "../../campaign/model.js";
import type { ContributionStatus, StoredContribution } from "./types.js";

export function publicStatuses(map: MapModel): ContributionStatus[] {
  return map.contributions.moderation === "before" ? ["approved"] : ["approved", "pending"];
}

/** Published properties only: no locale, channel, token flag, moderation reason. Comments stay text. */
export function publicGeoJson(contributions: StoredContribution[]): string {
  const features = contributions.map((c) => ({
    type: "Feature",
    id: c.seq,
    geometry: c.point ? { type: "Point", coordinates: c.point } : null,
    properties: {
      id: c.id,
      category: c.category,
      comment: c.comment,
      ...(c.place ? { place: c.place } : {}),
      ...(c.description ? { description: c.description } : {}),
      date: c.receivedAt,
    },
  }));
  return JSON.stringify({ type: "FeatureCollection", features });
}

export function etagOf(body: string): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

/** If-None-Match may list several tags, or "*"; weak tags compare like strong ones for GET. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
