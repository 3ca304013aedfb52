// What a results page should show, counted again from `mitreden export` (its JSON rows), and what
// the built page does show: per question the table's rows (label, count, share or average place) and
// the sentence saying how many answered. The results acceptance test compares the two, so every
// figure on the page is checked against the export, not against the aggregation that made it.
import type { CheerioAPI } from "cheerio";
import type { QuestionModel, SurveyPageModel } from "../../../src/campaign/model.js";
import { formatNumber } from "../../../src/i18n/format.js";

export type ExportRow = Record<string, string | number | null>;

export interface QuestionOnPage {
  /** "1.234 von 10.000 Personen haben diese Frage beantwortet." or "Niemand hat …". */
  answered: string;
  /** Median, mean … where the question has them; "" otherwise. */
  summary: string;
  /** Table rows: label → [count, third column] (share, or average place for a ranking). */
  rows: Map<string, [number, string]>;
}

const OTHER = "Sonstiges";
const percent = new Intl.NumberFormat("de-DE", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
const n = (value: number) => formatNumber(Math.round(value * 100) / 100, "de");
const month = new Intl.DateTimeFormat("de-DE", { month: "long", year: "numeric", timeZone: "UTC" });

/** The page's figures of one question of survey `source`; undefined when the page does not show it. */
export function questionOnPage($: CheerioAPI, source: string, id: string): QuestionOnPage | undefined {
  const section = $(`section[aria-labelledby="frage-${source}-${id}"]`);
  if (!section.length) return undefined;
  const sentence = section.children("p.kern-body").first().text().trim();
  const rows = new Map<string, [number, string]>();
  section.find("tbody tr").each((_, tr) => {
    const cells = $(tr).find("td").map((__, td) => $(td).text().trim()).get();
    rows.set($(tr).find("th").text().trim(), [Number(cells[0]), cells[1] ?? ""]);
  });
  const [answered = "", ...summary] = sentence.split(/(?<=beantwortet\.)\s+/);
  return { answered, summary: summary.join(" "), rows };
}

/**
 * The rows of the people a question was put to: all, or (showIf) those whose earlier answer, as the
 * export writes it, is one of the condition's values.
 */
export function putTo(q: QuestionModel, page: SurveyPageModel, rows: ExportRow[]): ExportRow[] {
  if (!q.showIf) return rows;
  const { question, values } = q.showIf;
  const earlier = page.questions.find((e) => e.id === question)!;
  if (earlier.type === "multiple") return rows.filter((r) => values.some((v) => r[`${question}__${String(v)}`] === 1));
  const written = values.map((v) => ("options" in earlier ? (earlier.options.find((o) => o.value === v)?.label.de ?? v) : v));
  return rows.filter((r) => written.includes(r[question] as never));
}

/** The same figures counted from the export's rows (labels as the export writes them: the German labels). */
export function questionFromExport(q: QuestionModel, page: SurveyPageModel, all: ExportRow[]): QuestionOnPage {
  const rows = putTo(q, page, all);
  const label = (value: string) => (value === "__other" ? OTHER : (("options" in q ? q.options.find((o) => o.value === value)?.label.de : undefined) ?? value));
  const filled = (key: string) => rows.filter((r) => r[key] !== null && r[key] !== undefined);
  const table = new Map<string, [number, string]>();
  const share = (count: number, of: number) => percent.format(count / of);
  let answered = 0;
  let summary = "";
  switch (q.type) {
    case "single":
    case "select": {
      const given = filled(q.id);
      answered = given.length;
      const values = [...q.options.map((o) => o.value), ...("other" in q && q.other ? ["__other"] : [])];
      for (const value of values) {
        const count = given.filter((r) => r[q.id] === label(value)).length;
        table.set(label(value), [count, share(count, answered)]);
      }
      break;
    }
    case "multiple": {
      const values = [...q.options.map((o) => o.value), ...(q.other ? ["__other"] : [])];
      answered = filled(`${q.id}__${values[0]}`).length;
      for (const value of values) {
        const count = rows.filter((r) => r[`${q.id}__${value}`] === 1).length;
        table.set(label(value), [count, share(count, answered)]);
      }
      break;
    }
    case "scale": {
      const values = filled(q.id).map((r) => r[q.id] as number).sort((a, b) => a - b);
      answered = values.length;
      for (let step = q.min; step <= q.max; step++) {
        const count = values.filter((v) => v === step).length;
        // The ends as the form named them.
        const words = step === q.min ? q.minLabel?.de : step === q.max ? q.maxLabel?.de : undefined;
        table.set(words ? `${step} – ${words}` : String(step), [count, share(count, answered)]);
      }
      summary = `Mittelwert ${n(values.reduce((a, b) => a + b, 0) / answered)}, Median ${n(median(values))}`;
      break;
    }
    case "ranking": {
      answered = filled(`${q.id}__${q.options[0]!.value}`).length;
      for (const o of q.options) {
        const places = filled(`${q.id}__${o.value}`).map((r) => r[`${q.id}__${o.value}`] as number);
        table.set(label(o.value), [places.filter((p) => p === 1).length, n(places.reduce((a, b) => a + b, 0) / places.length)]);
      }
      break;
    }
    case "number": {
      const values = filled(q.id).map((r) => r[q.id] as number).sort((a, b) => a - b);
      answered = values.length;
      summary = `Kleinster Wert ${n(values[0]!)}, Median ${n(median(values))}, größter Wert ${n(values.at(-1)!)}`;
      // The bins are the aggregation's choice: the table is checked bin by bin in numbersInBins.
      break;
    }
    case "date": {
      const values = filled(q.id).map((r) => String(r[q.id]));
      answered = values.length;
      for (const ym of [...new Set(values.map((v) => v.slice(0, 7)))].sort()) {
        const count = values.filter((v) => v.startsWith(ym)).length;
        table.set(month.format(new Date(`${ym}-01T00:00:00Z`)), [count, share(count, answered)]);
      }
      break;
    }
    case "location": {
      const place = (r: ExportRow) => r[`${q.id}__place`];
      const point = (r: ExportRow) => r[`${q.id}__lng`] !== null;
      const described = (r: ExportRow) => r[`${q.id}__description`] !== null;
      answered = rows.filter((r) => place(r) !== null || point(r) || described(r)).length;
      for (const p of q.map.places) {
        const count = rows.filter((r) => place(r) === p.label.de).length;
        table.set(p.label.de ?? p.id, [count, share(count, answered)]);
      }
      // A place the campaign no longer lists counts under its id, as the export writes it.
      for (const other of new Set(rows.map(place).filter((v): v is string => typeof v === "string" && !q.map.places.some((p) => p.label.de === v)))) {
        const count = rows.filter((r) => place(r) === other).length;
        table.set(other, [count, share(count, answered)]);
      }
      const points = rows.filter((r) => place(r) === null && point(r)).length;
      const words = rows.filter((r) => place(r) === null && !point(r) && described(r)).length;
      table.set("Punkt auf der Karte", [points, share(points, answered)]);
      table.set("Nur beschrieben", [words, share(words, answered)]);
      break;
    }
    case "text":
    case "textarea":
      answered = rows.filter((r) => typeof r[q.id] === "string" && (r[q.id] as string).trim() !== "").length;
      summary = "Freitext-Antworten veröffentlichen wir nicht; wir haben sie gelesen und in die Auswertung einbezogen.";
      break;
    default:
      answered = filled(q.id).length;
  }
  return {
    answered: answered === 0 ? "Niemand hat diese Frage beantwortet." : `${formatNumber(answered, "de")} von ${formatNumber(rows.length, "de")} Personen haben diese Frage beantwortet.`,
    summary: answered === 0 ? "" : summary,
    rows: answered === 0 ? new Map() : table,
  };
}

/** A number question's table: each bin "a bis b" holds the export's values from a to b. */
export function numbersInBins(question: QuestionOnPage, id: string, rows: ExportRow[]): { label: string; shown: number; counted: number }[] {
  const values = rows.map((r) => r[id]).filter((v): v is number => typeof v === "number");
  return [...question.rows].map(([label, [shown]]) => {
    const [from, to] = label.split(" bis ").map((s) => Number(s.replace(/\./g, "").replace(",", "."))) as [number, number];
    return { label, shown, counted: values.filter((v) => v >= from && v <= to).length };
  });
}

function median(sorted: number[]): number {
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Every survey question the results page shows (not hidden, not e-mail or consent). */
export function shownQuestions(page: SurveyPageModel, hidden: string[]): QuestionModel[] {
  return page.questions.filter((q) => !hidden.includes(q.id) && q.type !== "email" && q.type !== "consent");
}
