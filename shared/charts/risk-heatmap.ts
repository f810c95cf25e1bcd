/** Risk heat map (5×5 likelihood × impact). The app draws bubbles; the deck prints it as a table. */
import type { ChartConfiguration } from 'chart.js';
import { asConfig, axis, baseOptions, whiteBackgroundPlugin } from './base';
import { CHART_TOKENS } from './palette';

/** Risk bands as the governance rules name them (the thresholds live there, not here). */
export type RiskBandKey = 'low' | 'medium' | 'high' | 'critical';

/** Colour, tint (cell background) and word for each band; the word always goes with the colour. */
export const RISK_BAND_STYLE: Record<RiskBandKey, { label: string; color: string; tint: string; text: string }> = {
  low: { label: 'Low', color: CHART_TOKENS.rag.green, tint: '#D5EFE6', text: '#0B5E45' },
  medium: { label: 'Medium', color: '#F0C400', tint: '#FBF1C7', text: '#6B5500' },
  high: { label: 'High', color: CHART_TOKENS.rag.amber, tint: '#FADDB0', text: '#7A4A00' },
  critical: { label: 'Critical', color: CHART_TOKENS.rag.red, tint: '#F5C4A8', text: '#8A2E00' },
};

export type HeatCell = { likelihood: number; impact: number; count: number; band: RiskBandKey };

/** Bubble chart: one bubble per non-empty cell, sized by the number of risks, coloured by band. */
export function riskHeatMapChart(cells: HeatCell[]): ChartConfiguration {
  const filled = cells.filter((c) => c.count > 0);
  const base = baseOptions();
  const tick = axis({}).ticks;
  return asConfig<'bubble'>({
    type: 'bubble',
    data: {
      datasets: [
        {
          label: 'Risks',
          data: filled.map((c) => ({ x: c.impact, y: c.likelihood, r: 6 + 4 * Math.sqrt(c.count) })),
          backgroundColor: filled.map((c) => RISK_BAND_STYLE[c.band].color),
          borderColor: CHART_TOKENS.background,
          borderWidth: 1,
        },
      ],
    },
    options: {
      ...base,
      plugins: { ...base.plugins, legend: { display: false } },
      scales: {
        x: { ...axis({ title: 'Impact', min: 0.5, max: 5.5 }), ticks: { ...tick, stepSize: 1 } },
        y: { ...axis({ title: 'Likelihood', min: 0.5, max: 5.5 }), ticks: { ...tick, stepSize: 1 } },
      },
    } as ChartConfiguration<'bubble'>['options'],
    plugins: [whiteBackgroundPlugin],
  });
}
