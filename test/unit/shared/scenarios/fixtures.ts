/** Small hand-made workspaces for the staffing and scenario tests (numbers chosen to work by hand). */
import { emptyTables, type WorkspaceData } from '../../../../shared/domain/tables';
import type { CostProfile, Person, SkillArea } from '../../../../shared/domain/staffing/schema';
import type { PartnerContract, Scenario } from '../../../../shared/domain/scenarios/schema';

export const WS = 'ws-test';

/**
 * Profile P: base $100,000.00, benefits 40 %, tools $2,000, cost per hire $5,000, ramp 3 months,
 * turnover 10 %. Year 0 per FTE: loaded 10,000,000 × 1.4 + 200,000 = 14,200,000; turnover
 * 0.1 × (500,000 + 10,000,000 × 3/12 × 0.5) = 0.1 × 1,750,000 = 175,000; sum 14,375,000 cents.
 * One-time per hire: 500,000 + 1,250,000 = 1,750,000 cents.
 */
export function profile(over: Partial<CostProfile> = {}): CostProfile {
  return {
    id: 'p',
    workspaceId: WS,
    role: 'Engineer',
    baseSalary: 10_000_000,
    benefitsLoadPct: 40,
    toolsTrainingPerYear: 200_000,
    costPerHire: 500_000,
    rampUpMonths: 3,
    turnoverPct: 10,
    sources: [],
    ...over,
  };
}

export function area(over: Partial<SkillArea> & Pick<SkillArea, 'id'>): SkillArea {
  return {
    workspaceId: WS,
    key: over.id,
    name: over.id.toUpperCase(),
    coverageModel: '8x5',
    onDemandHours: null,
    minimumDepth: 2,
    plan: 'hire',
    costProfileId: 'p',
    order: 0,
    ...over,
  };
}

export function person(id: string, skills: Record<string, number>, over: Partial<Person> = {}): Person {
  return {
    id,
    workspaceId: WS,
    name: id,
    role: 'Engineer',
    fte: 1,
    costProfileId: 'p',
    skills: Object.entries(skills).map(([skillAreaId, level]) => ({ skillAreaId, level })),
    ...over,
  };
}

/**
 * Contract C: $100/user, $5/endpoint, $1,000 fixed per month; 100 project hours at $150;
 * onboarding $3,000; escalator 5 %. With 100 users and 200 endpoints:
 * monthly = 1,000,000 + 100,000 + 100,000 = 1,200,000; × 12 = 14,400,000; + 100 × 15,000 =
 * 15,900,000 recurring cents a year.
 */
export function contract(over: Partial<PartnerContract> = {}): PartnerContract {
  return {
    id: 'c',
    workspaceId: WS,
    name: 'MSP co-managed',
    partyId: 'partner',
    kind: 'co-managed',
    perUserMonthly: 10_000,
    perEndpointMonthly: 500,
    fixedMonthly: 100_000,
    projectHoursPerYear: 100,
    hourlyRate: 15_000,
    onboardingFee: 300_000,
    escalatorPct: 5,
    coveredAreas: [],
    startDate: null,
    endDate: null,
    ...over,
  };
}

export function scenario(over: Partial<Scenario> & Pick<Scenario, 'id' | 'kind'>): Scenario {
  return {
    workspaceId: WS,
    name: over.id,
    horizonYears: 3,
    discountRatePct: 10,
    wageInflationPct: 3,
    productiveHoursPerFte: 1800,
    areaChoices: [],
    contractId: null,
    retainedPersonIds: [],
    order: 0,
    ...over,
  };
}

export type Parts = {
  profiles?: CostProfile[];
  areas?: SkillArea[];
  people?: Person[];
  contracts?: PartnerContract[];
  scenarios?: Scenario[];
  users?: number;
  endpoints?: number;
};

export function workspace(parts: Parts = {}): WorkspaceData {
  const tables = emptyTables();
  tables.costProfiles = parts.profiles ?? [profile()];
  tables.skillAreas = parts.areas ?? [];
  tables.people = parts.people ?? [];
  tables.partnerContracts = parts.contracts ?? [];
  tables.scenarios = parts.scenarios ?? [];
  return {
    workspace: {
      id: WS,
      name: 'Test workspace',
      currency: 'USD',
      locale: 'en-US',
      fiscalYearStartMonth: 1,
      userCount: parts.users ?? 100,
      endpointCount: parts.endpoints ?? 200,
      serverCount: 10,
      logo: null,
      partnerName: 'MSP',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
    tables,
  };
}

/** mulberry32: a tiny seeded PRNG so property tests are repeatable without a library. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
