/**
 * Calendar and fiscal periods. A fiscal year is named by the calendar year in which it ends
 * (a July start: FY2027 = Jul 2026 … Jun 2027, FY2027-Q1 = Jul–Sep 2026). With a January start
 * fiscal and calendar years coincide.
 */

export type YearMonth = { year: number; month: number }; // month 1–12

export function parseMonth(m: string): YearMonth {
  const year = Number(m.slice(0, 4));
  const month = Number(m.slice(5, 7));
  return { year, month };
}

export function formatMonth({ year, month }: YearMonth): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Month index since year 0, for arithmetic. */
export function monthIndex(m: string): number {
  const { year, month } = parseMonth(m);
  return year * 12 + (month - 1);
}

export function monthFromIndex(i: number): string {
  return formatMonth({ year: Math.floor(i / 12), month: (i % 12) + 1 });
}

export function addMonths(m: string, n: number): string {
  return monthFromIndex(monthIndex(m) + n);
}

/** Months from a to b inclusive (empty when b < a). */
export function monthRange(a: string, b: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(a); i <= monthIndex(b); i++) out.push(monthFromIndex(i));
  return out;
}

/** Fiscal year (named by its ending calendar year) that a calendar month falls in. */
export function fiscalYearOf(m: string, fiscalStartMonth: number): number {
  const { year, month } = parseMonth(m);
  if (fiscalStartMonth === 1) return year;
  return month >= fiscalStartMonth ? year + 1 : year;
}

/** Position 0–11 of a calendar month within its fiscal year. */
export function fiscalMonthIndex(m: string, fiscalStartMonth: number): number {
  const { month } = parseMonth(m);
  return (month - fiscalStartMonth + 12) % 12;
}

/** The calendar month of fiscal month `i` (0–11) of fiscal year `fy`. */
export function calendarMonthOf(fy: number, i: number, fiscalStartMonth: number): string {
  const startYear = fiscalStartMonth === 1 ? fy : fy - 1;
  return monthFromIndex(startYear * 12 + (fiscalStartMonth - 1) + i);
}

/** The 12 calendar months of a fiscal year, in order. */
export function fiscalYearMonths(fy: number, fiscalStartMonth: number): string[] {
  return Array.from({ length: 12 }, (_, i) => calendarMonthOf(fy, i, fiscalStartMonth));
}

/** Fiscal quarter key `YYYY-Qn` of a calendar month. */
export function fiscalQuarterOf(m: string, fiscalStartMonth: number): string {
  const fy = fiscalYearOf(m, fiscalStartMonth);
  const q = Math.floor(fiscalMonthIndex(m, fiscalStartMonth) / 3) + 1;
  return `${fy}-Q${q}`;
}

export function parseQuarter(q: string): { year: number; quarter: 1 | 2 | 3 | 4 } {
  return { year: Number(q.slice(0, 4)), quarter: Number(q.slice(6, 7)) as 1 | 2 | 3 | 4 };
}

/** The three calendar months of a fiscal quarter. */
export function quarterMonths(q: string, fiscalStartMonth: number): string[] {
  const { year, quarter } = parseQuarter(q);
  return [0, 1, 2].map((k) => calendarMonthOf(year, (quarter - 1) * 3 + k, fiscalStartMonth));
}

export function addQuarters(q: string, n: number): string {
  const { year, quarter } = parseQuarter(q);
  const i = year * 4 + (quarter - 1) + n;
  return `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
}

/** Quarters from a to b inclusive. */
export function quarterRange(a: string, b: string): string[] {
  const out: string[] = [];
  for (let q = a; q <= b; q = addQuarters(q, 1)) out.push(q);
  return out;
}

/** Human label, e.g. "FY2027 Q1 (Jul–Sep 2026)" is built by the UI; this gives "Q1 FY2027". */
export function quarterLabel(q: string): string {
  const { year, quarter } = parseQuarter(q);
  return `Q${quarter} FY${year}`;
}

/** Calendar month of an ISO date or timestamp. */
export function monthOfDate(iso: string): string {
  return iso.slice(0, 7);
}
