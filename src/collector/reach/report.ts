// The reach figures as rows: for the CSV download, for `mitreden reach`'s table, and (the same
// columns) for the desk's table. Numbers stay numbers in the CSV; the table writes them for people.
import type { Locale } from "../../campaign/model.js";
import { csvFormat, toCsv, type CsvCell } from "../../csv.js";
import { formatNumber } from "../../i18n/format.js";
import { message } from "../../i18n/index.js";
import type { ReachFigures, ReachLine } from "./figures.js";

export const REACH_COLUMNS = ["channel", "what", "clicks", "previews", "opened", "submitted", "conversion", "impressions", "reactions", "comments", "shares", "engagement"] as const;
export type ReachColumn = (typeof REACH_COLUMNS)[number];

export function columnNames(locale: Locale): string[] {
  return REACH_COLUMNS.map((c) => message(locale, `reach.column.${c}`));
}

/** One line's cells in REACH_COLUMNS order; ratios as fractions (0.125), absent figures empty. */
export function lineCells(line: ReachLine): CsvCell[] {
  const p = line.platform;
  return [line.channelName, line.what, line.clicks, line.previews, line.opened, line.submitted, round(line.conversion), p?.impressions, p?.reactions, p?.comments, p?.shares, round(p?.engagement)];
}

const round = (ratio: number | undefined) => (ratio === undefined ? undefined : Math.round(ratio * 10_000) / 10_000);

/** Every line: posts, QR codes, direct, no longer in the kit, then the totals per channel and the total. */
export function reachLines(figures: ReachFigures): ReachLine[] {
  const total: ReachLine = { source: "", content: "", medium: "direct", channelName: message(figures.locale, "reach.total"), what: "", ...figures.total };
  return [...figures.posts, ...figures.print, figures.direct, ...figures.other, ...figures.platforms.map((p) => ({ ...p, what: message(figures.locale, "reach.section.platforms") })), total];
}

/** The CSV download: headings in the campaign's language, Excel's separator for it. */
export function reachCsv(figures: ReachFigures, options: { delimiter?: string } = {}): string {
  return toCsv(reachLines(figures).map(lineCells), { header: columnNames(figures.locale), ...csvFormat(figures.locale, options.delimiter) });
}

/** A plain-text table for the terminal: the counting columns (the platform's own figures are in the CSV). */
export function reachTable(figures: ReachFigures): string {
  const shown = 7;
  const locale = figures.locale;
  const rows = reachLines(figures).map((line) =>
    lineCells(line)
      .slice(0, shown)
      .map((cell, i) => (cell === undefined || cell === null ? "–" : i === 6 ? percent(Number(cell), locale) : typeof cell === "number" ? formatNumber(cell, locale) : String(cell))),
  );
  const header = columnNames(locale).slice(0, shown);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (cells: string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ").trimEnd();
  return [format(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(format)].join("\n");
}

export function percent(ratio: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(ratio);
}
