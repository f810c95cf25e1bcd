/** Budget charts (SPEC §3.4): plan vs actual by quarter, category split, multi-year stacked bars. */
import type { ChartConfiguration } from 'chart.js';
import { asConfig, axis, baseOptions, whiteBackgroundPlugin } from './base';
import { CHART_TOKENS, seriesColor } from './palette';

export type PlanVsActualInput = {
  labels: string[];
  /** Major currency units. */
  plan: number[];
  actual: (number | null)[];
  /** Optional forecast for periods without actuals. */
  forecast?: (number | null)[];
  format?: (value: number) => string;
};

/** Grouped bars: plan and actual (and forecast where there is no actual) per quarter. */
export function planVsActualChart(input: PlanVsActualInput): ChartConfiguration {
  const datasets: ChartConfiguration<'bar'>['data']['datasets'] = [
    { label: 'Plan', data: input.plan, backgroundColor: CHART_TOKENS.plan, borderRadius: 2, maxBarThickness: 48 },
    { label: 'Actual', data: input.actual, backgroundColor: CHART_TOKENS.actual, borderRadius: 2, maxBarThickness: 48 },
  ];
  if (input.forecast && input.forecast.some((v) => v !== null)) {
    datasets.push({
      label: 'Forecast',
      data: input.forecast,
      backgroundColor: 'rgba(86, 180, 233, 0.35)',
      borderColor: CHART_TOKENS.forecast,
      borderWidth: 1.5,
      borderDash: [4, 3],
      borderRadius: 2,
      maxBarThickness: 48,
    } as ChartConfiguration<'bar'>['data']['datasets'][number]);
  }
  return asConfig<'bar'>({
    type: 'bar',
    data: { labels: input.labels, datasets },
    options: {
      ...baseOptions(),
      scales: {
        x: axis({ grid: false }),
        y: axis({ ...(input.format ? { tickFormat: input.format } : {}) }),
      },
    } as ChartConfiguration<'bar'>['options'],
    plugins: [whiteBackgroundPlugin],
  });
}

export type CategorySplitInput = { labels: string[]; values: number[] };

/** Doughnut of amounts by category; the legend on the right carries the names. */
export function categorySplitChart(input: CategorySplitInput): ChartConfiguration {
  const base = baseOptions();
  return asConfig<'doughnut'>({
    type: 'doughnut',
    data: {
      labels: input.labels,
      datasets: [
        {
          data: input.values,
          backgroundColor: input.values.map((_, i) => seriesColor(i)),
          borderColor: CHART_TOKENS.background,
          borderWidth: 2,
        },
      ],
    },
    options: {
      ...base,
      cutout: '58%',
      plugins: {
        ...base.plugins,
        legend: { ...base.plugins.legend, position: 'right', align: 'center' },
      },
    } as ChartConfiguration<'doughnut'>['options'],
    plugins: [whiteBackgroundPlugin],
  });
}

export type StackedSeriesInput = {
  labels: string[];
  series: { label: string; values: number[] }[];
  format?: (value: number) => string;
};

/** Stacked bars, one stack per label (e.g. fiscal year), one colour per series (e.g. category). */
export function multiYearChart(input: StackedSeriesInput): ChartConfiguration {
  return asConfig<'bar'>({
    type: 'bar',
    data: {
      labels: input.labels,
      datasets: input.series.map((s, i) => ({
        label: s.label,
        data: s.values,
        backgroundColor: seriesColor(i),
        maxBarThickness: 64,
      })),
    },
    options: {
      ...baseOptions(),
      scales: {
        x: axis({ grid: false, stacked: true }),
        y: axis({ stacked: true, ...(input.format ? { tickFormat: input.format } : {}) }),
      },
    } as ChartConfiguration<'bar'>['options'],
    plugins: [whiteBackgroundPlugin],
  });
}
