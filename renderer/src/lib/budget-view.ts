/**
 * Budget figures for the screens: the shared budgetSummary (helper E's rules: months with actuals,
 * like-for-like variance, roadmap-following forecast) plus the same comparison line by line.
 */
import { budgetSummary, type BudgetContext, type BudgetSummary } from '../../../shared/domain/budget/summary';
import type { BudgetLine } from '../../../shared/domain/budget/schema';
import { percentOf, sum } from '../../../shared/domain/budget/money';

export type LineRow = {
  line: BudgetLine;
  planYear: number;
  /** Plan of the months that have actuals (what the actual is compared with). */
  comparedPlan: number;
  actual: number;
  variance: number;
  variancePct: number | null;
};

export type BudgetView = { summary: BudgetSummary; lines: LineRow[] };

/** The summary of one fiscal year and every line compared over the months that have actuals. */
export function budgetView(ctx: BudgetContext, fiscalYear: number): BudgetView {
  const summary = budgetSummary(ctx, fiscalYear);
  const booked = summary.months.map((m) => m.actual !== null);
  const lines = ctx.lines
    .filter((l) => l.fiscalYear === fiscalYear)
    .map((line): LineRow => {
      const comparedPlan = sum(line.plan.filter((_, i) => booked[i]));
      const actual = sum(line.actual.map((a, i) => (booked[i] ? (a ?? 0) : 0)));
      const variance = actual - comparedPlan;
      return {
        line,
        planYear: sum(line.plan),
        comparedPlan,
        actual,
        variance,
        variancePct: booked.some(Boolean) ? percentOf(variance, comparedPlan) : null,
      };
    });
  return { summary, lines };
}

/** The fiscal years that have lines, newest first. */
export function budgetYears(lines: readonly BudgetLine[]): number[] {
  return [...new Set(lines.map((l) => l.fiscalYear))].sort((a, b) => b - a);
}
