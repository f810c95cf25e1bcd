/**
 * Budget figures for the screens. STAND-IN until shared/domain/budget/summary.ts (helper E) lands:
 * year to date = fiscal months up to the last one with any actual; forecast = actuals to date +
 * remaining plan (SPEC §3.4). Money in minor units throughout.
 */
import type { BudgetLine } from '../../../shared/domain/budget/schema';

export type LineYtd = {
  line: BudgetLine;
  planYear: number;
  planYtd: number;
  actualYtd: number;
  variance: number;
  variancePct: number | null;
  forecast: number;
};

export type BudgetYtd = {
  fiscalYear: number;
  /** Fiscal months with actuals (0 = none yet). */
  monthsElapsed: number;
  lines: LineYtd[];
  planYear: number;
  planYtd: number;
  actualYtd: number;
  variance: number;
  variancePct: number | null;
  forecast: number;
};

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Year-to-date plan, actual, variance and forecast for the lines of one fiscal year. */
export function budgetYtd(lines: readonly BudgetLine[], fiscalYear: number): BudgetYtd {
  const fy = lines.filter((l) => l.fiscalYear === fiscalYear);
  let monthsElapsed = 0;
  for (const l of fy) {
    l.actual.forEach((a, i) => {
      if (a !== null && i + 1 > monthsElapsed) monthsElapsed = i + 1;
    });
  }
  const rows = fy.map((line): LineYtd => {
    const planYear = sum(line.plan);
    const planYtd = sum(line.plan.slice(0, monthsElapsed));
    const actualYtd = sum(line.actual.slice(0, monthsElapsed).map((a) => a ?? 0));
    const variance = actualYtd - planYtd;
    return {
      line,
      planYear,
      planYtd,
      actualYtd,
      variance,
      variancePct: planYtd ? (variance / planYtd) * 100 : null,
      forecast: actualYtd + sum(line.plan.slice(monthsElapsed)),
    };
  });
  const planYtd = sum(rows.map((r) => r.planYtd));
  const actualYtd = sum(rows.map((r) => r.actualYtd));
  return {
    fiscalYear,
    monthsElapsed,
    lines: rows,
    planYear: sum(rows.map((r) => r.planYear)),
    planYtd,
    actualYtd,
    variance: actualYtd - planYtd,
    variancePct: planYtd ? ((actualYtd - planYtd) / planYtd) * 100 : null,
    forecast: sum(rows.map((r) => r.forecast)),
  };
}

/** The fiscal years that have lines, newest first. */
export function budgetYears(lines: readonly BudgetLine[]): number[] {
  return [...new Set(lines.map((l) => l.fiscalYear))].sort((a, b) => b - a);
}
