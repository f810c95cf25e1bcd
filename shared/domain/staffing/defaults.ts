/**
 * Default skill areas and cost profiles (SPEC §2, §3.5). Every cost figure cites
 * `../shared/data/cost-benchmarks.md`; the two figures that file does not give (ramp-up months and
 * tools & training per head) are labelled as Quarterdeck assumptions so the app never passes them
 * off as market data. All of it is editable by the user.
 */
import type { AreaPlan, CostProfile, CoverageModel, SkillArea, SourceNote } from './schema';

/** The BLS role names used by the default cost profiles (cost-benchmarks.md, wage table). */
export const DEFAULT_ROLES = [
  'Information Security Analyst',
  'Network and Computer Systems Administrator',
  'Computer Network Architect',
  'Computer Systems Analyst',
  'Computer User Support Specialist',
  'Database Administrator',
  'Project Management Specialist',
] as const;
export type DefaultRole = (typeof DEFAULT_ROLES)[number];

/** A default skill area before it is bound to a workspace. */
export type DefaultSkillArea = {
  key: string;
  name: string;
  coverageModel: CoverageModel;
  onDemandHours: number | null;
  minimumDepth: number;
  plan: AreaPlan;
  /** The role hired when this area gets hires. */
  hiringRole: DefaultRole;
  /** Why this coverage model and plan are the default. */
  rationale: string;
};

/**
 * The 12 areas of SPEC §2. Coverage: round-the-clock monitoring (NOC, SIEM/SOC) is 24x7, the
 * service desk runs extended business hours (12x5), engineering areas are business hours (8x5),
 * and automation and compliance are project-like work measured in hours per year (on demand).
 * Plan: the two 24x7 areas default to co-manage because one 24x7 seat needs ~4.9 FTE
 * (cost-benchmarks.md, "Staffing a 24x7 seat") — the classic co-managed split; the rest default to
 * "train" so a fresh workspace does not assume hires the director has not decided on.
 */
export const DEFAULT_SKILL_AREAS: readonly DefaultSkillArea[] = [
  {
    key: 'service-desk',
    name: 'Service desk',
    coverageModel: '12x5',
    onDemandHours: null,
    minimumDepth: 2,
    plan: 'train',
    hiringRole: 'Computer User Support Specialist',
    rationale: 'Users call from early to late on working days: extended business hours.',
  },
  {
    key: 'noc-monitoring',
    name: 'NOC monitoring',
    coverageModel: '24x7',
    onDemandHours: null,
    minimumDepth: 2,
    plan: 'co-manage',
    hiringRole: 'Network and Computer Systems Administrator',
    rationale: 'Outages happen at night; a 24x7 seat needs ~4.9 FTE, the typical co-managed split.',
  },
  {
    key: 'patching',
    name: 'Patching',
    coverageModel: '8x5',
    onDemandHours: null,
    minimumDepth: 2,
    plan: 'train',
    hiringRole: 'Network and Computer Systems Administrator',
    rationale: 'Planned work in business hours (critical patches within a month, PCI DSS 6.3.3).',
  },
  {
    key: 'endpoint-security',
    name: 'Endpoint security / EDR',
    coverageModel: '8x5',
    onDemandHours: null,
    minimumDepth: 2,
    plan: 'train',
    hiringRole: 'Information Security Analyst',
    rationale: 'Policy and agent management in business hours; alert triage sits in SIEM/SOC.',
  },
  {
    key: 'siem-soc',
    name: 'SIEM / SOC',
    coverageModel: '24x7',
    onDemandHours: null,
    minimumDepth: 2,
    plan: 'co-manage',
    hiringRole: 'Information Security Analyst',
    rationale: 'Attacks do not keep office hours; an in-house 24x7 SOC takes 8-14 analysts.',
  },
  {
    key: 'cloud-architecture',
    name: 'Cloud architecture',
    coverageModel: '8x5',
    onDemandHours: null,
    minimumDepth: 2,
    plan: 'train',
    hiringRole: 'Computer Network Architect',
    rationale: 'Design work in business hours.',
  },
  {
    key: 'network-engineering',
    name: 'Network engineering',
    coverageModel: '8x5',
    onDemandHours: null,
    minimumDepth: 2,
    plan: 'train',
    hiringRole: 'Computer Network Architect',
    rationale: 'Changes and design in business hours; night alerts belong to NOC monitoring.',
  },
  {
    key: 'identity',
    name: 'Identity',
    coverageModel: '8x5',
    onDemandHours: null,
    minimumDepth: 2,
    plan: 'train',
    hiringRole: 'Information Security Analyst',
    rationale: 'Joiner/mover/leaver and access reviews in business hours.',
  },
  {
    key: 'backup-dr',
    name: 'Backup & DR',
    coverageModel: '8x5',
    onDemandHours: null,
    minimumDepth: 2,
    plan: 'train',
    hiringRole: 'Database Administrator',
    rationale: 'Jobs run unattended; restores and tests are business-hours work.',
  },
  {
    key: 'automation',
    name: 'Automation / scripting',
    coverageModel: 'on-demand',
    onDemandHours: 900,
    minimumDepth: 2,
    plan: 'train',
    hiringRole: 'Computer Systems Analyst',
    rationale: 'Project-like work: about half a productive FTE-year (900 of 1,800 h).',
  },
  {
    key: 'project-management',
    name: 'Project management',
    coverageModel: '8x5',
    onDemandHours: null,
    minimumDepth: 2,
    plan: 'train',
    hiringRole: 'Project Management Specialist',
    rationale: 'Roadmap delivery runs in business hours.',
  },
  {
    key: 'compliance',
    name: 'Compliance',
    coverageModel: 'on-demand',
    onDemandHours: 450,
    minimumDepth: 2,
    plan: 'train',
    hiringRole: 'Information Security Analyst',
    rationale: 'Audits and evidence collection: about a quarter of a productive FTE-year (450 h).',
  },
];

/** A default cost profile before it is bound to a workspace (money in minor units, USD). */
export type DefaultCostProfile = {
  role: DefaultRole;
  baseSalary: number;
  benefitsLoadPct: number;
  toolsTrainingPerYear: number;
  costPerHire: number;
  rampUpMonths: number;
  turnoverPct: number;
  sources: SourceNote[];
};

const OEWS = 'BLS OEWS median annual wage, May 2024';

/** Benefits: BLS ECEC Dec 2024, private industry — $13.20 benefits on $31.47 wages ≈ 42 % on top. */
export const DEFAULT_BENEFITS_LOAD_PCT = 42;
/** Cost per hire: SHRM, about $4,700 (around 2022). */
export const DEFAULT_COST_PER_HIRE = 470_000;
/** Annual turnover: SHRM 2016 Human Capital Benchmarking, 19 %. */
export const DEFAULT_TURNOVER_PCT = 19;
/**
 * Ramp-up months: a Quarterdeck assumption (cost-benchmarks.md gives time to fill, 42 days, not
 * time to productivity). Three months at half productivity is a common rule of thumb for a
 * technical hire learning an existing estate; the model charges it as salary × 3/12 × 0.5.
 */
export const DEFAULT_RAMP_UP_MONTHS = 3;
/**
 * Tools & training per head per year: a Quarterdeck assumption of $5,000 (about $2,000 of courses
 * or one certification plus about $3,000 of laptop refresh, licences and tooling per technical
 * head). Not in cost-benchmarks.md, so it is labelled as an assumption.
 */
export const DEFAULT_TOOLS_TRAINING_PER_YEAR = 500_000;

const COMMON_SOURCES: readonly SourceNote[] = [
  {
    field: 'benefitsLoadPct',
    source:
      'BLS Employer Costs for Employee Compensation, Dec 2024, private industry: benefits $13.20 on wages $31.47 per hour, about 42 % on top of wages (cost-benchmarks.md)',
    year: 2024,
  },
  {
    field: 'costPerHire',
    source: 'SHRM: cost per hire about $4,700, around 2022 (cost-benchmarks.md)',
    year: 2022,
  },
  {
    field: 'turnoverPct',
    source: 'SHRM 2016 Human Capital Benchmarking: annual turnover 19 % (cost-benchmarks.md)',
    year: 2016,
  },
  {
    field: 'rampUpMonths',
    source:
      'Quarterdeck assumption, not a published benchmark: 3 months at half productivity for a technical hire (cost-benchmarks.md gives time to fill only: 42 days, SHRM 2016)',
    year: 2026,
  },
  {
    field: 'toolsTrainingPerYear',
    source:
      'Quarterdeck assumption, not a published benchmark: $5,000 per head per year (about $2,000 training plus $3,000 laptop, licences and tools)',
    year: 2026,
  },
];

function wageProfile(role: DefaultRole, dollars: number, soc: string, wageSource: string): DefaultCostProfile {
  return {
    role,
    baseSalary: dollars * 100,
    benefitsLoadPct: DEFAULT_BENEFITS_LOAD_PCT,
    toolsTrainingPerYear: DEFAULT_TOOLS_TRAINING_PER_YEAR,
    costPerHire: DEFAULT_COST_PER_HIRE,
    rampUpMonths: DEFAULT_RAMP_UP_MONTHS,
    turnoverPct: DEFAULT_TURNOVER_PCT,
    sources: [
      {
        field: 'baseSalary',
        source: `${wageSource}, SOC ${soc}: $${String(dollars).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} (cost-benchmarks.md)`,
        year: 2024,
      },
      ...COMMON_SOURCES.map((s) => ({ ...s })),
    ],
  };
}

/** One default profile per role; salaries are BLS medians (May 2024) in US cents. */
export const DEFAULT_COST_PROFILES: readonly DefaultCostProfile[] = [
  wageProfile('Information Security Analyst', 124_910, '15-1212', `${OEWS} (secondary)`),
  wageProfile('Network and Computer Systems Administrator', 96_800, '15-1244', `${OEWS} (secondary)`),
  wageProfile('Computer Network Architect', 130_390, '15-1241', `${OEWS} (secondary)`),
  wageProfile('Computer Systems Analyst', 103_790, '15-1211', `${OEWS} (secondary)`),
  wageProfile('Computer User Support Specialist', 60_340, '15-1232', `${OEWS} (secondary)`),
  wageProfile('Database Administrator', 104_620, '15-1242', 'BLS Occupational Outlook Handbook, median pay May 2024'),
  wageProfile('Project Management Specialist', 100_750, '13-1082', `${OEWS} (secondary)`),
];

/** Lowercase slug of a role name, for deterministic ids. */
export function roleSlug(role: string): string {
  return role
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Makes an id for a default record; callers may pass their own (e.g. random UUIDs). */
export type DefaultIdFn = (kind: 'skill-area' | 'cost-profile', slug: string) => string;

const deterministicId =
  (workspaceId: string): DefaultIdFn =>
  (kind, slug) =>
    `${workspaceId}:${kind === 'skill-area' ? 'area' : 'cost'}:${slug}`.slice(0, 100);

/** The default cost profiles as schema-valid records of one workspace. */
export function defaultCostProfiles(
  workspaceId: string,
  newId: DefaultIdFn = deterministicId(workspaceId),
): CostProfile[] {
  return DEFAULT_COST_PROFILES.map((p) => ({
    id: newId('cost-profile', roleSlug(p.role)),
    workspaceId,
    role: p.role,
    baseSalary: p.baseSalary,
    benefitsLoadPct: p.benefitsLoadPct,
    toolsTrainingPerYear: p.toolsTrainingPerYear,
    costPerHire: p.costPerHire,
    rampUpMonths: p.rampUpMonths,
    turnoverPct: p.turnoverPct,
    sources: p.sources.map((s) => ({ ...s })),
  }));
}

/**
 * The default skill areas as schema-valid records of one workspace. `costProfileIdByRole` maps a
 * role name (DEFAULT_ROLES) to the workspace's cost-profile id; an area whose role is missing
 * falls back to the first id given, so the record is always valid if any profile exists.
 */
export function defaultSkillAreas(
  workspaceId: string,
  costProfileIdByRole: Readonly<Record<string, string>>,
  newId: DefaultIdFn = deterministicId(workspaceId),
): SkillArea[] {
  const fallback = Object.values(costProfileIdByRole)[0];
  return DEFAULT_SKILL_AREAS.map((a, order) => {
    const costProfileId = costProfileIdByRole[a.hiringRole] ?? fallback;
    if (costProfileId === undefined) {
      throw new Error(`defaultSkillAreas: no cost profile id for role "${a.hiringRole}" (area ${a.key})`);
    }
    return {
      id: newId('skill-area', a.key),
      workspaceId,
      key: a.key,
      name: a.name,
      coverageModel: a.coverageModel,
      onDemandHours: a.onDemandHours,
      minimumDepth: a.minimumDepth,
      plan: a.plan,
      costProfileId,
      order,
    };
  });
}

/** Role name → id map for records made by `defaultCostProfiles`, to feed `defaultSkillAreas`. */
export function costProfileIdsByRole(profiles: readonly CostProfile[]): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const p of profiles) out[p.role] = p.id;
  return out;
}
