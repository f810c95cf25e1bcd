import { describe, expect, it } from 'vitest';
import { costPerUnitMonth, latestActuals, budgetSummary } from '../../../../shared/domain/budget/summary';
import { reschedule } from '../../../../shared/domain/roadmap/costs';
import { makeItem } from '../roadmap/make-item';
import { makeLine, months } from './make-line';

// Line A: software opex, plan 1,000.00 every month; actuals Jan 1,100.00, Feb 900.00, Mar 1,000.00, Apr 1,200.00.
// Line B: hardware capex, plan Feb 5,000.00 and Jul 3,000.00; actual Feb 4,500.00.
// (Indices are fiscal months: with a calendar year 0 = Jan; with a July start 0 = Jul.)
const lineA = makeLine({
  id: 'a',
  name: 'M365 licences',
  category: 'software-licences',
  kind: 'opex',
  plan: months(100_000),
  actual: months<number | null>(null, { 0: 110_000, 1: 90_000, 2: 100_000, 3: 120_000 }),
  varianceNotes: { Q1: '', Q2: 'True-up for 40 new seats', Q3: '', Q4: '' },
});
const lineB = makeLine({
  id: 'b',
  name: 'Laptops',
  category: 'hardware',
  kind: 'capex',
  plan: months(0, { 1: 500_000, 6: 300_000 }),
  actual: months<number | null>(null, { 1: 450_000 }),
});

describe('budgetSummary — quarters, variance, forecast (calendar year)', () => {
  const s = budgetSummary({ fiscalStartMonth: 1, lines: [lineA, lineB], items: [] }, 2026);

  // [quarter, plan, actual, comparedPlan, variance, variancePct, forecast]
  const cases: [string, number, number | null, number, number, number | null, number][] = [
    // Q1 plan 3×1,000 + 5,000 = 8,000; actual 1,100+900+1,000 + 4,500 = 7,500; all three months booked.
    // variance 7,500 − 8,000 = −500 → −500/8,000 = −6.25 %.
    ['2026-Q1', 800_000, 750_000, 800_000, -50_000, -6.25, 750_000],
    // Q2: only April is booked: actual 1,200 vs April plan 1,000 → +200 = +20 %.
    // Forecast = 1,200 (Apr actual) + 1,000 (May plan) + 1,000 (Jun plan) = 3,200.
    ['2026-Q2', 300_000, 120_000, 100_000, 20_000, 20, 320_000],
    // Q3: no actuals: variance 0, % null; forecast = plan 3,000 + 3,000 (July laptops) = 6,000.
    ['2026-Q3', 600_000, null, 0, 0, null, 600_000],
    ['2026-Q4', 300_000, null, 0, 0, null, 300_000],
  ];
  it.each(cases)('%s', (quarter, plan, actual, comparedPlan, variance, pct, forecast) => {
    const q = s.quarters.find((x) => x.quarter === quarter);
    expect(q).toMatchObject({ plan, actual, comparedPlan, variance, forecast });
    if (pct === null) expect(q?.variancePct).toBeNull();
    else expect(q?.variancePct).toBeCloseTo(pct, 10);
  });

  it('totals the year: forecast = actuals where known + plan for the rest', () => {
    // plan 12×1,000 + 5,000 + 3,000 = 20,000; actual 7,500 + 1,200 = 8,700 vs Jan–Apr plan 9,000 → −300.
    // forecast 7,500 + 3,200 + 6,000 + 3,000 = 19,700.
    expect(s.year).toMatchObject({
      plan: 2_000_000,
      actual: 870_000,
      comparedPlan: 900_000,
      variance: -30_000,
      forecast: 1_970_000,
    });
    expect(s.year.variancePct).toBeCloseTo((-30_000 / 900_000) * 100, 10);
  });

  it('gives year-to-date through the latest month with actuals', () => {
    expect(s.ytd).toEqual({
      throughMonth: '2026-04',
      plan: 900_000,
      actual: 870_000,
      comparedPlan: 900_000,
      variance: -30_000,
      variancePct: (-30_000 / 900_000) * 100,
      monthsWithoutActuals: [],
    });
  });

  it('splits by category and by capex/opex', () => {
    expect(s.byCategory).toEqual([
      // Fixed category order: software-licences before hardware.
      { category: 'software-licences', plan: 1_200_000, actual: 420_000, capex: 0, opex: 1_200_000 },
      { category: 'hardware', plan: 800_000, actual: 450_000, capex: 800_000, opex: 0 },
    ]);
    // Forecast capex: Feb actual 4,500 + Jul plan 3,000 = 7,500; opex: 19,700 − 7,500 = 12,200.
    expect(s.split).toEqual({
      capex: { plan: 800_000, actual: 450_000, forecast: 750_000 },
      opex: { plan: 1_200_000, actual: 420_000, forecast: 1_220_000 },
    });
  });

  it('collects the variance notes per quarter', () => {
    expect(s.quarters[1]?.notes).toEqual([
      { lineId: 'a', lineName: 'M365 licences', note: 'True-up for 40 new seats' },
    ]);
    expect(s.quarters[0]?.notes).toEqual([]);
  });

  it('ignores lines of other fiscal years', () => {
    const other = makeLine({ id: 'z', fiscalYear: 2025, plan: months(999_999) });
    expect(budgetSummary({ fiscalStartMonth: 1, lines: [lineA, lineB, other], items: [] }, 2026).year.plan).toBe(
      2_000_000,
    );
  });
});

describe('budgetSummary — July fiscal start', () => {
  // Same lines in FY2027 with a July start: index 0 = Jul 2026, so Q1 = Jul–Sep 2026.
  const s = budgetSummary(
    {
      fiscalStartMonth: 7,
      lines: [
        { ...lineA, fiscalYear: 2027 },
        { ...lineB, fiscalYear: 2027 },
      ],
      items: [],
    },
    2027,
  );
  it('names quarters by the fiscal year and maps months across the calendar boundary', () => {
    expect(s.quarters.map((q) => [q.quarter, q.months[0]])).toEqual([
      ['2027-Q1', '2026-07'],
      ['2027-Q2', '2026-10'],
      ['2027-Q3', '2027-01'],
      ['2027-Q4', '2027-04'],
    ]);
    // Same figures as the calendar case: Q1 actual 7,500 vs 8,000; YTD through Oct 2026 (index 3).
    expect(s.quarters[0]).toMatchObject({ plan: 800_000, actual: 750_000, variance: -50_000 });
    expect(s.ytd.throughMonth).toBe('2026-10');
    expect(s.months[6]?.month).toBe('2027-01');
  });
});

describe('budgetSummary — gaps and empty years', () => {
  it('lists months without actuals inside YTD and compares only booked months', () => {
    const line = makeLine({ plan: months(10_000), actual: months<number | null>(null, { 0: 12_000, 2: 9_000 }) });
    const s = budgetSummary({ fiscalStartMonth: 1, lines: [line], items: [] }, 2026);
    // Q1: actual 120 + 90 = 210 vs Jan+Mar plan 200 → +10 = +5 %; Feb is a gap; forecast 120 + 100 + 90 = 310.
    expect(s.quarters[0]).toMatchObject({
      actual: 21_000,
      comparedPlan: 20_000,
      variance: 1_000,
      variancePct: 5,
      forecast: 31_000,
    });
    expect(s.ytd.monthsWithoutActuals).toEqual(['2026-02']);
    // YTD plan runs through March (3 × 100 = 300) though the variance compares Jan and Mar only.
    expect([s.ytd.plan, s.ytd.comparedPlan]).toEqual([30_000, 20_000]);
  });

  it('counts a missing actual as 0 in a booked month', () => {
    const paid = makeLine({ id: 'p', plan: months(10_000), actual: months<number | null>(null, { 0: 10_000 }) });
    const silent = makeLine({ id: 's', plan: months(5_000) });
    const s = budgetSummary({ fiscalStartMonth: 1, lines: [paid, silent], items: [] }, 2026);
    // January booked: actual 100 + 0 vs plan 150 → −50; −33.33 %.
    expect(s.months[0]).toMatchObject({ plan: 15_000, actual: 10_000, forecast: 10_000 });
    expect(s.quarters[0]?.variance).toBe(-5_000);
  });

  it('an empty year is all zeros with null actuals', () => {
    const s = budgetSummary({ fiscalStartMonth: 1, lines: [], items: [] }, 2030);
    expect(s.year).toEqual({ plan: 0, actual: 0, comparedPlan: 0, variance: 0, variancePct: null, forecast: 0 });
    expect(s.quarters.every((q) => q.actual === null && q.variancePct === null)).toBe(true);
    expect(s.ytd.throughMonth).toBeNull();
    expect(s.byCategory).toEqual([]);
  });
});

describe('budgetSummary — the forecast follows the roadmap', () => {
  // Cloud migration (approved): capex 120,000.00 in Nov 2026. Its budget line (linked) plans it in Nov.
  const cloud = makeItem({
    id: 'cloud',
    title: 'Cloud migration',
    startMonth: '2026-11',
    endMonth: '2026-12',
    capex: 12_000_000,
  });
  const cloudLine = makeLine({
    id: 'c',
    category: 'projects',
    kind: 'capex',
    roadmapItemId: 'cloud',
    plan: months(0, { 10: 12_000_000 }),
  });
  const run = makeLine({ id: 'r', plan: months(100_000) });
  const ctx = { fiscalStartMonth: 1, lines: [cloudLine, run], items: [cloud] };

  it('plans and forecasts the same while the item is where the budget expects it', () => {
    const s = budgetSummary(ctx, 2026);
    // Q4: run 3 × 1,000 + cloud 120,000 = 123,000, plan and forecast alike.
    expect(s.quarters[3]).toMatchObject({ plan: 12_300_000, forecast: 12_300_000 });
  });

  it('moving the item one quarter later moves its cost out of FY2026 Q4 and into FY2027 Q1', () => {
    const moved = { ...ctx, items: [reschedule(cloud, 3)] };
    const s2026 = budgetSummary(moved, 2026);
    // Plan is the approved budget and does not move; the forecast loses 120,000.00.
    expect(s2026.quarters[3]).toMatchObject({ plan: 12_300_000, forecast: 300_000 });
    expect(s2026.year.forecast).toBe(1_200_000);
    // FY2027 has no lines yet; its forecast now carries the capex in Feb 2027 (Q1).
    const s2027 = budgetSummary(moved, 2027);
    expect(s2027.quarters.map((q) => q.forecast)).toEqual([12_000_000, 0, 0, 0]);
  });

  it('keeps proposed items out, keeps lines linked to proposed items as written, and drops lines of cancelled items', () => {
    const proposed = { ...cloud, status: 'proposed' as const, capex: 99_900 };
    const sP = budgetSummary({ ...ctx, items: [proposed] }, 2026);
    // The line's own 120,000.00 stays; the proposed item's 999.00 does not count.
    expect(sP.quarters[3]?.forecast).toBe(12_300_000);
    const cancelled = { ...cloud, status: 'cancelled' as const };
    const sC = budgetSummary({ ...ctx, items: [cancelled] }, 2026);
    expect(sC.quarters[3]).toMatchObject({ plan: 12_300_000, forecast: 300_000 });
  });

  it('uses actuals, not the schedule, in booked months', () => {
    // November booked: the project actually cost 118,000.00 → forecast Q4 = 1,000 (Oct) + 118,000 + 1,000 (Nov run) + 1,000 (Dec).
    const booked = { ...cloudLine, actual: months<number | null>(null, { 10: 11_800_000 }) };
    const runBooked = { ...run, actual: months<number | null>(null, { 10: 100_000 }) };
    const s = budgetSummary({ ...ctx, lines: [booked, runBooked] }, 2026);
    expect(s.quarters[3]?.forecast).toBe(100_000 + 11_800_000 + 100_000 + 100_000);
  });

  it('adds committed items without a budget line, so unbudgeted work shows up in the forecast', () => {
    const extra = makeItem({ id: 'siem', startMonth: '2026-01', endMonth: '2026-12', opexMonthly: 50_000 });
    const s = budgetSummary({ fiscalStartMonth: 1, lines: [run], items: [extra] }, 2026);
    // plan 12 × 1,000 = 12,000; forecast adds 12 × 500 = 6,000.
    expect([s.year.plan, s.year.forecast]).toEqual([1_200_000, 1_800_000]);
    expect(s.split.opex.forecast).toBe(1_800_000);
  });
});

describe('latestActuals and costPerUnitMonth', () => {
  it('finds the latest month with actuals across fiscal years (July start)', () => {
    const fy26 = makeLine({ fiscalYear: 2026, actual: months<number | null>(null, { 11: 1 }) }); // Jun 2026
    const fy27 = makeLine({ fiscalYear: 2027, actual: months<number | null>(null, { 1: 1 }) }); // Aug 2026
    expect(latestActuals([fy26, fy27], 7)).toEqual({ month: '2026-08', fiscalYear: 2027 });
    expect(latestActuals([fy26], 7)).toEqual({ month: '2026-06', fiscalYear: 2026 });
    expect(latestActuals([makeLine()], 7)).toBeNull();
  });

  const cases: [number, number, number | null][] = [
    // 1,200,000.00 / 12 = 100,000.00 a month / 1,900 users = 52.6315… → 5,263 cents (52.63).
    [120_000_000, 1_900, 5_263],
    // 30 / 12 = 2.5 → 3 (half away from zero); −2.5 → −3.
    [30, 1, 3],
    [-30, 1, -3],
    [1_000, 0, null],
  ];
  it.each(cases)('costPerUnitMonth(%i, %i) = %s', (forecast, units, expected) => {
    expect(costPerUnitMonth(forecast, units)).toBe(expected);
  });
});
