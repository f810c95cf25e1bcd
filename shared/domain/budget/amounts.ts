/**
 * Exact parsing of money typed in CSV files into integer minor units: decimal comma or point,
 * thousands separators (`.` `,` space, no-break space, apostrophe), currency symbols or codes before
 * or after, accounting negatives `(1,234.56)`, trailing minus `1234-`. No floating point is used on
 * the way, so `1.234,56` is exactly 123456 cents.
 */

export type DecimalSeparator = ',' | '.';
export type AmountResult = { ok: true; minor: number } | { ok: false; reason: string };

const MAX_MINOR = 1e15;
// Spaces used as thousands separators: space, no-break, narrow no-break, thin; and apostrophes (Swiss).
const GROUP_SPACES = /[\s\u00a0\u202f\u2009'’]/g;
// A currency token at either end: symbols (Unicode category Sc) anywhere next to the number, an
// ISO code (USD), or a word set off by a space or a dot (kr, zł, Fr.). A letter glued to digits
// ("1x") is not a currency, so "1x" stays an error rather than becoming 1.
const LEADING_CURRENCY = /^(?:\p{Sc}+|[A-Z]{3}|\p{L}+\.|\p{L}+(?=\s))\s*/u;
const TRAILING_CURRENCY = /(?:\s*\p{Sc}+|\s*[A-Z]{3}|\s+\p{L}+\.?)$/u;

/** Strips currency, signs and spaces; returns the bare digits-and-separators text and the sign. */
function clean(text: string): { body: string; negative: boolean } | null {
  let s = text.trim();
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  // Sign and currency may come in either order: "-$12", "$-12", "EUR -12", "12 €-" is not a thing.
  for (let k = 0; k < 2; k++) {
    if (/^[-+−]/.test(s)) {
      if (s[0] !== '+') negative = !negative;
      s = s.slice(1).trim();
    }
    s = s.replace(LEADING_CURRENCY, '');
  }
  s = s.replace(TRAILING_CURRENCY, '');
  if (/[-−]$/.test(s)) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  s = s.replace(GROUP_SPACES, '');
  return s === '' ? null : { body: s, negative };
}

/**
 * Which decimal separator a set of amount cells uses: the evidence is a single separator followed
 * by one or two digits (`12,5`, `1234.56`), both separators (the last one is the decimal), or a
 * separator repeated (`1.234.567` = thousands). Returns null when the cells disagree; when nothing
 * decides, a `;`-delimited file is taken to use decimal commas (the convention that makes people
 * pick `;`), any other a decimal point.
 */
export function detectDecimalSeparator(
  cells: Iterable<string>,
  delimiter: string,
): { separator: DecimalSeparator } | { separator: null; commaExample: string; pointExample: string } {
  let commaExample: string | null = null;
  let pointExample: string | null = null;
  for (const cell of cells) {
    const c = clean(cell);
    if (!c) continue;
    const vote = voteOf(c.body);
    if (vote === ',' && commaExample === null) commaExample = cell;
    if (vote === '.' && pointExample === null) pointExample = cell;
  }
  if (commaExample !== null && pointExample !== null) return { separator: null, commaExample, pointExample };
  if (commaExample !== null) return { separator: ',' };
  if (pointExample !== null) return { separator: '.' };
  return { separator: delimiter === ';' ? ',' : '.' };
}

function voteOf(body: string): DecimalSeparator | null {
  const commas = body.split(',').length - 1;
  const points = body.split('.').length - 1;
  if (commas > 0 && points > 0) return body.lastIndexOf(',') > body.lastIndexOf('.') ? ',' : '.';
  if (commas === 1 && /,\d{1,2}$/.test(body)) return ',';
  if (points === 1 && /\.\d{1,2}$/.test(body)) return '.';
  if (commas > 1) return '.';
  if (points > 1) return ',';
  return null;
}

/** Parses one amount with the file's decimal separator into minor units with `digits` decimals. */
export function parseAmount(text: string, decimal: DecimalSeparator, digits = 2): AmountResult {
  const c = clean(text);
  if (!c) return { ok: false, reason: text.trim() === '' ? 'is empty' : `"${text.trim()}" is not an amount` };
  const group = decimal === ',' ? '.' : ',';
  const body = c.body;
  if (!/^[\d.,]+$/.test(body)) return { ok: false, reason: `"${text.trim()}" is not an amount` };
  const parts = body.split(decimal);
  if (parts.length > 2) {
    return { ok: false, reason: `"${text.trim()}" has more than one decimal separator "${decimal}"` };
  }
  const intText = parts[0] ?? '';
  const fracText = parts[1];
  let intDigits: string;
  if (intText.includes(group)) {
    if (!new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(intText)) {
      return {
        ok: false,
        reason: `"${text.trim()}" has "${group}" in the wrong place for a thousands separator (this file uses "${decimal}" for decimals)`,
      };
    }
    intDigits = intText.split(group).join('');
  } else {
    if (!/^\d*$/.test(intText)) return { ok: false, reason: `"${text.trim()}" is not an amount` };
    intDigits = intText;
  }
  if (fracText !== undefined) {
    if (!/^\d+$/.test(fracText)) return { ok: false, reason: `"${text.trim()}" is not an amount` };
    if (fracText.length > digits) {
      return { ok: false, reason: `"${text.trim()}" has more than ${digits} decimal places` };
    }
  }
  if (intDigits === '' && (fracText === undefined || fracText === '')) {
    return { ok: false, reason: `"${text.trim()}" is not an amount` };
  }
  const minorText = (intDigits === '' ? '0' : intDigits) + (fracText ?? '').padEnd(digits, '0');
  const magnitude = Number(minorText);
  if (!Number.isSafeInteger(magnitude) || magnitude > MAX_MINOR) {
    return { ok: false, reason: `"${text.trim()}" is too large` };
  }
  return { ok: true, minor: c.negative && magnitude !== 0 ? -magnitude : magnitude };
}
