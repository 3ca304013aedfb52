// What the results page shows of its open data: the downloads per source with format and size, the
// licence, the metadata file, and the JSON-LD for <head> (templates/pages/results.njk, results.head.njk).
import { licenceOf } from "../../campaign/licences.js";
import type { CampaignModel, Locale, ResultsPageModel } from "../../campaign/model.js";
import { intlLocale, message } from "../../i18n/index.js";
import { asJsonBlock } from "../map-config.js";
import { DCAT_FILE, openDataOf, type OpenDataFile } from "./files.js";

export interface DownloadLink {
  href: string;
  label: string;
  /** "CSV, 3,2 kB". */
  meta: string;
}

export interface OpenDataView {
  licence: { name: string; url: string };
  groups: { title: string; links: DownloadLink[] }[];
  metadata: DownloadLink;
  /** The DCAT-AP.de dataset, ready for <script type="application/ld+json">. */
  jsonLd: string;
}

export function openDataView(campaign: CampaignModel, page: ResultsPageModel, locale: Locale, ui: Locale, now: string): OpenDataView | undefined {
  const data = openDataOf(campaign, page, now);
  if (!data || data.files.length === 0) return undefined;
  const licence = licenceOf(page.licence)!;
  const size = sizeFormat(ui);
  const link = (name: string, label: string, format: string, bytes: number): DownloadLink => ({ href: data.folder + name, label, meta: message(ui, "openData.size", { format, size: size(bytes) }) });
  const sources = [...new Set(data.files.map((f) => f.source))];
  const groups = sources.map((id) => ({
    title: campaign.pages.find((p) => p.id === id)?.title[locale] ?? id,
    links: data.files.filter((f) => f.source === id).map((f) => link(f.name, labelOf(f, ui), f.format, f.body.byteLength)),
  }));
  const dcat = Buffer.byteLength(dcatText(data.dcat));
  return {
    licence: { name: licence.name, url: licence.url },
    groups,
    metadata: link(DCAT_FILE, message(ui, "openData.metadata"), "JSON-LD", dcat),
    jsonLd: asJsonBlock(data.dcat),
  };
}

/** dcat.jsonld as written (write.ts), so that the page states its size truly. */
export function dcatText(dcat: Record<string, unknown>): string {
  return `${JSON.stringify(dcat, null, 2)}\n`;
}

function labelOf(file: OpenDataFile, ui: Locale): string {
  switch (file.kind) {
    case "dictionary":
      return message(ui, "openData.kind.dictionary", { table: message(ui, `openData.table.${file.table ?? "aggregates"}`) });
    case "json":
      return message(ui, "openData.kind.aggregates");
    case "geojson":
      return message(ui, "openData.kind.contributions");
    default:
      return message(ui, `openData.kind.${file.kind}`);
  }
}

/** "820 Byte", "3,2 kB", "1,4 MB" in the interface's language. */
function sizeFormat(ui: Locale): (bytes: number) => string {
  const locale = intlLocale(ui);
  return (bytes) => {
    const [unit, value] = bytes < 1000 ? (["byte", bytes] as const) : bytes < 1_000_000 ? (["kilobyte", bytes / 1000] as const) : (["megabyte", bytes / 1_000_000] as const);
    return new Intl.NumberFormat(locale, { style: "unit", unit, maximumFractionDigits: 1 }).format(value);
  };
}
