// src/csv.ts writes CSV by hand (exports of a million rows spent most of their time in csv-stringify);
// its output must stay byte for byte what csv-stringify wrote with the options used before, for any
// cells: formulas neutralised, quotes doubled, line breaks and edge spaces quoted, decimals localised.
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toCsv, type CsvCell } from "../../src/csv.js";

/** What toCsv wrote before: csv-stringify with these options (and the leading-space formula check). */
function before(rows: CsvCell[][], options: { header?: string[]; delimiter?: string; decimal?: string; bom?: boolean }): string {
  const decimal = options.decimal ?? ".";
  const neutralised = (cell: CsvCell) => (typeof cell === "string" && /^\s+[=+\-@]/.test(cell) ? `'${cell}` : cell);
  const body = rows.map((row) => row.map(neutralised));
  return stringify(options.header ? [options.header, ...body] : body, {
    bom: options.bom ?? true,
    delimiter: options.delimiter ?? ",",
    record_delimiter: "windows",
    escape_formulas: true,
    quoted_match: /[\r\n]|^\s|\s$/,
    cast: { number: (n) => String(n).replace(".", decimal) },
  });
}

const tricky = fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", " ", '"', ";", ",", "'", "＝", "a", "ä", "1", ".");
const cell: fc.Arbitrary<CsvCell> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(""),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -100_000, max: 100_000 }),
  fc.string(),
  fc.array(tricky, { maxLength: 6 }).map((parts) => parts.join("")),
);

describe("toCsv", () => {
  it("writes what csv-stringify wrote, for any cells, separators and decimals", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 5 }),
        fc.option(fc.array(fc.oneof(fc.string(), fc.array(tricky, { maxLength: 4 }).map((p) => p.join(""))), { minLength: 1, maxLength: 4 }), { nil: undefined }),
        fc.constantFrom(",", ";"),
        fc.constantFrom(".", ","),
        fc.boolean(),
        (rows, header, delimiter, decimal, bom) => {
          const options = { header, delimiter, decimal, bom };
          expect(toCsv(rows, options)).toBe(before(rows, options));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("neutralises formulas, also after spaces, and keeps negative numbers as numbers", () => {
    expect(toCsv([["=1+1", " @SUM(A1)", -5, "-5", 1.5, "a\nb"]], { delimiter: ";", decimal: ",", bom: false })).toBe(`'=1+1;' @SUM(A1);-5;'-5;1,5;"a\nb"\r\n`);
  });
});
