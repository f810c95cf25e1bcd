/**
 * KPI values per quarter for the screens. STAND-IN until shared/domain/kpis/{aggregate,rag}.ts
 * (helper C) land: the same rules as SPEC §3.6 in their simplest form (overall segment only).
 */
import { addQuarters, quarterMonths } from '../../../shared/domain/periods';
import type { KpiDefinition, KpiSnapshot } from '../../../shared/domain/kpis/schema';
import type { Rag } from '../components/status';

/** A KPI's value for one fiscal quarter from its monthly (or quarterly) snapshots; null = no data. */
export function quarterValue(
  def: Pick<KpiDefinition, 'aggregation'>,
  snapshots: readonly KpiSnapshot[],
  quarter: string,
  fiscalStartMonth: number,
): { value: number; months: number } | null {
  const direct = snapshots.find((s) => s.period === quarter && s.segment === '');
  if (direct) return { value: direct.value, months: 3 };
  const months = quarterMonths(quarter, fiscalStartMonth);
  const rows = snapshots
    .filter((s) => s.segment === '' && months.includes(s.period))
    .sort((a, b) => (a.period < b.period ? -1 : 1));
  if (rows.length === 0) return null;
  const values = rows.map((r) => r.value);
  let value: number;
  switch (def.aggregation) {
    case 'sum':
      value = values.reduce((a, b) => a + b, 0);
      break;
    case 'mean':
      value = values.reduce((a, b) => a + b, 0) / values.length;
      break;
    case 'weighted-mean': {
      const w = rows.reduce((a, r) => a + (r.weight ?? 0), 0);
      value =
        w > 0
          ? rows.reduce((a, r) => a + r.value * (r.weight ?? 0), 0) / w
          : values.reduce((a, b) => a + b, 0) / values.length;
      break;
    }
    case 'last':
    case 'recompute':
      value = values[values.length - 1] ?? 0;
      break;
  }
  return { value, months: rows.length };
}

/** Red/amber/green against the target and amber edge; null when the KPI has no target. */
export function kpiRag(
  def: Pick<KpiDefinition, 'target' | 'amberThreshold' | 'direction'>,
  value: number | null,
): Rag | null {
  if (value === null || def.target === null) return null;
  const better = def.direction === 'higher' ? value >= def.target : value <= def.target;
  if (better) return 'green';
  if (def.amberThreshold !== null) {
    const amber = def.direction === 'higher' ? value >= def.amberThreshold : value <= def.amberThreshold;
    if (amber) return 'amber';
  }
  return 'red';
}

export type KpiRow = {
  def: KpiDefinition;
  value: number | null;
  months: number;
  previous: number | null;
  lastYear: number | null;
  rag: Rag | null;
};

/** Every KPI with its value in `quarter`, the quarter before and the same quarter a year earlier. */
export function kpiRows(
  defs: readonly KpiDefinition[],
  snapshots: readonly KpiSnapshot[],
  quarter: string,
  fiscalStartMonth: number,
): KpiRow[] {
  const byKey = new Map<string, KpiSnapshot[]>();
  for (const s of snapshots) {
    const list = byKey.get(s.kpiKey) ?? [];
    list.push(s);
    byKey.set(s.kpiKey, list);
  }
  return defs.map((def) => {
    const snaps = byKey.get(def.key) ?? [];
    const cur = quarterValue(def, snaps, quarter, fiscalStartMonth);
    const prev = quarterValue(def, snaps, addQuarters(quarter, -1), fiscalStartMonth);
    const ly = quarterValue(def, snaps, addQuarters(quarter, -4), fiscalStartMonth);
    return {
      def,
      value: cur?.value ?? null,
      months: cur?.months ?? 0,
      previous: prev?.value ?? null,
      lastYear: ly?.value ?? null,
      rag: kpiRag(def, cur?.value ?? null),
    };
  });
}
