import { describe, expect, it } from 'vitest';
import type { BudgetContext } from '../../../../shared/domain/budget/summary';
import { budgetImpact, impactDelta, moveImpact } from '../../../../shared/domain/roadmap/budget-impact';
import { makeLine, months } from '../budget/make-line';
import { makeItem } from './make-item';

describe('budgetImpact / moveImpact: costs follow the roadmap', () => {
  it('an item without budget lines: its own schedule moves between the years (calendar fiscal year)', () => {
    // Committed item Oct 2026 – Mar 2027: capex 12,000.00 in Oct, opex 1,000.00 a month.
    // FY2026 forecast: 1,200,000 + 3 × 100,000 (Oct–Dec) = 1,500,000.
    // FY2027 plan: 3 × 100,000 (Jan–Mar) = 300,000.
    // One quarter later (Jan – Jun 2027): FY2026 0; FY2027 1,200,000 + 6 × 100,000 = 1,800,000.
    const ctx: BudgetContext = {
      fiscalStartMonth: 1,
      lines: [],
      items: [
        makeItem({
          id: 'a',
          status: 'in-progress',
          startMonth: '2026-10',
          endMonth: '2027-03',
          capex: 1_200_000,
          opexMonthly: 100_000,
        }),
      ],
    };
    const r = moveImpact(ctx, 2026, 'a', 3);
    expect(r.before).toEqual({
      fiscalYear: 2026,
      forecast: 1_500_000,
      nextFiscalYear: 2027,
      nextForecast: 300_000,
      nextProposed: 0,
    });
    expect([r.after.forecast, r.after.nextForecast]).toEqual([0, 1_800_000]);
    expect(r.delta).toEqual({ forecast: -1_500_000, nextForecast: 1_500_000 });
  });

  it('linked budget lines move with the item; spent amounts stay; run lines are escalated next year (July start)', () => {
    // FY2027 = Jul 2026 – Jun 2027. Run line: 10,000 a month, 5 % escalator, July actual 11,000.
    // Item (no own costs) with a linked capex line: Jul 50,000 (spent: actual 50,000), Jun 80,000.
    // Before: FY2027 forecast = Jul actuals 61,000 + run Aug–Jun 110,000 + linked Jun 80,000 = 251,000;
    //   FY2028 plan = run 120,000 × 1.05 = 126,000 (the linked line is not escalated).
    // One month later: the Jun 80,000 lands in Jul 2027 (FY2028); the spent Jul amount stays.
    //   FY2027 forecast = 61,000 + 110,000 = 171,000; FY2028 = 126,000 + 80,000 = 206,000.
    const ctx: BudgetContext = {
      fiscalStartMonth: 7,
      lines: [
        makeLine({
          id: 'run',
          fiscalYear: 2027,
          recurring: true,
          escalatorPct: 5,
          plan: months(10_000),
          actual: months(null, { 0: 11_000 }),
        }),
        makeLine({
          id: 'proj',
          fiscalYear: 2027,
          kind: 'capex',
          roadmapItemId: 'i',
          plan: months(0, { 0: 50_000, 11: 80_000 }),
          actual: months(null, { 0: 50_000 }),
        }),
      ],
      items: [makeItem({ id: 'i', status: 'in-progress', startMonth: '2026-07', endMonth: '2027-06' })],
    };
    const before = budgetImpact(ctx, 2027);
    expect([before.forecast, before.nextForecast]).toEqual([251_000, 126_000]);
    const r = moveImpact(ctx, 2027, 'i', 1);
    expect([r.after.forecast, r.after.nextForecast]).toEqual([171_000, 206_000]);
    expect(r.delta).toEqual({ forecast: -80_000, nextForecast: 80_000 });
    // Moving back where it was planned restores the figures exactly.
    const back = moveImpact(
      {
        ...ctx,
        items: ctx.items.map((i) => ({
          ...i,
          startMonth: '2026-08',
          endMonth: '2027-07',
          baselineStartMonth: '2026-07',
        })),
      },
      2027,
      'i',
      -1,
    );
    expect([back.after.forecast, back.after.nextForecast]).toEqual([251_000, 126_000]);
  });

  it('a proposed item is shown apart next year and moves no forecast', () => {
    // Proposed, capex 5,000.00 in Jan 2027: FY2027 proposed 500,000, not in the plan.
    const ctx: BudgetContext = {
      fiscalStartMonth: 1,
      lines: [],
      items: [makeItem({ id: 'p', status: 'proposed', startMonth: '2027-01', endMonth: '2027-01', capex: 500_000 })],
    };
    const r = moveImpact(ctx, 2026, 'p', -3);
    expect(r.before).toMatchObject({ forecast: 0, nextForecast: 0, nextProposed: 500_000 });
    // Three months earlier (Oct 2026): still proposed, so neither forecast moves; next year has none left.
    expect(r.after).toMatchObject({ forecast: 0, nextForecast: 0, nextProposed: 0 });
    expect(r.delta).toEqual({ forecast: 0, nextForecast: 0 });
  });

  it('an unknown item changes nothing; impactDelta subtracts field by field', () => {
    const ctx: BudgetContext = { fiscalStartMonth: 1, lines: [], items: [] };
    expect(moveImpact(ctx, 2026, 'gone', 3).delta).toEqual({ forecast: 0, nextForecast: 0 });
    const a = { fiscalYear: 2026, forecast: 100, nextFiscalYear: 2027, nextForecast: 40, nextProposed: 0 };
    expect(impactDelta(a, { ...a, forecast: 70, nextForecast: 95 })).toEqual({ forecast: -30, nextForecast: 55 });
  });
});
