/**
 * CSV writer for exports opened in spreadsheets: RFC 4180 quoting, CRLF line ends, optional UTF-8
 * BOM, and formula neutralisation (QUALITY.md SEC-14). A spreadsheet executes a text cell that
 * starts with `=`, `+`, `-`, `@`, tab or CR as a formula ("CSV injection"), so such text cells get
 * a leading apostrophe. Values passed as real numbers are written as numbers, negative ones too:
 * only text can smuggle a formula.
 */

export type CsvCell = string | number | null;

export type CsvWriteOptions = {
  /** Field separator; `;` suits spreadsheets in decimal-comma locales. Default `,`. */
  delimiter?: ',' | ';' | '\t';
  /** Decimal separator for numbers. Default `.`; `,` for decimal-comma locales. */
  decimalSeparator?: '.' | ',';
  /** Start with a UTF-8 byte order mark so Excel detects UTF-8. Default false. */
  bom?: boolean;
};

/** First characters that make a spreadsheet treat a text cell as a formula. */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/** The UTF-8 byte order mark as a string character. */
export const UTF8_BOM = '\uFEFF';

/** Prefixes a text cell that a spreadsheet would read as a formula with `'` (SEC-14). */
export function neutraliseFormula(text: string): string {
  const first = text.charAt(0);
  return FORMULA_START.has(first) ? `'${text}` : text;
}

function formatNumber(n: number, decimalSeparator: '.' | ','): string {
  // NaN/Infinity are not data a spreadsheet can use: an empty cell says "no value" honestly.
  if (!Number.isFinite(n)) return '';
  // Object.is(-0) would print "0" anyway; String() never uses exponent form below 1e21.
  const s = String(n);
  return decimalSeparator === ',' ? s.replace('.', ',') : s;
}

function quoteIfNeeded(text: string, delimiter: string): string {
  if (text.includes(delimiter) || text.includes('"') || text.includes('\r') || text.includes('\n')) {
    return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

/** One cell as CSV text: numbers stay numbers, text is neutralised then quoted as RFC 4180 needs. */
export function csvCell(value: CsvCell, options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  if (value === null) return '';
  if (typeof value === 'number') return quoteIfNeeded(formatNumber(value, options.decimalSeparator ?? '.'), delimiter);
  return quoteIfNeeded(neutraliseFormula(value), delimiter);
}

/** Rows of cells → CSV text with CRLF after every row (RFC 4180), neutralised per SEC-14. */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const body = rows.map((row) => row.map((cell) => csvCell(cell, options)).join(delimiter) + '\r\n').join('');
  return (options.bom ? UTF8_BOM : '') + body;
}
