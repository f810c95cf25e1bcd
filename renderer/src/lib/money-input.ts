/**
 * Parse money typed in major units ("12,500.50", "12 500,50", "1250") into integer minor units,
 * honouring the locale's decimal separator. Money is never a float once stored.
 */
import { currencyDigits, safeLocale } from './format';

export type MoneyParse = { ok: true; minor: number } | { ok: false; reason: string };

function separators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(safeLocale(locale)).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

/** Text → minor units; empty text is zero. Rejects negatives, letters and too many decimals. */
export function parseMoneyInput(text: string, currency: string, locale: string): MoneyParse {
  const digits = currencyDigits(currency, locale);
  const { group, decimal } = separators(locale);
  let s = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return { ok: true, minor: 0 };
  if (s.startsWith('-')) return { ok: false, reason: 'must not be negative' };
  // Accept "1250.50" as a decimal even where the locale writes "1250,50" (1–2 digits after the dot
  // cannot be a thousands group), then strip the locale's group separators.
  if (decimal !== '.' && !s.includes(decimal) && /^\d+\.\d{1,2}$/.test(s)) s = s.replace('.', decimal);
  else if (group !== decimal) s = s.split(group).join('');
  const [whole, frac = '', extra] = s.split(decimal);
  if (extra !== undefined || !/^\d+$/.test(whole ?? '') || !/^\d*$/.test(frac)) {
    return { ok: false, reason: 'enter an amount such as 12500 or 12500.50' };
  }
  if (frac.length > digits) return { ok: false, reason: `use at most ${digits} decimal places` };
  const minor = Number(whole) * 10 ** digits + Number(frac.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor) || minor > 1e15) return { ok: false, reason: 'the amount is too large' };
  return { ok: true, minor };
}

/** Minor units → the plain text a money input shows when editing (no currency sign, no grouping). */
export function moneyToInput(minor: number, currency: string, locale: string): string {
  const digits = currencyDigits(currency, locale);
  if (minor === 0) return '';
  const { decimal } = separators(locale);
  const whole = Math.floor(minor / 10 ** digits);
  const frac = minor % 10 ** digits;
  return frac ? `${whole}${decimal}${String(frac).padStart(digits, '0')}` : String(whole);
}
