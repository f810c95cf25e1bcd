/**
 * Budget export as CSV for spreadsheets (issue 3 item 5): one plan row and one actual row per line,
 * twelve month columns and a total, then total plan, total actual and forecast rows. Amounts are in
 * major units as numbers; text cells are neutralised against formulas by toCsv (SEC-14).
 */
import { toCsv, type CsvCell, type CsvWriteOptions } from '../../csv/write';
import { fiscalYearMonths } from '../periods';
import { BUDGET_CATEGORY_LABELS } from './categories';
import { sum, toMajor } from './money';
import { budgetSummary, type BudgetContext } from './summary';

export type BudgetCsvOptions = CsvWriteOptions & { currency: string };

/** The fiscal year's budget as CSV text (BOM on by default so spreadsheets read UTF-8). */
export function budgetToCsv(ctx: BudgetContext, fiscalYear: number, options: BudgetCsvOptions): string {
  const major = (minor: number): number => toMajor(minor, options.currency);
  const months = fiscalYearMonths(fiscalYear, ctx.fiscalStartMonth);
  const lines = ctx.lines
    .filter((l) => l.fiscalYear === fiscalYear)
    .slice()
    .sort((a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const rows: CsvCell[][] = [
    ['Fiscal year', 'Line', 'Category', 'Kind', 'Vendor', 'Measure', ...months, `Total (${options.currency})`],
  ];
  for (const l of lines) {
    const head: CsvCell[] = [`FY${fiscalYear}`, l.name, BUDGET_CATEGORY_LABELS[l.category], l.kind, l.vendor];
    rows.push([...head, 'Plan', ...l.plan.map(major), major(sum(l.plan))]);
    const known = l.actual.filter((a): a is number => a !== null);
    rows.push([
      ...head,
      'Actual',
      ...l.actual.map((a) => (a === null ? null : major(a))),
      known.length === 0 ? null : major(sum(known)),
    ]);
  }
  const s = budgetSummary(ctx, fiscalYear);
  const total: CsvCell[] = [`FY${fiscalYear}`, 'Total', '', '', ''];
  rows.push([...total, 'Plan', ...s.months.map((m) => major(m.plan)), major(s.year.plan)]);
  rows.push([
    ...total,
    'Actual',
    ...s.months.map((m) => (m.actual === null ? null : major(m.actual))),
    major(s.year.actual),
  ]);
  rows.push([...total, 'Forecast', ...s.months.map((m) => major(m.forecast)), major(s.year.forecast)]);
  return toCsv(rows, { bom: true, ...options });
}
