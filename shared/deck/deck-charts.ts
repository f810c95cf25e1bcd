/**
 * The charts the deck wants rendered, built from the deck model with the same chart builders the
 * app screens use. The caller renders each spec (chart.js on a canvas in the app, on
 * @napi-rs/canvas in Node) and hands the PNG data URLs back to `buildDeck`.
 */
import type { ChartSpec } from '../charts/base';
import { kpiTrendChart } from '../charts/kpi-trend';
import { categorySplitChart, multiYearChart, planVsActualChart } from '../charts/budget-charts';
import { cumulativeCostChart, tornadoChart } from '../charts/scenario-charts';
import { roadmapTimelineChart } from '../charts/roadmap-timeline';
import { formatMajorCompact } from '../charts/format';
import { CHART_TOKENS } from '../charts/palette';
import { quarterLabel } from '../domain/periods';
import type { DeckModel, KpiRow } from './model';
import { formatters } from './format';
import { securityChartKpis, serviceChartKpis } from './context';
import { orderedSections, type DeckPreset } from './sections';

/** Sizes (pt = CSS px at 1×) of each chart slot in the page layouts. */
export const CHART_SIZE = {
  healthTrend: { width: 380, height: 130 },
  kpi: { width: 420, height: 158 },
  security: { width: 420, height: 170 },
  timeline: { width: 864, height: 330 },
  budgetPva: { width: 500, height: 250 },
  budgetPvaExec: { width: 500, height: 250 },
  budgetCategories: { width: 400, height: 160 },
  multiYear: { width: 400, height: 150 },
  scenarioCumulative: { width: 420, height: 235 },
  tornado: { width: 420, height: 235 },
} as const;

/**
 * Charts are laid out at this multiple of their slot and scaled down into it, so chart text (set
 * for screens at 11 px) prints at about 8.5 pt, in step with the deck's table text.
 */
export const DECK_CHART_ZOOM = 1.3;

function sized(size: { width: number; height: number }): { width: number; height: number } {
  return { width: Math.round(size.width * DECK_CHART_ZOOM), height: Math.round(size.height * DECK_CHART_ZOOM) };
}

export const CHART_IDS = {
  healthTrend: 'health-trend',
  kpi: (key: string) => `kpi-${key}`,
  security: (key: string) => `security-${key}`,
  timeline: 'roadmap-timeline',
  budgetPva: 'budget-plan-vs-actual',
  budgetCategories: 'budget-categories',
  multiYear: 'budget-multi-year',
  scenarioCumulative: 'scenario-cumulative',
  tornado: 'scenario-sensitivity',
} as const;

/** Short quarter label for axes: "Q3 '26" from "2026-Q3". */
export function shortQuarter(q: string): string {
  return `${q.slice(5)} \u2019${q.slice(2, 4)}`;
}

function kpiAxisFormat(model: DeckModel, k: KpiRow): (v: number) => string {
  const fmt = formatters(model.meta.currency, model.meta.locale);
  if (k.unit === 'percent') return (v) => `${fmt.num(v, 1)}%`;
  if (k.unit === 'hours') return (v) => `${fmt.num(v, 1)} h`;
  if (k.unit === 'currency') return (v) => fmt.moneyCompact(v);
  return (v) => fmt.num(v, k.unit === 'count' ? 0 : 2);
}

function kpiChart(model: DeckModel, k: KpiRow, id: string, size: { width: number; height: number }): ChartSpec {
  return {
    id,
    title: `${k.name} by quarter with target`,
    config: kpiTrendChart({
      name: k.name,
      labels: k.series.map((s) => shortQuarter(s.quarter)),
      values: k.series.map((s) => s.value),
      target: k.target,
      amberThreshold: k.amberThreshold,
      format: kpiAxisFormat(model, k),
    }),
    ...sized(size),
  };
}

const STATUS_GROUPS = [
  { key: 'done', label: 'Done', color: CHART_TOKENS.rag.green },
  { key: 'in-progress', label: 'In progress', color: '#0072B2' },
  { key: 'approved', label: 'Approved', color: '#56B4E9' },
  { key: 'proposed', label: 'Proposed', color: '#9AA5B1' },
  { key: 'blocked', label: 'Blocked', color: CHART_TOKENS.rag.red },
];

/** Every chart the deck for this model and preset places, with its size. */
export function deckChartSpecs(model: DeckModel, preset: DeckPreset, sections: ReadonlySet<string>): ChartSpec[] {
  const specs: ChartSpec[] = [];
  const { currency, locale } = model.meta;
  const moneyAxis = (v: number) => formatMajorCompact(v, currency, locale);
  const fmt = formatters(currency, locale);
  if (sections.has('executive-summary')) {
    specs.push({
      id: CHART_IDS.healthTrend,
      title: 'Share of KPIs on target by quarter',
      config: kpiTrendChart({
        name: 'KPIs on target',
        labels: model.health.trend.map((t) => shortQuarter(t.quarter)),
        values: model.health.trend.map((t) => (t.onTargetPct === null ? null : Math.round(t.onTargetPct))),
        target: null,
        amberThreshold: null,
        format: (v) => `${v}%`,
        min: 0,
        max: 100,
      }),
      ...sized(CHART_SIZE.healthTrend),
    });
  }
  if (preset === 'full' && sections.has('service-performance')) {
    for (const k of serviceChartKpis(model)) specs.push(kpiChart(model, k, CHART_IDS.kpi(k.key), CHART_SIZE.kpi));
  }
  if (preset === 'full' && sections.has('security-posture')) {
    for (const k of securityChartKpis(model))
      specs.push(kpiChart(model, k, CHART_IDS.security(k.key), CHART_SIZE.security));
  }
  if (preset === 'full' && sections.has('roadmap') && model.roadmap.timeline.length > 0) {
    specs.push({
      id: CHART_IDS.timeline,
      title: 'Roadmap timeline, this quarter and the next four',
      config: roadmapTimelineChart({
        quarters: model.roadmap.timelineQuarters.map(quarterLabel),
        items: model.roadmap.timeline.map((t) => ({ label: t.title, start: t.start, end: t.end, group: t.status })),
        groups: STATUS_GROUPS.filter((g) => model.roadmap.timeline.some((t) => t.status === g.key)),
      }),
      ...sized(CHART_SIZE.timeline),
    });
  }
  if (sections.has('budget') && model.budget.available) {
    const b = model.budget;
    specs.push({
      id: CHART_IDS.budgetPva,
      title: `Budget plan vs actual by quarter, FY${b.fiscalYear}`,
      config: planVsActualChart({
        labels: b.quarters.map((q) => shortQuarter(q.quarter)),
        plan: b.quarters.map((q) => fmt.major(q.plan)),
        actual: b.quarters.map((q) => (q.actual === null ? null : fmt.major(q.actual))),
        forecast: b.quarters.map((q) => (q.actual === null ? fmt.major(q.forecast) : null)),
        format: moneyAxis,
      }),
      ...sized(preset === 'executive' ? CHART_SIZE.budgetPvaExec : CHART_SIZE.budgetPva),
    });
    if (preset === 'full' && b.byCategory.length > 0) {
      specs.push({
        id: CHART_IDS.budgetCategories,
        title: `Budget plan by category, FY${b.fiscalYear}`,
        config: categorySplitChart({
          labels: b.byCategory.map((c) => categoryLabel(c.category)),
          values: b.byCategory.map((c) => fmt.major(c.plan)),
        }),
        ...sized(CHART_SIZE.budgetCategories),
      });
    }
    if (preset === 'full' && b.multiYear.years.length > 0) {
      specs.push({
        id: CHART_IDS.multiYear,
        title: 'Multi-year projection by category',
        config: multiYearChart({
          labels: b.multiYear.years.map((y) => `FY${y}`),
          series: b.multiYear.series.map((s) => ({ label: s.label, values: s.values.map((v) => fmt.major(v)) })),
          format: moneyAxis,
        }),
        ...sized(CHART_SIZE.multiYear),
      });
    }
  }
  if (preset === 'full' && sections.has('staffing-sourcing') && model.staffing.scenarios.length > 0) {
    const sc = model.staffing.scenarios;
    // Y0 is the first year, as on the Staffing screen, in the CLI and in SPEC §4 (year 0 undiscounted).
    const years = (sc[0]?.cumulative ?? []).map((_, i) => `Y${i}`);
    const be = model.staffing.breakEven;
    const a = be ? sc.find((s) => s.name === be.a) : undefined;
    const beMarker =
      be && a && be.year !== null
        ? {
            yearIndex: be.year,
            value: fmt.major(a.cumulative[be.year] ?? 0),
            label: `${be.a} cheaper from Y${be.year}`,
          }
        : null;
    specs.push({
      id: CHART_IDS.scenarioCumulative,
      title: 'Cumulative cost by scenario',
      config: cumulativeCostChart({
        years,
        scenarios: sc.map((s) => ({ name: s.name, cumulative: s.cumulative.map((v) => fmt.major(v)) })),
        breakEven: beMarker,
        format: moneyAxis,
      }),
      ...sized(CHART_SIZE.scenarioCumulative),
    });
    if (model.staffing.sensitivity.length > 0) {
      specs.push({
        id: CHART_IDS.tornado,
        title: 'Sensitivity: change in NPV(co-managed) − NPV(in-house)',
        config: tornadoChart({
          rows: model.staffing.sensitivity.slice(0, 8).map((r) => ({
            label: r.label,
            low: fmt.major(r.low),
            high: fmt.major(r.high),
          })),
          lowLabel: 'Input \u221220 %',
          highLabel: 'Input +20 %',
          format: moneyAxis,
        }),
        ...sized(CHART_SIZE.tornado),
      });
    }
  }
  return specs;
}

const CATEGORY_LABELS: Record<string, string> = {
  personnel: 'Personnel',
  'partner-services': 'Partner services',
  'software-licences': 'Software & licences',
  hardware: 'Hardware',
  cloud: 'Cloud',
  projects: 'Projects',
  training: 'Training',
  contingency: 'Contingency',
  other: 'Other',
};

/** Display name of a budget category key. */
export function categoryLabel(key: string): string {
  return CATEGORY_LABELS[key] ?? key;
}

/** The charts the deck places for this model and preset (only sections the preset shows). */
export function deckChartsFromModel(model: DeckModel, preset: DeckPreset): ChartSpec[] {
  return deckChartSpecs(model, preset, new Set(orderedSections(model.qbr.sections, preset)));
}
