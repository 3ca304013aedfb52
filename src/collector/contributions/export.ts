// Everything submitted to a map, with its moderation state, for staff and GIS: GeoJSON (points as
// geometry, everything else as properties; null geometry for a place described only in words),
// CSV (as the survey export: BOM, ";" where decimals take a comma, formula-safe) or JSON rows.
import type { CampaignModel, Locale, MapPageModel } from "../../campaign/model.js";
import { type CsvOptions, csvWriter, toCsv } from "../../csv.js";
import { contributionExportWords } from "../../i18n/index.js";
import type { StoredContribution } from "../store/index.js";
import { channelWord, csvFormat, JSON_TAIL, jsonChunks, jsonHead, jsonObject, localTime, textChunks, timingWord } from "../surveys/export.js";

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

export interface ContributionExportOptions {
  format: "geojson" | "csv" | "json";
  delimiter?: string;
  locale?: Locale;
}

/** The whole export of `contributions` as one text: for tests and scripts with them at hand. */
export function serializeContributions(campaign: CampaignModel, page: MapPageModel, contributions: StoredContribution[], options: ContributionExportOptions): string {
  const layout = contributionLayout(campaign, page, options);
  if (layout.kind === "csv") return toCsv(contributions.map(layout.cells), layout.csv);
  return layout.head + contributions.map(layout.row).join(",\n") + JSON_TAIL;
}

/** The same export streamed from the store's cursor, in flat memory (see streamResponseExport). */
export function streamContributionExport(campaign: CampaignModel, page: MapPageModel, batches: AsyncIterable<StoredContribution[]>, options: ContributionExportOptions): AsyncIterable<Buffer> {
  const layout = contributionLayout(campaign, page, options);
  if (layout.kind === "json") return jsonChunks(layout.head, batches, layout.row);
  const writer = csvWriter(layout.csv);
  return textChunks(writer.head, batches, (batch) => writer.rows(batch.map(layout.cells)));
}

type Layout = { kind: "csv"; cells: (c: StoredContribution) => Cell[]; csv: CsvOptions } | { kind: "json"; head: string; row: (c: StoredContribution) => string };

function contributionLayout(campaign: CampaignModel, page: MapPageModel, options: ContributionExportOptions): Layout {
  const locale = options.locale ?? campaign.locale;
  if (options.format === "geojson") {
    return { kind: "json", head: jsonHead({ type: "FeatureCollection", name: `${campaign.slug}-${page.id}` }, "features"), row: (c) => JSON.stringify(feature(c)) };
  }
  const cols = columns(campaign, page, locale);
  if (options.format === "json") {
    return {
      kind: "json",
      head: jsonHead({ campaign: campaign.slug, page: page.id, locale, columns: cols.map(({ key, label }) => ({ key, label })) }),
      row: jsonObject(
        cols.map((col) => col.key),
        (c) => cols.map((col) => col.cell(c)),
      ),
    };
  }
  // Numbers take a decimal comma only with ";" between columns (as this export always did).
  const format = csvFormat(locale, options.delimiter);
  return { kind: "csv", cells: (c) => cols.map((col) => col.cell(c)), csv: { header: cols.map((c) => c.label), delimiter: format.delimiter, decimal: format.delimiter === ";" ? "," : "." } };
}

/** A contribution as a GeoJSON feature: the point as geometry (null for a place described only in words), the rest as properties. */
function feature(c: StoredContribution) {
  return {
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
  };
}
