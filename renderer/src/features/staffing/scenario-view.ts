/**
 * What the scenario comparison shows, derived from the shared engine's comparison: the chart
 * specs (the shared chart builders the deck uses) with their table alternatives, the break-even
 * pair, and the side-by-side rows. No maths of its own beyond picking and formatting numbers.
 */
import type { ChartSpec } from '../../../../shared/charts/base';
import { formatMajorCompact, toMajor } from '../../../../shared/charts/format';
import { cumulativeCostChart, scenarioAnnualCostChart, tornadoChart } from '../../../../shared/charts/scenario-charts';
import type { BreakEven, ScenarioComparison, ScenarioResult } from '../../../../shared/domain/scenarios/engine';
import type { ChartTable } from '../../charts/chart-figure';
import { formatMoney } from '../../lib/format';
import { COMPONENT_LABELS, yearLabel } from './labels';

type Fmt = { currency: string; locale: string };

/** Years shown: the longest horizon among the scenarios. */
export function yearCount(cmp: ScenarioComparison): number {
  return cmp.scenarios.reduce((m, s) => Math.max(m, s.years.length), 0);
}

/** Sum of a scenario's yearly totals over its horizon (its last cumulative value). */
export function totalCost(r: ScenarioResult): number {
  return r.cumulative[r.cumulative.length - 1] ?? 0;
}

/**
 * The break-even to mark: A against B as asked, else the sentence's pair (co-managed against
 * in-house), else the first pair that ever breaks even.
 */
export function pickBreakEven(cmp: ScenarioComparison, wanted: { aId: string; bId: string } | null): BreakEven | null {
  if (wanted) {
    const hit = cmp.breakEven.find((b) => b.aId === wanted.aId && b.bId === wanted.bId);
    if (hit) return hit;
  }
  const pair = cmp.sensitivityPair;
  if (pair) {
    const ab = cmp.breakEven.find((b) => b.aId === pair.coManagedId && b.bId === pair.inHouseId);
    if (ab && ab.year !== null) return ab;
    const ba = cmp.breakEven.find((b) => b.aId === pair.inHouseId && b.bId === pair.coManagedId);
    if (ba && ba.year !== null) return ba;
    if (ab) return ab;
  }
  return cmp.breakEven.find((b) => b.year !== null) ?? cmp.breakEven[0] ?? null;
}

/** Words for a break-even: "from Y0 (cheaper from the start)", "from Y3", "never within the horizon". */
export function breakEvenText(be: BreakEven | null): string {
  if (!be) return 'No pair to compare.';
  if (be.year === null) return `${be.a} never becomes cheaper than ${be.b} within the horizon.`;
  if (be.year === 0) return `${be.a} is cheaper than ${be.b} from the first year (${yearLabel(0)}).`;
  return `${be.a} becomes cheaper than ${be.b} in ${yearLabel(be.year)} (cumulative).`;
}

/** Stacked annual cost per scenario and component. */
export function annualChart(cmp: ScenarioComparison, fmt: Fmt, width: number): { spec: ChartSpec; table: ChartTable } {
  const n = yearCount(cmp);
  const years = Array.from({ length: n }, (_, y) => yearLabel(y));
  const major = (minor: number) => toMajor(minor, fmt.currency);
  const config = scenarioAnnualCostChart({
    years,
    components: [...COMPONENT_LABELS],
    scenarios: cmp.scenarios.map((s) => ({
      name: s.name,
      components: [
        years.map((_, y) => major(s.years[y]?.currentStaff ?? 0)),
        years.map((_, y) => major(s.years[y]?.newHires ?? 0)),
        years.map((_, y) => major(s.years[y]?.hiringOneTime ?? 0)),
        years.map((_, y) => major(s.years[y]?.partner ?? 0)),
      ],
    })),
    format: (v) => formatMajorCompact(v, fmt.currency, fmt.locale),
  });
  const rows: ChartTable['rows'] = [];
  for (const s of cmp.scenarios) {
    for (const y of s.years) {
      rows.push([
        `${s.name} · ${yearLabel(y.year)}`,
        formatMoney(y.currentStaff, fmt),
        formatMoney(y.newHires, fmt),
        formatMoney(y.hiringOneTime, fmt),
        formatMoney(y.partner, fmt),
        formatMoney(y.total, fmt),
      ]);
    }
  }
  const order = cmp.scenarios.map((s, i) => `${i + 1}. ${s.name}`).join(', ');
  return {
    spec: {
      id: 'scenario-annual',
      title: `Annual cost by scenario and component, ${yearLabel(0)}–${yearLabel(n - 1)}; bars per year in the order ${order}`,
      config,
      width,
      height: 320,
    },
    table: { columns: ['Scenario · year', ...COMPONENT_LABELS, 'Total'], rows },
  };
}

/** Cumulative cost lines with the break-even marked. */
export function cumulativeChart(
  cmp: ScenarioComparison,
  be: BreakEven | null,
  fmt: Fmt,
  width: number,
): { spec: ChartSpec; table: ChartTable } {
  const n = yearCount(cmp);
  const years = Array.from({ length: n }, (_, y) => yearLabel(y));
  const major = (minor: number) => toMajor(minor, fmt.currency);
  const a = be ? cmp.scenarios.find((s) => s.scenarioId === be.aId) : undefined;
  const marker =
    be && a && be.year !== null
      ? {
          yearIndex: be.year,
          value: major(a.cumulative[be.year] ?? 0),
          label: `Break-even: ${be.a} cheaper than ${be.b}`,
        }
      : null;
  const config = cumulativeCostChart({
    years,
    scenarios: cmp.scenarios.map((s) => ({ name: s.name, cumulative: s.cumulative.map(major) })),
    breakEven: marker,
    format: (v) => formatMajorCompact(v, fmt.currency, fmt.locale),
  });
  return {
    spec: {
      id: 'scenario-cumulative',
      title: `Cumulative cost by scenario. ${breakEvenText(be)}`,
      config,
      width,
      height: 340,
    },
    table: {
      columns: ['Year', ...cmp.scenarios.map((s) => s.name)],
      rows: years.map((label, y) => [
        be && be.year === y ? `${label} (break-even)` : label,
        ...cmp.scenarios.map((s) => (s.cumulative[y] === undefined ? null : formatMoney(s.cumulative[y], fmt))),
      ]),
    },
  };
}

/** The ±20 % sensitivity tornado (null when there is no co-managed/in-house pair). */
export function sensitivityChart(
  cmp: ScenarioComparison,
  fmt: Fmt,
  width: number,
): { spec: ChartSpec; table: ChartTable } | null {
  if (cmp.sensitivity.length === 0) return null;
  const major = (minor: number) => toMajor(minor, fmt.currency);
  const rows = cmp.sensitivity;
  const config = tornadoChart({
    rows: rows.map((r) => ({ label: r.label, low: major(r.low), high: major(r.high) })),
    lowLabel: 'Input \u221220 %',
    highLabel: 'Input +20 %',
    format: (v) => formatMajorCompact(v, fmt.currency, fmt.locale),
  });
  const signed = (minor: number) => (minor > 0 ? `+${formatMoney(minor, fmt)}` : formatMoney(minor, fmt));
  return {
    spec: {
      id: 'scenario-tornado',
      title:
        'Sensitivity: change in NPV(co-managed) − NPV(in-house) when one input moves −20 % or +20 %, largest swing first',
      config,
      width,
      height: Math.max(220, 40 + rows.length * 22),
    },
    table: {
      columns: ['Input', '−20 %', '+20 %'],
      rows: rows.map((r) => [r.label, signed(r.low), signed(r.high)]),
    },
  };
}
