/*
 * CSV for spreadsheets. Cells a spreadsheet would read as a formula
 * (=, +, -, @, and tab or carriage return, which some apps strip before
 * parsing) get a leading apostrophe, so a visitor's text can never run as a
 * formula on a staff computer. Quoting follows RFC 4180.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) =>
    cells.map((cell) => quoteCell(neutraliseCell(cell))).join(",");
  return [header, ...rows].map(line).join("\r\n") + "\r\n";
}

/** A CSV download that is never cached; the byte-order mark tells Excel the file is UTF-8. */
export function csvResponse(csv: string, filename: string): Response {
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
