/**
 * The budget's charts, drawn from the shared chart configurations the QBR deck uses
 * (shared/charts/budget-charts.ts) through ChartFigure: role="img", a label saying what the chart
 * shows, and "View as table" with the same numbers.
 */
import { useMemo } from 'react';
import { categorySplitChart, multiYearChart, planVsActualChart } from '../../../../shared/charts/budget-charts';
import type { ChartSpec } from '../../../../shared/charts/base';
import { formatMajorCompact, toMajor } from '../../../../shared/charts/format';
import type { MultiYearRow } from '../../../../shared/domain/budget/multi-year';
import type { BudgetSummary } from '../../../../shared/domain/budget/summary';
import { ChartFigure, type ChartTable } from '../../charts/chart-figure';
import { CATEGORY_LABELS } from '../../components/labels';
import { formatMoney, type MoneyFormat } from '../../lib/format';

const WIDTH = 520;
const HEIGHT = 260;

/** Plan vs actual by quarter (grouped bars), forecast where a quarter has no actuals yet. */
export function PlanVsActualFigure({ summary, fmt }: { summary: BudgetSummary; fmt: MoneyFormat }) {
  const spec = useMemo<ChartSpec>(() => {
    const major = (v: number) => toMajor(v, fmt.currency);
    return {
      id: 'budget-plan-vs-actual',
      title: `Plan vs actual by quarter, FY${summary.fiscalYear}, in ${fmt.currency}; forecast for quarters without actuals`,
      config: planVsActualChart({
        labels: summary.quarters.map((q) => q.quarter.slice(5)),
        plan: summary.quarters.map((q) => major(q.plan)),
        actual: summary.quarters.map((q) => (q.actual === null ? null : major(q.actual))),
        forecast: summary.quarters.map((q) => (q.actual === null ? major(q.forecast) : null)),
        format: (v) => formatMajorCompact(v, fmt.currency, fmt.locale),
      }),
      width: WIDTH,
      height: HEIGHT,
    };
  }, [summary, fmt.currency, fmt.locale]);
  const money = (v: number | null) => (v === null ? null : formatMoney(v, fmt, { whole: true }));
  const table: ChartTable = {
    columns: ['Quarter', 'Plan', 'Actual', 'Forecast'],
    rows: summary.quarters.map((q) => [q.quarter.slice(5), money(q.plan), money(q.actual), money(q.forecast)]),
  };
  return <ChartFigure spec={spec} table={table} />;
}

/** Plan by category (doughnut). */
export function CategorySplitFigure({ summary, fmt }: { summary: BudgetSummary; fmt: MoneyFormat }) {
  const cats = summary.byCategory.filter((c) => c.plan > 0);
  const spec = useMemo<ChartSpec>(
    () => ({
      id: 'budget-categories',
      title: `Plan by category, FY${summary.fiscalYear}: share of ${formatMoney(summary.year.plan, fmt, { whole: true })}`,
      config: categorySplitChart({
        labels: cats.map((c) => CATEGORY_LABELS[c.category]),
        values: cats.map((c) => toMajor(c.plan, fmt.currency)),
      }),
      width: WIDTH,
      height: HEIGHT,
    }),
    // `cats` derives from summary.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [summary, fmt.currency, fmt.locale],
  );
  const total = summary.year.plan;
  const table: ChartTable = {
    columns: ['Category', 'Plan', 'Share', 'Capex', 'Opex', 'Actual to date'],
    rows: summary.byCategory.map((c) => [
      CATEGORY_LABELS[c.category],
      formatMoney(c.plan, fmt, { whole: true }),
      total > 0 ? `${((100 * c.plan) / total).toFixed(1)} %` : null,
      formatMoney(c.capex, fmt, { whole: true }),
      formatMoney(c.opex, fmt, { whole: true }),
      formatMoney(c.actual, fmt, { whole: true }),
    ]),
  };
  return <ChartFigure spec={spec} table={table} />;
}

/** The multi-year components as chart series (the deck's grouping). */
export function multiYearSeries(rows: readonly MultiYearRow[]): { label: string; values: number[] }[] {
  return [
    { label: 'Recurring run costs', values: rows.map((r) => r.recurring) },
    { label: 'One-off', values: rows.map((r) => r.oneOff) },
    { label: 'Roadmap capex', values: rows.map((r) => r.roadmapCapex) },
    { label: 'Roadmap opex', values: rows.map((r) => r.roadmapOpex) },
    { label: 'Proposed (not in plan)', values: rows.map((r) => r.proposedRoadmap) },
  ].filter((s) => s.values.some((v) => v !== 0));
}

/** Multi-year plan (stacked bars by component). */
export function MultiYearFigure({ rows, fmt }: { rows: readonly MultiYearRow[]; fmt: MoneyFormat }) {
  const series = useMemo(() => multiYearSeries(rows), [rows]);
  const first = rows[0]?.fiscalYear;
  const last = rows[rows.length - 1]?.fiscalYear;
  const spec = useMemo<ChartSpec>(
    () => ({
      id: 'budget-multi-year',
      title: `Multi-year plan FY${first}–FY${last} by component, in ${fmt.currency}; proposed roadmap items shown apart`,
      config: multiYearChart({
        labels: rows.map((r) => `FY${r.fiscalYear}`),
        series: series.map((s) => ({ label: s.label, values: s.values.map((v) => toMajor(v, fmt.currency)) })),
        format: (v) => formatMajorCompact(v, fmt.currency, fmt.locale),
      }),
      width: WIDTH,
      height: HEIGHT,
    }),
    [rows, series, first, last, fmt.currency, fmt.locale],
  );
  const table: ChartTable = {
    columns: ['Component', ...rows.map((r) => `FY${r.fiscalYear}`)],
    rows: series.map((s) => [s.label, ...s.values.map((v) => formatMoney(v, fmt, { whole: true }))]),
  };
  return <ChartFigure spec={spec} table={table} />;
}
