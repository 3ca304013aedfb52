// CSV that spreadsheets open as it is, for the collector's exports and the social kit's plans:
// CRLF line ends, quoted where needed, and text that would run as a formula (= + - @, tab, CR: CSV
// injection) shown as text with a leading '. A byte order mark by default, without which Excel
// reads UTF-8 umlauts as "Ã¼" (some scheduling tools' upload forms want none).
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null | undefined;

export interface CsvOptions {
  /** A first row of column names. */
  header?: string[];
  /** Column separator (default ","); Excel in a decimal-comma locale expects ";". */
  delimiter?: string;
  /** How numbers write their decimals (default "."). */
  decimal?: string;
  /** Byte order mark (default true). */
  bom?: boolean;
}

/** Rows as CSV text; empty cells for null and undefined. */
export function toCsv(rows: CsvCell[][], options: CsvOptions = {}): string {
  const decimal = options.decimal ?? ".";
  return stringify(options.header ? [options.header, ...rows] : rows, {
    bom: options.bom ?? true,
    delimiter: options.delimiter ?? ",",
    record_delimiter: "windows",
    escape_formulas: true,
    // Line breaks and leading or trailing spaces survive a round trip through Excel only when quoted.
    quoted_match: /[\r\n]|^\s|\s$/,
    cast: { number: (n) => String(n).replace(".", decimal) },
  });
}

/** Excel's habit: ";" between columns where the language writes decimals with a comma ("2,5"), else ",". */
export function csvFormat(locale: string, delimiter?: string): { delimiter: string; decimal: string } {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
  return { delimiter: delimiter ?? (decimal === "," ? ";" : ","), decimal };
}
