/**
 * "Costs follow the roadmap" (issue 3 item 2): the budget figures a roadmap move changes, for the
 * roadmap screen's Budget impact panel. This fiscal year's forecast is the budget summary's
 * (actuals to date + the rest of the plan, roadmap money following its items); next fiscal year's
 * is the multi-year plan's (recurring lines escalated, committed roadmap costs), the same figures
 * the Budget screen shows.
 */
import { multiYearPlan } from '../budget/multi-year';
import { budgetSummary, type BudgetContext } from '../budget/summary';
import { reschedule } from './costs';

export type BudgetImpact = {
  fiscalYear: number;
  /** This fiscal year's forecast, minor units. */
  forecast: number;
  nextFiscalYear: number;
  /** Next fiscal year's planned cost from the multi-year plan, minor units. */
  nextForecast: number;
  /** Scheduled cost of proposed items in the next fiscal year: shown apart, not in nextForecast. */
  nextProposed: number;
};

export type ImpactDelta = { forecast: number; nextForecast: number };

/** The two forecasts for `fiscalYear` and the year after it. */
export function budgetImpact(ctx: BudgetContext, fiscalYear: number): BudgetImpact {
  const next = multiYearPlan(ctx, fiscalYear + 1, 1)[0];
  return {
    fiscalYear,
    forecast: budgetSummary(ctx, fiscalYear).year.forecast,
    nextFiscalYear: fiscalYear + 1,
    nextForecast: next?.plan ?? 0,
    nextProposed: next?.proposedRoadmap ?? 0,
  };
}

/** after − before for both forecasts (positive = the move adds cost to that year). */
export function impactDelta(before: BudgetImpact, after: BudgetImpact): ImpactDelta {
  return { forecast: after.forecast - before.forecast, nextForecast: after.nextForecast - before.nextForecast };
}

/**
 * What moving item `itemId` by `deltaMonths` does to the two forecasts, computed before the move
 * is written (the same `reschedule` the timeline writes). An unknown item changes nothing.
 */
export function moveImpact(
  ctx: BudgetContext,
  fiscalYear: number,
  itemId: string,
  deltaMonths: number,
): { before: BudgetImpact; after: BudgetImpact; delta: ImpactDelta } {
  const before = budgetImpact(ctx, fiscalYear);
  const items = ctx.items.map((i) => (i.id === itemId ? reschedule(i, deltaMonths) : i));
  const after = budgetImpact({ ...ctx, items }, fiscalYear);
  return { before, after, delta: impactDelta(before, after) };
}
