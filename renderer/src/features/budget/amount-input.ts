/**
 * What a budget grid cell accepts: money typed in major units with the locale's separators
 * (lib/money-input.ts). An empty actual means "not yet known"; an empty plan is 0. Actuals may be
 * negative (a credit note or refund); a plan may not.
 */
import { moneyToInput, parseMoneyInput } from '../../lib/money-input';
import type { Measure } from '../../db/repos/budget';

export type CellParse = { ok: true; value: number | null } | { ok: false; reason: string };

/** Text typed in a cell → the value to store. */
export function parseCellText(text: string, measure: Measure, currency: string, locale: string): CellParse {
  const t = text.trim();
  if (t === '') return { ok: true, value: measure === 'actual' ? null : 0 };
  const negative = /^[-−]/.test(t);
  if (negative && measure === 'plan') return { ok: false, reason: 'A plan amount cannot be negative.' };
  const body = negative ? t.slice(1) : t;
  const parsed = parseMoneyInput(body, currency, locale);
  if (!parsed.ok) {
    const reason = parsed.reason.charAt(0).toUpperCase() + parsed.reason.slice(1);
    return { ok: false, reason: `${reason}.` };
  }
  if (negative && body.trim() === '') return { ok: false, reason: 'Enter an amount after the minus sign.' };
  return { ok: true, value: negative && parsed.minor !== 0 ? -parsed.minor : parsed.minor };
}

/** A stored value → the text the cell editor starts with (empty for "not yet known" and 0). */
export function cellEditText(value: number | null, currency: string, locale: string): string {
  if (value === null || value === 0) return '';
  return value < 0 ? `-${moneyToInput(-value, currency, locale)}` : moneyToInput(value, currency, locale);
}
