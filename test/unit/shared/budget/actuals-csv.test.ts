import { describe, expect, it } from 'vitest';
import {
  applyActuals,
  parseActualsCsv,
  parseMonthCell,
  shareByPlan,
} from '../../../../shared/domain/budget/actuals-csv';
import { detectDecimalSeparator, parseAmount } from '../../../../shared/domain/budget/amounts';
import { makeLine, months } from './make-line';

const lic = makeLine({ id: 'lic', name: 'M365 licences', category: 'software-licences', plan: months(100_000) });
const laptops = makeLine({
  id: 'hw1',
  name: 'Laptops',
  category: 'hardware',
  kind: 'capex',
  plan: months(0, { 2: 300_000 }),
});
const docks = makeLine({
  id: 'hw2',
  name: 'Docks',
  category: 'hardware',
  kind: 'capex',
  plan: months(0, { 2: 100_000 }),
});
const azure = makeLine({
  id: 'azure',
  name: 'Azure',
  category: 'cloud',
  plan: months(50_000),
  actual: months<number | null>(null, { 0: 49_000 }),
});
const sup1 = makeLine({ id: 'sup1', name: 'Support', category: 'other' });
const sup2 = makeLine({ id: 'sup2', name: 'Support', category: 'other' });
const lines = [lic, laptops, docks, azure, sup1, sup2];
const opts = { fiscalYear: 2026, fiscalStartMonth: 1 };

describe('parseAmount', () => {
  // [text, decimal separator, minor units]
  const cases: [string, ',' | '.', number][] = [
    ['1.234,56', ',', 123_456], // thousands dot, decimal comma
    ['1234,56', ',', 123_456],
    ['1 234,5', ',', 123_450], // space thousands, one decimal
    ['€ 1.000', ',', 100_000],
    ['-12,5', ',', -1_250],
    ['$1,234.56', '.', 123_456],
    ['(1,234.56)', '.', -123_456], // accounting negative
    ["CHF 1'234.50", '.', 123_450],
    ['1234-', '.', -123_400], // trailing minus
    ['USD -7', '.', -700],
    ['0.1', '.', 10],
  ];
  it.each(cases)('%s with "%s" → %i', (text, dec, minor) => {
    expect(parseAmount(text, dec)).toEqual({ ok: true, minor });
  });

  const bad: [string, ',' | '.', string][] = [
    ['', '.', 'is empty'],
    ['abc', '.', 'is not an amount'],
    ['12,3,4', ',', 'more than one decimal separator'],
    ['1.23', ',', 'wrong place for a thousands separator'],
    ['1.2345', '.', 'more than 2 decimal places'],
    ['1e5', '.', 'not an amount'],
    ['1x', '.', 'not an amount'], // a letter glued to digits is not a currency
    ['99999999999999999', '.', 'too large'],
  ];
  it.each(bad)('refuses %j with "%s"', (text, dec, reason) => {
    const r = parseAmount(text, dec);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('uses the currency digits (JPY has none)', () => {
    expect(parseAmount('¥1,234', '.', 0)).toEqual({ ok: true, minor: 1_234 });
    expect(parseAmount('1,234.5', '.', 0).ok).toBe(false);
  });

  it('detects the decimal separator over a whole column', () => {
    expect(detectDecimalSeparator(['1.234,56', '12'], ',')).toEqual({ separator: ',' });
    expect(detectDecimalSeparator(['1,234,567', '12'], ';')).toEqual({ separator: '.' });
    expect(detectDecimalSeparator(['1234'], ';')).toEqual({ separator: ',' }); // undecided: ; implies decimal comma
    expect(detectDecimalSeparator(['1234'], ',')).toEqual({ separator: '.' });
    expect(detectDecimalSeparator(['12,5', '1.5'], ';').separator).toBeNull();
  });
});

describe('parseMonthCell', () => {
  const cases: [string, string | null][] = [
    ['2026-03', '2026-03'],
    ['2026-3', '2026-03'],
    ['2026/03', '2026-03'],
    ['2026-03-31', '2026-03'],
    ['03/2026', '2026-03'],
    ['3.2026', '2026-03'],
    ['202603', '2026-03'],
    ['Mar 2026', '2026-03'],
    ['March-2026', '2026-03'],
    ['Mar-26', '2026-03'],
    ['2026-13', null],
    ['Mrz 2026', null],
    ['31/03/2026', null],
    ['', null],
  ];
  it.each(cases)('%j → %j', (text, expected) => {
    expect(parseMonthCell(text)).toBe(expected);
  });
});

describe('shareByPlan', () => {
  it('shares in proportion to plan, to the cent', () => {
    // 4,000.00 by 3,000 : 1,000 → 3,000.00 and 1,000.00.
    expect(shareByPlan(400_000, [300_000, 100_000])).toEqual([300_000, 100_000]);
    // 100 cents by 1:1:1 → 33.33… each; the leftover cent goes to the first: 34, 33, 33.
    expect(shareByPlan(100, [5, 5, 5])).toEqual([34, 33, 33]);
    expect(shareByPlan(-100, [5, 5, 5])).toEqual([-34, -33, -33]);
    // Lines without plan get nothing; one line takes all; no plan at all cannot be shared.
    expect(shareByPlan(10, [0, 7])).toEqual([0, 10]);
    expect(shareByPlan(10, [0])).toEqual([10]);
    expect(shareByPlan(10, [0, 0])).toBeNull();
  });
});

describe('parseActualsCsv + applyActuals', () => {
  it('reads a semicolon file with decimal commas, sums rows, shares category amounts and previews', () => {
    const text = [
      'Month;Line or category;Amount;Note',
      '2026-01;M365 licences;1.234,56;invoice 1',
      '2026-01;M365 licences;100,44;invoice 2', // Jan total 1,234.56 + 100.44 = 1,335.00
      '2026-02;m365 LICENCES;€ 1.000;',
      '2026-03;Hardware;4.000,00;', // Laptops 3,000 : Docks 1,000 by March plan
      'Mar 2026;azure;-12,5;credit', // by line id
      '',
    ].join('\r\n');
    const p = parseActualsCsv(text, lines, opts);
    expect(p.problems).toEqual([]);
    expect([p.delimiter, p.decimalSeparator, p.rowCount]).toEqual([';', ',', 5]);
    expect(p.changes.map((c) => [c.lineId, c.month, c.previous, c.next, c.rows, c.allocated])).toEqual([
      ['lic', '2026-01', null, 133_500, [2, 3], false],
      ['lic', '2026-02', null, 100_000, [4], false],
      ['hw1', '2026-03', null, 300_000, [5], true],
      ['hw2', '2026-03', null, 100_000, [5], true],
      ['azure', '2026-03', null, -1_250, [6], false],
    ]);
    const applied = applyActuals(lines, p);
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    const after = new Map(applied.lines.map((l) => [l.id, l]));
    expect(after.get('lic')?.actual.slice(0, 3)).toEqual([133_500, 100_000, null]);
    // Existing January actual of Azure is kept; March set.
    expect(after.get('azure')?.actual.slice(0, 3)).toEqual([49_000, null, -1_250]);
    expect(applied.changedLineIds.sort()).toEqual(['azure', 'hw1', 'hw2', 'lic']);
    // Pure: the input lines are untouched; unchanged lines are the same objects.
    expect(lic.actual[0]).toBeNull();
    expect(after.get('sup1')).toBe(sup1);
  });

  it('reads a comma file with line and category columns, quoted thousands and currency', () => {
    const text = 'month,line,category,amount\n2026-04,Laptops,,"1,250.00"\n2026-04,,Cloud,$300\n';
    const p = parseActualsCsv(text, lines, opts);
    expect(p.problems).toEqual([]);
    expect(p.changes.map((c) => [c.lineId, c.month, c.next])).toEqual([
      ['hw1', '2026-04', 125_000],
      ['azure', '2026-04', 30_000], // Cloud has one line: it takes the whole amount
    ]);
  });

  it('reads a file without a header in the order month, line or category, amount', () => {
    const p = parseActualsCsv('2026-05;Azure;500,00\n', lines, opts);
    expect(p.problems).toEqual([]);
    expect(p.changes.map((c) => [c.lineId, c.next])).toEqual([['azure', 50_000]]);
  });

  it('one bad row: nothing is applied and every bad row is named with field and reason', () => {
    const text = [
      'month,line,amount',
      '2026-01,M365 licences,100.00',
      '2026-13,M365 licences,100.00',
      '2026-02,Nope,100.00',
      '2027-01,M365 licences,1x',
      '2026-02,Support,5.00',
      '2026-02,M365 licences',
    ].join('\n');
    const p = parseActualsCsv(text, lines, opts);
    expect(p.problems.map((x) => x.message)).toEqual([
      'row 3, month: "2026-13" is not a month (use YYYY-MM)',
      'row 4, line: no budget line of FY2026 is named "Nope"',
      'row 5, month: 2027-01 is outside FY2026 (2026-01 … 2026-12)',
      'row 5, amount: "1x" is not an amount',
      'row 6, line: 2 budget lines of FY2026 are named "Support"; use the line id',
      'row 7, row: has 2 columns, expected at least 3',
    ]);
    const applied = applyActuals(lines, p);
    expect(applied.ok).toBe(false);
    expect('lines' in applied).toBe(false);
    expect(lic.actual.every((a) => a === null)).toBe(true);
  });

  it('then the fixed file applies, and applying it twice gives the same lines', () => {
    const text = 'month,line,amount\n2026-01,M365 licences,100.00\n2026-02,sup2,5.00\n';
    const first = applyActuals(lines, parseActualsCsv(text, lines, opts));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const again = applyActuals(first.lines, parseActualsCsv(text, first.lines, opts));
    expect(again.ok && again.lines.map((l) => l.actual)).toEqual(first.lines.map((l) => l.actual));
    const p2 = parseActualsCsv(text, first.lines, opts);
    expect(p2.changes[0]).toMatchObject({ previous: 10_000, next: 10_000 });
  });

  const refusals: [string, string, string][] = [
    [
      'a name that is both a line and a category',
      'month;line or category;amount\n2026-01;Cloud;1',
      'names both a budget line and a category',
    ],
    [
      'a category with several lines and no plan that month',
      'month,category,amount\n2026-01,Hardware,10',
      'none has a plan for 2026-01',
    ],
    [
      'a category without lines this year',
      'month,category,amount\n2026-01,Training,10',
      'FY2026 has no budget line in Training',
    ],
    ['an unknown category', 'month,category,amount\n2026-01,Snacks,10', '"Snacks" is not a category'],
    [
      'a line and its category in the same month',
      'month,line or category,amount\n2026-03,Laptops,1\n2026-03,Hardware,2',
      'row 2 already gives a Hardware line',
    ],
    [
      'a category that contradicts the line',
      'month,line,category,amount\n2026-01,Laptops,Cloud,1',
      'does not match line "Laptops"',
    ],
  ];
  it.each(refusals)('refuses %s', (_d, text, reason) => {
    const withCloudLine = [...lines, makeLine({ id: 'cl', name: 'Cloud', category: 'other' })];
    const p = parseActualsCsv(text, withCloudLine, opts);
    expect(p.problems.map((x) => x.message).join(' | ')).toContain(reason);
    expect(applyActuals(withCloudLine, p).ok).toBe(false);
  });

  const fileProblems: [string, string, string][] = [
    ['a missing amount column', 'month,line\n2026-01,Azure', 'row 1, header: missing column "amount"'],
    ['a __proto__ header', '__proto__,month,line,amount\nx,2026-01,Azure,1', 'column "__proto__" is not allowed'],
    ['an unclosed quote', 'month,line,amount\n2026-01,"Azure,1\n', 'row 2, file:'],
    [
      'mixed decimal styles',
      'month;line;amount\n2026-01;Azure;12,5\n2026-02;Azure;1.5',
      'mix decimal commas ("12,5") and decimal points ("1.5")',
    ],
    ['an empty file', '\n\n', 'file, file: is empty'],
    ['two amount columns', 'month,line,amount,value\n2026-01,Azure,1,2', 'two columns mean "amount"'],
  ];
  it.each(fileProblems)('reports %s', (_d, text, message) => {
    const p = parseActualsCsv(text, lines, opts);
    expect(p.problems.map((x) => x.message).join(' | ')).toContain(message);
    expect(p.changes).toEqual([]);
  });

  it('checks months against a July fiscal year', () => {
    const fy27 = [{ ...azure, fiscalYear: 2027, actual: months<number | null>(null) }];
    const text = 'month,line,amount\n2026-07,Azure,1\n2027-06,Azure,2\n2026-06,Azure,3\n';
    const p = parseActualsCsv(text, fy27, { fiscalYear: 2027, fiscalStartMonth: 7 });
    expect(p.problems.map((x) => x.message)).toEqual(['row 4, month: 2026-06 is outside FY2027 (2026-07 … 2027-06)']);
    // Jul 2026 is fiscal index 0, Jun 2027 index 11 (the good rows are still previewed; nothing applies).
    expect(p.changes.map((c) => [c.month, c.index])).toEqual([
      ['2026-07', 0],
      ['2027-06', 11],
    ]);
    expect(applyActuals(fy27, p).ok).toBe(false);
  });

  it('refuses to apply a preview whose line has been deleted since', () => {
    const p = parseActualsCsv('month,line,amount\n2026-01,Azure,1\n', lines, opts);
    const r = applyActuals(
      lines.filter((l) => l.id !== 'azure'),
      p,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.message).toContain('"Azure" no longer exists');
  });
});
