/**
 * The built-in KPI dictionary of SPEC §3.6: 17 KPIs with definition, unit, direction, aggregation,
 * default target, amber threshold, group, benchmark (only where ../shared/data/cost-benchmarks.md
 * gives one, with its source) and formula text.
 *
 * Targets are defaults a director is expected to change (policy, not fact); benchmarks are public
 * figures with their source. Volume KPIs (tickets opened, resolved, backlog, project throughput)
 * have no default target because a sensible one depends on the size of the organisation.
 */
import type { KpiDefinition } from './schema';

/** A built-in KPI without the per-workspace fields. */
export type BuiltInKpi = Omit<KpiDefinition, 'id' | 'workspaceId' | 'builtIn'>;

const MTTR_BENCH_SOURCE = 'cost-benchmarks.md: public ITSM datasets (e.g. BPI Challenge 2014, Rabobank Nederland)';

/** The 17 built-in KPIs, in the order of SPEC §3.6. */
export const BUILT_IN_KPIS: readonly BuiltInKpi[] = [
  {
    key: 'mttr_hours',
    name: 'Mean time to resolve',
    definition:
      'Mean resolution duration, in hours, of the tickets resolved in the period. Resolution time is the ' +
      'resolved timestamp, or the closed timestamp when resolved is empty. Negative durations are left out ' +
      'and reported as a data issue.',
    unit: 'hours',
    direction: 'lower',
    aggregation: 'weighted-mean',
    target: 24,
    amberThreshold: 36,
    benchmark: {
      value: null,
      text: 'No trustworthy public MTTR figure; real datasets give medians of 18–22 calendar hours',
      source: MTTR_BENCH_SOURCE,
    },
    formula:
      'mean(resolution time − opened at) over tickets with a resolution time in the period; weight = tickets resolved',
    group: 'service',
  },
  {
    key: 'median_ttr_hours',
    name: 'Median time to resolve',
    definition:
      'Median resolution duration, in hours, of the tickets resolved in the period (mean of the two middle ' +
      'values for an even count). Less distorted by a few very old tickets than the mean.',
    unit: 'hours',
    direction: 'lower',
    aggregation: 'recompute',
    target: 16,
    amberThreshold: 24,
    benchmark: {
      value: 18.4,
      text: 'Real datasets give medians of 18–22 calendar hours; BPI 2014 open → close median about 18.4 h',
      source: MTTR_BENCH_SOURCE,
    },
    formula:
      'median(resolution time − opened at) over tickets resolved in the period; a quarter is recomputed from ' +
      'the tickets, else the last month is used',
    group: 'service',
  },
  {
    key: 'tickets_opened',
    name: 'Tickets opened',
    definition: 'Tickets whose opened timestamp falls in the period. No default target: volume depends on size.',
    unit: 'count',
    direction: 'lower',
    aggregation: 'sum',
    target: null,
    amberThreshold: null,
    benchmark: null,
    formula: 'count(tickets with opened at in [start, end))',
    group: 'service',
  },
  {
    key: 'tickets_resolved',
    name: 'Tickets resolved',
    definition:
      'Tickets whose resolution time (resolved, else closed) falls in the period. No default target: volume ' +
      'depends on size.',
    unit: 'count',
    direction: 'higher',
    aggregation: 'sum',
    target: null,
    amberThreshold: null,
    benchmark: null,
    formula: 'count(tickets with resolution time in [start, end))',
    group: 'service',
  },
  {
    key: 'backlog',
    name: 'Open backlog at period end',
    definition:
      'Tickets opened before the end of the period and without a resolution time before the end. No default ' +
      'target: volume depends on size.',
    unit: 'count',
    direction: 'lower',
    aggregation: 'last',
    target: null,
    amberThreshold: null,
    benchmark: null,
    formula: 'count(tickets with opened at < end and no resolution time < end)',
    group: 'service',
  },
  {
    key: 'sla_attainment',
    name: 'Tickets resolved within SLA',
    definition: 'Share of the tickets resolved in the period that met their SLA, among those that carry an SLA flag.',
    unit: 'percent',
    direction: 'higher',
    aggregation: 'weighted-mean',
    target: 95,
    amberThreshold: 90,
    benchmark: null,
    formula: '100 × SLA-met tickets / tickets with an SLA flag, among tickets resolved in the period',
    group: 'service',
  },
  {
    key: 'fcr',
    name: 'First-contact resolution',
    definition:
      'Share of contacts (or tickets) resolved at the first contact, among those that carry the flag, for ' +
      'tickets resolved in the period.',
    unit: 'percent',
    direction: 'higher',
    aggregation: 'weighted-mean',
    target: 70,
    amberThreshold: 63,
    benchmark: {
      value: 66,
      text: 'HDI 2015: 66 %; 70 % is the common target; the BPI 2014 data shows 63.9 %',
      source: 'HDI 2015 (via cost-benchmarks.md); BPI Challenge 2014, Rabobank Nederland, 4TU.ResearchData',
    },
    formula: '100 × first-contact-resolved / tickets with the flag, among tickets resolved in the period',
    group: 'service',
  },
  {
    key: 'reopen_rate',
    name: 'Reopened tickets',
    definition:
      'Share of the tickets resolved in the period that were reopened at least once, among those that carry a reopen count.',
    unit: 'percent',
    direction: 'lower',
    aggregation: 'weighted-mean',
    target: 5,
    amberThreshold: 8,
    benchmark: null,
    formula: '100 × tickets with reopen count > 0 / tickets with a reopen count, among tickets resolved in the period',
    group: 'service',
  },
  {
    key: 'tickets_per_endpoint',
    name: 'Tickets per endpoint per month',
    definition: 'Tickets opened in the month divided by the number of managed endpoints.',
    unit: 'ratio',
    direction: 'lower',
    aggregation: 'mean',
    target: 0.5,
    amberThreshold: 0.7,
    benchmark: null,
    formula: 'tickets opened in the month / endpoints',
    group: 'service',
  },
  {
    key: 'patch_compliance',
    name: 'Endpoints fully patched',
    definition: 'Share of managed endpoints with every released critical and security patch installed.',
    unit: 'percent',
    direction: 'higher',
    aggregation: 'last',
    target: 95,
    amberThreshold: 90,
    benchmark: {
      value: null,
      text: 'Critical patches within one month (PCI DSS); known exploited vulnerabilities within 2 weeks (CISA)',
      source: 'PCI DSS 4.0.1 req. 6.3.3; CISA BOD 22-01 (via cost-benchmarks.md)',
    },
    formula: '100 × fully patched endpoints / managed endpoints, at period end',
    group: 'security',
  },
  {
    key: 'edr_coverage',
    name: 'Endpoints with EDR',
    definition: 'Share of managed endpoints with a healthy, reporting EDR agent.',
    unit: 'percent',
    direction: 'higher',
    aggregation: 'last',
    target: 100,
    amberThreshold: 95,
    benchmark: null,
    formula: '100 × endpoints with a reporting EDR agent / managed endpoints, at period end',
    group: 'security',
  },
  {
    key: 'mfa_coverage',
    name: 'Accounts with MFA',
    definition: 'Share of active user accounts enrolled in multi-factor authentication.',
    unit: 'percent',
    direction: 'higher',
    aggregation: 'last',
    target: 100,
    amberThreshold: 95,
    benchmark: null,
    formula: '100 × accounts with MFA / active accounts, at period end',
    group: 'security',
  },
  {
    key: 'backup_test_success',
    name: 'Restore tests passed',
    definition: 'Share of scheduled restore tests in the period that restored the data successfully.',
    unit: 'percent',
    direction: 'higher',
    aggregation: 'weighted-mean',
    target: 100,
    amberThreshold: 90,
    benchmark: null,
    formula: '100 × successful restore tests / restore tests run; weight = tests run',
    group: 'security',
  },
  {
    key: 'project_throughput',
    name: 'Roadmap items completed',
    definition: 'Roadmap items moved to done in the period. No default target: depends on the roadmap.',
    unit: 'count',
    direction: 'higher',
    aggregation: 'sum',
    target: null,
    amberThreshold: null,
    benchmark: null,
    formula: 'count(roadmap items completed in the period)',
    group: 'delivery',
  },
  {
    key: 'staff_retention',
    name: 'Staff retained, trailing 12 months',
    definition: 'Share of the internal IT staff at the start of the trailing 12 months who are still employed.',
    unit: 'percent',
    direction: 'higher',
    aggregation: 'last',
    target: 85,
    amberThreshold: 81,
    benchmark: {
      value: 81,
      text: 'Annual turnover 19 %, i.e. about 81 % retained',
      source: 'SHRM 2016 Human Capital Benchmarking (via cost-benchmarks.md)',
    },
    formula: '100 × staff employed 12 months ago and still employed / staff employed 12 months ago',
    group: 'people',
  },
  {
    key: 'cost_per_endpoint',
    name: 'IT cost per endpoint per month',
    definition:
      'Total IT cost of the month divided by managed endpoints, in minor units (cents) of the workspace ' +
      'currency like all money in Quarterdeck. No default target: depends on the estate.',
    unit: 'currency',
    direction: 'lower',
    aggregation: 'mean',
    target: null,
    amberThreshold: null,
    benchmark: {
      value: null,
      text: 'Co-managed IT $50–150 per user per month; shared 24x7 SOC about $16–60 per endpoint per month (marketing ranges)',
      source: 'Provider pricing pages 2025–2026 (via cost-benchmarks.md)',
    },
    formula: 'IT cost of the month / endpoints',
    group: 'cost',
  },
  {
    key: 'csat',
    name: 'Customer satisfaction',
    definition: 'Mean satisfaction score of the survey answers in the period, on a 1–5 scale.',
    unit: 'score',
    direction: 'higher',
    aggregation: 'weighted-mean',
    target: 4.5,
    amberThreshold: 4,
    benchmark: null,
    formula: 'mean(survey score) over answers in the period; weight = answers',
    group: 'satisfaction',
  },
];

/** The keys of the built-in KPIs, for quick membership checks. */
export const BUILT_IN_KPI_KEYS: ReadonlySet<string> = new Set(BUILT_IN_KPIS.map((k) => k.key));

/** The built-in dictionary as KpiDefinition records of one workspace (ids `kpi-<key>`). */
export function builtInKpiDefinitions(workspaceId: string): KpiDefinition[] {
  return BUILT_IN_KPIS.map((k) => ({
    ...k,
    benchmark: k.benchmark ? { ...k.benchmark } : null,
    id: `kpi-${k.key}`,
    workspaceId,
    builtIn: true,
  }));
}
