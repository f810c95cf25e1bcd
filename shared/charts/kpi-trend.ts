/** KPI trend: the KPI by period as a line, the target as a dashed line and the amber zone shaded. */
import type { ChartConfiguration } from 'chart.js';
import { asConfig, axis, baseOptions, chartFont, whiteBackgroundPlugin } from './base';
import { CHART_TOKENS, withAlpha } from './palette';

export type KpiTrendInput = {
  name: string;
  /** Period labels, oldest first (e.g. quarters). */
  labels: string[];
  values: (number | null)[];
  target: number | null;
  /** Edge of the amber zone (between it and the target the KPI is amber). */
  amberThreshold: number | null;
  /** Formats axis ticks (e.g. "98%" or "4.2 h"). */
  format?: (value: number) => string;
  color?: string;
  /** Fixed y-axis bounds (e.g. 0–100 for shares); default: fitted to the data. */
  min?: number;
  max?: number;
};

/** chart.js line configuration for one KPI with its target band. */
export function kpiTrendChart(input: KpiTrendInput): ChartConfiguration {
  const n = input.labels.length;
  const color = input.color ?? CHART_TOKENS.plan;
  const datasets: ChartConfiguration<'line'>['data']['datasets'] = [
    {
      label: input.name,
      data: input.values,
      borderColor: color,
      backgroundColor: color,
      borderWidth: 2.5,
      pointRadius: 3,
      pointBackgroundColor: color,
      tension: 0,
      spanGaps: true,
      fill: false,
      order: 0,
    },
  ];
  if (input.target !== null) {
    datasets.push({
      label: 'Target',
      data: Array.from({ length: n }, () => input.target),
      borderColor: CHART_TOKENS.target,
      borderDash: [6, 4],
      borderWidth: 1.5,
      pointRadius: 0,
      pointStyle: 'line',
      fill: false,
      order: 2,
    });
    if (input.amberThreshold !== null && input.amberThreshold !== input.target) {
      datasets.push({
        label: 'Amber zone',
        data: Array.from({ length: n }, () => input.amberThreshold),
        borderColor: withAlpha(CHART_TOKENS.rag.amber, 0.6),
        borderWidth: 1,
        pointRadius: 0,
        pointStyle: 'rect',
        // Fill back to the target line: the band between amber threshold and target.
        fill: '-1',
        backgroundColor: withAlpha(CHART_TOKENS.rag.amber, 0.14),
        order: 3,
      });
    }
  }
  const base = baseOptions();
  return asConfig<'line'>({
    type: 'line',
    data: { labels: input.labels, datasets },
    options: {
      ...base,
      plugins: {
        ...base.plugins,
        // A single series needs no legend: the chart's heading names it.
        legend: {
          ...base.plugins.legend,
          display: datasets.length > 1,
          labels: { ...base.plugins.legend.labels, usePointStyle: true, boxHeight: 7 },
        },
      },
      scales: {
        x: axis({ grid: false, beginAtZero: false }),
        y: axis({
          beginAtZero: false,
          ...(input.min !== undefined ? { min: input.min } : {}),
          ...(input.max !== undefined ? { max: input.max } : {}),
          ...(input.format ? { tickFormat: input.format } : {}),
        }),
      },
      elements: { line: { borderJoinStyle: 'round' } },
      font: chartFont(),
    } as ChartConfiguration<'line'>['options'],
    plugins: [whiteBackgroundPlugin],
  });
}
