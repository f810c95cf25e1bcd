/**
 * KPI rows for the screens, from the shared KPI maths (helper C): quarterly aggregation per the
 * KPI's rule, RAG by target and amber threshold, and the value a quarter and a year earlier.
 */
import { addQuarters } from '../../../shared/domain/periods';
import { quarterlyValues } from '../../../shared/domain/kpis/aggregate';
import { ragStatus } from '../../../shared/domain/kpis/rag';
import type { KpiDefinition, KpiSnapshot } from '../../../shared/domain/kpis/schema';
import type { Rag } from '../components/status';

export type KpiRow = {
  def: KpiDefinition;
  value: number | null;
  /** Months behind the value (0 for a value stored for the whole quarter). */
  months: number;
  previous: number | null;
  lastYear: number | null;
  rag: Rag | null;
};

/** Every KPI with its overall value in `quarter`, the quarter before and the same quarter last year. */
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
    const values = quarterlyValues(def, byKey.get(def.key) ?? [], fiscalStartMonth);
    const cur = values.get(quarter) ?? null;
    const rag = ragStatus(def, cur?.value ?? null);
    return {
      def,
      value: cur?.value ?? null,
      months: cur?.months ?? 0,
      previous: values.get(addQuarters(quarter, -1))?.value ?? null,
      lastYear: values.get(addQuarters(quarter, -4))?.value ?? null,
      rag: rag === 'none' ? null : rag,
    };
  });
}
