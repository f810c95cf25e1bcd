/** Partner contracts and sourcing scenarios (SPEC §2, §4). */
import { z } from 'zod';
import { Id, IsoDate, Money, Percent, Scoped, ShortText } from '../common';
import { AREA_PLANS, COVERAGE_MODELS } from '../staffing/schema';

export const PartnerContract = Scoped.extend({
  name: ShortText.min(1),
  partyId: Id,
  /** co-managed: what the partner adds beside the internal team; fully-managed: the whole service. */
  kind: z.enum(['co-managed', 'fully-managed']),
  perUserMonthly: Money.min(0),
  perEndpointMonthly: Money.min(0),
  fixedMonthly: Money.min(0),
  projectHoursPerYear: z.number().min(0).max(100_000),
  hourlyRate: Money.min(0),
  onboardingFee: Money.min(0),
  escalatorPct: Percent,
  coveredAreas: z.array(z.object({ skillAreaId: Id, coverageModel: z.enum(COVERAGE_MODELS) })).max(100),
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
});
export type PartnerContract = z.infer<typeof PartnerContract>;

export const SCENARIO_KINDS = ['in-house', 'co-managed', 'hybrid', 'fully-outsourced'] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

export const Scenario = Scoped.extend({
  name: ShortText.min(1),
  kind: z.enum(SCENARIO_KINDS),
  horizonYears: z.number().int().min(1).max(10),
  discountRatePct: Percent,
  wageInflationPct: Percent,
  productiveHoursPerFte: z.number().min(100).max(8760),
  /** Per-area choice; areas not listed use the area's own plan. */
  areaChoices: z.array(z.object({ skillAreaId: Id, choice: z.enum(AREA_PLANS) })).max(100),
  /** The contract the scenario pays (co-managed, hybrid, fully outsourced); null = none. */
  contractId: Id.nullable(),
  /** Fully outsourced: the people kept in-house. */
  retainedPersonIds: z.array(Id).max(1000),
  order: z.number().int().min(0),
});
export type Scenario = z.infer<typeof Scenario>;
