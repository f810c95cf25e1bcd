/**
 * The standard set of scenarios for a workspace that has none yet (and for the CLI when a backup
 * carries no scenarios). The rates are Quarterdeck assumptions, editable per scenario: a 5-year
 * horizon (the CFO's usual window), an 8 % discount rate (a typical corporate hurdle rate),
 * 3 % wage inflation, and 1,800 productive hours per FTE (cost-benchmarks.md).
 */
import { DEFAULT_PRODUCTIVE_HOURS } from '../staffing/coverage';
import type { PartnerContract, Scenario, ScenarioKind } from './schema';

export const DEFAULT_HORIZON_YEARS = 5;
export const DEFAULT_DISCOUNT_RATE_PCT = 8;
export const DEFAULT_WAGE_INFLATION_PCT = 3;

const NAMES: Record<ScenarioKind, string> = {
  'in-house': 'All in-house',
  'co-managed': 'Co-managed',
  hybrid: 'Hybrid',
  'fully-outsourced': 'Fully outsourced',
};

/**
 * In-house, co-managed and hybrid always; fully outsourced only when a fully-managed contract
 * exists. Each scenario names its contract explicitly. `retainedPersonIds` starts empty: the
 * director picks who stays.
 */
export function standardScenarios(
  workspaceId: string,
  contracts: readonly PartnerContract[],
  newId: (kind: ScenarioKind) => string = (kind) => `${workspaceId}:scenario:${kind}`.slice(0, 100),
): Scenario[] {
  const coManaged = contracts.find((c) => c.kind === 'co-managed') ?? null;
  const fully = contracts.find((c) => c.kind === 'fully-managed') ?? null;
  const kinds: ScenarioKind[] = ['in-house', 'co-managed', 'hybrid'];
  if (fully) kinds.push('fully-outsourced');
  return kinds
    .filter((k) => k === 'in-house' || (k === 'fully-outsourced' ? fully : coManaged))
    .map((kind, order) => ({
      id: newId(kind),
      workspaceId,
      name: NAMES[kind],
      kind,
      horizonYears: DEFAULT_HORIZON_YEARS,
      discountRatePct: DEFAULT_DISCOUNT_RATE_PCT,
      wageInflationPct: DEFAULT_WAGE_INFLATION_PCT,
      productiveHoursPerFte: DEFAULT_PRODUCTIVE_HOURS,
      areaChoices: [],
      contractId:
        kind === 'in-house' ? null : kind === 'fully-outsourced' ? (fully?.id ?? null) : (coManaged?.id ?? null),
      retainedPersonIds: [],
      order,
    }));
}
