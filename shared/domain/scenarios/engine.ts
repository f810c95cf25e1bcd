/**
 * The sourcing cost model of SPEC §4, exactly: per scenario and year the components (current
 * staff, new hires, one-time hiring, partner), each rounded to the minor unit halves away from
 * zero; totals, cumulative cost, NPV, cost per endpoint per month, coverage and hires per area;
 * break-even between every ordered pair; the ±20 % sensitivity of NPV(co-managed) − NPV(in-house).
 *
 * How a scenario finds its contract (SPEC leaves it open):
 * - in-house pays no partner; its contractId is ignored;
 * - co-managed and hybrid pay `scenario.contractId` when set (it must exist); when null, the
 *   workspace's first co-managed contract (table order); none at all is an input problem;
 * - fully outsourced pays `scenario.contractId` when set, which must be a fully-managed contract;
 *   when null, the first fully-managed contract; none is an input problem. Its staff are the
 *   people in `retainedPersonIds` only — they are also its "internal FTE" for coverage, since
 *   everyone else has left in that scenario.
 */
import {
  contractCover,
  coverageHours,
  internalFte as internalFteOf,
  requiredFte as requiredFteOf,
} from '../staffing/coverage';
import type { AreaPlan, CostProfile, Person, SkillArea } from '../staffing/schema';
import type { WorkspaceData } from '../tables';
import { roundHalfAwayFromZero } from './rounding';
import type { PartnerContract, Scenario, ScenarioKind } from './schema';

/** What is wrong with the input, named by record, field and reason. */
export type ScenarioProblem = { record: string; field: string; reason: string };

/** Thrown by `runScenario` when the data cannot be costed; never a crash with a stack. */
export class ScenarioInputError extends Error {
  constructor(readonly problem: ScenarioProblem) {
    super(`${problem.record}: ${problem.field}: ${problem.reason}`);
  }
}

/** One year of a scenario, in minor units; total = sum of the rounded components. */
export type YearCost = {
  year: number;
  currentStaff: number;
  newHires: number;
  hiringOneTime: number;
  partner: number;
  total: number;
};

/** What a scenario does in one skill area. */
export type AreaOutcome = {
  areaId: string;
  key: string;
  name: string;
  /** The scenario's choice for the area, else the area's own plan. */
  choice: AreaPlan;
  getsHires: boolean;
  requiredFte: number;
  internalFte: number;
  hires: number;
  /** 0..1 (SPEC §4). */
  coverage: number;
  /** The partner covers the area (the scenario pays a contract that covers it well enough). */
  partnerCovered: boolean;
};

/** The costed scenario. Money in minor units; NPV rounded; cost per endpoint not rounded. */
export type ScenarioResult = {
  scenarioId: string;
  name: string;
  kind: ScenarioKind;
  horizonYears: number;
  contractId: string | null;
  contractName: string | null;
  years: YearCost[];
  cumulative: number[];
  npv: number;
  /** total_y / N / 12; null when the workspace has no endpoints. */
  costPerEndpointMonth: (number | null)[];
  areas: AreaOutcome[];
  totalHires: number;
};

/** Which areas get hires, by scenario kind (SPEC §4); train and accept never hire. */
export function areaGetsHires(kind: ScenarioKind, choice: AreaPlan): boolean {
  switch (kind) {
    case 'in-house':
      return choice === 'hire' || choice === 'co-manage';
    case 'hybrid':
      return choice === 'hire';
    case 'co-managed':
    case 'fully-outsourced':
      return false;
  }
}

/** Hires for an area = ceil(max(0, required − internal) − 1e−9) whole people. */
export function hiresFor(required: number, internal: number): number {
  return Math.max(0, Math.ceil(Math.max(0, required - internal) - 1e-9));
}

/** Salary of one FTE in year y = base × (1 + w)^y. */
export function salaryInYear(profile: Pick<CostProfile, 'baseSalary'>, wageInflationPct: number, year: number): number {
  return profile.baseSalary * (1 + wageInflationPct / 100) ** year;
}

/**
 * Yearly cost of one FTE in year y, unrounded: loaded (salary × (1 + benefits) + tools, tools not
 * inflated) plus turnover (turnover × (cost per hire + salary × ramp / 12 × 0.5)).
 */
export function fteYearCost(profile: CostProfile, wageInflationPct: number, year: number): number {
  const salary = salaryInYear(profile, wageInflationPct, year);
  const loaded = (salary * (100 + profile.benefitsLoadPct)) / 100 + profile.toolsTrainingPerYear;
  const turnover = (profile.turnoverPct * (profile.costPerHire + (salary * profile.rampUpMonths) / 24)) / 100;
  return loaded + turnover;
}

/** One-time cost of one hire (year 0): cost per hire + salary_0 × ramp months / 12 × 0.5. */
export function oneTimeHiringCost(profile: CostProfile): number {
  return profile.costPerHire + (profile.baseSalary * profile.rampUpMonths) / 24;
}

/** Partner fee in year y, unrounded: monthly × 12 + project hours, escalated; onboarding in year 0. */
export function partnerFeeInYear(contract: PartnerContract, users: number, endpoints: number, year: number): number {
  const monthly = contract.perUserMonthly * users + contract.perEndpointMonthly * endpoints + contract.fixedMonthly;
  const escalation = (1 + contract.escalatorPct / 100) ** year;
  const recurring = (12 * monthly + contract.projectHoursPerYear * contract.hourlyRate) * escalation;
  return recurring + (year === 0 ? contract.onboardingFee : 0);
}

/** NPV = Σ total_y / (1 + d)^y (year 0 undiscounted), rounded halves away from zero. */
export function npvOf(totals: readonly number[], discountRatePct: number): number {
  let sum = 0;
  totals.forEach((t, y) => {
    sum += t / (1 + discountRatePct / 100) ** y;
  });
  return roundHalfAwayFromZero(sum);
}

/** Running sums of the yearly totals. */
export function cumulativeOf(totals: readonly number[]): number[] {
  let run = 0;
  return totals.map((t) => (run += t));
}

/** Break-even of A against B: first year A's cumulative is below B's; 0 from the start; null never. */
export function breakEvenYear(cumulativeA: readonly number[], cumulativeB: readonly number[]): number | null {
  const n = Math.min(cumulativeA.length, cumulativeB.length);
  for (let y = 0; y < n; y++) if ((cumulativeA[y] ?? 0) < (cumulativeB[y] ?? 0)) return y;
  return null;
}

/** Skill areas in display order. */
export function orderedAreas(data: WorkspaceData): SkillArea[] {
  return [...data.tables.skillAreas].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'en'));
}

/** Scenarios in display order. */
export function orderedScenarios(scenarios: readonly Scenario[]): Scenario[] {
  return [...scenarios].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'en'));
}

/** The contract a scenario pays (see the module comment), or null for in-house. */
export function scenarioContract(data: WorkspaceData, scenario: Scenario): PartnerContract | null {
  if (scenario.kind === 'in-house') return null;
  const contracts = data.tables.partnerContracts;
  const record = `scenarios/${scenario.id} (${scenario.name})`;
  if (scenario.contractId !== null) {
    const c = contracts.find((x) => x.id === scenario.contractId);
    if (!c) {
      throw new ScenarioInputError({
        record,
        field: 'contractId',
        reason: `partner contract "${scenario.contractId}" does not exist`,
      });
    }
    if (scenario.kind === 'fully-outsourced' && c.kind !== 'fully-managed') {
      throw new ScenarioInputError({
        record,
        field: 'contractId',
        reason: `a fully-outsourced scenario needs a fully-managed contract; "${c.name}" is ${c.kind}`,
      });
    }
    return checkContract(c);
  }
  const wanted = scenario.kind === 'fully-outsourced' ? 'fully-managed' : 'co-managed';
  const c = contracts.find((x) => x.kind === wanted);
  if (!c) {
    throw new ScenarioInputError({
      record,
      field: 'contractId',
      reason: `a ${scenario.kind} scenario needs a ${wanted} partner contract and the workspace has none`,
    });
  }
  return checkContract(c);
}

function checkContract(c: PartnerContract): PartnerContract {
  if (!(c.escalatorPct >= -100)) {
    throw new ScenarioInputError({
      record: `partnerContracts/${c.id} (${c.name})`,
      field: 'escalatorPct',
      reason: 'must be −100 % or more',
    });
  }
  return c;
}

function profileOf(profiles: ReadonlyMap<string, CostProfile>, id: string, record: string): CostProfile {
  const p = profiles.get(id);
  if (!p)
    throw new ScenarioInputError({ record, field: 'costProfileId', reason: `cost profile "${id}" does not exist` });
  return p;
}

/** The people a scenario keeps: everyone, or the retained people when fully outsourced. */
function scenarioStaff(data: WorkspaceData, scenario: Scenario): Person[] {
  if (scenario.kind !== 'fully-outsourced') return data.tables.people;
  const byId = new Map(data.tables.people.map((p) => [p.id, p]));
  const out: Person[] = [];
  const seen = new Set<string>();
  scenario.retainedPersonIds.forEach((id, i) => {
    const p = byId.get(id);
    if (!p) {
      throw new ScenarioInputError({
        record: `scenarios/${scenario.id} (${scenario.name})`,
        field: `retainedPersonIds[${i}]`,
        reason: `person "${id}" does not exist`,
      });
    }
    // A person listed twice is still one person.
    if (!seen.has(id)) out.push(p);
    seen.add(id);
  });
  return out;
}

/** Rates at or below −100 % would divide by zero or flip signs: refuse them with the field named. */
function checkRates(scenario: Scenario): void {
  const record = `scenarios/${scenario.id} (${scenario.name})`;
  if (!(scenario.discountRatePct > -100)) {
    throw new ScenarioInputError({ record, field: 'discountRatePct', reason: 'must be above −100 %' });
  }
  if (!(scenario.wageInflationPct >= -100)) {
    throw new ScenarioInputError({ record, field: 'wageInflationPct', reason: 'must be −100 % or more' });
  }
  if (!(scenario.productiveHoursPerFte > 0)) {
    throw new ScenarioInputError({ record, field: 'productiveHoursPerFte', reason: 'must be above 0' });
  }
}

/** Costs one scenario per SPEC §4. Throws ScenarioInputError when a reference is missing. */
export function runScenario(data: WorkspaceData, scenario: Scenario): ScenarioResult {
  checkRates(scenario);
  const profiles = new Map(data.tables.costProfiles.map((p) => [p.id, p]));
  const contract = scenarioContract(data, scenario);
  const staff = scenarioStaff(data, scenario);
  const p = scenario.productiveHoursPerFte;
  const w = scenario.wageInflationPct;
  const users = data.workspace.userCount;
  const endpoints = data.workspace.endpointCount;
  const choices = new Map(scenario.areaChoices.map((c) => [c.skillAreaId, c.choice]));

  const staffProfiles = staff.map((person) => ({
    fte: person.fte,
    profile: profileOf(profiles, person.costProfileId, `people/${person.id} (${person.name})`),
  }));

  const areas: AreaOutcome[] = [];
  const hireProfiles: { count: number; profile: CostProfile }[] = [];
  for (const area of orderedAreas(data)) {
    const choice = choices.get(area.id) ?? area.plan;
    const getsHires = areaGetsHires(scenario.kind, choice);
    const required = requiredFteOf(area, p);
    const internal = internalFteOf(staff, area.id);
    const hires = getsHires ? hiresFor(required, internal) : 0;
    if (hires > 0) {
      hireProfiles.push({
        count: hires,
        profile: profileOf(profiles, area.costProfileId, `skillAreas/${area.id} (${area.name})`),
      });
    }
    const partnerCovered = contract !== null && contractCover(contract, area) !== null;
    const hours = coverageHours(area);
    const coverage = partnerCovered || hours === 0 ? 1 : Math.min(1, ((internal + hires) * p) / hours);
    areas.push({
      areaId: area.id,
      key: area.key,
      name: area.name,
      choice,
      getsHires,
      requiredFte: required,
      internalFte: internal,
      hires,
      coverage,
      partnerCovered,
    });
  }

  const years: YearCost[] = [];
  for (let y = 0; y < scenario.horizonYears; y++) {
    let staffCost = 0;
    for (const s of staffProfiles) staffCost += s.fte * fteYearCost(s.profile, w, y);
    let hireCost = 0;
    let oneTime = 0;
    for (const h of hireProfiles) {
      // Hires work a full year from year 0 and turnover applies to them from year 0 too.
      hireCost += h.count * fteYearCost(h.profile, w, y);
      if (y === 0) oneTime += h.count * oneTimeHiringCost(h.profile);
    }
    const partner = contract ? partnerFeeInYear(contract, users, endpoints, y) : 0;
    const row = {
      year: y,
      currentStaff: roundHalfAwayFromZero(staffCost),
      newHires: roundHalfAwayFromZero(hireCost),
      hiringOneTime: roundHalfAwayFromZero(oneTime),
      partner: roundHalfAwayFromZero(partner),
    };
    years.push({ ...row, total: row.currentStaff + row.newHires + row.hiringOneTime + row.partner });
  }
  const totals = years.map((r) => r.total);
  return {
    scenarioId: scenario.id,
    name: scenario.name,
    kind: scenario.kind,
    horizonYears: scenario.horizonYears,
    contractId: contract?.id ?? null,
    contractName: contract?.name ?? null,
    years,
    cumulative: cumulativeOf(totals),
    npv: npvOf(totals, scenario.discountRatePct),
    costPerEndpointMonth: totals.map((t) => (endpoints > 0 ? t / endpoints / 12 : null)),
    areas,
    totalHires: areas.reduce((s, a) => s + a.hires, 0),
  };
}

/** Break-even of scenario A against B (names and ids for display). */
export type BreakEven = { a: string; b: string; aId: string; bId: string; year: number | null };

/** Every input the sensitivity moves by ±20 % (all records of that kind at once). */
export const SENSITIVITY_INPUTS = [
  { key: 'salary', label: 'Salary' },
  { key: 'benefitsLoad', label: 'Benefits load' },
  { key: 'toolsTraining', label: 'Tools & training' },
  { key: 'costPerHire', label: 'Cost per hire' },
  { key: 'rampUpMonths', label: 'Ramp-up months' },
  { key: 'turnover', label: 'Turnover' },
  { key: 'partnerPrices', label: 'Partner prices' },
  { key: 'onboardingFee', label: 'Onboarding fee' },
  { key: 'projectHours', label: 'Partner project hours' },
  { key: 'partnerEscalator', label: 'Partner escalator' },
  { key: 'wageInflation', label: 'Wage inflation' },
  { key: 'discountRate', label: 'Discount rate' },
  { key: 'productiveHours', label: 'Productive hours per FTE' },
  { key: 'users', label: 'Users' },
  { key: 'endpoints', label: 'Endpoints' },
] as const;
export type SensitivityInput = (typeof SENSITIVITY_INPUTS)[number]['key'];

/** Change in NPV(co-managed) − NPV(in-house) when one input moves −20 % (low) and +20 % (high). */
export type SensitivityRow = { input: SensitivityInput; label: string; low: number; high: number; swing: number };

/** Returns the data and scenario with one input scaled by `factor` (pure copies). */
export function scaleInput(
  data: WorkspaceData,
  scenario: Scenario,
  input: SensitivityInput,
  factor: number,
): { data: WorkspaceData; scenario: Scenario } {
  const t = data.tables;
  const profiles = (f: (p: CostProfile) => Partial<CostProfile>): WorkspaceData => ({
    ...data,
    tables: { ...t, costProfiles: t.costProfiles.map((p) => ({ ...p, ...f(p) })) },
  });
  const contracts = (f: (c: PartnerContract) => Partial<PartnerContract>): WorkspaceData => ({
    ...data,
    tables: { ...t, partnerContracts: t.partnerContracts.map((c) => ({ ...c, ...f(c) })) },
  });
  switch (input) {
    case 'salary':
      return { data: profiles((p) => ({ baseSalary: p.baseSalary * factor })), scenario };
    case 'benefitsLoad':
      return { data: profiles((p) => ({ benefitsLoadPct: p.benefitsLoadPct * factor })), scenario };
    case 'toolsTraining':
      return { data: profiles((p) => ({ toolsTrainingPerYear: p.toolsTrainingPerYear * factor })), scenario };
    case 'costPerHire':
      return { data: profiles((p) => ({ costPerHire: p.costPerHire * factor })), scenario };
    case 'rampUpMonths':
      return { data: profiles((p) => ({ rampUpMonths: p.rampUpMonths * factor })), scenario };
    case 'turnover':
      return { data: profiles((p) => ({ turnoverPct: p.turnoverPct * factor })), scenario };
    case 'partnerPrices':
      return {
        data: contracts((c) => ({
          perUserMonthly: c.perUserMonthly * factor,
          perEndpointMonthly: c.perEndpointMonthly * factor,
          fixedMonthly: c.fixedMonthly * factor,
          hourlyRate: c.hourlyRate * factor,
        })),
        scenario,
      };
    case 'onboardingFee':
      return { data: contracts((c) => ({ onboardingFee: c.onboardingFee * factor })), scenario };
    case 'projectHours':
      return { data: contracts((c) => ({ projectHoursPerYear: c.projectHoursPerYear * factor })), scenario };
    case 'partnerEscalator':
      return { data: contracts((c) => ({ escalatorPct: c.escalatorPct * factor })), scenario };
    case 'wageInflation':
      return { data, scenario: { ...scenario, wageInflationPct: scenario.wageInflationPct * factor } };
    case 'discountRate':
      return { data, scenario: { ...scenario, discountRatePct: scenario.discountRatePct * factor } };
    case 'productiveHours':
      return { data, scenario: { ...scenario, productiveHoursPerFte: scenario.productiveHoursPerFte * factor } };
    case 'users':
      return {
        data: { ...data, workspace: { ...data.workspace, userCount: data.workspace.userCount * factor } },
        scenario,
      };
    case 'endpoints':
      return {
        data: { ...data, workspace: { ...data.workspace, endpointCount: data.workspace.endpointCount * factor } },
        scenario,
      };
  }
}

/**
 * Sensitivity (tornado): each input −20 % and +20 % alone, the change in NPV(co-managed) −
 * NPV(in-house) against the base, sorted by swing |high − low| (largest first; ties keep the
 * input order).
 */
export function sensitivity(data: WorkspaceData, coManaged: Scenario, inHouse: Scenario): SensitivityRow[] {
  const diff = (d: WorkspaceData, input: SensitivityInput | null, factor: number): number => {
    const a = input ? scaleInput(d, coManaged, input, factor) : { data: d, scenario: coManaged };
    const b = input ? scaleInput(d, inHouse, input, factor) : { data: d, scenario: inHouse };
    return runScenario(a.data, a.scenario).npv - runScenario(b.data, b.scenario).npv;
  };
  const base = diff(data, null, 1);
  const rows = SENSITIVITY_INPUTS.map(({ key, label }) => {
    const low = diff(data, key, 0.8) - base;
    const high = diff(data, key, 1.2) - base;
    return { input: key, label, low, high, swing: Math.abs(high - low) };
  });
  return rows
    .map((r, i) => ({ r, i }))
    .sort((x, y) => y.r.swing - x.r.swing || x.i - y.i)
    .map((x) => x.r);
}

/** Everything the comparison screen and the CLI show. */
export type ScenarioComparison = {
  scenarios: ScenarioResult[];
  breakEven: BreakEven[];
  /** Empty unless the workspace has both an in-house and a co-managed scenario that cost cleanly. */
  sensitivity: SensitivityRow[];
  /** The pair the sensitivity compares (first of each kind by order), if any. */
  sensitivityPair: { coManagedId: string; inHouseId: string } | null;
  /** Scenarios that could not be costed (left out of the results), with the reason. */
  problems: ScenarioProblem[];
};

/**
 * Costs every scenario of the workspace (or the given ones, e.g. unsaved what-ifs), the
 * break-even of every ordered pair and the sensitivity of co-managed against in-house.
 */
export function compareScenarios(
  data: WorkspaceData,
  scenarios: readonly Scenario[] = data.tables.scenarios,
): ScenarioComparison {
  const results: ScenarioResult[] = [];
  const costed: Scenario[] = [];
  const problems: ScenarioProblem[] = [];
  for (const s of orderedScenarios(scenarios)) {
    try {
      results.push(runScenario(data, s));
      costed.push(s);
    } catch (e) {
      if (e instanceof ScenarioInputError) problems.push(e.problem);
      else throw e;
    }
  }
  const breakEven: BreakEven[] = [];
  for (const a of results) {
    for (const b of results) {
      if (a === b) continue;
      breakEven.push({
        a: a.name,
        b: b.name,
        aId: a.scenarioId,
        bId: b.scenarioId,
        year: breakEvenYear(a.cumulative, b.cumulative),
      });
    }
  }
  const coManaged = costed.find((s) => s.kind === 'co-managed');
  const inHouse = costed.find((s) => s.kind === 'in-house');
  const pair = coManaged && inHouse ? { coManagedId: coManaged.id, inHouseId: inHouse.id } : null;
  return {
    scenarios: results,
    breakEven,
    sensitivity: coManaged && inHouse ? sensitivity(data, coManaged, inHouse) : [],
    sensitivityPair: pair,
    problems,
  };
}
