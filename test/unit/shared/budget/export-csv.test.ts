import { describe, expect, it } from 'vitest';
import { budgetToCsv } from '../../../../shared/domain/budget/export-csv';
import { parseCsvText } from '../../../../shared/import/csv';
import { makeLine, months } from './make-line';

// A line whose name and vendor are formula attacks, with a negative plan (a credit) in fiscal month 3
// (September 2026 with a July start).
const evil = makeLine({
  id: 'e',
  fiscalYear: 2027,
  name: '=HYPERLINK("http://evil","click")',
  vendor: '@SUM(1+1)',
  category: 'software-licences',
  plan: months(123_456, { 2: -5_000 }),
  actual: months<number | null>(null, { 0: 120_000 }),
});
const hw = makeLine({
  id: 'h',
  fiscalYear: 2027,
  name: 'Laptops',
  category: 'hardware',
  kind: 'capex',
  plan: months(0, { 1: 1_000_000 }),
});
const ctx = { fiscalStartMonth: 7, lines: [evil, hw], items: [] };

describe('budgetToCsv', () => {
  const text = budgetToCsv(ctx, 2027, { currency: 'EUR' });
  const parsed = parseCsvText(text.replace(/^\uFEFF/, ''), { delimiter: ',' });
  const rows = parsed.ok ? parsed.rows.map((r) => r.fields) : [];

  it('starts with a BOM, uses CRLF, and has fiscal months as columns (July start)', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(rows.length + 1);
    expect(rows[0]?.slice(0, 7)).toEqual(['Fiscal year', 'Line', 'Category', 'Kind', 'Vendor', 'Measure', '2026-07']);
    expect(rows[0]?.[17]).toBe('2027-06');
    expect(rows[0]?.[18]).toBe('Total (EUR)');
  });

  it('neutralises formula text but keeps negative numbers as numbers', () => {
    // Lines are sorted by category key: hardware before software-licences.
    const plan = rows.find((r) => r[1]?.includes('HYPERLINK') && r[5] === 'Plan');
    expect(plan?.[1]).toBe(`'=HYPERLINK("http://evil","click")`);
    expect(plan?.[4]).toBe("'@SUM(1+1)");
    // Plan index 2 = September 2026: −50.00, written as a number.
    expect(plan?.[6 + 2]).toBe('-50');
    expect(plan?.[6]).toBe('1234.56');
    // Total 11 × 1,234.56 − 50.00 = 13,530.16.
    expect(plan?.[18]).toBe('13530.16');
  });

  it('writes unknown actuals as empty cells and totals plan, actual and forecast', () => {
    const actual = rows.find((r) => r[1]?.includes('HYPERLINK') && r[5] === 'Actual');
    expect(actual?.slice(6, 9)).toEqual(['1200', '', '']);
    expect(actual?.[18]).toBe('1200');
    const byMeasure = Object.fromEntries(rows.filter((r) => r[1] === 'Total').map((r) => [r[5], r[18]]));
    // Plan 13,530.16 + 10,000.00 laptops = 23,530.16; actual 1,200; forecast = 1,200 + plan of Aug–Jun
    // (23,530.16 − July's 1,234.56) = 23,495.60.
    expect(byMeasure).toEqual({ Plan: '23530.16', Actual: '1200', Forecast: '23495.6' });
  });

  it('can write semicolons and decimal commas for European spreadsheets', () => {
    const eu = budgetToCsv(ctx, 2027, { currency: 'EUR', delimiter: ';', decimalSeparator: ',', bom: false });
    expect(eu.startsWith('Fiscal year;')).toBe(true);
    expect(eu).toContain(';1234,56;');
  });
});
