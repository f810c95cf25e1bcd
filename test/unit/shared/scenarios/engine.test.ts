import { describe, expect, it } from 'vitest';
import {
  breakEvenYear,
  compareScenarios,
  hiresFor,
  runScenario,
  ScenarioInputError,
  SENSITIVITY_INPUTS,
} from '../../../../shared/domain/scenarios/engine';
import { roundHalfAwayFromZero } from '../../../../shared/domain/scenarios/rounding';
import { area, contract, person, profile, scenario, workspace } from './fixtures';

describe('rounding: halves away from zero', () => {
  it.each([
    [2.5, 3],
    [-2.5, -3],
    [2.4999, 2],
    [182_612.5, 182_613],
    [18_406_237.5, 18_406_238],
    [1.005 * 100, 101], // 100.49999999999999 in binary: the half it stands for rounds up
    [-0.4, 0],
    [0, 0],
  ])('%d → %d', (x, expected) => {
    expect(roundHalfAwayFromZero(x)).toBe(expected);
    expect(Object.is(roundHalfAwayFromZero(x), -0)).toBe(false);
  });
});

describe('hires per area', () => {
  it('a 24x7 area with one internal person needs 4 hires: ceil(8,760/1,800 − 1) = ceil(3.867)', () => {
    const data = workspace({
      areas: [area({ id: 'soc', coverageModel: '24x7', plan: 'hire' })],
      people: [person('ann', { soc: 2 })],
    });
    const r = runScenario(data, scenario({ id: 'ih', kind: 'in-house' }));
    expect(r.areas[0]?.requiredFte).toBeCloseTo(4.867, 3);
    expect(r.areas[0]?.internalFte).toBe(1);
    expect(r.areas[0]?.hires).toBe(4);
  });

  it('an 8x5 area with nobody needs 2 hires: ceil(2,080/1,800) = ceil(1.156)', () => {
    const data = workspace({ areas: [area({ id: 'net', coverageModel: '8x5' })] });
    expect(runScenario(data, scenario({ id: 'ih', kind: 'in-house' })).areas[0]?.hires).toBe(2);
  });

  it.each([
    [3, 1, 2],
    [3, 2 - 2e-16, 1], // float noise just above a whole number does not add a hire
    [1, 1.5, 0],
    [0, 0, 0],
  ])('required %d, internal %d → %i hires', (req, internal, n) => {
    expect(hiresFor(req, internal)).toBe(n);
  });

  // Which areas get hires, by kind and choice (SPEC §4). One 8x5 area with nobody → 2 hires when it hires.
  it.each([
    ['in-house', 'hire', 2],
    ['in-house', 'co-manage', 2],
    ['in-house', 'train', 0],
    ['in-house', 'accept', 0],
    ['hybrid', 'hire', 2],
    ['hybrid', 'co-manage', 0],
    ['hybrid', 'train', 0],
    ['co-managed', 'hire', 0],
    ['fully-outsourced', 'hire', 0],
  ] as const)('%s with plan %s hires %i', (kind, plan, n) => {
    const c = contract({ kind: kind === 'fully-outsourced' ? 'fully-managed' : 'co-managed' });
    const data = workspace({ areas: [area({ id: 'net', plan })], contracts: [c] });
    expect(runScenario(data, scenario({ id: 's', kind })).areas[0]?.hires).toBe(n);
  });

  it("the scenario's area choice overrides the area's plan", () => {
    const data = workspace({ areas: [area({ id: 'net', plan: 'train' })], contracts: [contract()] });
    const s = scenario({ id: 'h', kind: 'hybrid', areaChoices: [{ skillAreaId: 'net', choice: 'hire' }] });
    const r = runScenario(data, s);
    expect(r.areas[0]).toMatchObject({ choice: 'hire', getsHires: true, hires: 2 });
  });
});

describe('in-house costs, worked by hand (profile P, w = 3 %, d = 10 %, H = 3)', () => {
  // One person (FTE 1, level 2) in an 8x5 area planned "hire": required 1.156, internal 1 → 1 hire.
  const data = workspace({ areas: [area({ id: 'net' })], people: [person('ann', { net: 2 })] });
  const r = runScenario(data, scenario({ id: 'ih', kind: 'in-house' }));

  it('gives the yearly components', () => {
    // y0: per FTE 14,375,000 (see fixtures); one-time 1,750,000.
    // y1: salary 10,300,000; loaded 14,420,000 + 200,000 = 14,620,000;
    //     turnover 0.1 × (500,000 + 10,300,000 × 0.125) = 0.1 × 1,787,500 = 178,750 → 14,798,750.
    // y2: salary 10,609,000; loaded 14,852,600 + 200,000 = 15,052,600;
    //     turnover 0.1 × (500,000 + 1,326,125) = 182,612.5 → 15,235,212.5 → rounds to 15,235,213.
    expect(r.years).toEqual([
      {
        year: 0,
        currentStaff: 14_375_000,
        newHires: 14_375_000,
        hiringOneTime: 1_750_000,
        partner: 0,
        total: 30_500_000,
      },
      { year: 1, currentStaff: 14_798_750, newHires: 14_798_750, hiringOneTime: 0, partner: 0, total: 29_597_500 },
      { year: 2, currentStaff: 15_235_213, newHires: 15_235_213, hiringOneTime: 0, partner: 0, total: 30_470_426 },
    ]);
  });

  it('charges the one-time hiring cost in year 0 only', () => {
    expect(r.years.map((y) => y.hiringOneTime)).toEqual([1_750_000, 0, 0]);
  });

  it('charges turnover on new hires in year 0 too', () => {
    // newHires y0 − loaded y0 (14,200,000) = turnover 175,000.
    expect((r.years[0]?.newHires ?? 0) - 14_200_000).toBe(175_000);
  });

  it('gives the cumulative cost and the 3-year NPV to the cent', () => {
    expect(r.cumulative).toEqual([30_500_000, 60_097_500, 90_567_926]);
    // NPV = 30,500,000 + 29,597,500 / 1.1 + 30,470,426 / 1.21
    //     = 30,500,000 + 26,906,818.18 + 25,182,170.25 = 82,588,988.43 → 82,588,988 ($825,889.88).
    expect(r.npv).toBe(82_588_988);
  });

  it('gives the cost per endpoint per month unrounded', () => {
    // 30,500,000 / 200 / 12 = 12,708.333… cents.
    expect(r.costPerEndpointMonth[0]).toBeCloseTo(12_708.333333, 5);
    expect(r.totalHires).toBe(1);
  });

  it('scales the whole loaded cost by FTE, tools included (FTE 0.5)', () => {
    const half = workspace({ people: [person('bob', {}, { fte: 0.5 })] });
    const y0 = runScenario(half, scenario({ id: 'ih', kind: 'in-house', horizonYears: 1 })).years[0];
    // 0.5 × (14,000,000 + 200,000 + 175,000) = 7,187,500.
    expect(y0?.currentStaff).toBe(7_187_500);
  });

  it('costs each person on their own profile', () => {
    const d = workspace({
      profiles: [profile(), profile({ id: 'q', baseSalary: 5_000_000, toolsTrainingPerYear: 0, turnoverPct: 0 })],
      people: [person('a', {}), person('b', {}, { costProfileId: 'q' })],
    });
    // 14,375,000 + 5,000,000 × 1.4 = 21,375,000.
    expect(runScenario(d, scenario({ id: 'ih', kind: 'in-house', horizonYears: 1 })).years[0]?.currentStaff).toBe(
      21_375_000,
    );
  });
});

describe('partner fee', () => {
  it('compounds the escalator and adds onboarding in year 0 only', () => {
    const data = workspace({ contracts: [contract()] });
    const r = runScenario(data, scenario({ id: 'cm', kind: 'co-managed', horizonYears: 4 }));
    // recurring 15,900,000 (fixtures); y0 + 300,000 onboarding; y1 × 1.05; y2 × 1.1025;
    // y3 × 1.157625 = 18,406,237.5 → 18,406,238.
    expect(r.years.map((y) => y.partner)).toEqual([16_200_000, 16_695_000, 17_529_750, 18_406_238]);
    expect(r.years.map((y) => y.total)).toEqual([16_200_000, 16_695_000, 17_529_750, 18_406_238]);
    // 16,200,000 / 200 endpoints / 12 = 6,750 cents = $67.50.
    expect(r.costPerEndpointMonth[0]).toBe(6_750);
  });

  it('co-managed keeps all current staff and pays the whole contract', () => {
    const data = workspace({ people: [person('ann', {})], contracts: [contract()] });
    const y0 = runScenario(data, scenario({ id: 'cm', kind: 'co-managed', horizonYears: 1 })).years[0];
    expect(y0).toEqual({
      year: 0,
      currentStaff: 14_375_000,
      newHires: 0,
      hiringOneTime: 0,
      partner: 16_200_000,
      total: 30_575_000,
    });
  });

  it('fully outsourced pays the fully-managed contract and the retained people only', () => {
    const data = workspace({
      people: [person('ann', {}), person('bob', {}, { fte: 0.5 })],
      contracts: [
        contract(),
        contract({ id: 'fm', kind: 'fully-managed', perUserMonthly: 20_000, projectHoursPerYear: 0, onboardingFee: 0 }),
      ],
    });
    const r = runScenario(
      data,
      scenario({ id: 'fo', kind: 'fully-outsourced', horizonYears: 1, retainedPersonIds: ['bob'] }),
    );
    // partner: 12 × (20,000 × 100 + 500 × 200 + 100,000) = 12 × 2,200,000 = 26,400,000;
    // staff: bob only, 0.5 × 14,375,000 = 7,187,500.
    expect(r.contractId).toBe('fm');
    expect(r.years[0]).toMatchObject({ currentStaff: 7_187_500, partner: 26_400_000, total: 33_587_500 });
  });

  it('refuses a fully-outsourced scenario pointed at a co-managed contract, naming the field', () => {
    const data = workspace({ contracts: [contract()] });
    expect(() => runScenario(data, scenario({ id: 'fo', kind: 'fully-outsourced', contractId: 'c' }))).toThrow(
      ScenarioInputError,
    );
    const cmp = compareScenarios(data, [scenario({ id: 'fo', kind: 'fully-outsourced' })]);
    expect(cmp.problems).toEqual([
      {
        record: 'scenarios/fo (fo)',
        field: 'contractId',
        reason: 'a fully-outsourced scenario needs a fully-managed partner contract and the workspace has none',
      },
    ]);
  });

  it('reports a person whose cost profile is missing instead of crashing', () => {
    const data = workspace({
      people: [person('ann', {}, { costProfileId: 'gone' })],
      scenarios: [scenario({ id: 'ih', kind: 'in-house' })],
    });
    const cmp = compareScenarios(data);
    expect(cmp.scenarios).toEqual([]);
    expect(cmp.problems).toEqual([
      { record: 'people/ann (ann)', field: 'costProfileId', reason: 'cost profile "gone" does not exist' },
    ]);
  });
});

describe('rates that cannot be costed', () => {
  it.each([
    [{ discountRatePct: -100 }, 'discountRatePct'],
    [{ wageInflationPct: -101 }, 'wageInflationPct'],
  ])('%j is refused naming %s', (over, field) => {
    const cmp = compareScenarios(workspace(), [scenario({ id: 'ih', kind: 'in-house', ...over })]);
    expect(cmp.problems[0]?.field).toBe(field);
    expect(cmp.scenarios).toEqual([]);
  });

  it('refuses an escalator below −100 %', () => {
    const cmp = compareScenarios(workspace({ contracts: [contract({ escalatorPct: -150 })] }), [
      scenario({ id: 'cm', kind: 'co-managed' }),
    ]);
    expect(cmp.problems).toEqual([
      { record: 'partnerContracts/c (MSP co-managed)', field: 'escalatorPct', reason: 'must be −100 % or more' },
    ]);
  });
});

describe('coverage achieved', () => {
  const data = workspace({
    areas: [
      area({ id: 'soc', coverageModel: '24x7', plan: 'co-manage' }),
      area({ id: 'net', plan: 'train', order: 1 }),
    ],
    people: [person('bob', { soc: 2, net: 2 }, { fte: 0.5 })],
    contracts: [contract({ coveredAreas: [{ skillAreaId: 'soc', coverageModel: '24x7' }] })],
  });
  it('is 1 where the scenario pays a partner that covers the area, else a fraction', () => {
    const co = runScenario(data, scenario({ id: 'cm', kind: 'co-managed' }));
    expect(co.areas.map((a) => a.coverage)).toEqual([1, (0.5 * 1800) / 2080]); // net: 900 / 2,080 = 0.433
    const ih = runScenario(data, scenario({ id: 'ih', kind: 'in-house' }));
    // soc: 0.5 internal + ceil(4.867 − 0.5) = 5 hires → 5.5 × 1,800 ≥ 8,760 → 1; net trains: 0.433.
    expect(ih.areas.map((a) => a.hires)).toEqual([5, 0]);
    expect(ih.areas.map((a) => a.coverage)).toEqual([1, (0.5 * 1800) / 2080]);
    expect(ih.areas[0]?.partnerCovered).toBe(false);
  });
});

describe('break-even', () => {
  it.each([
    [[5, 10, 15], [6, 12, 18], 0],
    [[10, 15, 20], [6, 12, 21], 2],
    [[10, 20, 30], [5, 10, 15], null],
    [[5, 10], [5, 10], null], // equal is not below
    [[9, 10, 11], [8, 12], 1], // compared over the shorter horizon
  ])('%j vs %j → %s', (a, b, year) => {
    expect(breakEvenYear(a, b)).toBe(year);
  });

  it('is given for every ordered pair of scenarios', () => {
    const data = workspace({
      areas: [area({ id: 'net' })],
      contracts: [contract()],
      scenarios: [
        scenario({ id: 'A', kind: 'in-house', order: 0 }),
        scenario({ id: 'B', kind: 'co-managed', order: 1 }),
      ],
    });
    const cmp = compareScenarios(data);
    // In-house: 2 hires. y0 = 2 × 14,375,000 + 2 × 1,750,000 = 32,250,000 > co-managed 16,200,000.
    expect(cmp.scenarios[0]?.years[0]?.total).toBe(32_250_000);
    expect(cmp.breakEven).toEqual([
      { a: 'A', b: 'B', aId: 'A', bId: 'B', year: null },
      { a: 'B', b: 'A', aId: 'B', bId: 'A', year: 0 },
    ]);
  });
});

describe('sensitivity (H = 1, in-house 2 hires vs co-managed contract C)', () => {
  // Base: NPV(in-house) = 32,250,000; NPV(co-managed) = 16,200,000; diff = −16,050,000.
  const data = workspace({
    areas: [area({ id: 'net', plan: 'co-manage' })],
    contracts: [contract({ coveredAreas: [{ skillAreaId: 'net', coverageModel: '8x5' }] })],
    scenarios: [
      scenario({ id: 'ih', kind: 'in-house', horizonYears: 1 }),
      scenario({ id: 'cm', kind: 'co-managed', horizonYears: 1, order: 1 }),
    ],
  });
  const rows = compareScenarios(data).sensitivity;
  const byKey = Object.fromEntries(rows.map((r) => [r.input, r]));

  it('moves each input alone by ±20 % and reports the change of the NPV difference', () => {
    // Salary 8,000,000: per FTE 11,200,000 + 200,000 + 150,000; one-time 1,500,000 →
    // in-house 26,100,000 → diff −9,900,000 → change +6,150,000; +20 % mirrors it.
    expect(byKey['salary']).toMatchObject({ low: 6_150_000, high: -6_150_000 });
    // Partner prices × 0.8: 15,900,000 × 0.8 + 300,000 = 13,020,000 → change −3,180,000.
    expect(byKey['partnerPrices']).toMatchObject({ low: -3_180_000, high: 3_180_000 });
    // Productive hours 2,160: 2,080 / 2,160 = 0.963 → 1 hire: in-house 16,125,000 → diff +75,000 →
    // change +16,125,000; 1,440 h still needs 2 hires → 0.
    expect(byKey['productiveHours']).toMatchObject({ low: 0, high: 16_125_000 });
    // Year 0 only: escalator, wage inflation and discount rate cannot move it.
    expect(byKey['partnerEscalator']).toMatchObject({ low: 0, high: 0 });
  });

  it('sorts by swing, largest first, ties in input order', () => {
    // Swings: productive hours 16,125,000; salary 12,300,000; partner prices 6,360,000;
    // users 4,800,000 (12,000,000 × 0.4); benefits 3,200,000 (2 × 10,000,000 × 0.16);
    // ramp 1,100,000 (2 × 275,000 × 2); project hours 600,000; endpoints 480,000;
    // cost per hire 440,000 (2 × 110,000 × 2); tools 160,000; turnover 140,000; onboarding 120,000;
    // then the three zeros in input order.
    expect(rows.map((r) => [r.input, r.swing])).toEqual([
      ['productiveHours', 16_125_000],
      ['salary', 12_300_000],
      ['partnerPrices', 6_360_000],
      ['users', 4_800_000],
      ['benefitsLoad', 3_200_000],
      ['rampUpMonths', 1_100_000],
      ['projectHours', 600_000],
      ['endpoints', 480_000],
      ['costPerHire', 440_000],
      ['toolsTraining', 160_000],
      ['turnover', 140_000],
      ['onboardingFee', 120_000],
      ['partnerEscalator', 0],
      ['wageInflation', 0],
      ['discountRate', 0],
    ]);
    expect(rows).toHaveLength(SENSITIVITY_INPUTS.length);
  });

  it('is empty without both an in-house and a co-managed scenario', () => {
    const only = { ...data, tables: { ...data.tables, scenarios: data.tables.scenarios.slice(0, 1) } };
    expect(compareScenarios(only).sensitivity).toEqual([]);
  });
});
