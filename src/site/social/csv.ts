// The editorial calendar as a spreadsheet: one row per milestone and per post, platform and
// language, with the text to paste and its count. RFC 4180 (comma, CRLF, quoted fields) with a
// byte order mark, so Excel opens the umlauts right.

export type CsvRow = Record<string, string | number>;

export function toCsv(columns: string[], rows: CsvRow[]): string {
  const line = (values: (string | number)[]) => values.map(field).join(",");
  return "\uFEFF" + [line(columns), ...rows.map((row) => line(columns.map((c) => row[c] ?? "")))].join("\r\n") + "\r\n";
}

function field(value: string | number): string {
  const text = String(value);
  // A leading = + - @ would run as a formula in a spreadsheet: quote it and defuse it.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}
