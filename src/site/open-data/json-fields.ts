// What every field of a results file (the JSON download, format mitreden-results/1, types in
// src/campaign/results-file.ts) means, by its path: "questions[].counts" is the field `counts` of
// each element of `questions`. A field whose value is keyed by data (option values, months, place
// and category ids) is described as a whole. Where a field means what a CSV column means, it shares
// that column's text.
import type { MessageKey } from "../../i18n/index.js";

type Fields = readonly (readonly [path: string, text: MessageKey])[];

const COMMON: Fields = [
  ["format", "openData.field.format"],
  ["campaign", "openData.field.campaign"],
  ["page", "openData.column.source"],
  ["type", "openData.field.type"],
];

export const SURVEY_JSON_FIELDS: Fields = [
  ...COMMON,
  ["responses", "openData.field.responses"],
  ["questions", "openData.field.questions"],
  ["questions[].id", "openData.column.question_id"],
  ["questions[].type", "openData.column.question_type"],
  ["questions[].responses", "openData.column.responses"],
  ["questions[].answered", "openData.column.answered"],
  ["questions[].counts", "openData.field.counts"],
  ["questions[].median", "openData.column.median"],
  ["questions[].mean", "openData.column.mean"],
  ["questions[].positions", "openData.field.positions"],
  ["questions[].average", "openData.field.average"],
  ["questions[].min", "openData.column.min"],
  ["questions[].max", "openData.column.max"],
  ["questions[].integers", "openData.field.integers"],
  ["questions[].exact", "openData.field.exact"],
  ["questions[].bins", "openData.field.bins"],
  ["questions[].bins[].from", "openData.column.bin_from"],
  ["questions[].bins[].to", "openData.column.bin_to"],
  ["questions[].bins[].count", "openData.field.bins.count"],
  ["questions[].months", "openData.field.months"],
  ["questions[].places", "openData.field.places"],
  ["questions[].point", "openData.field.point"],
  ["questions[].description", "openData.field.descriptionCount"],
];

export const MAP_JSON_FIELDS: Fields = [
  ...COMMON,
  ["received", "openData.column.received"],
  ["approved", "openData.column.approved"],
  ["categories", "openData.field.categories"],
  ["items", "openData.field.items"],
  ["items[].id", "openData.column.id"],
  ["items[].category", "openData.column.category"],
  ["items[].comment", "openData.column.comment"],
  ["items[].status", "openData.column.status"],
  ["items[].answer", "openData.column.city_answer"],
  ["items[].point", "openData.field.itemPoint"],
  ["items[].place", "openData.column.place"],
  ["items[].description", "openData.column.description"],
];
