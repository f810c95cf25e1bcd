import { describe, expect, it } from 'vitest';
import {
  formatMinutes,
  formatMoney,
  formatMonth,
  formatPercent,
  safeLocale,
} from '../../../../renderer/src/lib/format';
import { moneyToInput, parseMoneyInput } from '../../../../renderer/src/lib/money-input';
import { focusChoices, quarterOfPeriod } from '../../../../renderer/src/app/focus-quarter';

describe('parseMoneyInput: major units as typed → integer minor units', () => {
  it.each<[string, string, string, number]>([
    ['12500', 'USD', 'en-US', 1_250_000],
    ['12,500.50', 'USD', 'en-US', 1_250_050],
    ['0.5', 'USD', 'en-US', 50],
    ['', 'USD', 'en-US', 0],
    ['  7 ', 'USD', 'en-US', 700],
    ['12.500,50', 'EUR', 'de-DE', 1_250_050],
    ['1250.50', 'EUR', 'de-DE', 125_050],
    ['12.500', 'EUR', 'de-DE', 1_250_000],
    ['12 500,5', 'EUR', 'fr-FR', 1_250_050],
    ['1500', 'JPY', 'ja-JP', 1500],
  ])('%s %s (%s) → %i', (text, currency, locale, minor) => {
    expect(parseMoneyInput(text, currency, locale)).toEqual({ ok: true, minor });
  });

  it.each<[string, string, RegExp]>([
    ['-5', 'USD', /negative/],
    ['1.234', 'USD', /2 decimal/],
    ['12.5', 'JPY', /0 decimal/],
    ['12k', 'USD', /amount/],
    ['1.2.3', 'USD', /amount/],
    ['99999999999999999', 'USD', /too large/],
  ])('refuses %s %s', (text, currency, reason) => {
    const r = parseMoneyInput(text, currency, 'en-US');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it.each<[number, string, string, string]>([
    [1_250_050, 'USD', 'en-US', '12500.50'],
    [1_250_000, 'USD', 'en-US', '12500'],
    [1_250_005, 'EUR', 'de-DE', '12500,05'],
    [0, 'USD', 'en-US', ''],
  ])('moneyToInput(%i %s %s) = %s and parses back', (minor, currency, locale, text) => {
    expect(moneyToInput(minor, currency, locale)).toBe(text);
    expect(parseMoneyInput(text, currency, locale)).toEqual({ ok: true, minor });
  });
});

describe('formatting in the workspace locale', () => {
  it.each<[number, string, string, boolean, string]>([
    [1_234_567, 'USD', 'en-US', false, '$12,345.67'],
    [1_234_567, 'USD', 'en-US', true, '$12,346'],
    [1_234_567, 'EUR', 'de-DE', false, '12.345,67\u00a0€'],
    [150_000, 'JPY', 'ja-JP', false, '￥150,000'],
  ])('formatMoney(%i %s %s whole=%s)', (minor, currency, locale, whole, expected) => {
    expect(formatMoney(minor, { currency, locale }, { whole })).toBe(expected);
  });

  it('falls back instead of throwing on a bad locale or currency', () => {
    expect(safeLocale('not a locale!!')).toBe('en-US');
    expect(formatMoney(100, { currency: 'ZZZZ', locale: 'xx-invalid-@@' })).toBe('1');
    expect(formatMoney(null, { currency: 'USD', locale: 'en-US' })).toBe('—');
  });

  it('percent numbers, months and minutes', () => {
    expect(formatPercent(42.5, 'en-US')).toBe('42.5%');
    expect(formatMonth('2026-03', 'en-US')).toBe('Mar 2026');
    expect(formatMinutes(15)).toBe('15 min');
    expect(formatMinutes(90)).toBe('1 h 30 min');
    expect(formatMinutes(240)).toBe('4 h');
    expect(formatMinutes(4320)).toBe('3 d');
  });
});

describe('quarter in focus', () => {
  it('defaults to the latest quarter with data not after today', () => {
    const r = focusChoices(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q3'], '2026-Q2');
    expect(r.def).toBe('2026-Q1');
    expect(r.options[0]).toBe('2027-Q2'); // today + 4, newest first
    expect(r.options).toContain('2025-Q3');
    expect(r.options[r.options.length - 1]).toBe('2025-Q3');
  });

  it('uses today when there is no data', () => {
    const r = focusChoices([], '2026-Q2');
    expect(r.def).toBe('2026-Q2');
    expect(r.options).toHaveLength(9); // 4 back … 4 ahead
  });

  it.each([
    ['2026-03', 1, '2026-Q1'],
    ['2026-03', 7, '2026-Q3'],
    ['2025-07', 7, '2026-Q1'],
    ['2026-Q2', 7, '2026-Q2'],
  ])('quarterOfPeriod(%s, start %i) = %s', (period, start, q) => {
    expect(quarterOfPeriod(period, start)).toBe(q);
  });
});
