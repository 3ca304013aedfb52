// Spreadsheets from the kit: the editorial plan for German Excel (";" between columns, a byte order
// mark so umlauts arrive, CRLF line ends) and the scheduling tools' files in their own layouts
// (Buffer and Hootsuite read "," and no byte order mark). csv-stringify quotes what needs it and
// neutralises text that a spreadsheet would run as a formula (= + - @ at the start: CSV injection).
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | undefined;

export interface CsvOptions {
  /** Column separator; Excel in a German locale splits on ";". */
  delimiter: "," | ";";
  /** Byte order mark: Excel needs it to read UTF-8; upload forms of scheduling tools may take it for part of the first column's name. */
  bom: boolean;
  /** A first row of column names (Hootsuite's bulk file has none). */
  header?: string[];
}

export function toCsv(rows: CsvCell[][], options: CsvOptions): string {
  return stringify(options.header ? [options.header, ...rows] : rows, {
    bom: options.bom,
    delimiter: options.delimiter,
    record_delimiter: "windows",
    escape_formulas: true,
    // Line breaks and leading or trailing spaces survive a round trip through Excel only when quoted.
    quoted_match: /[\r\n]|^\s|\s$/,
    cast: { number: (n) => String(n) },
  });
}
