/**
 * A KPI value against its target, the previous quarter and the same quarter last year (SPEC §1: every
 * KPI "vs target, vs last quarter, vs last year"). Deltas are value − reference; the verdict reads the
 * KPI's direction: for "lower is better" a negative delta is better.
 */
import { addQuarters } from '../periods';
import type { KpiDefinition } from './schema';

export type Verdict = 'better' | 'worse' | 'same';
export type Delta = {
  reference: number;
  /** value − reference. */
  delta: number;
  /** delta / |reference| × 100; null when the reference is 0. */
  deltaPct: number | null;
  verdict: Verdict;
};
export type KpiComparison = {
  value: number | null;
  vsTarget: Delta | null;
  vsPrevious: (Delta & { period: string }) | null;
  vsLastYear: (Delta & { period: string }) | null;
};

/** Compares `value` with `reference` for a KPI's direction; null when either is missing. */
export function delta(
  direction: KpiDefinition['direction'],
  value: number | null,
  reference: number | null | undefined,
): Delta | null {
  if (value === null || reference === null || reference === undefined) return null;
  if (!Number.isFinite(value) || !Number.isFinite(reference)) return null;
  const d = value - reference;
  const verdict: Verdict = d === 0 ? 'same' : d > 0 === (direction === 'higher') ? 'better' : 'worse';
  return { reference, delta: d, deltaPct: reference === 0 ? null : (d / Math.abs(reference)) * 100, verdict };
}

/**
 * The comparison of one quarter from a map quarter → value (e.g. from `quarterlyValues`): vs the
 * KPI's target, vs the quarter before and vs the same quarter one year earlier.
 */
export function compareQuarter(
  def: Pick<KpiDefinition, 'direction' | 'target'>,
  values: ReadonlyMap<string, number | { value: number }>,
  quarter: string,
): KpiComparison {
  const get = (q: string): number | null => {
    const v = values.get(q);
    if (v === undefined) return null;
    return typeof v === 'number' ? v : v.value;
  };
  const value = get(quarter);
  const prevQ = addQuarters(quarter, -1);
  const lastYearQ = addQuarters(quarter, -4);
  const prev = delta(def.direction, value, get(prevQ));
  const ly = delta(def.direction, value, get(lastYearQ));
  return {
    value,
    vsTarget: delta(def.direction, value, def.target),
    vsPrevious: prev ? { ...prev, period: prevQ } : null,
    vsLastYear: ly ? { ...ly, period: lastYearQ } : null,
  };
}
