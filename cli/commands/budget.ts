/**
 * `quarterdeck budget --workspace FILE | --sample [--year FY] [--json]`: the budget of one fiscal
 * year (issue 3 item 6) — quarters with plan, actual, variance and forecast, the year, categories,
 * the five-year plan and cost per user and per endpoint per month. Same maths as the app
 * (shared/domain/budget). Money in the JSON is in major units (e.g. dollars) as plain numbers.
 */
import { toMajor } from '../../shared/domain/budget/money';
import { multiYearPlan } from '../../shared/domain/budget/multi-year';
import { BUDGET_CATEGORY_LABELS } from '../../shared/domain/budget/categories';
import { budgetSummary, costPerUnitMonth, latestActuals, type BudgetSummary } from '../../shared/domain/budget/summary';
import { fiscalYearOf, monthOfDate, quarterLabel } from '../../shared/domain/periods';
import type { WorkspaceData } from '../../shared/domain/tables';
import { CliError, type CliCommand, type CliIo } from '../io';
import { loadWorkspaceArg } from '../workspace-file';

const MULTI_YEAR_COUNT = 5;

const USAGE = [
  'Usage: quarterdeck budget --workspace FILE | --sample [--year FY] [--json]',
  '',
  'The budget of one fiscal year: plan, actual, variance and forecast per quarter and for the year,',
  'by category, a five-year plan (recurring lines with escalators plus roadmap costs) and the cost',
  'per user and per endpoint per month (year forecast ÷ 12 ÷ users or endpoints).',
  '',
  '  --workspace FILE  a workspace backup file (.json)',
  '  --sample          the built-in sample workspace',
  '  --year FY         fiscal year, e.g. 2026 or FY2026 (named by the calendar year it ends in);',
  '                    default: the fiscal year of the latest actuals',
  '  --json            machine-readable output; money in major currency units (e.g. dollars),',
  '                    variancePct in percent rounded to 2 decimals',
  '',
  'Variance compares actuals with the plan of the same months (those that have actuals); a',
  'positive variance is overspend. Forecast = actuals where known + plan for the remaining months.',
].join('\n');

/** The JSON shape of issue 3, item 6. */
export type BudgetJson = {
  fiscalYear: number;
  quarters: {
    quarter: string;
    plan: number;
    actual: number | null;
    variance: number;
    variancePct: number | null;
    forecast: number;
  }[];
  year: { plan: number; actual: number; forecast: number };
  byCategory: { category: string; plan: number; actual: number; capex: number; opex: number }[];
  multiYear: { year: number; plan: number }[];
  costPerUserMonth: number | null;
  costPerEndpointMonth: number | null;
};

type Args = { json: boolean; year: number | null };

function parseArgs(argv: readonly string[]): Args {
  let json = false;
  let year: number | null = null;
  let file = false;
  let sample = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--json') json = true;
    else if (a === '--sample') sample = true;
    else if (a === '--workspace') {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new CliError('--workspace needs a file name', 2);
      file = true;
      i++;
    } else if (a.startsWith('--workspace=')) file = true;
    else if (a === '--year' || a.startsWith('--year=')) {
      const v = a === '--year' ? argv[++i] : a.slice('--year='.length);
      year = parseYear(v);
    } else throw new CliError(`unknown option "${a}". Run quarterdeck budget --help.`, 2);
  }
  if (sample && file) throw new CliError('give either --workspace FILE or --sample, not both', 2);
  if (!sample && !file) throw new CliError('give --workspace FILE or --sample', 2);
  return { json, year };
}

function parseYear(v: string | undefined): number {
  const m = /^(?:FY)?(\d{4})$/i.exec((v ?? '').trim());
  const y = m ? Number(m[1]) : NaN;
  if (!Number.isInteger(y) || y < 1990 || y > 2200) {
    throw new CliError(`--year: "${v ?? ''}" is not a fiscal year (expected e.g. 2026 or FY2026)`, 2);
  }
  return y;
}

/** The fiscal year to show: the one asked for, else that of the latest actuals, else the latest with lines. */
export function defaultFiscalYear(data: WorkspaceData, today: string): number {
  const fs = data.workspace.fiscalYearStartMonth;
  const latest = latestActuals(data.tables.budgetLines, fs);
  if (latest) return latest.fiscalYear;
  const years = data.tables.budgetLines.map((l) => l.fiscalYear);
  return years.length > 0 ? Math.max(...years) : fiscalYearOf(monthOfDate(today), fs);
}

const round2 = (x: number): number => Math.round(x * 100) / 100 || 0;

/** The budget figures in the CLI JSON shape (major units). */
export function budgetJson(data: WorkspaceData, fiscalYear: number): BudgetJson {
  const ws = data.workspace;
  const major = (minor: number): number => toMajor(minor, ws.currency);
  const ctx = {
    fiscalStartMonth: ws.fiscalYearStartMonth,
    lines: data.tables.budgetLines,
    items: data.tables.roadmapItems,
  };
  const s = budgetSummary(ctx, fiscalYear);
  const perUser = costPerUnitMonth(s.year.forecast, ws.userCount);
  const perEndpoint = costPerUnitMonth(s.year.forecast, ws.endpointCount);
  return {
    fiscalYear,
    quarters: s.quarters.map((q) => ({
      quarter: q.quarter,
      plan: major(q.plan),
      actual: q.actual === null ? null : major(q.actual),
      variance: major(q.variance),
      variancePct: q.variancePct === null ? null : round2(q.variancePct),
      forecast: major(q.forecast),
    })),
    year: { plan: major(s.year.plan), actual: major(s.year.actual), forecast: major(s.year.forecast) },
    byCategory: s.byCategory.map((c) => ({
      category: c.category,
      plan: major(c.plan),
      actual: major(c.actual),
      capex: major(c.capex),
      opex: major(c.opex),
    })),
    multiYear: multiYearPlan(ctx, fiscalYear, MULTI_YEAR_COUNT).map((r) => ({
      year: r.fiscalYear,
      plan: major(r.plan),
    })),
    costPerUserMonth: perUser === null ? null : major(perUser),
    costPerEndpointMonth: perEndpoint === null ? null : major(perEndpoint),
  };
}

function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The readable report. */
export function budgetText(data: WorkspaceData, fiscalYear: number): string {
  const ws = data.workspace;
  let nf: Intl.NumberFormat;
  try {
    nf = new Intl.NumberFormat(ws.locale, { style: 'currency', currency: ws.currency });
  } catch {
    nf = new Intl.NumberFormat('en-US', { style: 'currency', currency: ws.currency });
  }
  const money = (minor: number | null): string => (minor === null ? '—' : nf.format(toMajor(minor, ws.currency)));
  const pct = (p: number | null): string => (p === null ? '—' : `${p >= 0 ? '+' : ''}${p.toFixed(1)} %`);
  const ctx = {
    fiscalStartMonth: ws.fiscalYearStartMonth,
    lines: data.tables.budgetLines,
    items: data.tables.roadmapItems,
  };
  const s: BudgetSummary = budgetSummary(ctx, fiscalYear);
  const out: string[] = [`${ws.name} — budget FY${fiscalYear} (${ws.currency}, ${s.lineCount} lines)`, ''];
  if (s.lineCount === 0) out.push(`No budget lines for FY${fiscalYear}.`, '');
  out.push(
    table([
      ['Quarter', 'Plan', 'Actual', 'Variance', 'Variance %', 'Forecast'],
      ...s.quarters.map((q) => [
        `${quarterLabel(q.quarter)} (${q.months[0]} – ${q.months[2]})`,
        money(q.plan),
        money(q.actual),
        q.actual === null ? '—' : money(q.variance),
        pct(q.variancePct),
        money(q.forecast),
      ]),
      [
        'Year',
        money(s.year.plan),
        money(s.year.actual),
        money(s.year.variance),
        pct(s.year.variancePct),
        money(s.year.forecast),
      ],
    ]),
    '',
  );
  if (s.ytd.throughMonth) {
    out.push(
      `Year to date (through ${s.ytd.throughMonth}): plan ${money(s.ytd.plan)}, actual ${money(s.ytd.actual)}, variance ${money(s.ytd.variance)} (${pct(s.ytd.variancePct)})`,
    );
    if (s.ytd.monthsWithoutActuals.length > 0)
      out.push(`  No actuals yet for ${s.ytd.monthsWithoutActuals.join(', ')}.`);
    out.push('');
  }
  if (s.byCategory.length > 0) {
    out.push(
      table([
        ['Category', 'Plan', 'Actual', 'Capex', 'Opex'],
        ...s.byCategory.map((c) => [
          BUDGET_CATEGORY_LABELS[c.category],
          money(c.plan),
          money(c.actual),
          money(c.capex),
          money(c.opex),
        ]),
      ]),
      '',
    );
  }
  const notes = s.quarters.flatMap((q) =>
    q.notes.map((n) => `  ${quarterLabel(q.quarter)} · ${n.lineName}: ${n.note}`),
  );
  if (notes.length > 0) out.push('Variance notes', ...notes, '');
  const years = multiYearPlan(ctx, fiscalYear, MULTI_YEAR_COUNT);
  out.push(
    table([
      ['Fiscal year', 'Run (lines)', 'Roadmap', 'Plan', 'Basis'],
      ...years.map((r) => [
        `FY${r.fiscalYear}`,
        money(r.recurring + r.oneOff),
        money(r.roadmapCapex + r.roadmapOpex),
        money(r.plan),
        r.source === 'budget' ? 'budget' : r.source === 'projected' ? `FY${r.baseYear} + escalators` : 'no lines',
      ]),
    ]),
    '',
  );
  const perUser = costPerUnitMonth(s.year.forecast, ws.userCount);
  const perEndpoint = costPerUnitMonth(s.year.forecast, ws.endpointCount);
  out.push(
    `Cost per user per month: ${money(perUser)} (${ws.userCount} users)    per endpoint per month: ${money(perEndpoint)} (${ws.endpointCount} endpoints)`,
  );
  return out.join('\n').trimEnd();
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  const data = await loadWorkspaceArg(argv, io);
  const fiscalYear = args.year ?? defaultFiscalYear(data, new Date().toISOString());
  io.out(args.json ? JSON.stringify(budgetJson(data, fiscalYear), null, 2) : budgetText(data, fiscalYear));
  return 0;
}

export const command: CliCommand = {
  summary: 'budget of a fiscal year: quarters, variance, forecast, categories, five-year plan',
  usage: USAGE,
  run,
};
