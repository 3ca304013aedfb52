// Everything submitted to a map, with its moderation state, for staff and GIS: GeoJSON (points as
// geometry, everything else as properties; null geometry for a place described only in words),
// CSV (as the survey export: BOM, ";" where decimals take a comma, formula-safe) or JSON rows.
import type { CampaignModel, Locale, MapPageModel } from "../../campaign/model.js";
import { toCsv } from "../../csv.js";
import { contributionExportWords } from "../../i18n/index.js";
import type { StoredContribution } from "../store/index.js";
import { channelWord, csvFormat, localTime, timingWord } from "../surveys/export.js";

type Cell = string | number | null;

function columns(campaign: CampaignModel, page: MapPageModel, locale: Locale): { key: string; label: string; cell: (c: StoredContribution) => Cell }[] {
  const w = contributionExportWords(locale);
  const map = page.map;
  return [
    { key: "id", label: w.id, cell: (c) => c.id },
    // The survey export's time format: local time of the campaign, which Excel reads as a date.
    { key: "received", label: w.received, cell: (c) => localTime(c.receivedAt, campaign.timezone) },
    { key: "status", label: w.status, cell: (c) => w[c.status] },
    { key: "reason", label: w.reason, cell: (c) => c.reason ?? null },
    { key: "moderated", label: w.moderated, cell: (c) => (c.moderatedAt ? localTime(c.moderatedAt, campaign.timezone) : null) },
    { key: "category", label: w.category, cell: (c) => map.categories.find((k) => k.id === c.category)?.label[locale] ?? c.category },
    { key: "comment", label: w.comment, cell: (c) => c.comment },
    { key: "lng", label: w.lng, cell: (c) => c.point?.[0] ?? null },
    { key: "lat", label: w.lat, cell: (c) => c.point?.[1] ?? null },
    { key: "place", label: w.place, cell: (c) => (c.place ? (map.places.find((p) => p.id === c.place)?.label[locale] ?? c.place) : null) },
    { key: "description", label: w.description, cell: (c) => c.description ?? null },
    { key: "locale", label: w.language, cell: (c) => c.locale },
    { key: "channel", label: w.channel, cell: (c) => channelWord(c, w) },
    { key: "timing", label: w.timing, cell: (c) => timingWord(c, w) },
  ];
}

export function serializeContributions(campaign: CampaignModel, page: MapPageModel, contributions: StoredContribution[], options: { format: "geojson" | "csv" | "json"; delimiter?: string; locale?: Locale }): string {
  const locale = options.locale ?? campaign.locale;
  if (options.format === "geojson") {
    const features = contributions.map((c) => ({
      type: "Feature",
      id: c.id,
      geometry: c.point ? { type: "Point", coordinates: c.point } : null,
      properties: {
        id: c.id,
        category: c.category,
        comment: c.comment,
        place: c.place ?? null,
        description: c.description ?? null,
        status: c.status,
        reason: c.reason ?? null,
        moderatedAt: c.moderatedAt ?? null,
        receivedAt: c.receivedAt,
        locale: c.locale,
        channel: c.channel,
        verified: c.verified,
        timing: c.timing ?? null,
      },
    }));
    return JSON.stringify({ type: "FeatureCollection", name: `${campaign.slug}-${page.id}`, features }, null, 2) + "\n";
  }
  const cols = columns(campaign, page, locale);
  if (options.format === "json") {
    return JSON.stringify({ campaign: campaign.slug, page: page.id, locale, columns: cols.map(({ key, label }) => ({ key, label })), rows: contributions.map((c) => Object.fromEntries(cols.map((col) => [col.key, col.cell(c)]))) }, null, 2) + "\n";
  }
  // Numbers take a decimal comma only with ";" between columns (as this export always did).
  const format = csvFormat(locale, options.delimiter);
  return toCsv(
    contributions.map((c) => cols.map((col) => col.cell(c))),
    { header: cols.map((c) => c.label), delimiter: format.delimiter, decimal: format.delimiter === ";" ? "," : "." },
  );
}
