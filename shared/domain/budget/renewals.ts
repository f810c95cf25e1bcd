/**
 * Renewals calendar (SPEC §3.4): recurring budget lines with a renewal date, soonest first, with
 * the days left from a date the caller gives (no clock in shared/).
 */
import { sum } from './money';
import type { BudgetLine } from './schema';

export type Renewal = {
  lineId: string;
  name: string;
  vendor: string;
  category: BudgetLine['category'];
  fiscalYear: number;
  renewalDate: string;
  /** Whole days from `fromDate` to the renewal; negative when it has passed. */
  daysUntil: number;
  /** The line's planned annual amount (minor units): what is up for renewal. */
  annualPlan: number;
};

/** Whole days from date a to date b (`YYYY-MM-DD`), in UTC so daylight saving cannot shift it. */
export function daysBetween(a: string, b: string): number {
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

/**
 * Recurring lines with a renewal date, sorted by date then name. The same contract usually has a
 * line in each fiscal year with the same name, vendor and renewal date: it is listed once (the
 * latest fiscal year's line). `withinDays` keeps renewals from `fromDate` up to that many days
 * ahead; `includePast` also keeps renewals already passed (default false).
 */
export function renewalsCalendar(
  lines: readonly BudgetLine[],
  fromDate: string,
  options: { withinDays?: number; includePast?: boolean } = {},
): Renewal[] {
  const unique = new Map<string, BudgetLine>();
  for (const line of lines) {
    if (!line.recurring || line.renewalDate === null) continue;
    const key = [line.name.trim().toLowerCase(), line.vendor.trim().toLowerCase(), line.renewalDate].join('\u0000');
    const seen = unique.get(key);
    if (!seen || line.fiscalYear > seen.fiscalYear) unique.set(key, line);
  }
  const out: Renewal[] = [];
  for (const line of unique.values()) {
    const renewalDate = line.renewalDate ?? '';
    const daysUntil = daysBetween(fromDate, renewalDate);
    if (daysUntil < 0 && !options.includePast) continue;
    if (options.withinDays !== undefined && daysUntil > options.withinDays) continue;
    out.push({
      lineId: line.id,
      name: line.name,
      vendor: line.vendor,
      category: line.category,
      fiscalYear: line.fiscalYear,
      renewalDate,
      daysUntil,
      annualPlan: sum(line.plan),
    });
  }
  return out.sort((a, b) =>
    a.renewalDate === b.renewalDate ? a.name.localeCompare(b.name) : a.renewalDate < b.renewalDate ? -1 : 1,
  );
}

function utc(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}
