/**
 * Month → quarter aggregation of KPI snapshots, per the KPI's aggregation (SPEC §3.6):
 * - sum: Σ monthly values;
 * - mean: plain mean of the months present;
 * - last: the value of the latest month present;
 * - weighted-mean: Σ value × weight / Σ weight when every month present carries a weight (months
 *   with weight 0 add nothing); when any month lacks a weight, or all weights are 0, the plain mean —
 *   a partial weighting would silently over-count some months;
 * - recompute: the value recomputed from the underlying records (e.g. a quarterly snapshot saved by
 *   the ticket import) when given, else the last month.
 * A quarter with no monthly value has no aggregate (null).
 */
import { fiscalQuarterOf } from '../periods';
import type { KpiAggregation, KpiDefinition, KpiSnapshot } from './schema';

export type PeriodValue = { period: string; value: number; weight: number | null };
export type Aggregated = { value: number; weight: number | null; months: number };

const MONTH_PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Aggregates the monthly values of one quarter (any order) by the given rule; null when empty. */
export function aggregateMonths(
  aggregation: KpiAggregation,
  months: readonly PeriodValue[],
  recomputed: number | null = null,
): Aggregated | null {
  if (aggregation === 'recompute' && recomputed !== null) {
    return { value: recomputed, weight: sumWeights(months), months: months.length };
  }
  if (months.length === 0) return null;
  const sorted = [...months].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const n = sorted.length;
  switch (aggregation) {
    case 'sum':
      return { value: sorted.reduce((s, m) => s + m.value, 0), weight: sumWeights(sorted), months: n };
    case 'mean':
      return { value: sorted.reduce((s, m) => s + m.value, 0) / n, weight: null, months: n };
    case 'last':
    case 'recompute': {
      const last = sorted[n - 1]!;
      return { value: last.value, weight: last.weight, months: n };
    }
    case 'weighted-mean': {
      const allWeighted = sorted.every((m) => m.weight !== null && m.weight >= 0);
      const totalWeight = sumWeights(sorted) ?? 0;
      if (!allWeighted || totalWeight === 0) {
        return { value: sorted.reduce((s, m) => s + m.value, 0) / n, weight: null, months: n };
      }
      const num = sorted.reduce((s, m) => s + m.value * (m.weight ?? 0), 0);
      return { value: num / totalWeight, weight: totalWeight, months: n };
    }
  }
}

function sumWeights(months: readonly PeriodValue[]): number | null {
  if (months.length === 0 || months.some((m) => m.weight === null)) return null;
  return months.reduce((s, m) => s + (m.weight ?? 0), 0);
}

/**
 * Quarterly values of one KPI and segment from its snapshots: a snapshot stored for the quarter
 * itself wins (it was entered for, or recomputed over, the whole quarter); otherwise the quarter's
 * monthly snapshots are aggregated. Quarters are fiscal, per `fiscalStartMonth` (1 = calendar).
 */
export function quarterlyValues(
  def: Pick<KpiDefinition, 'key' | 'aggregation'>,
  snapshots: readonly Pick<KpiSnapshot, 'kpiKey' | 'period' | 'value' | 'weight' | 'segment'>[],
  fiscalStartMonth: number,
  segment = '',
): Map<string, Aggregated> {
  const monthsByQuarter = new Map<string, PeriodValue[]>();
  const direct = new Map<string, Aggregated>();
  for (const s of snapshots) {
    if (s.kpiKey !== def.key || s.segment !== segment) continue;
    if (MONTH_PERIOD.test(s.period)) {
      const q = fiscalQuarterOf(s.period, fiscalStartMonth);
      const list = monthsByQuarter.get(q) ?? [];
      list.push({ period: s.period, value: s.value, weight: s.weight });
      monthsByQuarter.set(q, list);
    } else {
      direct.set(s.period, { value: s.value, weight: s.weight, months: 0 });
    }
  }
  const out = new Map<string, Aggregated>();
  for (const [q, months] of monthsByQuarter) {
    const a = aggregateMonths(def.aggregation, months);
    if (a) out.set(q, a);
  }
  for (const [q, a] of direct) out.set(q, a);
  return new Map([...out.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}
