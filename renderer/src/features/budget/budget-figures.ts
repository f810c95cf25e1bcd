/**
 * Small derivations the budget screen shows on top of the shared budgetSummary: a quarter's
 * variance line by line (same like-for-like rule as the summary: only months that have actuals are
 * compared), unit costs, the quarter to open by default, and the CSV style of a locale.
 */
import { costPerUnitMonth, type BudgetSummary } from '../../../../shared/domain/budget/summary';
import { percentOf } from '../../../../shared/domain/budget/money';
import type { BudgetLine } from '../../../../shared/domain/budget/schema';
import { safeLocale } from '../../lib/format';

export type QuarterLineRow = {
  line: BudgetLine;
  /** Plan of the whole quarter. */
  plan: number;
  /** Plan of the quarter's months that have actuals (what `actual` is compared with). */
  comparedPlan: number;
  /** Null when no month of the quarter has actuals yet. */
  actual: number | null;
  variance: number | null;
  variancePct: number | null;
};

/** Each line's figures for fiscal quarter `q` (0–3) of the summary's year. */
export function quarterLineVariance(
  summary: Pick<BudgetSummary, 'months'>,
  lines: readonly BudgetLine[],
  q: number,
): QuarterLineRow[] {
  const idx = [q * 3, q * 3 + 1, q * 3 + 2];
  const booked = idx.filter((i) => summary.months[i]?.actual !== null && summary.months[i] !== undefined);
  return lines.map((line) => {
    const plan = idx.reduce((s, i) => s + (line.plan[i] ?? 0), 0);
    if (booked.length === 0) return { line, plan, comparedPlan: 0, actual: null, variance: null, variancePct: null };
    const comparedPlan = booked.reduce((s, i) => s + (line.plan[i] ?? 0), 0);
    const actual = booked.reduce((s, i) => s + (line.actual[i] ?? 0), 0);
    const variance = actual - comparedPlan;
    return { line, plan, comparedPlan, actual, variance, variancePct: percentOf(variance, comparedPlan) };
  });
}

/** The latest fiscal quarter (0–3) that has actuals; the first when none has. */
export function defaultQuarterIndex(summary: Pick<BudgetSummary, 'quarters'>): number {
  let q = 0;
  summary.quarters.forEach((x, i) => {
    if (x.actual !== null) q = i;
  });
  return q;
}

export type UnitCosts = {
  perUser: { forecast: number | null; plan: number | null };
  perEndpoint: { forecast: number | null; plan: number | null };
};

/** Cost per user and per endpoint per month, from the year's forecast and from its plan. */
export function unitCosts(
  summary: Pick<BudgetSummary, 'year'>,
  counts: { userCount: number; endpointCount: number },
): UnitCosts {
  return {
    perUser: {
      forecast: costPerUnitMonth(summary.year.forecast, counts.userCount),
      plan: costPerUnitMonth(summary.year.plan, counts.userCount),
    },
    perEndpoint: {
      forecast: costPerUnitMonth(summary.year.forecast, counts.endpointCount),
      plan: costPerUnitMonth(summary.year.plan, counts.endpointCount),
    },
  };
}

/**
 * How a spreadsheet in this locale expects CSV: where the decimal separator is a comma, fields are
 * separated by semicolons (what Excel writes and reads there); elsewhere commas and points.
 */
export function csvStyleFor(locale: string): { delimiter: ',' | ';'; decimalSeparator: '.' | ',' } {
  const decimal =
    new Intl.NumberFormat(safeLocale(locale)).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return decimal === ',' ? { delimiter: ';', decimalSeparator: ',' } : { delimiter: ',', decimalSeparator: '.' };
}
