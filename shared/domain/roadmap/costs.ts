/**
 * Roadmap cost spreading (SPEC §3.3, issue 3 item 2). An item's one-time capex lands in its start
 * month; its recurring opex runs every month from `opexStartMonth` (or the start month) to
 * `opexEndMonth` (or the end month), both inclusive. Money is integer minor units.
 */
import { addMonths, fiscalQuarterOf, fiscalYearOf, monthIndex, monthRange } from '../periods';
import type { RoadmapItem } from './schema';

/** The fields cost spreading reads; a draft in the editor satisfies it as well as a stored item. */
export type CostedItem = Pick<
  RoadmapItem,
  'startMonth' | 'endMonth' | 'capex' | 'opexMonthly' | 'opexStartMonth' | 'opexEndMonth' | 'baselineStartMonth'
>;

export type MonthCost = { month: string; capex: number; opex: number; total: number };
export type PeriodCost = { capex: number; opex: number; total: number };

/** First and last month of the item's recurring cost (an empty range when end < start). */
export function opexWindow(item: CostedItem): { from: string; to: string } {
  return { from: item.opexStartMonth ?? item.startMonth, to: item.opexEndMonth ?? item.endMonth };
}

/** The item's costs month by month, ascending; months with no cost are left out. */
export function itemMonthlyCosts(item: CostedItem): MonthCost[] {
  const byMonth = new Map<string, { capex: number; opex: number }>();
  if (item.capex !== 0) byMonth.set(item.startMonth, { capex: item.capex, opex: 0 });
  if (item.opexMonthly !== 0) {
    const { from, to } = opexWindow(item);
    for (const month of monthRange(from, to)) {
      const cell = byMonth.get(month) ?? { capex: 0, opex: 0 };
      cell.opex += item.opexMonthly;
      byMonth.set(month, cell);
    }
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([month, c]) => ({ month, capex: c.capex, opex: c.opex, total: c.capex + c.opex }));
}

/** Whether an item's costs count in roadmap totals: a cancelled item costs nothing. */
export function itemCounts(item: Pick<RoadmapItem, 'status'>): boolean {
  return item.status !== 'cancelled';
}

/** Sum of item costs per calendar month over all items that count (cancelled items are left out). */
export function roadmapCostsByMonth(
  items: readonly (CostedItem & Pick<RoadmapItem, 'status'>)[],
): Map<string, PeriodCost> {
  const out = new Map<string, PeriodCost>();
  for (const item of items) {
    if (!itemCounts(item)) continue;
    for (const c of itemMonthlyCosts(item)) add(out, c.month, c);
  }
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The item's costs per fiscal quarter (`YYYY-Qn`), ascending; quarters with no cost are left out. */
export function itemCostPerQuarter(item: CostedItem, fiscalStartMonth: number): ({ quarter: string } & PeriodCost)[] {
  const out = new Map<string, PeriodCost>();
  for (const c of itemMonthlyCosts(item)) add(out, fiscalQuarterOf(c.month, fiscalStartMonth), c);
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([quarter, c]) => ({ quarter, ...c }));
}

/** The item's costs per fiscal year, ascending. */
export function itemCostPerFiscalYear(
  item: CostedItem,
  fiscalStartMonth: number,
): ({ fiscalYear: number } & PeriodCost)[] {
  const out = new Map<number, PeriodCost>();
  for (const c of itemMonthlyCosts(item)) add(out, fiscalYearOf(c.month, fiscalStartMonth), c);
  return [...out.entries()].sort(([a], [b]) => a - b).map(([fiscalYear, c]) => ({ fiscalYear, ...c }));
}

/** Total lifetime cost of an item (capex + all opex months). */
export function itemTotalCost(item: CostedItem): PeriodCost {
  const out: PeriodCost = { capex: 0, opex: 0, total: 0 };
  for (const c of itemMonthlyCosts(item)) {
    out.capex += c.capex;
    out.opex += c.opex;
    out.total += c.total;
  }
  return out;
}

/**
 * The item moved by `deltaMonths` (negative = earlier): start, end and any explicit opex months
 * move together, so every cost moves with the item. The first move records the start month the
 * budget was planned against (`baselineStartMonth`), so linked budget lines follow the item in
 * the forecast (budget/roadmap-link.ts). Pure: `updatedAt` is the caller's to set.
 */
export function reschedule<T extends CostedItem>(item: T, deltaMonths: number): T {
  if (!Number.isInteger(deltaMonths)) throw new RangeError('deltaMonths must be a whole number of months');
  return {
    ...item,
    startMonth: addMonths(item.startMonth, deltaMonths),
    endMonth: addMonths(item.endMonth, deltaMonths),
    opexStartMonth: item.opexStartMonth === null ? null : addMonths(item.opexStartMonth, deltaMonths),
    opexEndMonth: item.opexEndMonth === null ? null : addMonths(item.opexEndMonth, deltaMonths),
    baselineStartMonth: item.baselineStartMonth ?? item.startMonth,
  };
}

/**
 * For an edit that changes the start month some other way (the item editor): keeps the baseline
 * the budget was planned against, exactly as reschedule does.
 */
export function keepBaseline<T extends CostedItem>(previous: CostedItem, next: T): T {
  if (next.startMonth === previous.startMonth || next.baselineStartMonth != null) return next;
  return { ...next, baselineStartMonth: previous.baselineStartMonth ?? previous.startMonth };
}

/** The item with its current schedule accepted as the budget's baseline (after re-planning its lines). */
export function rebaseline<T extends CostedItem>(item: T): T {
  return { ...item, baselineStartMonth: null };
}

/** Months the item has moved since the budget was planned (0 without a baseline). */
export function monthsSinceBaseline(item: Pick<CostedItem, 'startMonth' | 'baselineStartMonth'>): number {
  return item.baselineStartMonth == null ? 0 : monthIndex(item.startMonth) - monthIndex(item.baselineStartMonth);
}

function add<K>(map: Map<K, PeriodCost>, key: K, c: { capex: number; opex: number }): void {
  const cell = map.get(key) ?? { capex: 0, opex: 0, total: 0 };
  cell.capex += c.capex;
  cell.opex += c.opex;
  cell.total += c.capex + c.opex;
  map.set(key, cell);
}
