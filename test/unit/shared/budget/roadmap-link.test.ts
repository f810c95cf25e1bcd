import { describe, expect, it } from 'vitest';
import { lineTreatment, roadmapMoneyByMonth } from '../../../../shared/domain/budget/roadmap-link';
import { budgetSummary } from '../../../../shared/domain/budget/summary';
import { keepBaseline, monthsSinceBaseline, rebaseline, reschedule } from '../../../../shared/domain/roadmap/costs';
import { makeItem } from '../roadmap/make-item';
import { makeLine, months } from './make-line';

// Like the sample's cloud migration: the item carries capex 240,000.00 in its start month (Apr 2026),
// but the budget line pays it in six 40,000.00 instalments (Apr, Jun, Aug, Sep, Nov, Dec), and the
// item's opex 9,000.00 a month runs Jul 2026 – Jun 2028 with no linked opex line.
const item = makeItem({
  id: 'cm',
  status: 'in-progress',
  startMonth: '2026-04',
  endMonth: '2027-06',
  capex: 24_000_000,
  opexMonthly: 900_000,
  opexStartMonth: '2026-07',
  opexEndMonth: '2028-06',
});
const services = makeLine({
  id: 'svc',
  kind: 'capex',
  category: 'projects',
  roadmapItemId: 'cm',
  plan: months(0, { 3: 4_000_000, 5: 4_000_000, 7: 4_000_000, 8: 4_000_000, 10: 4_000_000, 11: 4_000_000 }),
  // Booked Jan–Sep; the September instalment slipped (actual 0).
  actual: months<number | null>(null, {
    0: 0,
    1: 0,
    2: 0,
    3: 4_000_000,
    4: 0,
    5: 4_000_000,
    6: 0,
    7: 4_000_000,
    8: 0,
  }),
});
// The run-rate line is booked Jan–Sep at plan.
const run = makeLine({
  id: 'run',
  plan: months(100_000),
  actual: months<number | null>(null, { 0: 1e5, 1: 1e5, 2: 1e5, 3: 1e5, 4: 1e5, 5: 1e5, 6: 1e5, 7: 1e5, 8: 1e5 }),
});

describe('lineTreatment', () => {
  it('counts unlinked and dangling lines as written, follows live items, drops cancelled ones', () => {
    const byId = new Map([
      ['cm', { status: 'in-progress' as const }],
      ['idea', { status: 'proposed' as const }],
      ['gone', { status: 'cancelled' as const }],
    ]);
    expect(lineTreatment({ roadmapItemId: null }, byId)).toBe('as-written');
    expect(lineTreatment({ roadmapItemId: 'missing' }, byId)).toBe('as-written');
    expect(lineTreatment({ roadmapItemId: 'cm' }, byId)).toBe('follows-item');
    expect(lineTreatment({ roadmapItemId: 'idea' }, byId)).toBe('follows-item');
    expect(lineTreatment({ roadmapItemId: 'gone' }, byId)).toBe('dropped');
  });
});

describe('roadmapMoneyByMonth', () => {
  it('uses the linked lines in the years they cover and the schedule elsewhere', () => {
    const m = roadmapMoneyByMonth([services], [item], 1, { unspentOnly: false }).byMonth;
    // FY2026 is covered by the line: its instalments, not the item's April capex or its 2026 opex.
    expect(m.get('2026-04')).toEqual({ capex: 4_000_000, opex: 0 });
    expect(m.get('2026-07')).toBeUndefined();
    expect(m.get('2026-12')).toEqual({ capex: 4_000_000, opex: 0 });
    // FY2027 and FY2028 (no lines): the item's opex.
    expect(m.get('2027-01')).toEqual({ capex: 0, opex: 900_000 });
    expect(m.get('2028-06')).toEqual({ capex: 0, opex: 900_000 });
    expect(m.get('2028-07')).toBeUndefined();
  });

  it('for the forecast keeps only unspent line amounts', () => {
    const m = roadmapMoneyByMonth([services], [item], 1, { unspentOnly: true }).byMonth;
    // Apr–Sep are booked on the line; Nov and Dec still to come.
    expect(m.get('2026-04')).toBeUndefined();
    expect(m.get('2026-11')).toEqual({ capex: 4_000_000, opex: 0 });
  });

  it('moves the lines and the schedule together when the item moves', () => {
    const moved = reschedule(item, 3); // baseline 2026-04, start 2026-07: shift 3
    const m = roadmapMoneyByMonth([services], [moved], 1, { unspentOnly: true }).byMonth;
    // The unspent Nov and Dec instalments land in Feb and Mar 2027.
    expect(m.get('2026-11')).toBeUndefined();
    expect(m.get('2027-02')).toEqual({ capex: 4_000_000, opex: 0 });
    expect(m.get('2027-03')).toEqual({ capex: 4_000_000, opex: 0 });
    // Opex now runs Oct 2026 – Sep 2028; the months whose baseline (3 months earlier) falls in the
    // covered FY2026 are left out: Oct 2026 – Mar 2027. April 2027 (baseline Jan 2027) counts.
    expect(m.get('2027-03')?.opex).toBe(0);
    expect(m.get('2027-04')).toEqual({ capex: 0, opex: 900_000 });
    expect(m.get('2028-09')).toEqual({ capex: 0, opex: 900_000 });
  });

  it('shows proposed items apart and never adds them', () => {
    const idea = makeItem({ id: 'idea', status: 'proposed', startMonth: '2027-01', endMonth: '2027-02', capex: 5_000 });
    const money = roadmapMoneyByMonth([], [idea], 1, { unspentOnly: false });
    expect(money.byMonth.size).toBe(0);
    expect([...money.proposedByMonth]).toEqual([['2027-01', 5_000]]);
  });
});

describe('forecast on a sample-like year', () => {
  const ctx = { fiscalStartMonth: 1, lines: [services, run], items: [item] };

  it('follows the budget line, not the item’s coarse schedule, while the item stays put', () => {
    const s = budgetSummary(ctx, 2026);
    // Jan–Sep are booked (actuals). Q4 open: run 3 × 1,000 + instalments Nov and Dec 2 × 40,000 = 83,000.
    expect(s.quarters[3]?.forecast).toBe(8_300_000);
    // The slipped September instalment is not re-forecast: actuals to date + remaining plan.
    // Q3 = Jul 1,000 + Aug (40,000 + 1,000) + Sep (0 + 1,000).
    expect(s.quarters[2]?.forecast).toBe(100_000 + 4_100_000 + 100_000);
  });

  it('moving the item a quarter later takes Q4’s instalments out of FY2026 and into FY2027', () => {
    const moved = { ...ctx, items: [reschedule(item, 3)] };
    expect(budgetSummary(moved, 2026).quarters[3]?.forecast).toBe(300_000);
    const next = budgetSummary(moved, 2027);
    // FY2027 Q1: Feb and Mar instalments 2 × 40,000; no opex yet (Jan–Mar 2027 are baseline Oct–Dec 2026).
    // Before the move Q1 held 3 × 9,000 opex from the schedule.
    expect(next.quarters[0]?.forecast).toBe(8_000_000);
    expect(budgetSummary(ctx, 2027).quarters[0]?.forecast).toBe(2_700_000);
  });
});

describe('baseline helpers', () => {
  it('records the baseline on the first move only and measures the shift', () => {
    const once = reschedule(item, 3);
    const twice = reschedule(once, -1);
    expect([once.baselineStartMonth, twice.baselineStartMonth]).toEqual(['2026-04', '2026-04']);
    expect([monthsSinceBaseline(item), monthsSinceBaseline(once), monthsSinceBaseline(twice)]).toEqual([0, 3, 2]);
    expect(monthsSinceBaseline(rebaseline(twice))).toBe(0);
  });

  it('keeps the baseline when the editor changes the start month', () => {
    const edited = keepBaseline(item, { ...item, startMonth: '2026-06' });
    expect(edited.baselineStartMonth).toBe('2026-04');
    expect(keepBaseline(item, { ...item, title: 'renamed' }).baselineStartMonth).toBeUndefined();
  });
});
