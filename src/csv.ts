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

/**
 * Excel trims leading spaces and line breaks before it decides whether a cell is a formula, so
 * " =1+1" and "\n@SUM(…)" run too; csv-stringify's escape_formulas looks only at the first
 * character. Such text gets its ' here, before the cell is written.
 */
const FORMULA_AFTER_SPACE = /^\s+[=+\-@]/;

function neutralised(cell: CsvCell): CsvCell {
  return typeof cell === "string" && FORMULA_AFTER_SPACE.test(cell) ? `'${cell}` : cell;
}

/** Rows as CSV text; empty cells for null and undefined. */
export function toCsv(rows: CsvCell[][], options: CsvOptions = {}): string {
  const decimal = options.decimal ?? ".";
  const body = rows.map((row) => row.map(neutralised));
  return stringify(options.header ? [options.header, ...body] : body, {
    bom: options.bom ?? true,
    delimiter: options.delimiter ?? ",",
    record_delimiter: "windows",
    escape_formulas: true,
    // Line breaks and leading or trailing spaces survive a round trip through Excel only when quoted.
    quoted_match: /[\r\n]|^\s|\s$/,
    cast: { number: (n) => String(n).replace(".", decimal) },
  });
}

/**
 * The same CSV as toCsv, written as it is read: `rows` arrive one by one (from a database cursor)
 * and leave as text a few hundred at a time, so memory stays flat however many there are.
 */
export async function* csvChunks(rows: AsyncIterable<CsvCell[]>, options: CsvOptions = {}, batchSize = 500): AsyncGenerator<string> {
  let batch: CsvCell[][] = [];
  let first = true;
  const flush = () => {
    // The byte order mark and the header start the first chunk only.
    const text = toCsv(batch, first ? options : { ...options, header: undefined, bom: false });
    first = false;
    batch = [];
    return text;
  };
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= batchSize) yield flush();
  }
  if (batch.length > 0 || first) yield flush();
}

/** Excel's habit: ";" between columns where the language writes decimals with a comma ("2,5"), else ",". */
export function csvFormat(locale: string, delimiter?: string): { delimiter: string; decimal: string } {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
  return { delimiter: delimiter ?? (decimal === "," ? ";" : ","), decimal };
}
