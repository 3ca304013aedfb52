// Spreadsheets from the kit: the editorial plan for German Excel (";" between columns, a byte order
// mark so umlauts arrive, CRLF line ends) and the scheduling tools' files in their own layouts
// (Buffer and Hootsuite read "," and no byte order mark). Written by src/csv.ts, as the collector's
// exports are: quoted where needed, formulas neutralised.
import { toCsv as writeCsv, type CsvCell } from "../../csv.js";

export type { CsvCell };

export interface CsvOptions {
  /** Column separator; Excel in a German locale splits on ";". */
  delimiter: "," | ";";
  /** Byte order mark: Excel needs it to read UTF-8; upload forms of scheduling tools may take it for part of the first column's name. */
  bom: boolean;
  /** A first row of column names (Hootsuite's bulk file has none). */
  header?: string[];
}

export function toCsv(rows: CsvCell[][], options: CsvOptions): string {
  return writeCsv(rows, options);
}
