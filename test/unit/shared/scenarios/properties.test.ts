/** Property tests over seeded random workspaces (mulberry32; no extra library). */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../../shared/domain/scenarios/engine';
import type { WorkspaceData } from '../../../../shared/domain/tables';
import { COVERAGE_MODELS, AREA_PLANS } from '../../../../shared/domain/staffing/schema';
import { area, contract, person, profile, scenario, seeded, workspace } from './fixtures';
import type { Scenario } from '../../../../shared/domain/scenarios/schema';

const CASES = 300;

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  const x = xs[Math.floor(rnd() * xs.length)];
  if (x === undefined) throw new Error('empty list');
  return x;
}
const int = (rnd: () => number, lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));

function randomWorkspace(rnd: () => number): { data: WorkspaceData; base: Omit<Scenario, 'id' | 'kind'> } {
  const profiles = Array.from({ length: int(rnd, 1, 4) }, (_, i) =>
    profile({
      id: `p${i}`,
      baseSalary: int(rnd, 3_000_000, 20_000_000),
      benefitsLoadPct: int(rnd, 0, 60),
      toolsTrainingPerYear: int(rnd, 0, 1_000_000),
      costPerHire: int(rnd, 0, 1_000_000),
      rampUpMonths: int(rnd, 0, 12),
      turnoverPct: int(rnd, 0, 40),
    }),
  );
  const areas = Array.from({ length: int(rnd, 1, 8) }, (_, i) => {
    const coverageModel = pick(rnd, COVERAGE_MODELS);
    return area({
      id: `a${i}`,
      order: i,
      coverageModel,
      onDemandHours: coverageModel === 'on-demand' ? int(rnd, 0, 4000) : null,
      plan: pick(rnd, AREA_PLANS),
      costProfileId: pick(rnd, profiles).id,
    });
  });
  const people = Array.from({ length: int(rnd, 0, 10) }, (_, i) =>
    person(`u${i}`, Object.fromEntries(areas.map((a) => [a.id, int(rnd, 0, 4)])), {
      fte: int(rnd, 1, 10) / 10,
      costProfileId: pick(rnd, profiles).id,
    }),
  );
  const c = contract({
    perUserMonthly: int(rnd, 0, 20_000),
    perEndpointMonthly: int(rnd, 0, 5_000),
    fixedMonthly: int(rnd, 0, 500_000),
    projectHoursPerYear: int(rnd, 0, 500),
    hourlyRate: int(rnd, 0, 25_000),
    onboardingFee: int(rnd, 0, 1_000_000),
    escalatorPct: int(rnd, 0, 10),
    coveredAreas: areas
      .filter(() => rnd() < 0.5)
      .map((a) => ({ skillAreaId: a.id, coverageModel: pick(rnd, COVERAGE_MODELS) })),
  });
  const data = workspace({
    profiles,
    areas,
    people,
    contracts: [c],
    users: int(rnd, 0, 5000),
    endpoints: int(rnd, 0, 6000),
  });
  const base = scenario({
    id: 'x',
    kind: 'in-house',
    horizonYears: int(rnd, 1, 10),
    discountRatePct: int(rnd, 0, 15),
    wageInflationPct: int(rnd, -5, 10),
    productiveHoursPerFte: int(rnd, 1200, 2080),
    areaChoices: areas.filter(() => rnd() < 0.3).map((a) => ({ skillAreaId: a.id, choice: pick(rnd, AREA_PLANS) })),
  });
  return { data, base };
}

function assertNotLower(before: ReturnType<typeof runScenario>, after: ReturnType<typeof runScenario>): void {
  after.years.forEach((y, i) => expect(y.total).toBeGreaterThanOrEqual(before.years[i]?.total ?? Infinity));
  expect(after.npv).toBeGreaterThanOrEqual(before.npv);
}

describe('properties', () => {
  it(`a higher salary never lowers in-house cost (${CASES} seeded workspaces)`, () => {
    const rnd = seeded(20260401);
    let raisedSomething = 0;
    for (let k = 0; k < CASES; k++) {
      const { data, base } = randomWorkspace(rnd);
      const s = { ...base, id: 'ih', kind: 'in-house' as const };
      const before = runScenario(data, s);
      const target = pick(rnd, data.tables.costProfiles).id;
      const bump = int(rnd, 1, 5_000_000);
      const raised: WorkspaceData = {
        ...data,
        tables: {
          ...data.tables,
          costProfiles: data.tables.costProfiles.map((p) =>
            p.id === target ? { ...p, baseSalary: p.baseSalary + bump } : p,
          ),
        },
      };
      const after = runScenario(raised, s);
      assertNotLower(before, after);
      if ((after.years[0]?.total ?? 0) > (before.years[0]?.total ?? 0)) raisedSomething++;
    }
    // The property is not vacuous: most cases have someone on the raised profile.
    expect(raisedSomething).toBeGreaterThan(CASES / 3);
  });

  it(`a higher partner price never lowers co-managed cost (${CASES} seeded workspaces)`, () => {
    const rnd = seeded(7);
    const fields = ['perUserMonthly', 'perEndpointMonthly', 'fixedMonthly', 'hourlyRate', 'onboardingFee'] as const;
    let raisedSomething = 0;
    for (let k = 0; k < CASES; k++) {
      const { data, base } = randomWorkspace(rnd);
      const s = { ...base, id: 'cm', kind: 'co-managed' as const };
      const before = runScenario(data, s);
      const field = pick(rnd, fields);
      const bump = int(rnd, 1, 100_000);
      const raised: WorkspaceData = {
        ...data,
        tables: {
          ...data.tables,
          partnerContracts: data.tables.partnerContracts.map((c) => ({ ...c, [field]: c[field] + bump })),
        },
      };
      const after = runScenario(raised, s);
      assertNotLower(before, after);
      if ((after.years[0]?.total ?? 0) > (before.years[0]?.total ?? 0)) raisedSomething++;
    }
    expect(raisedSomething).toBeGreaterThan(CASES / 3);
  });

  it(`totals are the sum of integer components, cumulative sums them (${CASES} cases, all kinds)`, () => {
    const rnd = seeded(99);
    for (let k = 0; k < CASES; k++) {
      const { data, base } = randomWorkspace(rnd);
      const kind = pick(rnd, ['in-house', 'co-managed', 'hybrid'] as const);
      const r = runScenario(data, { ...base, id: 's', kind });
      let run = 0;
      r.years.forEach((y, i) => {
        for (const v of [y.currentStaff, y.newHires, y.hiringOneTime, y.partner])
          expect(Number.isInteger(v)).toBe(true);
        expect(y.total).toBe(y.currentStaff + y.newHires + y.hiringOneTime + y.partner);
        if (i > 0) expect(y.hiringOneTime).toBe(0);
        run += y.total;
        expect(r.cumulative[i]).toBe(run);
      });
      for (const a of r.areas) {
        expect(a.coverage).toBeGreaterThanOrEqual(0);
        expect(a.coverage).toBeLessThanOrEqual(1);
      }
    }
  });
});
