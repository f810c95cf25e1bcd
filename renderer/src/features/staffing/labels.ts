/** Words for the staffing and sourcing enums, shared by the tables, forms and charts of this screen. */
import { COVERAGE_MODEL_HOURS } from '../../../../shared/domain/staffing/coverage';
import type { AreaPlan, CoverageModel } from '../../../../shared/domain/staffing/schema';
import type { ScenarioKind } from '../../../../shared/domain/scenarios/schema';

export const PLAN_LABELS: Record<AreaPlan, string> = {
  hire: 'Hire',
  train: 'Train',
  'co-manage': 'Co-manage',
  accept: 'Accept risk',
};

export const KIND_LABELS: Record<ScenarioKind, string> = {
  'in-house': 'In-house',
  'co-managed': 'Co-managed',
  hybrid: 'Hybrid',
  'fully-outsourced': 'Fully outsourced',
};

export const KIND_HELP: Record<ScenarioKind, string> = {
  'in-house': 'Hires for every area planned “hire” or “co-manage”; pays no partner.',
  'co-managed': 'Keeps the team and pays the whole co-managed contract; no hires.',
  hybrid: 'Hires for the areas planned “hire” and pays the whole co-managed contract.',
  'fully-outsourced': 'Pays a fully-managed contract; keeps only the retained people.',
};

/** "24x7" stays as written; on demand reads as words. */
export function modelLabel(m: CoverageModel): string {
  return m === 'on-demand' ? 'On demand' : m;
}

/** The coverage model with its hours, for selects. */
export function modelOptionLabel(m: CoverageModel): string {
  if (m === 'on-demand') return 'On demand (hours per year)';
  const names = { '8x5': 'business hours', '12x5': 'extended hours', '24x7': 'round the clock' } as const;
  return `${m} — ${names[m]}, ${COVERAGE_MODEL_HOURS[m].toLocaleString('en-US')} h/yr`;
}

export const COMPONENT_LABELS = ['Current staff', 'New hires', 'One-time hiring', 'Partner'] as const;

/** Year index as the engine and the CLI number it (y = 0 … H−1, SPEC §4). */
export function yearLabel(y: number): string {
  return `Y${y}`;
}
