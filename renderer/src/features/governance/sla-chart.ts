/**
 * SLA attainment by party per quarter as a chart: grouped bars (one colour per party, Okabe–Ito)
 * and each party's target as a dashed line in its colour. Built on the shared chart helpers so it
 * looks like every other chart; the table alternative carries the same numbers.
 */
import {
  asConfig,
  axis,
  baseOptions,
  chartFont,
  whiteBackgroundPlugin,
  type ChartSpec,
} from '../../../../shared/charts/base';
import { seriesColor, withAlpha } from '../../../../shared/charts/palette';
import type { SlaAttainmentRow } from '../../../../shared/domain/governance/sla';
import { quarterLabel } from '../../../../shared/domain/periods';
import type { ChartTable } from '../../charts/chart-figure';

export type SlaSeries = { partyName: string; values: (number | null)[]; targets: (number | null)[] };

/** Attainment rows regrouped by party over the given quarters (a missing quarter is null). */
export function slaSeries(rows: readonly SlaAttainmentRow[], quarters: readonly string[]): SlaSeries[] {
  const out = new Map<string, SlaSeries>();
  for (const r of rows) {
    const key = r.partyId ?? '';
    let s = out.get(key);
    if (!s) {
      s = { partyName: r.partyName, values: quarters.map(() => null), targets: quarters.map(() => null) };
      out.set(key, s);
    }
    const i = quarters.indexOf(r.quarter);
    if (i < 0) continue;
    s.values[i] = r.attainmentPct;
    s.targets[i] = r.targetPct;
  }
  return [...out.values()].filter((s) => s.values.some((v) => v !== null));
}

const pct = (v: number) => `${Number(v.toFixed(1))}%`;

/** Chart spec: attainment bars and dashed target lines, y from the lowest value (or 80) to 100 %. */
export function slaAttainmentSpec(series: readonly SlaSeries[], quarters: readonly string[]): ChartSpec {
  const all = series.flatMap((s) => [...s.values, ...s.targets]).filter((v): v is number => v !== null);
  const low = all.length ? Math.min(...all) : 80;
  // Start the axis below the lowest value in 5-point steps, so small misses stay visible.
  const min = Math.max(0, Math.min(80, Math.floor((low - 5) / 5) * 5));
  const datasets = series.flatMap((s, i) => {
    const color = seriesColor(i);
    const bars = {
      type: 'bar' as const,
      label: s.partyName,
      data: s.values,
      backgroundColor: withAlpha(color, 0.85),
      borderColor: color,
      borderWidth: 1,
      order: 1,
    };
    if (!s.targets.some((t) => t !== null)) return [bars];
    return [
      bars,
      {
        type: 'line' as const,
        label: `${s.partyName} target`,
        data: s.targets,
        borderColor: color,
        backgroundColor: color,
        borderDash: [6, 4],
        borderWidth: 1.5,
        pointRadius: 0,
        pointStyle: 'line' as const,
        fill: false,
        order: 0,
      },
    ];
  });
  const base = baseOptions();
  return {
    id: 'sla-attainment-by-party',
    title: `SLA attainment by party, ${quarters.length ? `${quarterLabel(quarters[0] ?? '')} to ${quarterLabel(quarters[quarters.length - 1] ?? '')}` : 'no quarters'}`,
    width: 560,
    height: 240,
    config: asConfig<'bar'>({
      type: 'bar',
      data: { labels: quarters.map(quarterLabel), datasets: datasets as never },
      options: {
        ...base,
        plugins: {
          ...base.plugins,
          legend: {
            ...base.plugins.legend,
            labels: { ...base.plugins.legend.labels, usePointStyle: true, boxHeight: 7 },
          },
        },
        scales: {
          x: axis({ grid: false, beginAtZero: false }),
          y: axis({ beginAtZero: false, min, max: 100, tickFormat: pct }),
        },
        font: chartFont(),
      } as never,
      plugins: [whiteBackgroundPlugin],
    }),
  };
}

/** The chart's numbers as a table: one row per quarter, attainment and target per party. */
export function slaAttainmentTable(series: readonly SlaSeries[], quarters: readonly string[]): ChartTable {
  return {
    columns: ['Quarter', ...series.flatMap((s) => [`${s.partyName} attained`, `${s.partyName} target`])],
    rows: quarters.map((q, i) => [
      quarterLabel(q),
      ...series.flatMap((s) => {
        const v = s.values[i] ?? null;
        const t = s.targets[i] ?? null;
        return [v === null ? null : pct(v), t === null ? null : pct(t)];
      }),
    ]),
  };
}
