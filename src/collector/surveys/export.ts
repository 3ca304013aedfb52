// Serializers: one flat row per response, one column per question (multiple choice: one column per
// option; ranking: each option's position), headers in the campaign's language. CSV that German
// Excel opens as it is: UTF-8 with BOM, ";" where the decimal separator is a comma, CRLF lines.
import type { CampaignModel, Locale, QuestionModel, SurveyPageModel } from "../../campaign/model.js";
import { csvFormat, toCsv } from "../../csv.js";
import { fieldName, type LocationAnswer, OTHER_VALUE } from "../../forms/fields.js";
import { responseExportWords } from "../../i18n/index.js";
import type { StoredResponse } from "../store/index.js";

export type Cell = string | number | null;
export interface ExportColumn {
  /** Stable key (like the form's field names): "nutzung__wochenmarkt", "_received". */
  key: string;
  /** Header in the campaign's language. */
  label: string;
  cell(response: StoredResponse): Cell;
}
export type ExportFormat = "csv" | "json";

type Words = ReturnType<typeof responseExportWords>;

export function exportColumns(campaign: CampaignModel, page: SurveyPageModel, locale: Locale = campaign.locale): ExportColumn[] {
  const w = responseExportWords(locale);
  const columns: ExportColumn[] = [
    { key: "_id", label: w.id, cell: (r) => r.id },
    { key: "_received", label: w.received, cell: (r) => localTime(r.receivedAt, campaign.timezone) },
    { key: "_locale", label: w.language, cell: (r) => r.locale },
    { key: "_channel", label: w.channel, cell: (r) => (r.channel === "script" ? w.script : w.form) },
    { key: "_verified", label: w.verified, cell: (r) => (r.verified ? w.yes : w.no) },
  ];
  for (const question of page.questions) columns.push(...questionColumns(question, locale, w));
  return columns;
}

function questionColumns(q: QuestionModel, locale: Locale, w: Words): ExportColumn[] {
  const label = plain(q.label[locale] ?? q.id);
  const answer = (r: StoredResponse) => r.answers[q.id];
  const optionLabel = (value: unknown) =>
    value === OTHER_VALUE ? w.other : (("options" in q ? q.options.find((o) => o.value === value)?.label[locale] : undefined) ?? String(value));
  const otherText: ExportColumn[] =
    "other" in q && q.other ? [{ key: fieldName(q.id, "other"), label: `${label}: ${w.otherText}`, cell: (r) => text(r.answers[fieldName(q.id, "other")]) }] : [];
  switch (q.type) {
    case "single":
    case "select":
      return [{ key: q.id, label, cell: (r) => (answer(r) === undefined ? null : optionLabel(answer(r))) }, ...otherText];
    case "multiple": {
      const values = [...q.options.map((o) => o.value), ...(q.other ? [OTHER_VALUE] : [])];
      // 1 chosen, 0 not chosen, empty: the question was not answered (or not shown).
      const perOption = values.map((value) => ({
        key: fieldName(q.id, value),
        label: `${label}: ${plain(optionLabel(value))}`,
        cell: (r: StoredResponse): Cell => {
          const chosen = answer(r);
          return Array.isArray(chosen) ? (chosen.includes(value) ? 1 : 0) : null;
        },
      }));
      return [...perOption, ...otherText];
    }
    case "ranking":
      return q.options.map((o) => ({
        key: fieldName(q.id, o.value),
        label: `${label}: ${plain(o.label[locale] ?? o.value)} (${w.position})`,
        cell: (r: StoredResponse): Cell => {
          const order = answer(r);
          return Array.isArray(order) && order.includes(o.value) ? order.indexOf(o.value) + 1 : null;
        },
      }));
    case "location": {
      const part = (r: StoredResponse) => (answer(r) ?? {}) as LocationAnswer;
      const placeLabel = (id: string | undefined) => (id === undefined ? null : (q.map.places.find((p) => p.id === id)?.label[locale] ?? id));
      return [
        { key: fieldName(q.id, "lng"), label: `${label}: ${w.lng}`, cell: (r) => part(r).point?.[0] ?? null },
        { key: fieldName(q.id, "lat"), label: `${label}: ${w.lat}`, cell: (r) => part(r).point?.[1] ?? null },
        { key: fieldName(q.id, "place"), label: `${label}: ${w.place}`, cell: (r) => placeLabel(part(r).place) },
        { key: fieldName(q.id, "description"), label: `${label}: ${w.description}`, cell: (r) => text(part(r).description) },
      ];
    }
    case "consent":
      return [{ key: q.id, label, cell: (r) => (answer(r) === true ? w.yes : null) }];
    case "number":
    case "scale":
      return [{ key: q.id, label, cell: (r) => (typeof answer(r) === "number" ? (answer(r) as number) : null) }];
    default:
      return [{ key: q.id, label, cell: (r) => text(answer(r)) }];
  }
}

export interface SerializeOptions {
  format: ExportFormat;
  /** CSV only; default ";" for locales that write decimals with a comma (as Excel does), else ",". */
  delimiter?: string;
  locale?: Locale;
}

export function serializeResponses(campaign: CampaignModel, page: SurveyPageModel, responses: StoredResponse[], options: SerializeOptions): string {
  const locale = options.locale ?? campaign.locale;
  const columns = exportColumns(campaign, page, locale);
  if (options.format === "json") {
    const rows = responses.map((r) => Object.fromEntries(columns.map((c) => [c.key, c.cell(r)])));
    return JSON.stringify({ campaign: campaign.slug, page: page.id, locale, columns: columns.map(({ key, label }) => ({ key, label })), rows }, null, 2) + "\n";
  }
  return toCsv(
    responses.map((r) => columns.map((c) => c.cell(r))),
    { header: columns.map((c) => c.label), ...csvFormat(locale, options.delimiter) },
  );
}

// In src/csv.ts since reach's CSV writes by the same habit; exported here as before.
export { csvFormat } from "../../csv.js";

/** "2027-03-15T11:00:00.000Z" → "2027-03-15 12:00:00" in the campaign's time zone: Excel reads it as a date. */
function localTime(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}:${get("second")}`;
}

function text(value: unknown): Cell {
  return typeof value === "string" ? value : value === undefined || value === null ? null : JSON.stringify(value);
}

function plain(markdownText: string): string {
  return markdownText.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/\s+/g, " ").trim();
}

export function exportFileName(campaign: CampaignModel, page: SurveyPageModel, format: ExportFormat, date = new Date()): string {
  return `${campaign.slug}-${page.id}-${date.toISOString().slice(0, 10)}.${format}`;
}
