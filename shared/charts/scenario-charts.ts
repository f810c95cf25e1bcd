/** Sourcing scenario charts (SPEC §3.5, §4): annual cost, cumulative cost, sensitivity tornado. */
import type { ChartConfiguration } from 'chart.js';
import { asConfig, axis, baseOptions, chartFont, whiteBackgroundPlugin } from './base';
import { CHART_TOKENS, seriesColor, withAlpha } from './palette';

export type ScenarioAnnualInput = {
  /** Year labels, e.g. "Y0" … "Y4". */
  years: string[];
  /** Component names in stacking order, e.g. current staff, new hires, one-time hiring, partner. */
  components: string[];
  /** Per scenario, per component, per year: major currency units. */
  scenarios: { name: string; components: number[][] }[];
  format?: (value: number) => string;
};

/** The tag drawn over scenario i's stacks: 1, 2, 3 … (names are too long for a 30-pixel bar). */
export function scenarioTag(i: number): string {
  return String(i + 1);
}

/** "1 In-house · 2 Co-managed · …": the key to the stack tags. */
export function scenarioTagKey(names: readonly string[]): string {
  return names.map((n, i) => `${scenarioTag(i)} ${n}`).join('  ·  ');
}

type StackElement = { x: number; y: number; base: number };
/** The few canvas calls the plugin makes (shared/ has no DOM types). */
type TagCanvas = {
  save(): void;
  restore(): void;
  fillText(text: string, x: number, y: number): void;
  font: string;
  fillStyle: unknown;
  textAlign: string;
  textBaseline: string;
};
type StackChart = {
  ctx: TagCanvas;
  getDatasetMeta(i: number): { data: unknown[] };
  isDatasetVisible(i: number): boolean;
};

/**
 * Draws each scenario's tag above its stacks, so every stack says which scenario it is (colours
 * already say which component). Datasets are laid out scenario by scenario, `perStack` each.
 */
function stackTagsPlugin(scenarioCount: number, perStack: number, yearCount: number) {
  return {
    id: 'quarterdeckStackTags',
    afterDatasetsDraw(chart: StackChart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = `bold 10px ${CHART_TOKENS.fontFamily}`;
      ctx.fillStyle = CHART_TOKENS.ink;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      for (let si = 0; si < scenarioCount; si++) {
        for (let y = 0; y < yearCount; y++) {
          let top = Infinity;
          let x: number | null = null;
          for (let ci = 0; ci < perStack; ci++) {
            const d = si * perStack + ci;
            if (!chart.isDatasetVisible(d)) continue;
            const el = chart.getDatasetMeta(d).data[y] as StackElement | undefined;
            if (!el || !Number.isFinite(el.x) || !Number.isFinite(el.y)) continue;
            x = el.x;
            top = Math.min(top, el.y, el.base);
          }
          if (x !== null && Number.isFinite(top)) ctx.fillText(scenarioTag(si), x, top - 2);
        }
      }
      ctx.restore();
    },
  };
}

/**
 * Stacked bars grouped by scenario: each year shows one stack per scenario, the stack split by
 * cost component. Colours mark components (the legend lists each component once); a number over
 * each stack marks its scenario, keyed under the chart.
 */
export function scenarioAnnualCostChart(input: ScenarioAnnualInput): ChartConfiguration {
  const datasets: ChartConfiguration<'bar'>['data']['datasets'] = [];
  input.scenarios.forEach((s, si) => {
    input.components.forEach((component, ci) => {
      datasets.push({
        label: component,
        data: s.components[ci] ?? input.years.map(() => 0),
        backgroundColor: withAlpha(seriesColor(ci), si % 2 === 0 ? 1 : 0.7),
        borderColor: CHART_TOKENS.background,
        borderWidth: { top: 0, bottom: 0, left: 1, right: 1 },
        stack: s.name,
        maxBarThickness: 36,
      });
    });
  });
  const base = baseOptions();
  return asConfig<'bar'>({
    type: 'bar',
    data: { labels: input.years, datasets },
    options: {
      ...base,
      plugins: {
        ...base.plugins,
        legend: {
          ...base.plugins.legend,
          labels: {
            ...base.plugins.legend.labels,
            // One legend entry per component, not per scenario × component.
            filter: (item: { datasetIndex?: number }) => (item.datasetIndex ?? 0) < input.components.length,
          },
        },
        subtitle: {
          display: input.scenarios.length > 1,
          text: scenarioTagKey(input.scenarios.map((s) => s.name)),
          position: 'bottom',
          align: 'center',
          color: CHART_TOKENS.ink,
          font: chartFont(),
          padding: { top: 6 },
        },
      },
      scales: {
        x: axis({ grid: false, stacked: true }),
        // Headroom for the tags over the tallest stack.
        y: { ...axis({ stacked: true, ...(input.format ? { tickFormat: input.format } : {}) }), grace: '6%' },
      },
    } as ChartConfiguration<'bar'>['options'],
    plugins: [
      whiteBackgroundPlugin,
      ...(input.scenarios.length > 1
        ? [stackTagsPlugin(input.scenarios.length, input.components.length, input.years.length) as never]
        : []),
    ],
  });
}

export type CumulativeCostInput = {
  years: string[];
  scenarios: { name: string; cumulative: number[] }[];
  /** Marks the year where one scenario becomes cheaper than another. */
  breakEven: { yearIndex: number; value: number; label: string } | null;
  format?: (value: number) => string;
};

/** Cumulative cost lines per scenario with a marker at the break-even year. */
export function cumulativeCostChart(input: CumulativeCostInput): ChartConfiguration {
  const datasets: ChartConfiguration<'line'>['data']['datasets'] = input.scenarios.map((s, i) => ({
    label: s.name,
    data: s.cumulative,
    borderColor: seriesColor(i),
    backgroundColor: seriesColor(i),
    borderWidth: 2.5,
    pointRadius: 3,
    tension: 0,
    fill: false,
  }));
  if (input.breakEven) {
    const be = input.breakEven;
    datasets.push({
      label: be.label,
      data: input.years.map((_, i) => (i === be.yearIndex ? be.value : null)),
      borderColor: CHART_TOKENS.ink,
      backgroundColor: CHART_TOKENS.background,
      pointStyle: 'rectRot',
      pointRadius: 8,
      pointBorderWidth: 2.5,
      showLine: false,
    });
  }
  return asConfig<'line'>({
    type: 'line',
    data: { labels: input.years, datasets },
    options: {
      ...baseOptions(),
      scales: {
        x: axis({ grid: false }),
        y: axis({ ...(input.format ? { tickFormat: input.format } : {}) }),
      },
    } as ChartConfiguration<'line'>['options'],
    plugins: [whiteBackgroundPlugin],
  });
}

export type TornadoInput = {
  /** One row per input, sorted by swing (largest first). Values are changes in the output. */
  rows: { label: string; low: number; high: number }[];
  lowLabel: string;
  highLabel: string;
  format?: (value: number) => string;
};

/**
 * Sensitivity tornado: horizontal floating bars from zero to the change caused by each input at
 * −20 % (wide bar) and +20 % (narrow bar drawn over it, so both show when they share a sign).
 */
export function tornadoChart(input: TornadoInput): ChartConfiguration {
  const base = baseOptions();
  const x = axis({ beginAtZero: false, ...(input.format ? { tickFormat: input.format } : {}) });
  return asConfig<'bar'>({
    type: 'bar',
    data: {
      labels: input.rows.map((r) => r.label),
      datasets: [
        {
          label: input.lowLabel,
          data: input.rows.map((r) => [0, r.low] as [number, number]),
          backgroundColor: withAlpha(seriesColor(0), 0.85),
          barPercentage: 0.85,
          categoryPercentage: 0.9,
          grouped: false,
          order: 2,
        },
        {
          label: input.highLabel,
          data: input.rows.map((r) => [0, r.high] as [number, number]),
          backgroundColor: seriesColor(1),
          barPercentage: 0.45,
          categoryPercentage: 0.9,
          grouped: false,
          order: 1,
        },
      ],
    },
    options: {
      ...base,
      indexAxis: 'y',
      plugins: {
        ...base.plugins,
        legend: {
          ...base.plugins.legend,
          // Keep "−20 %" before "+20 %" although the narrow bar is drawn on top.
          labels: {
            ...base.plugins.legend.labels,
            sort: (a: { datasetIndex?: number }, b: { datasetIndex?: number }) =>
              (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0),
          },
        },
      },
      scales: {
        x: {
          ...x,
          grid: {
            ...x.grid,
            // The zero line is the base case: draw it darker than the other grid lines.
            color: (ctx: { tick?: { value: number } }) =>
              ctx.tick && ctx.tick.value === 0 ? CHART_TOKENS.muted : CHART_TOKENS.grid,
          },
        },
        // Every input gets its label: a tornado without names says nothing.
        y: { ...axis({ grid: false }), ticks: { ...axis({}).ticks, autoSkip: false } },
      },
    } as ChartConfiguration<'bar'>['options'],
    plugins: [whiteBackgroundPlugin],
  });
}
