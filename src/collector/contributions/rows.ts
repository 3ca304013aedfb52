// One table row ↔ one contribution, for both stores (PostgreSQL gives Dates and booleans, SQLite text and 0/1).
import type { ContributionStatus, NewContribution, StoredContribution } from "./types.js";

export interface ContributionRow {
  seq: number | string;
  id: string;
  campaign: string;
  page: string;
  locale: string;
  category: string;
  comment: string;
  lng: number | null;
  lat: number | null;
  place: string | null;
  description: string | null;
  received_at: string | Date;
  channel: "script" | "form";
  verified: number | boolean;
  status: ContributionStatus;
  reason: string | null;
  moderated_at: string | Date | null;
}

export const CONTRIBUTION_COLUMNS = "id, campaign, page, locale, category, comment, lng, lat, place, description, received_at, channel, verified";

/** Values in CONTRIBUTION_COLUMNS order. */
export function contributionValues(c: NewContribution, bool: (b: boolean) => number | boolean): unknown[] {
  return [c.id, c.campaign, c.page, c.locale, c.category, c.comment, c.point?.[0] ?? null, c.point?.[1] ?? null, c.place ?? null, c.description ?? null, c.receivedAt, c.channel, bool(c.verified)];
}

const iso = (value: string | Date) => (value instanceof Date ? value.toISOString() : value);

export function contributionFromRow(row: ContributionRow): StoredContribution {
  const c: StoredContribution = {
    seq: Number(row.seq),
    id: row.id,
    campaign: row.campaign,
    page: row.page,
    locale: row.locale,
    category: row.category,
    comment: row.comment,
    receivedAt: iso(row.received_at),
    channel: row.channel,
    verified: row.verified === true || row.verified === 1,
    status: row.status,
  };
  if (row.lng !== null && row.lat !== null) c.point = [Number(row.lng), Number(row.lat)];
  if (row.place !== null) c.place = row.place;
  if (row.description !== null) c.description = row.description;
  if (row.reason !== null) c.reason = row.reason;
  if (row.moderated_at !== null) c.moderatedAt = iso(row.moderated_at);
  return c;
}
