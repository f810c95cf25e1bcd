/**
 * Budget figures for one fiscal year (SPEC §3.4, issue 3 item 3). All amounts are integer minor
 * units. The rules, stated once:
 *
 * - A month "has actuals" when at least one budget line of the fiscal year has an actual for it.
 *   In such a month a line without an actual counts as 0 actual (the month is booked; nothing was
 *   spent on that line). A month without any actual is open.
 * - Quarter (and year) actual = sum of actuals over its months that have actuals; null when none has.
 * - Variance compares like with like: variance = actual − plan of the SAME months (those with
 *   actuals), variancePct = variance / that plan × 100 (null when there are no actuals or that plan
 *   is 0). A positive variance is overspend. With no actuals the variance is 0.
 * - Forecast = actuals for months that have them; for open months, the lines counted as written
 *   plus the roadmap's money for the month (roadmap-link.ts): lines linked to a roadmap item move
 *   with the item, and committed items without a line for the year add their own schedule, so
 *   rescheduling an item moves the forecast.
 * - YTD runs from the first month of the year to the latest month with actuals.
 */
import { calendarMonthOf, fiscalYearMonths, fiscalYearOf } from '../periods';
import { percentOf, roundHalfAwayFromZero, sum } from './money';
import { lineTreatment, roadmapMoneyByMonth, type BudgetRoadmapItem, type Split } from './roadmap-link';
import { BUDGET_CATEGORIES, type BudgetCategory, type BudgetLine } from './schema';

export type BudgetContext = {
  fiscalStartMonth: number;
  /** All budget lines of the workspace (any fiscal year). */
  lines: readonly BudgetLine[];
  /** All roadmap items of the workspace. */
  items: readonly BudgetRoadmapItem[];
};

export type MonthFigures = {
  month: string;
  plan: number;
  /** Sum of actuals; null when no line has an actual for this month. */
  actual: number | null;
  forecast: number;
  forecastSplit: Split;
  /** Roadmap money for this month (roadmap-link.ts); part of the forecast when the month is open. */
  roadmap: number;
};

export type VarianceNote = { lineId: string; lineName: string; note: string };

export type QuarterFigures = {
  /** `YYYY-Qn` fiscal quarter. */
  quarter: string;
  months: string[];
  plan: number;
  actual: number | null;
  /** Plan of the months that have actuals: what `actual` is compared with. */
  comparedPlan: number;
  variance: number;
  variancePct: number | null;
  forecast: number;
  notes: VarianceNote[];
};

export type CategoryFigures = { category: BudgetCategory; plan: number; actual: number; capex: number; opex: number };

export type BudgetSummary = {
  fiscalYear: number;
  months: MonthFigures[];
  quarters: QuarterFigures[];
  year: {
    plan: number;
    /** Sum of all known actuals (0 when none). */
    actual: number;
    comparedPlan: number;
    variance: number;
    variancePct: number | null;
    forecast: number;
  };
  ytd: {
    /** Latest month with actuals, or null when the year has none. */
    throughMonth: string | null;
    plan: number;
    actual: number;
    comparedPlan: number;
    variance: number;
    variancePct: number | null;
    /** Months up to throughMonth that have no actuals yet (gaps the user may have missed). */
    monthsWithoutActuals: string[];
  };
  /** Categories that have at least one line this year, in the fixed category order. */
  byCategory: CategoryFigures[];
  split: {
    capex: { plan: number; actual: number; forecast: number };
    opex: { plan: number; actual: number; forecast: number };
  };
  lineCount: number;
};

/** Every figure of the budget screen for one fiscal year. */
export function budgetSummary(ctx: BudgetContext, fiscalYear: number): BudgetSummary {
  const fs = ctx.fiscalStartMonth;
  const lines = ctx.lines.filter((l) => l.fiscalYear === fiscalYear);
  const itemsById = new Map(ctx.items.map((i) => [i.id, i]));
  const roadmap = roadmapMoneyByMonth(ctx.lines, ctx.items, fs, { unspentOnly: true }).byMonth;
  const monthsOfYear = fiscalYearMonths(fiscalYear, fs);

  const months: MonthFigures[] = monthsOfYear.map((month, i) => {
    let plan = 0;
    let actual = 0;
    let hasActual = false;
    const actualSplit: Split = { capex: 0, opex: 0 };
    const openSplit: Split = { capex: 0, opex: 0 };
    for (const line of lines) {
      plan += line.plan[i] ?? 0;
      const a = line.actual[i];
      if (a !== null && a !== undefined) {
        hasActual = true;
        actual += a;
        actualSplit[line.kind] += a;
      }
      if (lineTreatment(line, itemsById) === 'as-written') openSplit[line.kind] += line.plan[i] ?? 0;
    }
    const r = roadmap.get(month) ?? { capex: 0, opex: 0 };
    const forecastSplit = hasActual ? actualSplit : { capex: openSplit.capex + r.capex, opex: openSplit.opex + r.opex };
    return {
      month,
      plan,
      actual: hasActual ? actual : null,
      forecast: forecastSplit.capex + forecastSplit.opex,
      forecastSplit,
      roadmap: r.capex + r.opex,
    };
  });

  const quarters: QuarterFigures[] = [1, 2, 3, 4].map((q) => {
    const ms = months.slice((q - 1) * 3, q * 3);
    const key = `Q${q}` as 'Q1' | 'Q2' | 'Q3' | 'Q4';
    const notes: VarianceNote[] = [];
    for (const line of lines) {
      const note = line.varianceNotes[key].trim();
      if (note !== '') notes.push({ lineId: line.id, lineName: line.name, note });
    }
    return { quarter: `${fiscalYear}-${key}`, months: ms.map((m) => m.month), ...rollUp(ms), notes };
  });

  const lastWithActual = findLastIndex(months, (m) => m.actual !== null);
  const ytdMonths = months.slice(0, lastWithActual + 1);
  const ytdRoll = rollUp(ytdMonths);
  const yearRoll = rollUp(months);

  const byCategory: CategoryFigures[] = [];
  for (const category of BUDGET_CATEGORIES) {
    const ls = lines.filter((l) => l.category === category);
    if (ls.length === 0) continue;
    const cat: CategoryFigures = { category, plan: 0, actual: 0, capex: 0, opex: 0 };
    for (const l of ls) {
      const p = sum(l.plan);
      cat.plan += p;
      cat[l.kind] += p;
      cat.actual += sum(l.actual.map((a) => a ?? 0));
    }
    byCategory.push(cat);
  }

  const split = {
    capex: { plan: 0, actual: 0, forecast: sum(months.map((m) => m.forecastSplit.capex)) },
    opex: { plan: 0, actual: 0, forecast: sum(months.map((m) => m.forecastSplit.opex)) },
  };
  for (const l of lines) {
    split[l.kind].plan += sum(l.plan);
    split[l.kind].actual += sum(l.actual.map((a) => a ?? 0));
  }

  return {
    fiscalYear,
    months,
    quarters,
    year: {
      plan: yearRoll.plan,
      actual: yearRoll.actual ?? 0,
      comparedPlan: yearRoll.comparedPlan,
      variance: yearRoll.variance,
      variancePct: yearRoll.variancePct,
      forecast: yearRoll.forecast,
    },
    ytd: {
      throughMonth: lastWithActual >= 0 ? (months[lastWithActual]?.month ?? null) : null,
      plan: ytdRoll.plan,
      actual: ytdRoll.actual ?? 0,
      comparedPlan: ytdRoll.comparedPlan,
      variance: ytdRoll.variance,
      variancePct: ytdRoll.variancePct,
      monthsWithoutActuals: ytdMonths.filter((m) => m.actual === null).map((m) => m.month),
    },
    byCategory,
    split,
    lineCount: lines.length,
  };
}

type Roll = Omit<QuarterFigures, 'quarter' | 'months' | 'notes'>;

function rollUp(ms: readonly MonthFigures[]): Roll {
  let plan = 0;
  let forecast = 0;
  let actual: number | null = null;
  let comparedPlan = 0;
  for (const m of ms) {
    plan += m.plan;
    forecast += m.forecast;
    if (m.actual !== null) {
      actual = (actual ?? 0) + m.actual;
      comparedPlan += m.plan;
    }
  }
  const variance = actual === null ? 0 : actual - comparedPlan;
  const variancePct = actual === null ? null : percentOf(variance, comparedPlan);
  return { plan, actual, comparedPlan, variance, variancePct, forecast };
}

/** The latest calendar month with any actual across all lines, and its fiscal year; null when none. */
export function latestActuals(
  lines: readonly Pick<BudgetLine, 'fiscalYear' | 'actual'>[],
  fiscalStartMonth: number,
): { month: string; fiscalYear: number } | null {
  let latest: string | null = null;
  for (const line of lines) {
    line.actual.forEach((a, i) => {
      if (a === null) return;
      const m = calendarMonthOf(line.fiscalYear, i, fiscalStartMonth);
      if (latest === null || m > latest) latest = m;
    });
  }
  if (latest === null) return null;
  return { month: latest, fiscalYear: fiscalYearOf(latest, fiscalStartMonth) };
}

/**
 * Cost per unit (user or endpoint) per month: the year's forecast ÷ 12 ÷ units, rounded half away
 * from zero to the minor unit; null when there are no units. The forecast (not the plan) is used
 * because it is the best estimate of what the year will really cost.
 */
export function costPerUnitMonth(yearForecast: number, units: number): number | null {
  return units > 0 ? roundHalfAwayFromZero(yearForecast / 12 / units) : null;
}

function findLastIndex<T>(xs: readonly T[], pred: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (pred(xs[i] as T)) return i;
  return -1;
}

export { isCommitted, lineTreatment } from './roadmap-link';
export type { BudgetRoadmapItem, LineTreatment, Split } from './roadmap-link';
