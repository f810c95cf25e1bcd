/**
 * Options every Quarterdeck chart shares: fixed size (no responsive resizing, no animation — the
 * same config renders offscreen for the PDF), the shared font and muted grid lines.
 */
import type { ChartConfiguration, ChartType, Plugin } from 'chart.js';
import { CHART_TOKENS } from './palette';

/** A chart the deck or a screen wants drawn: its id, chart.js configuration and size in CSS px / pt. */
export type ChartSpec = {
  id: string;
  /** Alt text: what the chart shows, for screen readers and the deck's data tables. */
  title: string;
  config: ChartConfiguration;
  width: number;
  height: number;
};

/** Paints the canvas white before drawing; without it a PNG export is transparent. */
export const whiteBackgroundPlugin: Plugin = {
  id: 'quarterdeckWhiteBackground',
  beforeDraw(chart) {
    const ctx = chart.ctx;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = CHART_TOKENS.background;
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

/** Font settings in chart.js form. */
export function chartFont(size: number = CHART_TOKENS.fontSize, weight: 'normal' | 'bold' = 'normal') {
  return { family: CHART_TOKENS.fontFamily, size, weight } as const;
}

/** Common top-level options: offscreen-safe and quiet. */
export function baseOptions() {
  return {
    animation: false,
    responsive: false,
    maintainAspectRatio: false,
    layout: { padding: { top: 4, right: 8, bottom: 4, left: 4 } },
    plugins: {
      legend: {
        position: 'top',
        align: 'end',
        labels: { font: chartFont(), color: CHART_TOKENS.ink, boxWidth: 12, boxHeight: 12, padding: 12 },
      },
      title: { display: false },
      tooltip: { enabled: true },
    },
  } as const;
}

/** A category or linear axis with muted grid lines and the shared tick font. */
export function axis(opts: {
  title?: string;
  grid?: boolean;
  stacked?: boolean;
  beginAtZero?: boolean;
  tickFormat?: (value: number) => string;
  min?: number;
  max?: number;
}) {
  const format = opts.tickFormat;
  return {
    stacked: opts.stacked ?? false,
    beginAtZero: opts.beginAtZero ?? true,
    ...(opts.min !== undefined ? { min: opts.min } : {}),
    ...(opts.max !== undefined ? { max: opts.max } : {}),
    grid: { display: opts.grid ?? true, color: CHART_TOKENS.grid, drawTicks: false },
    border: { display: true, color: CHART_TOKENS.axis },
    ticks: {
      font: chartFont(),
      color: CHART_TOKENS.muted,
      padding: 6,
      ...(format ? { callback: (v: string | number) => (typeof v === 'number' ? format(v) : v) } : {}),
    },
    title: opts.title
      ? { display: true, text: opts.title, font: chartFont(), color: CHART_TOKENS.muted }
      : { display: false },
  };
}

/** Narrowing helper so builders can return a typed config as the generic `ChartConfiguration`. */
export function asConfig<T extends ChartType>(config: ChartConfiguration<T>): ChartConfiguration {
  return config as unknown as ChartConfiguration;
}
