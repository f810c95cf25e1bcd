import { describe, expect, it } from 'vitest';
import {
  itemCostPerFiscalYear,
  itemCostPerQuarter,
  itemMonthlyCosts,
  itemTotalCost,
  reschedule,
  roadmapCostsByMonth,
} from '../../../../shared/domain/roadmap/costs';
import { makeItem } from './make-item';

describe('itemMonthlyCosts', () => {
  it('puts capex in the start month and opex in every month from start to end inclusive', () => {
    // capex 50,000.00 in 2026-02; opex 1,000.00 × Feb, Mar, Apr.
    const item = makeItem({ startMonth: '2026-02', endMonth: '2026-04', capex: 5_000_000, opexMonthly: 100_000 });
    expect(itemMonthlyCosts(item)).toEqual([
      { month: '2026-02', capex: 5_000_000, opex: 100_000, total: 5_100_000 },
      { month: '2026-03', capex: 0, opex: 100_000, total: 100_000 },
      { month: '2026-04', capex: 0, opex: 100_000, total: 100_000 },
    ]);
  });

  it('runs opex over the explicit opex window, past the item end (a licence that outlives the project)', () => {
    // Project Nov–Dec 2025, licence from Dec 2025 to Feb 2026 = 3 months × 200.00.
    const item = makeItem({
      startMonth: '2025-11',
      endMonth: '2025-12',
      capex: 30_000,
      opexMonthly: 20_000,
      opexStartMonth: '2025-12',
      opexEndMonth: '2026-02',
    });
    expect(itemMonthlyCosts(item).map((c) => [c.month, c.capex, c.opex])).toEqual([
      ['2025-11', 30_000, 0],
      ['2025-12', 0, 20_000],
      ['2026-01', 0, 20_000],
      ['2026-02', 0, 20_000],
    ]);
  });

  it('uses the start month when only the opex end is given, and the end month when only the start is given', () => {
    const a = makeItem({ startMonth: '2026-01', endMonth: '2026-02', opexMonthly: 10, opexEndMonth: '2026-05' });
    expect(itemMonthlyCosts(a).map((c) => c.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
    const b = makeItem({ startMonth: '2026-01', endMonth: '2026-04', opexMonthly: 10, opexStartMonth: '2026-03' });
    expect(itemMonthlyCosts(b).map((c) => c.month)).toEqual(['2026-03', '2026-04']);
  });

  it('gives nothing for an item without costs and no opex for an inverted opex window', () => {
    expect(itemMonthlyCosts(makeItem())).toEqual([]);
    const inverted = makeItem({ opexMonthly: 10, opexStartMonth: '2026-06', opexEndMonth: '2026-05' });
    expect(itemMonthlyCosts(inverted)).toEqual([]);
  });

  it('totals capex and opex over the item life', () => {
    // 12 months × 250.00 = 3,000.00 opex + 10,000.00 capex.
    const item = makeItem({ startMonth: '2026-01', endMonth: '2026-12', capex: 1_000_000, opexMonthly: 25_000 });
    expect(itemTotalCost(item)).toEqual({ capex: 1_000_000, opex: 300_000, total: 1_300_000 });
  });
});

describe('itemCostPerQuarter', () => {
  const item = makeItem({ startMonth: '2026-05', endMonth: '2026-08', capex: 900_000, opexMonthly: 10_000 });
  // Months: May (capex 9,000 + opex 100), Jun, Jul, Aug (opex 100 each).
  const cases: [string, number, [string, number, number][]][] = [
    // Calendar year: May+Jun in Q2, Jul+Aug in Q3.
    [
      'calendar fiscal year',
      1,
      [
        ['2026-Q2', 900_000, 20_000],
        ['2026-Q3', 0, 20_000],
      ],
    ],
    // July start: May+Jun are FY2026-Q4 (Apr–Jun 2026); Jul+Aug are FY2027-Q1 (Jul–Sep 2026).
    [
      'July start',
      7,
      [
        ['2026-Q4', 900_000, 20_000],
        ['2027-Q1', 0, 20_000],
      ],
    ],
    // April start: FY2027 = Apr 2026–Mar 2027; May, Jun in Q1; Jul, Aug in Q2.
    [
      'April start',
      4,
      [
        ['2027-Q1', 900_000, 20_000],
        ['2027-Q2', 0, 20_000],
      ],
    ],
  ];
  it.each(cases)('%s', (_d, start, expected) => {
    expect(itemCostPerQuarter(item, start).map((q) => [q.quarter, q.capex, q.opex])).toEqual(expected);
  });

  it('sums per fiscal year (July start: May–Jun 2026 in FY2026, Jul–Aug 2026 in FY2027)', () => {
    expect(itemCostPerFiscalYear(item, 7)).toEqual([
      { fiscalYear: 2026, capex: 900_000, opex: 20_000, total: 920_000 },
      { fiscalYear: 2027, capex: 0, opex: 20_000, total: 20_000 },
    ]);
  });
});

describe('roadmapCostsByMonth', () => {
  it('adds items month by month and leaves cancelled items out', () => {
    const a = makeItem({ id: 'a', startMonth: '2026-01', endMonth: '2026-02', capex: 100, opexMonthly: 10 });
    const b = makeItem({ id: 'b', startMonth: '2026-02', endMonth: '2026-02', capex: 1_000, opexMonthly: 1 });
    const c = makeItem({ id: 'c', status: 'cancelled', startMonth: '2026-01', endMonth: '2026-02', capex: 99_999 });
    // Jan: a capex 100 + a opex 10; Feb: a opex 10 + b capex 1,000 + b opex 1.
    expect([...roadmapCostsByMonth([a, b, c]).entries()]).toEqual([
      ['2026-01', { capex: 100, opex: 10, total: 110 }],
      ['2026-02', { capex: 1_000, opex: 11, total: 1_011 }],
    ]);
  });
});

describe('reschedule', () => {
  it('moves start, end and explicit opex months together; the original is untouched', () => {
    const item = makeItem({
      startMonth: '2026-11',
      endMonth: '2027-01',
      opexStartMonth: '2026-12',
      opexEndMonth: '2027-06',
    });
    const moved = reschedule(item, 3);
    expect([moved.startMonth, moved.endMonth, moved.opexStartMonth, moved.opexEndMonth]).toEqual([
      '2027-02',
      '2027-04',
      '2027-03',
      '2027-09',
    ]);
    expect(item.startMonth).toBe('2026-11');
    expect(reschedule(item, -11).startMonth).toBe('2025-12');
  });

  it('keeps null opex months null (they keep following the start and end)', () => {
    const moved = reschedule(makeItem({ opexStartMonth: null, opexEndMonth: null }), 1);
    expect([moved.opexStartMonth, moved.opexEndMonth]).toEqual([null, null]);
  });

  it('a capex item moved one quarter later moves its cost into the next quarter and fiscal year', () => {
    // Calendar FY: capex 120,000.00 in Nov 2026 = 2026-Q4 / FY2026; three months later = Feb 2027 = 2027-Q1 / FY2027.
    const item = makeItem({ startMonth: '2026-11', endMonth: '2026-12', capex: 12_000_000 });
    expect(itemCostPerQuarter(item, 1).map((q) => [q.quarter, q.capex])).toEqual([['2026-Q4', 12_000_000]]);
    const moved = reschedule(item, 3);
    expect(itemCostPerQuarter(moved, 1).map((q) => [q.quarter, q.capex])).toEqual([['2027-Q1', 12_000_000]]);
    expect(itemCostPerFiscalYear(moved, 1).map((y) => [y.fiscalYear, y.total])).toEqual([[2027, 12_000_000]]);
  });

  it('moves opex with the item: Jan–Mar at 500.00 becomes Apr–Jun', () => {
    const item = makeItem({ startMonth: '2026-01', endMonth: '2026-03', opexMonthly: 50_000 });
    expect(itemMonthlyCosts(reschedule(item, 3)).map((c) => c.month)).toEqual(['2026-04', '2026-05', '2026-06']);
  });

  it('refuses a fractional move', () => {
    expect(() => reschedule(makeItem(), 0.5)).toThrow(RangeError);
  });
});
