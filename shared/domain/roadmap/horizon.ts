/**
 * Now / Next / Later view and timeline columns (SPEC §3.3), relative to a reference month the
 * caller passes in (no clock in shared/). Definitions, in fiscal quarters of the workspace:
 * - Now: open work that has started or starts in the current quarter (start ≤ last month of the
 *   current quarter). Overdue open items stay in Now: they are still being worked on.
 * - Next: starts within the next two quarters.
 * - Later: starts after that.
 * Done and cancelled items are in no horizon.
 */
import { addQuarters, fiscalQuarterOf, monthIndex, quarterMonths, quarterRange } from '../periods';
import type { RoadmapItem } from './schema';

export const HORIZONS = ['now', 'next', 'later'] as const;
export type Horizon = (typeof HORIZONS)[number];

type HorizonItem = Pick<RoadmapItem, 'status' | 'startMonth' | 'endMonth'>;

/** The item's horizon relative to `refMonth`, or null for done and cancelled items. */
export function horizonOf(item: HorizonItem, refMonth: string, fiscalStartMonth: number): Horizon | null {
  if (item.status === 'done' || item.status === 'cancelled') return null;
  const current = fiscalQuarterOf(refMonth, fiscalStartMonth);
  const endOfCurrent = lastMonthOfQuarter(current, fiscalStartMonth);
  if (item.startMonth <= endOfCurrent) return 'now';
  const endOfNextTwo = lastMonthOfQuarter(addQuarters(current, 2), fiscalStartMonth);
  return item.startMonth <= endOfNextTwo ? 'next' : 'later';
}

/** Items grouped by horizon, each group in start-month order (then title). */
export function groupByHorizon<T extends HorizonItem & Pick<RoadmapItem, 'title'>>(
  items: readonly T[],
  refMonth: string,
  fiscalStartMonth: number,
): Record<Horizon, T[]> {
  const out: Record<Horizon, T[]> = { now: [], next: [], later: [] };
  for (const item of items) {
    const h = horizonOf(item, refMonth, fiscalStartMonth);
    if (h) out[h].push(item);
  }
  const byStart = (a: T, b: T): number =>
    a.startMonth === b.startMonth ? a.title.localeCompare(b.title) : a.startMonth < b.startMonth ? -1 : 1;
  for (const h of HORIZONS) out[h].sort(byStart);
  return out;
}

/** An open item whose end month is before the reference month. */
export function isOverdue(item: HorizonItem, refMonth: string): boolean {
  return item.status !== 'done' && item.status !== 'cancelled' && item.endMonth < refMonth;
}

export type TimelineColumn = { quarter: string; months: string[] };

/**
 * Fiscal-quarter columns for the timeline: from the quarter of the earliest start to the quarter
 * of the latest end among the items, widened to include the reference month's quarter and at
 * least `minQuarters` columns (extended forward).
 */
export function timelineColumns(
  items: readonly Pick<RoadmapItem, 'startMonth' | 'endMonth'>[],
  refMonth: string,
  fiscalStartMonth: number,
  minQuarters = 4,
): TimelineColumn[] {
  let first = fiscalQuarterOf(refMonth, fiscalStartMonth);
  let last = first;
  for (const item of items) {
    const s = fiscalQuarterOf(item.startMonth, fiscalStartMonth);
    const e = fiscalQuarterOf(item.endMonth, fiscalStartMonth);
    if (s < first) first = s;
    if (e > last) last = e;
  }
  let quarters = quarterRange(first, last);
  if (quarters.length < minQuarters) quarters = quarterRange(first, addQuarters(first, minQuarters - 1));
  return quarters.map((quarter) => ({ quarter, months: quarterMonths(quarter, fiscalStartMonth) }));
}

/**
 * Where an item's bar sits on the timeline, in month offsets from the first column's first month
 * (`offset` = start, `span` = number of months), clipped to the visible columns; null when the
 * item is entirely outside them.
 */
export function timelinePlacement(
  item: Pick<RoadmapItem, 'startMonth' | 'endMonth'>,
  columns: readonly TimelineColumn[],
): { offset: number; span: number; clippedStart: boolean; clippedEnd: boolean } | null {
  const firstMonth = columns[0]?.months[0];
  const lastMonth = columns[columns.length - 1]?.months[2];
  if (!firstMonth || !lastMonth) return null;
  const lo = monthIndex(firstMonth);
  const hi = monthIndex(lastMonth);
  const s = monthIndex(item.startMonth);
  const e = monthIndex(item.endMonth);
  if (e < lo || s > hi) return null;
  const from = Math.max(s, lo);
  const to = Math.min(e, hi);
  return { offset: from - lo, span: to - from + 1, clippedStart: s < lo, clippedEnd: e > hi };
}

function lastMonthOfQuarter(quarter: string, fiscalStartMonth: number): string {
  return quarterMonths(quarter, fiscalStartMonth)[2] ?? '';
}
