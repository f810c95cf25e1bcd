/** Roadmap timeline: one horizontal bar per item across quarter columns, coloured by status. */
import type { ChartConfiguration } from 'chart.js';
import { asConfig, axis, baseOptions, whiteBackgroundPlugin } from './base';
import { CHART_TOKENS, seriesColor } from './palette';

export type TimelineItem = {
  label: string;
  /** Position in quarters from the first column: 0 = start of the first quarter; fractions = months. */
  start: number;
  end: number;
  group: string;
};

export type TimelineInput = {
  quarters: string[];
  items: TimelineItem[];
  /** Legend groups in order with an optional fixed colour each. */
  groups: { key: string; label: string; color?: string }[];
};

/** Floating horizontal bars (chart.js bar with indexAxis y) on a quarter scale. */
export function roadmapTimelineChart(input: TimelineInput): ChartConfiguration {
  const quarters = input.quarters;
  const datasets: ChartConfiguration<'bar'>['data']['datasets'] = input.groups.map((g, gi) => ({
    label: g.label,
    data: input.items.map((it) => (it.group === g.key ? ([it.start, it.end] as [number, number]) : null)),
    backgroundColor: g.color ?? seriesColor(gi),
    borderRadius: 3,
    borderSkipped: false,
    grouped: false,
    barPercentage: 0.7,
    categoryPercentage: 0.9,
  }));
  const xAxis = axis({ min: 0, max: quarters.length, beginAtZero: true });
  return asConfig<'bar'>({
    type: 'bar',
    data: { labels: input.items.map((it) => it.label), datasets },
    options: {
      ...baseOptions(),
      indexAxis: 'y',
      scales: {
        x: {
          ...xAxis,
          position: 'top',
          grid: {
            ...xAxis.grid,
            offset: false,
            // Grid lines only at quarter boundaries (ticks also sit at mid-quarter for the labels).
            color: (ctx: { tick?: { value: number } }) =>
              ctx.tick && Number.isInteger(ctx.tick.value) ? CHART_TOKENS.grid : 'rgba(0,0,0,0)',
          },
          ticks: {
            ...xAxis.ticks,
            stepSize: 0.5,
            autoSkip: false,
            // Ticks at whole quarters draw grid lines; labels sit at the middle of each column.
            callback: (v: string | number) => {
              const n = Number(v);
              if (Number.isInteger(n)) return '';
              return quarters[Math.floor(n)] ?? '';
            },
          },
        },
        y: { ...axis({ grid: false }), ticks: { ...axis({}).ticks, autoSkip: false } },
      },
    } as ChartConfiguration<'bar'>['options'],
    plugins: [whiteBackgroundPlugin],
  });
}
