/**
 * Coverage and skill depth per area (SPEC §3.5, §4): required vs internal hours, partner cover,
 * single points of failure and the skills matrix behind the heat map. Pure functions of the data.
 */
import type { PartnerContract } from '../scenarios/schema';
import type { WorkspaceData } from '../tables';
import type { CoverageModel, Person, SkillArea } from './schema';

/** Hours per year each fixed coverage model needs (SPEC §4). */
export const COVERAGE_MODEL_HOURS = { '8x5': 2080, '12x5': 3120, '24x7': 8760 } as const satisfies Record<
  Exclude<CoverageModel, 'on-demand'>,
  number
>;

/** Default productive hours per FTE per year (cost-benchmarks.md, "Staffing a 24x7 seat"). */
export const DEFAULT_PRODUCTIVE_HOURS = 1800;

/** The lowest proficiency that counts as knowing an area: 2 = working. */
export const PROFICIENT_LEVEL = 2;

/** Coverage hours per year of an area; on demand uses its own hours (none given = 0). */
export function coverageHours(area: Pick<SkillArea, 'coverageModel' | 'onDemandHours'>): number {
  if (area.coverageModel === 'on-demand') return Math.max(0, area.onDemandHours ?? 0);
  return COVERAGE_MODEL_HOURS[area.coverageModel];
}

/** Required FTE of an area = coverage hours / productive hours per FTE. */
export function requiredFte(
  area: Pick<SkillArea, 'coverageModel' | 'onDemandHours'>,
  productiveHours = DEFAULT_PRODUCTIVE_HOURS,
): number {
  return coverageHours(area) / productiveHours;
}

/** A person's level in an area (0 when not listed; the highest when listed twice). */
export function skillLevel(person: Pick<Person, 'skills'>, skillAreaId: string): number {
  let level = 0;
  for (const s of person.skills) if (s.skillAreaId === skillAreaId && s.level > level) level = s.level;
  return level;
}

/** People with proficiency ≥ 2 in an area, in the given order. */
export function proficientPeople<P extends Pick<Person, 'skills'>>(people: readonly P[], skillAreaId: string): P[] {
  return people.filter((p) => skillLevel(p, skillAreaId) >= PROFICIENT_LEVEL);
}

/**
 * Internal FTE of an area: the sum of the FTE of people with proficiency ≥ 2. A person counts
 * fully in every area they know — the model measures skill depth, not how time is split.
 */
export function internalFte(people: readonly Pick<Person, 'skills' | 'fte'>[], skillAreaId: string): number {
  let sum = 0;
  for (const p of proficientPeople(people, skillAreaId)) sum += p.fte;
  return sum;
}

/**
 * Whether a partner's cover model is at least the area's model. Fixed models compare by hours
 * per year (8x5 < 12x5 < 24x7). A partner's "on demand" has no schedule, so it only satisfies an
 * on-demand area; a fixed partner model satisfies an on-demand area when it offers at least the
 * area's hours.
 */
export function coverModelSatisfies(
  partnerModel: CoverageModel,
  area: Pick<SkillArea, 'coverageModel' | 'onDemandHours'>,
): boolean {
  if (partnerModel === 'on-demand') return area.coverageModel === 'on-demand';
  return COVERAGE_MODEL_HOURS[partnerModel] >= coverageHours(area);
}

/** The contract's cover model for an area when it is at least the area's model, else null. */
export function contractCover(
  contract: Pick<PartnerContract, 'coveredAreas'>,
  area: Pick<SkillArea, 'id' | 'coverageModel' | 'onDemandHours'>,
): CoverageModel | null {
  let best: CoverageModel | null = null;
  for (const c of contract.coveredAreas) {
    if (c.skillAreaId !== area.id || !coverModelSatisfies(c.coverageModel, area)) continue;
    // Several entries for one area: keep the widest, so the answer does not depend on order.
    if (best === null || modelRank(c.coverageModel) > modelRank(best)) best = c.coverageModel;
  }
  return best;
}

function modelRank(m: CoverageModel): number {
  return m === 'on-demand' ? 0 : COVERAGE_MODEL_HOURS[m];
}

/** Coverage of one area today: what it needs, what the team has, what the partner adds. */
export type AreaCoverage = {
  areaId: string;
  key: string;
  name: string;
  coverageModel: CoverageModel;
  requiredHours: number;
  requiredFte: number;
  internalFte: number;
  /** internal FTE × productive hours. */
  internalHours: number;
  /** Proficient people (level ≥ 2), highest level first then by name. */
  people: { personId: string; name: string; level: number; fte: number }[];
  /** The co-managed contract and cover model that cover this area, if any. */
  partnerCover: { contractId: string; contractName: string; coverageModel: CoverageModel } | null;
  /** 1 with partner cover, else min(1, internal hours / required hours); 1 when nothing is required. */
  coveredFraction: number;
  /** max(0, required − internal) FTE. */
  gapFte: number;
  minimumDepth: number;
  singlePointOfFailure: boolean;
};

/** Options for the coverage view. */
export type CoverageOptions = { productiveHours?: number };

function sortedAreas(data: WorkspaceData): SkillArea[] {
  return [...data.tables.skillAreas].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'en'));
}

/**
 * Coverage per area for the staffing screen. Partner cover comes from the workspace's co-managed
 * contracts (the partner working beside the team today); fully-managed contracts only count in
 * the fully-outsourced scenario.
 */
export function areaCoverage(data: WorkspaceData, options: CoverageOptions = {}): AreaCoverage[] {
  const p = options.productiveHours ?? DEFAULT_PRODUCTIVE_HOURS;
  const coManaged = data.tables.partnerContracts.filter((c) => c.kind === 'co-managed');
  return sortedAreas(data).map((area) => {
    const people = proficientPeople(data.tables.people, area.id)
      .map((person) => ({
        personId: person.id,
        name: person.name,
        level: skillLevel(person, area.id),
        fte: person.fte,
      }))
      .sort((a, b) => b.level - a.level || a.name.localeCompare(b.name, 'en'));
    let partnerCover: AreaCoverage['partnerCover'] = null;
    for (const c of coManaged) {
      const model = contractCover(c, area);
      if (model !== null) {
        partnerCover = { contractId: c.id, contractName: c.name, coverageModel: model };
        break;
      }
    }
    const hours = coverageHours(area);
    const internal = people.reduce((s, x) => s + x.fte, 0);
    const required = hours / p;
    const internalHours = internal * p;
    const coveredFraction = partnerCover || hours === 0 ? 1 : Math.min(1, internalHours / hours);
    return {
      areaId: area.id,
      key: area.key,
      name: area.name,
      coverageModel: area.coverageModel,
      requiredHours: hours,
      requiredFte: required,
      internalFte: internal,
      internalHours,
      people,
      partnerCover,
      coveredFraction,
      gapFte: Math.max(0, required - internal),
      minimumDepth: area.minimumDepth,
      singlePointOfFailure: people.length < area.minimumDepth && partnerCover === null,
    };
  });
}

/** A single point of failure: too few people know the area and the partner does not cover it. */
export type SinglePointOfFailure = {
  areaId: string;
  key: string;
  name: string;
  peopleCount: number;
  names: string[];
  minimumDepth: number;
  reason: string;
};

/**
 * Areas where fewer than `minimumDepth` people have proficiency ≥ 2 and no co-managed contract
 * covers the area with at least its coverage model (SPEC §3.5).
 */
export function singlePointsOfFailure(data: WorkspaceData, options: CoverageOptions = {}): SinglePointOfFailure[] {
  return areaCoverage(data, options)
    .filter((a) => a.singlePointOfFailure)
    .map((a) => {
      const names = a.people.map((p) => p.name);
      const who =
        a.people.length === 0
          ? 'nobody has'
          : a.people.length === 1
            ? `only ${names[0] ?? ''} has`
            : `only ${a.people.length} people have`;
      return {
        areaId: a.areaId,
        key: a.key,
        name: a.name,
        peopleCount: a.people.length,
        names,
        minimumDepth: a.minimumDepth,
        reason: `${a.name}: ${who} working proficiency (level 2+), minimum depth is ${a.minimumDepth}, and the partner does not cover it`,
      };
    });
}

/** The people × areas grid behind the heat map. */
export type SkillsMatrix = {
  areas: { areaId: string; key: string; name: string }[];
  rows: { personId: string; name: string; role: string; fte: number; levels: number[] }[];
  /** Per area (same order as `areas`): people at level ≥ 2. */
  depth: number[];
};

/** Builds the skills matrix: areas in their order, people by name, level 0 where not listed. */
export function skillsMatrix(data: WorkspaceData): SkillsMatrix {
  const areas = sortedAreas(data);
  const people = [...data.tables.people].sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1));
  const rows = people.map((p) => ({
    personId: p.id,
    name: p.name,
    role: p.role,
    fte: p.fte,
    levels: areas.map((a) => skillLevel(p, a.id)),
  }));
  return {
    areas: areas.map((a) => ({ areaId: a.id, key: a.key, name: a.name })),
    rows,
    depth: areas.map((_, i) => rows.filter((r) => (r.levels[i] ?? 0) >= PROFICIENT_LEVEL).length),
  };
}

/** Returns a copy of the person with the level of one area set (0 removes the entry). */
export function withSkillLevel<P extends Pick<Person, 'skills'>>(person: P, skillAreaId: string, level: number): P {
  const clamped = Math.max(0, Math.min(4, Math.round(level)));
  const skills = person.skills.filter((s) => s.skillAreaId !== skillAreaId);
  if (clamped > 0) skills.push({ skillAreaId, level: clamped });
  return { ...person, skills };
}
