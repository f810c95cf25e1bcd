/**
 * How roadmap items put money into the budget forecast and the multi-year plan — the one rule that
 * ties the roadmap to the budget without counting anything twice:
 *
 * 1. A budget line linked to a roadmap item is that item's money for the line's fiscal year.
 *    For item I, B(I) = the fiscal years that have at least one line linked to I.
 * 2. In a fiscal year outside B(I), a committed item (approved, in progress, blocked, done) costs
 *    its own schedule (capex in the start month, opex monthly). Proposed items cost nothing until
 *    approved; cancelled items cost nothing, and lines linked to them are dropped from forecasts.
 * 3. When an item moves, everything it brings moves with it by s = startMonth − baselineStartMonth
 *    months: the linked lines' amounts and the schedule alike. The baseline contribution of month x
 *    (the lines' amounts if FY(x) ∈ B(I), else the schedule as it was at the baseline) lands in
 *    month x + s. With no baseline (never moved) s = 0 and lines count exactly as written.
 * 4. For the forecast (`unspentOnly`), a line amount whose month already has an actual on that
 *    line is spent and does not move; the forecast of booked months is their actuals anyway.
 * Unlinked lines, and lines linked to an item that no longer exists, count as written.
 */
import { calendarMonthOf, fiscalYearOf, monthFromIndex, monthIndex } from '../periods';
import { itemMonthlyCosts, monthsSinceBaseline } from '../roadmap/costs';
import type { RoadmapItem } from '../roadmap/schema';
import type { BudgetLine } from './schema';

/** The roadmap fields budget maths reads. */
export type BudgetRoadmapItem = Pick<
  RoadmapItem,
  | 'id'
  | 'title'
  | 'status'
  | 'startMonth'
  | 'endMonth'
  | 'capex'
  | 'opexMonthly'
  | 'opexStartMonth'
  | 'opexEndMonth'
  | 'baselineStartMonth'
>;

export type Split = { capex: number; opex: number };

/**
 * Committed roadmap items: approved, in progress, blocked or done. Proposed items are not agreed
 * yet and cancelled ones will not happen, so neither brings its own schedule into a forecast.
 */
export function isCommitted(item: Pick<RoadmapItem, 'status'>): boolean {
  return item.status !== 'proposed' && item.status !== 'cancelled';
}

/** How a budget line counts: on its own, as part of its roadmap item, or not at all (cancelled item). */
export type LineTreatment = 'as-written' | 'follows-item' | 'dropped';

/** See LineTreatment and rule 1 above. */
export function lineTreatment(
  line: Pick<BudgetLine, 'roadmapItemId'>,
  itemsById: ReadonlyMap<string, Pick<RoadmapItem, 'status'>>,
): LineTreatment {
  if (line.roadmapItemId === null) return 'as-written';
  const item = itemsById.get(line.roadmapItemId);
  if (!item) return 'as-written';
  return item.status === 'cancelled' ? 'dropped' : 'follows-item';
}

export type RoadmapMoney = {
  /** Committed and linked roadmap money per calendar month (rules 1–4). */
  byMonth: Map<string, Split>;
  /** Schedules of proposed items in years without linked lines (shown apart, never added). */
  proposedByMonth: Map<string, number>;
};

/** The roadmap's money per calendar month under rules 1–4. */
export function roadmapMoneyByMonth(
  lines: readonly BudgetLine[],
  items: readonly BudgetRoadmapItem[],
  fiscalStartMonth: number,
  options: { unspentOnly: boolean },
): RoadmapMoney {
  const byMonth = new Map<string, Split>();
  const proposedByMonth = new Map<string, number>();
  const add = (month: string, kind: keyof Split, amount: number): void => {
    if (amount === 0) return;
    const cell = byMonth.get(month) ?? { capex: 0, opex: 0 };
    cell[kind] += amount;
    byMonth.set(month, cell);
  };
  const linesByItem = new Map<string, BudgetLine[]>();
  for (const l of lines) {
    if (l.roadmapItemId === null) continue;
    linesByItem.set(l.roadmapItemId, [...(linesByItem.get(l.roadmapItemId) ?? []), l]);
  }
  for (const item of items) {
    if (item.status === 'cancelled') continue;
    const linked = linesByItem.get(item.id) ?? [];
    const budgeted = new Set(linked.map((l) => l.fiscalYear));
    const shift = monthsSinceBaseline(item);
    for (const l of linked) {
      l.plan.forEach((amount, i) => {
        if (options.unspentOnly && l.actual[i] !== null) return;
        const source = calendarMonthOf(l.fiscalYear, i, fiscalStartMonth);
        add(monthFromIndex(monthIndex(source) + shift), l.kind, amount);
      });
    }
    // The current schedule is the baseline schedule moved by `shift`: keep the months whose
    // baseline month falls in a year the linked lines do not cover.
    for (const c of itemMonthlyCosts(item)) {
      const sourceYear = fiscalYearOf(monthFromIndex(monthIndex(c.month) - shift), fiscalStartMonth);
      if (budgeted.has(sourceYear)) continue;
      if (isCommitted(item)) {
        add(c.month, 'capex', c.capex);
        add(c.month, 'opex', c.opex);
      } else {
        proposedByMonth.set(c.month, (proposedByMonth.get(c.month) ?? 0) + c.total);
      }
    }
  }
  return { byMonth, proposedByMonth };
}
