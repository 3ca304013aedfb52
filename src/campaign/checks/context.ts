// What a semantic check sees: the merged campaign, where each value was written, and a way to
// report. Checks run even when the schema found errors (so authors see everything at once), so they
// read the data defensively: a field may have any JSON type.
import path from "node:path";
import type { Campaign } from "../campaign-types.js";
import type { SourcedCampaign } from "../load.js";
import type { SchemaUse } from "../schema.js";

export type At = "key" | "value";

export interface CheckContext {
  campaign: SourcedCampaign;
  data: Campaign;
  /** Default language. */
  locale: string;
  /** All languages, default first (as configured; [locale] when absent). */
  locales: string[];
  /** Every use of a named schema definition in the data (see schemaUses). */
  uses: SchemaUse[];
  /** The moment the campaign is checked for (build --now), for checks such as "already ended". */
  now: Date;
  error(pointer: string, message: string, at?: At): void;
  warning(pointer: string, message: string, at?: At): void;
  /** Line on which the value at `pointer` is written, for "first used on line 12". */
  lineOf(pointer: string): number;
  /** True when the value at `pointer` was written in site.json (shared by every campaign), not in campaign.json. */
  fromSite(pointer: string): boolean;
  /**
   * A file named at `pointer`, as written there, resolved against the folder of the file that names
   * it (campaign folder for campaign.json, campaigns folder for site.json). `root` is that folder:
   * files must stay inside it.
   */
  asset(pointer: string): { written: string; file: string; root: string } | undefined;
}

export type Check = (ctx: CheckContext) => void | Promise<void>;

export function createContext(
  campaign: SourcedCampaign,
  uses: SchemaUse[],
  report: (severity: "error" | "warning", pointer: string, message: string, at: At) => void,
  now: Date = new Date(),
): CheckContext {
  const data = campaign.data;
  const locale = typeof data.locale === "string" ? data.locale : "de";
  const locales = Array.isArray(data.locales) && data.locales.every((l) => typeof l === "string") ? [...data.locales] : [locale];
  return {
    campaign,
    data,
    locale,
    locales,
    uses,
    now,
    error: (pointer, message, at = "value") => report("error", pointer, message, at),
    warning: (pointer, message, at = "value") => report("warning", pointer, message, at),
    lineOf: (pointer) => campaign.sources.valueLocation(pointer).line,
    fromSite: (pointer) => campaign.sources.sources.length > 1 && campaign.sources.resolve(pointer).source !== campaign.sources.sources[0],
    asset(pointer) {
      const resolved = campaign.sources.resolve(pointer);
      if (!resolved.exact || resolved.node.type !== "String") return undefined;
      const root = path.dirname(resolved.source.path);
      return { written: resolved.node.value, file: path.resolve(root, resolved.node.value), root };
    },
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value as a record, or an empty one: lets checks read optional sections without guards. */
export function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asRecords(value: unknown): [Record<string, unknown>, number][] {
  return asArray(value).flatMap((item, i) => (isRecord(item) ? [[item, i] as [Record<string, unknown>, number]] : []));
}

/** The text of a LocalizedText per locale it is written in; a plain string is in the default locale. */
export function texts(value: unknown, defaultLocale: string): [string, string][] {
  if (typeof value === "string") return [[defaultLocale, value]];
  if (isRecord(value)) return Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string");
  return [];
}

/** Reports every repeat of an id after its first use, at the repeat. */
export function reportDuplicates(ctx: CheckContext, items: { id: unknown; pointer: string }[], what: string): void {
  const first = new Map<string, string>();
  for (const { id, pointer } of items) {
    if (typeof id !== "string") continue;
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, pointer);
    else ctx.error(pointer, `${what} "${id}" is already used on line ${ctx.lineOf(earlier)}; ${what}s must be unique`);
  }
}

/** The pages as records with their pointer. */
export function pages(ctx: CheckContext): [Record<string, unknown>, string][] {
  return asRecords(ctx.data.pages).map(([page, i]) => [page, `/pages/${i}`]);
}

/** The questions of every survey page, with their pointers. */
export function questions(ctx: CheckContext): { page: string; question: Record<string, unknown>; pointer: string; index: number }[] {
  return pages(ctx).flatMap(([page, pagePointer]) =>
    page.type === "survey"
      ? asRecords(page.questions).map(([question, index]) => ({ page: pagePointer, question, pointer: `${pagePointer}/questions/${index}`, index }))
      : [],
  );
}

/** Every map block: map pages and location questions. */
export function maps(ctx: CheckContext): [Record<string, unknown>, string, "page" | "question"][] {
  const found: [Record<string, unknown>, string, "page" | "question"][] = [];
  for (const [page, pointer] of pages(ctx)) {
    if (page.type === "map" && isRecord(page.map)) found.push([page.map, `${pointer}/map`, "page"]);
  }
  for (const { question, pointer } of questions(ctx)) {
    if (question.type === "location" && isRecord(question.map)) found.push([question.map, `${pointer}/map`, "question"]);
  }
  return found;
}

/** The stored values of a question's options, with their pointers. */
export function optionValues(question: Record<string, unknown>, pointer: string): { id: unknown; pointer: string }[] {
  return asArray(question.options).map((option, i) =>
    typeof option === "string" ? { id: option, pointer: `${pointer}/options/${i}` } : { id: isRecord(option) ? option.value : undefined, pointer: `${pointer}/options/${i}/value` },
  );
}
