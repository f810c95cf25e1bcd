/** Risk heat map (5×5 likelihood × impact). The app draws bubbles; the deck prints it as a table. */
import type { ChartConfiguration } from 'chart.js';
import { asConfig, axis, baseOptions, whiteBackgroundPlugin } from './base';
import { CHART_TOKENS } from './palette';

export type HeatCell = { likelihood: number; impact: number; count: number };

/** Severity band of a likelihood × impact score: the colour and word used for a heat-map cell. */
export function heatBand(score: number): { label: 'High' | 'Medium' | 'Low'; color: string; tint: string } {
  if (score >= 15) return { label: 'High', color: CHART_TOKENS.rag.red, tint: '#F8D5C2' };
  if (score >= 6) return { label: 'Medium', color: CHART_TOKENS.rag.amber, tint: '#FBEACB' };
  return { label: 'Low', color: CHART_TOKENS.rag.green, tint: '#CDEBE1' };
}

/** Bubble chart: one bubble per non-empty cell, sized by the number of risks, coloured by band. */
export function riskHeatMapChart(cells: HeatCell[]): ChartConfiguration {
  const filled = cells.filter((c) => c.count > 0);
  return asConfig<'bubble'>({
    type: 'bubble',
    data: {
      datasets: [
        {
          label: 'Risks',
          data: filled.map((c) => ({ x: c.likelihood, y: c.impact, r: 6 + 4 * Math.sqrt(c.count) })),
          backgroundColor: filled.map((c) => heatBand(c.likelihood * c.impact).color),
          borderColor: CHART_TOKENS.background,
          borderWidth: 1,
        },
      ],
    },
    options: {
      ...baseOptions(),
      plugins: { ...baseOptions().plugins, legend: { display: false } },
      scales: {
        x: { ...axis({ title: 'Likelihood', min: 0.5, max: 5.5 }), ticks: { ...axis({}).ticks, stepSize: 1 } },
        y: { ...axis({ title: 'Impact', min: 0.5, max: 5.5 }), ticks: { ...axis({}).ticks, stepSize: 1 } },
      },
    } as ChartConfiguration<'bubble'>['options'],
    plugins: [whiteBackgroundPlugin],
  });
}
