import { describe, expect, it } from 'vitest';
import {
  categorySplitChart,
  cumulativeCostChart,
  formatMoney,
  formatMoneyCompact,
  formatPct,
  formatSigned,
  RISK_BAND_STYLE,
  kpiTrendChart,
  multiYearChart,
  planVsActualChart,
  riskHeatMapChart,
  roadmapTimelineChart,
  scenarioAnnualCostChart,
  seriesColor,
  SERIES_COLORS,
  tornadoChart,
  whiteBackgroundPlugin,
  withAlpha,
} from '../../../../shared/charts';
import type { ChartConfiguration } from 'chart.js';

const all: [string, ChartConfiguration][] = [
  ['trend', kpiTrendChart({ name: 'K', labels: ['a', 'b'], values: [1, 2], target: 3, amberThreshold: 2 })],
  ['pva', planVsActualChart({ labels: ['Q1'], plan: [1], actual: [2] })],
  ['split', categorySplitChart({ labels: ['x'], values: [1] })],
  ['multi', multiYearChart({ labels: ['FY1'], series: [{ label: 's', values: [1] }] })],
  [
    'annual',
    scenarioAnnualCostChart({ years: ['Y1'], components: ['c'], scenarios: [{ name: 'A', components: [[1]] }] }),
  ],
  ['cum', cumulativeCostChart({ years: ['Y1'], scenarios: [{ name: 'A', cumulative: [1] }], breakEven: null })],
  ['tornado', tornadoChart({ rows: [{ label: 'x', low: -1, high: 1 }], lowLabel: 'lo', highLabel: 'hi' })],
  ['heat', riskHeatMapChart([{ likelihood: 1, impact: 1, count: 1, band: 'low' }])],
  ['timeline', roadmapTimelineChart({ quarters: ['Q1'], items: [], groups: [] })],
];

describe('shared chart configurations', () => {
  it.each(all)('%s renders offscreen: no animation, not responsive, white background', (_id, cfg) => {
    const o = cfg.options as { animation?: unknown; responsive?: unknown };
    expect(o.animation).toBe(false);
    expect(o.responsive).toBe(false);
    expect(cfg.plugins).toContain(whiteBackgroundPlugin);
  });

  it('KPI trend: target line at every period and the amber zone filled back to it', () => {
    const cfg = kpiTrendChart({
      name: 'SLA',
      labels: ['Q1', 'Q2', 'Q3'],
      values: [90, null, 97],
      target: 95,
      amberThreshold: 90,
    });
    const ds = cfg.data.datasets;
    expect(ds.map((d) => d.label)).toEqual(['SLA', 'Target', 'Amber zone']);
    expect(ds[1]?.data).toEqual([95, 95, 95]);
    expect(ds[2]?.data).toEqual([90, 90, 90]);
    expect((ds[2] as { fill?: unknown }).fill).toBe('-1');
    // No target: no band either.
    const bare = kpiTrendChart({ name: 'X', labels: ['Q1'], values: [1], target: null, amberThreshold: 5 });
    expect(bare.data.datasets).toHaveLength(1);
  });

  it('plan vs actual adds a forecast series only when there is one', () => {
    const a = planVsActualChart({ labels: ['Q1', 'Q2'], plan: [10, 20], actual: [12, null] });
    expect(a.data.datasets.map((d) => d.label)).toEqual(['Plan', 'Actual']);
    const b = planVsActualChart({ labels: ['Q1', 'Q2'], plan: [10, 20], actual: [12, null], forecast: [null, 18] });
    expect(b.data.datasets.map((d) => d.label)).toEqual(['Plan', 'Actual', 'Forecast']);
  });

  it('scenario annual cost stacks components per scenario and lists each component once', () => {
    const cfg = scenarioAnnualCostChart({
      years: ['Y1', 'Y2'],
      components: ['Staff', 'Partner'],
      scenarios: [
        {
          name: 'In-house',
          components: [
            [5, 6],
            [0, 0],
          ],
        },
        {
          name: 'Co-managed',
          components: [
            [3, 3],
            [2, 2],
          ],
        },
      ],
    });
    const ds = cfg.data.datasets as { stack?: string; data: unknown }[];
    expect(ds.map((d) => d.stack)).toEqual(['In-house', 'In-house', 'Co-managed', 'Co-managed']);
    expect(ds[3]?.data).toEqual([2, 2]);
    const filter = (
      cfg.options as { plugins: { legend: { labels: { filter: (i: { datasetIndex: number }) => boolean } } } }
    ).plugins.legend.labels.filter;
    expect([0, 1, 2, 3].map((i) => filter({ datasetIndex: i }))).toEqual([true, true, false, false]);
  });

  it('cumulative cost marks the break-even year only', () => {
    const cfg = cumulativeCostChart({
      years: ['Y1', 'Y2', 'Y3'],
      scenarios: [
        { name: 'A', cumulative: [1, 2, 3] },
        { name: 'B', cumulative: [2, 2.5, 2.9] },
      ],
      breakEven: { yearIndex: 2, value: 2.9, label: 'Break-even: Y3' },
    });
    expect(cfg.data.datasets[2]?.data).toEqual([null, null, 2.9]);
  });

  it('tornado bars run from zero to each change', () => {
    const cfg = tornadoChart({
      rows: [
        { label: 'Salary', low: -40, high: 40 },
        { label: 'Fee', low: 10, high: 25 },
      ],
      lowLabel: '−20 %',
      highLabel: '+20 %',
    });
    expect(cfg.data.labels).toEqual(['Salary', 'Fee']);
    expect(cfg.data.datasets[0]?.data).toEqual([
      [0, -40],
      [0, 10],
    ]);
    expect(cfg.data.datasets[1]?.data).toEqual([
      [0, 40],
      [0, 25],
    ]);
  });

  it('roadmap timeline puts each item in its group dataset and labels mid-quarter ticks', () => {
    const cfg = roadmapTimelineChart({
      quarters: ['Q1', 'Q2'],
      items: [
        { label: 'A', start: 0, end: 1, group: 'done' },
        { label: 'B', start: 0.5, end: 2, group: 'open' },
      ],
      groups: [
        { key: 'done', label: 'Done' },
        { key: 'open', label: 'Open' },
      ],
    });
    expect(cfg.data.datasets[0]?.data).toEqual([[0, 1], null]);
    expect(cfg.data.datasets[1]?.data).toEqual([null, [0.5, 2]]);
    const cb = (cfg.options as { scales: { x: { ticks: { callback: (v: number) => string } } } }).scales.x.ticks
      .callback;
    expect([0, 0.5, 1, 1.5].map((v) => cb(v))).toEqual(['', 'Q1', '', 'Q2']);
  });

  it('risk heat map: bubbles only for non-empty cells, x = impact, y = likelihood, coloured by band', () => {
    const cfg = riskHeatMapChart([
      { likelihood: 5, impact: 4, count: 2, band: 'critical' },
      { likelihood: 1, impact: 1, count: 0, band: 'low' },
      { likelihood: 2, impact: 3, count: 1, band: 'medium' },
    ]);
    const d = cfg.data.datasets[0] as { data: { x: number; y: number }[]; backgroundColor: string[] };
    expect(d.data.map((p) => [p.x, p.y])).toEqual([
      [4, 5],
      [3, 2],
    ]);
    expect(d.backgroundColor).toEqual([RISK_BAND_STYLE.critical.color, RISK_BAND_STYLE.medium.color]);
  });
});

describe('palette and formatting', () => {
  it('cycles the Okabe–Ito colours and builds rgba fills', () => {
    expect(seriesColor(0)).toBe('#0072B2');
    expect(seriesColor(SERIES_COLORS.length)).toBe('#0072B2');
    expect(withAlpha('#0072B2', 0.5)).toBe('rgba(0, 114, 178, 0.5)');
  });

  it.each([
    [123_456_789, 'USD', 'en-US', '$1,234,568'],
    [-50_00, 'USD', 'en-US', '-$50'],
    [1_000, 'JPY', 'en-US', '¥1,000'],
  ])('formatMoney(%i %s %s) = %s', (minor, cur, loc, want) => {
    expect(formatMoney(minor, cur, loc)).toBe(want);
  });

  it('compact money, percent and signed numbers', () => {
    expect(formatMoneyCompact(1_234_567_00, 'USD', 'en-US')).toBe('$1.2M');
    expect(formatPct(97.44, 'en-US')).toBe('97.4%');
    expect(formatSigned(2.25, 'en-US')).toBe('+2.3');
    expect(formatSigned(-0.04, 'en-US')).toBe('0');
    expect(formatSigned(-3, 'en-US', 0)).toBe('\u22123');
  });
});
