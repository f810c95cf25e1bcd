/**
 * Numbers as exports write them: decimal point or decimal comma (`3871,691111`), optional thousands
 * groups, spaces (incl. no-break and thin spaces) and a trailing `%`. Strict otherwise: `12abc`,
 * `1,2,3` or an empty cell are not numbers.
 */

const PLAIN = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const DOT_GROUPS = /^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/;
const COMMA_GROUPS = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const DECIMAL_COMMA = /^[-+]?\d+,\d+$/;
const SPACES = /[\s\u00a0\u202f]/g;

/** Parses a number cell; `decimalComma` says whether `,` is the decimal separator. Null when not a number. */
export function parseDecimal(text: string, decimalComma: boolean): number | null {
  let t = text.replace(SPACES, '');
  if (t.endsWith('%')) t = t.slice(0, -1);
  if (t === '') return null;
  if (decimalComma) {
    if (DOT_GROUPS.test(t)) t = t.replace(/\./g, '');
    t = t.replace(',', '.');
    if (t.includes(',')) return null;
  } else if (COMMA_GROUPS.test(t)) {
    t = t.replace(/,/g, '');
  }
  if (!PLAIN.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * Decides from sample cells whether a file writes decimals with a comma: true when some cell looks
 * like `12,5` and no cell looks like `12.5` (thousands groups such as `1,234` alone do not decide).
 * Only meaningful when the delimiter is not a comma.
 */
export function detectDecimalComma(samples: Iterable<string>): boolean {
  let comma = 0;
  let point = 0;
  for (const raw of samples) {
    const t = raw.replace(SPACES, '');
    if (DECIMAL_COMMA.test(t) && !COMMA_GROUPS.test(t)) comma++;
    else if (/^[-+]?\d+\.\d+$/.test(t) && !DOT_GROUPS.test(t)) point++;
  }
  return comma > 0 && point === 0;
}

/** How numbers in a file write their decimals: detected, or forced by the user. */
export type DecimalSeparatorOption = 'auto' | '.' | ',';

/**
 * Parses a number cell when the user has said which character is the decimal separator. Stricter
 * than `parseDecimal` (which guesses): the other character is accepted only as a thousands separator
 * in groups of three (`1.234,5` with `,`; `1,234.5` with `.`), so `1.5` with `,` and `1,5` with `.`
 * are not numbers. Null when not a number.
 */
export function parseDecimalAs(text: string, separator: '.' | ','): number | null {
  let t = text.replace(SPACES, '');
  if (t.endsWith('%')) t = t.slice(0, -1);
  if (t === '') return null;
  if (separator === ',') {
    if (DOT_GROUPS.test(t)) t = t.replace(/\./g, '');
    if (t.includes('.')) return null;
    t = t.replace(',', '.');
  } else if (COMMA_GROUPS.test(t)) {
    t = t.replace(/,/g, '');
  }
  if (!PLAIN.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * Why a cell is not a number with the forced separator, when it would be one with the other
 * (`"1,5" is written with a decimal comma, but the decimal separator is set to point (".")`);
 * null when the separator is not the problem (the cell reads, or is no number either way).
 */
export function decimalSeparatorMismatch(text: string, separator: '.' | ','): string | null {
  if (parseDecimalAs(text, separator) !== null) return null;
  const other = separator === '.' ? ',' : '.';
  if (parseDecimalAs(text, other) === null) return null;
  const name = (c: '.' | ','): string => (c === '.' ? 'point (".")' : 'comma (",")');
  return `"${text.trim()}" reads as a number only with a decimal ${name(other)}, but the decimal separator is set to ${name(separator)}`;
}
