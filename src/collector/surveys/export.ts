// Serializers: one flat row per response, one column per question (multiple choice: one column per
// option; ranking: each option's position), headers in the campaign's language. CSV that German
// Excel opens as it is: UTF-8 with BOM, ";" where the decimal separator is a comma, CRLF lines.
import type { CampaignModel, Locale, QuestionModel, SurveyPageModel } from "../../campaign/model.js";
import { csvFormat, csvWriter } from "../../csv.js";
import { fieldName, type LocationAnswer, OTHER_VALUE } from "../../forms/fields.js";
import { responseExportWords } from "../../i18n/index.js";
import type { StoredResponse, SubmissionTiming } from "../store/index.js";

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

/**
 * The columns of one question (or one fact of the response) and how a response fills them: the
 * answer is looked up once per question and row, not once per column (a multiple-choice question
 * has a column per option), which counts when a million rows are written.
 */
interface ColumnGroup {
  columns: { key: string; label: string }[];
  /** What the cells are made of: a fact of the response, or (with `answer`) the answer stored under that key. */
  input(response: StoredResponse): unknown;
  answer?: string;
  /** Appends this group's cells, made of `input`, to `row`. */
  add(row: Cell[], input: unknown): void;
  /**
   * What the group's text is remembered by (an option, a number, the set of choices as bits), or
   * FORGET where the input is rarely the same twice (an id, a time, free text, a point). Default:
   * a plain value is its own key.
   */
  key?(input: unknown): unknown;
}

/** A key that says: make this text anew, do not remember it. */
const FORGET = Symbol("forget");
/** Free text, an id, a time, a point: only "not answered" repeats. */
const varied = (input: unknown) => (input === undefined || input === null ? input : FORGET);
const plainKey = (input: unknown) => (input !== null && typeof input === "object" ? FORGET : input);

function columnGroups(campaign: CampaignModel, page: SurveyPageModel, locale: Locale): ColumnGroup[] {
  const w = responseExportWords(locale);
  const fact = (key: string, label: string, input: ColumnGroup["input"], remember = plainKey): ColumnGroup => ({ columns: [{ key, label }], input, add: (row, value) => row.push(value as Cell), key: remember });
  const facts = [
    fact("_id", w.id, (r) => r.id, varied),
    fact("_received", w.received, (r) => localTime(r.receivedAt, campaign.timezone), varied),
    fact("_locale", w.language, (r) => r.locale),
    fact("_channel", w.channel, (r) => channelWord(r, w)),
    fact("_timing", w.timing, (r) => timingWord(r, w)),
  ];
  return [...facts, ...page.questions.flatMap((q) => questionGroups(q, locale, w))];
}

/** Every column of the export, each with its own way to read a response (for tests and scripts; the export reads by group). */
export function exportColumns(campaign: CampaignModel, page: SurveyPageModel, locale: Locale = campaign.locale): ExportColumn[] {
  return columnGroups(campaign, page, locale).flatMap((group) =>
    group.columns.map((column, i) => ({
      ...column,
      cell: (r: StoredResponse) => {
        const row: Cell[] = [];
        group.add(row, group.input(r));
        return row[i]!;
      },
    })),
  );
}

function questionGroups(q: QuestionModel, locale: Locale, w: Words): ColumnGroup[] {
  const label = plain(q.label[locale] ?? q.id);
  const labels = new Map<unknown, string>("options" in q ? q.options.map((o) => [o.value, o.label[locale] ?? o.value]) : []);
  labels.set(OTHER_VALUE, w.other);
  const optionLabel = (value: unknown) => labels.get(value) ?? String(value);
  const group = (columns: ColumnGroup["columns"], add: ColumnGroup["add"], key = plainKey): ColumnGroup => ({ columns, input: (r) => r.answers[q.id], answer: q.id, add, key });
  const otherKey = fieldName(q.id, "other");
  const otherText: ColumnGroup[] =
    "other" in q && q.other ? [{ columns: [{ key: otherKey, label: `${label}: ${w.otherText}` }], input: (r) => r.answers[otherKey], answer: otherKey, add: (row, answer) => row.push(text(answer)), key: varied }] : [];
  switch (q.type) {
    case "single":
    case "select":
      return [group([{ key: q.id, label }], (row, answer) => row.push(answer === undefined ? null : optionLabel(answer))), ...otherText];
    case "multiple": {
      const values = [...q.options.map((o) => o.value), ...(q.other ? [OTHER_VALUE] : [])];
      // 1 chosen, 0 not chosen, empty: the question was not answered (or not shown).
      const columns = values.map((value) => ({ key: fieldName(q.id, value), label: `${label}: ${plain(optionLabel(value))}` }));
      // The cells depend only on which options are in the list: one bit each.
      const bits = new Map(values.map((value, i) => [value, 2 ** i]));
      const chosenBits = (chosen: unknown) => {
        if (!Array.isArray(chosen)) return -1;
        if (values.length > 30) return FORGET;
        let set = 0;
        for (const value of chosen) set |= bits.get(value) ?? 0;
        return set;
      };
      return [
        group(
          columns,
          (row, chosen) => {
            for (const value of values) row.push(Array.isArray(chosen) ? (chosen.includes(value) ? 1 : 0) : null);
          },
          chosenBits,
        ),
        ...otherText,
      ];
    }
    case "ranking": {
      const columns = q.options.map((o) => ({ key: fieldName(q.id, o.value), label: `${label}: ${plain(o.label[locale] ?? o.value)} (${w.position})` }));
      // The cells are each option's place: a digit of 4 bits each (0: not placed).
      const places = (order: unknown) => {
        if (!Array.isArray(order)) return -1;
        if (q.options.length > 13 || order.length > 15) return FORGET;
        let key = 0;
        for (const o of q.options) key = key * 16 + order.indexOf(o.value) + 1;
        return key;
      };
      return [
        group(
          columns,
          (row, order) => {
            for (const o of q.options) row.push(Array.isArray(order) && order.includes(o.value) ? order.indexOf(o.value) + 1 : null);
          },
          places,
        ),
      ];
    }
    case "location": {
      const places = new Map(q.map.places.map((p) => [p.id, p.label[locale] ?? p.id]));
      const columns = [
        { key: fieldName(q.id, "lng"), label: `${label}: ${w.lng}` },
        { key: fieldName(q.id, "lat"), label: `${label}: ${w.lat}` },
        { key: fieldName(q.id, "place"), label: `${label}: ${w.place}` },
        { key: fieldName(q.id, "description"), label: `${label}: ${w.description}` },
      ];
      return [
        group(
          columns,
          (row, answer) => {
            const part = (answer ?? {}) as LocationAnswer;
            row.push(part.point?.[0] ?? null, part.point?.[1] ?? null, part.place === undefined ? null : (places.get(part.place) ?? part.place), text(part.description));
          },
          varied,
        ),
      ];
    }
    case "consent":
      return [group([{ key: q.id, label }], (row, answer) => row.push(answer === true ? w.yes : null))];
    case "number":
    case "scale":
      return [group([{ key: q.id, label }], (row, answer) => row.push(typeof answer === "number" ? answer : null))];
    case "text":
    case "textarea":
    case "email":
      return [group([{ key: q.id, label }], (row, answer) => row.push(text(answer)), varied)];
    default:
      return [group([{ key: q.id, label }], (row, answer) => row.push(text(answer)))];
  }
}

export interface SerializeOptions {
  format: ExportFormat;
  /** CSV only; default ";" for locales that write decimals with a comma (as Excel does), else ",". */
  delimiter?: string;
  locale?: Locale;
}

/** The whole export of `responses` as one text: for tests and scripts with the responses at hand. */
export function serializeResponses(campaign: CampaignModel, page: SurveyPageModel, responses: StoredResponse[], options: SerializeOptions): string {
  const text = exportText(campaign, page, options);
  const out = new Utf8Builder();
  out.write(text.head);
  for (const r of responses) text.row(r, out);
  out.write(text.tail);
  return out.take().toString("utf8");
}

/**
 * The same export streamed: responses arrive a batch at a time from the store's cursor and leave as
 * UTF-8 chunks of about 64 KB, so a million responses take no more memory than ten
 * (docs/adr/021-results-and-open-data.md).
 */
export async function* streamResponseExport(campaign: CampaignModel, page: SurveyPageModel, batches: AsyncIterable<StoredResponse[]>, options: SerializeOptions): AsyncGenerator<Buffer> {
  const text = exportText(campaign, page, options);
  const out = new Utf8Builder();
  out.write(text.head);
  for await (const batch of batches) {
    for (const r of batch) {
      text.row(r, out);
      if (out.length >= CHUNK_BYTES) {
        yield out.take();
        await ioTurn();
      }
    }
  }
  out.write(text.tail);
  yield out.take();
}

/**
 * Waits for one turn of the event loop. A store that reads synchronously (SQLite) and a consumer
 * that takes each chunk at once keep the export in promise callbacks, which run before any I/O
 * callback: the file's or socket's writes then complete only when its buffer is full and the
 * export stops, and the export waits for the whole buffer to be written, one megabyte at a time.
 * A turn per chunk (≈ 60 rows) lets writes finish while the next rows are made.
 */
function ioTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Chunks small enough to be allocated from the ordinary heap: text of half a megabyte went to V8's
 * large-object space and to mmap, and a million rows' export spent seconds in the kernel.
 */
const CHUNK_BYTES = 64 * 1024;

/**
 * How an export's text is made: its head, each response's row written into `out`, its tail. Each
 * column group's text is remembered per input (an option's label, "1", "0", empty): most of a row
 * is then a dozen pieces already written, instead of fifty cells to quote and join, and the row is
 * encoded into the chunk at once, without a string of the whole chunk in between.
 */
function exportText(campaign: CampaignModel, page: SurveyPageModel, options: SerializeOptions) {
  const locale = options.locale ?? campaign.locale;
  const groups = columnGroups(campaign, page, locale);
  const columns = groups.flatMap((g) => g.columns);
  let cellText: (cell: Cell, column: number) => string;
  let head: string;
  let rowStart: string, rowEnd: string, between: string, tail: string;
  if (options.format === "json") {
    const names = columns.map((c, i) => `${i === 0 ? "" : ","}${JSON.stringify(c.key)}:`);
    cellText = (cell, column) => names[column] + jsonValue(cell);
    head = jsonHead({ campaign: campaign.slug, page: page.id, locale, columns });
    [rowStart, rowEnd, between, tail] = ["{", "}", ",\n", JSON_TAIL];
  } else {
    const format = { header: columns.map((c) => c.label), ...csvFormat(locale, options.delimiter) };
    const csv = csvWriter(format);
    cellText = (cell, column) => (column === 0 ? "" : format.delimiter) + csv.field(cell);
    head = csv.head;
    [rowStart, rowEnd, between, tail] = ["", "\r\n", "", ""];
  }
  let first = 0;
  const pieces = groups.map((group) => {
    const from = first;
    first += group.columns.length;
    const made = (input: unknown) => {
      const cells: Cell[] = [];
      group.add(cells, input);
      let text = "";
      for (let i = 0; i < cells.length; i++) text += cellText(cells[i]!, from + i);
      return text;
    };
    return { input: group.input, made, key: group.key ?? plainKey, remembered: new Map<unknown, Buffer>() };
  });
  // Where each answer goes: the answers are walked once per row instead of each group asking for
  // its own (answers differ in their keys from row to row, and a lookup by name then costs more
  // than the rest of the group's work).
  const slotOf = new Map(groups.flatMap((g, i) => (g.answer === undefined ? [] : [[g.answer, i] as const])));
  const inputs: unknown[] = groups.map(() => undefined);
  const fromAnswers = groups.map((g) => g.answer !== undefined);
  const firstStart = rowStart;
  const nextStart = between + rowStart;
  let rows = 0;
  return {
    head,
    tail,
    /** Writes the row of `r`, after the separator from the row before (JSON's ",\n"). */
    row(r: StoredResponse, out: Utf8Builder) {
      const answers = r.answers;
      for (const key in answers) {
        const slot = slotOf.get(key);
        if (slot !== undefined) inputs[slot] = answers[key];
      }
      // Remembered pieces are copied as bytes; text made anew waits in `text`, so that neighbouring
      // pieces of free text are encoded together.
      let text = rows++ === 0 ? firstStart : nextStart;
      for (let i = 0; i < pieces.length; i++) {
        const piece = pieces[i]!;
        let input: unknown;
        if (fromAnswers[i]) {
          input = inputs[i];
          inputs[i] = undefined;
        } else input = piece.input(r);
        const key = piece.key(input);
        let known = key === FORGET ? undefined : piece.remembered.get(key);
        if (known === undefined && key !== FORGET && piece.remembered.size < PIECES_PER_GROUP) piece.remembered.set(key, (known = Buffer.from(piece.made(input))));
        if (known === undefined) text += piece.made(input);
        else {
          if (text !== "") out.write(text);
          text = "";
          out.bytes(known);
        }
      }
      out.write(text + rowEnd);
    },
  };
}

/** Texts remembered per column group: a few thousand (a ranking of seven options has 13,700 orders and part-orders). */
const PIECES_PER_GROUP = 4096;

/** Text encoded as UTF-8 into one buffer as it is written, taken out a chunk at a time. */
class Utf8Builder {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES * 2);
  length = 0;

  write(text: string): void {
    this.room(text.length * 3);
    this.length += this.buffer.write(text, this.length);
  }

  bytes(piece: Uint8Array): void {
    this.room(piece.length);
    this.buffer.set(piece, this.length);
    this.length += piece.length;
  }

  /** The text so far, as a buffer of its own; the builder starts again empty. */
  take(): Buffer {
    const taken = Buffer.from(this.buffer.subarray(0, this.length));
    this.length = 0;
    return taken;
  }

  private room(needed: number): void {
    if (this.length + needed <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + needed));
    this.buffer.copy(larger, 0, 0, this.length);
    this.buffer = larger;
  }
}
/**
 * One record as a JSON object with a member per key, in the keys' order, from its `cells`: the text
 * of JSON.stringify(Object.fromEntries(…)) (the keys are unique), without building the object first.
 */
export function jsonObject<T>(keys: string[], cells: (record: T) => Cell[]): (record: T) => string {
  const names = keys.map((key, i) => `${i === 0 ? "" : ","}${JSON.stringify(key)}:`);
  // Most columns hold few distinct values (an option's label, 1, 0, null): their members are
  // written once and reused. A column that turns out to hold free text stops being remembered.
  const members: (Map<Cell, string> | undefined)[] = keys.map(() => new Map());
  return (record) => {
    const values = cells(record);
    let text = "{";
    for (let i = 0; i < names.length; i++) {
      const value = values[i]!;
      const known = members[i];
      let member = known?.get(value);
      if (member === undefined) {
        member = names[i] + jsonValue(value);
        if (known && known.size < 64) known.set(value, member);
        else members[i] = undefined;
      }
      text += member;
    }
    return text + "}";
  };
}

function jsonValue(cell: Cell): string {
  if (cell === null) return "null";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "null";
  // Ids, times and most answers need no escape: quoted as they are, at half JSON.stringify's cost.
  return NOTHING_TO_ESCAPE.test(cell) ? `"${cell}"` : JSON.stringify(cell);
}

/** Text JSON.stringify would only put in quotes: no quote, backslash, control character or surrogate (emoji and lone halves take the long way). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const NOTHING_TO_ESCAPE = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/**
 * JSON exports: `{ …meta, "rows": [` one row per line `]}`, written so that it can be streamed; any
 * JSON reader gets the same object as before.
 */
export function jsonHead(meta: Record<string, unknown>, listKey = "rows"): string {
  return JSON.stringify(meta).slice(0, -1) + `,${JSON.stringify(listKey)}:[\n`;
}
export const JSON_TAIL = "\n]}\n";

/** head, the records as JSON separated by commas, tail: a JSON document as one chunk per batch. */
export function jsonChunks<T>(head: string, batches: AsyncIterable<T[]>, row: (record: T) => string, tail = JSON_TAIL): AsyncIterable<Buffer> {
  let first = true;
  return textChunks(
    head,
    batches,
    (batch) => {
      const text = (first ? "" : ",\n") + batch.map(row).join(",\n");
      first = false;
      return text;
    },
    tail,
  );
}

/**
 * How many records make one chunk of text: tens of kilobytes, which die young in V8's nursery. A
 * chunk above half a megabyte goes straight to the large-object space, freed only by a full
 * collection, and a million rows' export grew its memory with them.
 */
const CHUNK_RECORDS = 200;

/**
 * `head` with the first records' text, each further chunk's text, then `tail`, as UTF-8; none empty.
 * Encoded at once: a chunk's text is a rope of thousands of small strings until it is written, and
 * waiting for the file or the network it would outlive two young-generation collections and be
 * copied into the old generation, which a million rows then grew by hundreds of megabytes.
 */
export async function* textChunks<T>(head: string, batches: AsyncIterable<T[]>, text: (records: T[]) => string, tail = ""): AsyncGenerator<Buffer> {
  let pending = head;
  for await (const batch of batches) {
    for (let i = 0; i < batch.length; i += CHUNK_RECORDS) {
      yield Buffer.from(pending + text(batch.length <= CHUNK_RECORDS ? batch : batch.slice(i, i + CHUNK_RECORDS)));
      pending = "";
      await ioTurn();
    }
  }
  if (pending + tail) yield Buffer.from(pending + tail);
}

// In src/csv.ts since reach's CSV writes by the same habit; exported here as before.
export { csvFormat } from "../../csv.js";

/** How it came, in the words both exports use. */
export function channelWord(submission: { channel: "script" | "form" }, w: { script: string; form: string }): string {
  return submission.channel === "script" ? w.script : w.form;
}

/**
 * The time check in words (docs/adr/019-trust.md): "bestanden", "ohne JavaScript", "nicht prüfbar",
 * "Formular älter als 24 Stunden", "Formular schon einmal benutzt". Rows stored before the check was
 * kept have only `verified`: passed, or for a plain form without JavaScript, else not verifiable.
 */
export function timingWord(submission: Pick<StoredResponse, "timing" | "verified" | "channel">, w: Record<`timing.${SubmissionTiming}`, string>): string {
  const timing: SubmissionTiming = submission.timing ?? (submission.verified ? "valid" : submission.channel === "form" ? "missing" : "invalid");
  return w[`timing.${timing}`];
}

/** "2027-03-15T11:00:00.000Z" → "2027-03-15 12:00:00" in the campaign's time zone: Excel reads it as a date. */
export function localTime(instant: string, timeZone: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  const second = Math.floor(ms / 1000) * 1000;
  const local = second + zoneOffset(second, timeZone);
  // Written out by hand: a million rows' Date objects and ISO strings cost more than the rest of their time column.
  const day = Math.floor(local / 86_400_000);
  const seconds = (local - day * 86_400_000) / 1000;
  return `${dayText(day)} ${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}`;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, "0"));
let lastDay = { day: NaN, text: "" };
/** "2027-03-15" for days since 1970; rows in order of arrival ask for the same day many times in a row. */
function dayText(day: number): string {
  if (lastDay.day !== day) lastDay = { day, text: new Date(day * 86_400_000).toISOString().slice(0, 10) };
  return lastDay.text;
}

/**
 * The zone's offset in ms at `instant`. Every zone's offset is a multiple of 15 minutes and changes
 * only on a quarter hour, and never twice in a day: when a UTC day's first and last quarter hour
 * have the same offset, the whole day has it, and is looked up once. A day with a change (two a
 * year) is looked up per quarter hour. The rows of an export come in order of arrival, so nearly
 * every row finds its day already known.
 */
function zoneOffset(instant: number, timeZone: string): number {
  const day = Math.floor(instant / 86_400_000);
  if (day === lastDayOfZone && timeZone === lastZone && lastDayOffset !== undefined) return lastDayOffset;
  if (day !== lastDayOfZone || timeZone !== lastZone) {
    const start = day * 86_400_000;
    const first = quarterOffset(start, timeZone);
    lastDayOffset = first === quarterOffset(start + 86_400_000 - 900_000, timeZone) ? first : undefined;
    lastDayOfZone = day;
    lastZone = timeZone;
    if (lastDayOffset !== undefined) return lastDayOffset;
  }
  return quarterOffset(instant, timeZone);
}

let lastDayOfZone = NaN;
let lastZone = "";
/** The offset of the whole of `lastDayOfZone`, or undefined on a day the offset changes. */
let lastDayOffset: number | undefined;

/** The zone's offset in the quarter hour of `instant`, remembered per quarter hour. */
function quarterOffset(instant: number, timeZone: string): number {
  const quarter = Math.floor(instant / 900_000);
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  let offset = zone.get(quarter);
  if (offset === undefined) {
    // The wall clock shows whole seconds: the offset is taken against the instant's whole second.
    const second = Math.floor(instant / 1000) * 1000;
    const parts = wallClock(timeZone).formatToParts(second);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    offset = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - second;
    if (zone.size > 10_000) zone.clear();
    zone.set(quarter, offset);
  }
  return offset;
}

const offsets = new Map<string, Map<number, number>>();
// Making a DateTimeFormat costs a hundred times more than using one: once per time zone.
const wallClocks = new Map<string, Intl.DateTimeFormat>();
function wallClock(timeZone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    wallClocks.set(timeZone, format);
  }
  return format;
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
