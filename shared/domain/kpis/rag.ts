/**
 * RAG status of a KPI value (SPEC §3.6: "RAG by target and amber threshold and direction").
 *
 * Higher is better: green when value ≥ target; amber when amberThreshold ≤ value < target; red below.
 * Lower is better:  green when value ≤ target; amber when target < value ≤ amberThreshold; red above.
 * Both edges belong to the better band (a value exactly on the target is green, exactly on the
 * threshold is amber). No amber band when the threshold is null or on the wrong side of the target.
 * 'none' when there is no value or no target.
 */
import type { KpiDefinition } from './schema';

export type Rag = 'green' | 'amber' | 'red' | 'none';

/** RAG of `value` for a KPI (only direction, target and amberThreshold are read). */
export function ragStatus(
  def: Pick<KpiDefinition, 'direction' | 'target' | 'amberThreshold'>,
  value: number | null | undefined,
): Rag {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'none';
  const { target, amberThreshold: amber } = def;
  if (target === null || !Number.isFinite(target)) return 'none';
  if (def.direction === 'higher') {
    if (value >= target) return 'green';
    if (amber !== null && amber <= target && value >= amber) return 'amber';
    return 'red';
  }
  if (value <= target) return 'green';
  if (amber !== null && amber >= target && value <= amber) return 'amber';
  return 'red';
}

/** Text that goes with the colour, so RAG is never shown by colour alone. */
export function ragLabel(rag: Rag): string {
  switch (rag) {
    case 'green':
      return 'On target';
    case 'amber':
      return 'Near target';
    case 'red':
      return 'Off target';
    case 'none':
      return 'No target';
  }
}
