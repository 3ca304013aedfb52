// CSV that spreadsheets open as it is, for the collector's exports and the social kit's plans:
// CRLF line ends, quoted where needed, and text that would run as a formula (= + - @, tab, CR: CSV
// injection) shown as text with a leading '. A byte order mark by default, without which Excel
// reads UTF-8 umlauts as "Ã¼" (some scheduling tools' upload forms want none).

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

/** Characters that make Excel run a cell as a formula (csv-stringify's escape_formulas list). */
const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"]);
/** Line breaks and leading or trailing spaces survive a round trip through Excel only when quoted. */
const QUOTE_FOR_EXCEL = /[\r\n]|^\s|\s$/;

/** Text that needs none of the care below: no quote, line break or delimiter, no space at either end, no formula start. */
const NEEDS_CARE = /["\r\n]|^[\s=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|\s$/;

/**
 * Rows as CSV text; empty cells for null and undefined. Written by hand, with exactly the output of
 * csv-stringify's `stringify` with the options this module used before (escape_formulas, quoted_match,
 * windows record delimiter, numbers cast with `decimal`; test/unit/csv-writer.test.ts compares the
 * two): exports of a million responses spent most of their time in csv-stringify's generic machinery.
 */
export function toCsv(rows: CsvCell[][], options: CsvOptions = {}): string {
  const writer = csvWriter(options);
  return writer.head + writer.rows(rows);
}

/**
 * The same CSV in parts, for text written as it is read (a database cursor, a batch at a time):
 * `head` (byte order mark and header) once, then `rows(batch)` for each batch; `field` is one cell's text.
 */
export function csvWriter(options: CsvOptions = {}): { head: string; rows(rows: CsvCell[][]): string; field(cell: CsvCell): string } {
  const decimal = options.decimal ?? ".";
  const delimiter = options.delimiter ?? ",";
  // Header cells are the software's own words: only the cells get the leading-space formula check.
  const field = (cell: CsvCell, header: boolean): string => {
    if (cell === null || cell === undefined || cell === "") return "";
    if (typeof cell === "number") {
      // A number has no quote, space or line break, and only "-" of the formula starts, which is kept.
      const value = decimal === "." ? String(cell) : String(cell).replace(".", decimal);
      return value.includes(delimiter) ? `"${value}"` : value;
    }
    if (!NEEDS_CARE.test(cell) && !cell.includes(delimiter)) return cell;
    let value = header ? cell : String(neutralised(cell));
    const hasQuote = value.includes('"');
    const quoted = hasQuote || value.includes(delimiter) || QUOTE_FOR_EXCEL.test(value);
    if (FORMULA_START.has(value[0]!)) value = `'${value}`;
    if (hasQuote) value = value.replaceAll('"', '""');
    return quoted ? `"${value}"` : value;
  };
  const record = (row: CsvCell[], header = false): string => {
    let line = "";
    for (let i = 0; i < row.length; i++) line += (i === 0 ? "" : delimiter) + field(row[i], header);
    return line + "\r\n";
  };
  return {
    field: (cell) => field(cell, false),
    head: (options.bom ?? true ? "\uFEFF" : "") + (options.header ? record(options.header, true) : ""),
    rows: (rows) => {
      let text = "";
      for (const row of rows) text += record(row);
      return text;
    },
  };
}

/** Excel's habit: ";" between columns where the language writes decimals with a comma ("2,5"), else ",". */
export function csvFormat(locale: string, delimiter?: string): { delimiter: string; decimal: string } {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
  return { delimiter: delimiter ?? (decimal === "," ? ";" : ","), decimal };
}
