/**
 * Sample budget: FY2026 (calendar 2026) with 29 lines over every category, plan for 12 months and
 * actuals for January–September, and FY2025 (26 lines) with 12 months of actuals for "vs last year".
 * Personnel follows the team's cost profiles, partner services the Harborline contract, and every
 * capex line of a roadmap item matches the item's capex. Deliberate variances carry notes.
 */
import type { BudgetLine } from '../domain/budget/schema';
import type { CostProfile, Person } from '../domain/staffing/schema';
import { SAMPLE_WORKSPACE_ID as WS, sampleId, usd } from './constants';
import type { Random } from './prng';
import { roadmapId } from './roadmap';
import { CO_MANAGED, CO_MANAGED_MONTHLY_FEE, teamSalaryAndBenefits } from './staffing';

type Notes = BudgetLine['varianceNotes'];
const NO_NOTES: Notes = { Q1: '', Q2: '', Q3: '', Q4: '' };

type LineSpec = {
  key: string;
  name: string;
  category: BudgetLine['category'];
  kind: BudgetLine['kind'];
  vendor: string;
  roadmap?: string;
  /** 12 planned amounts in cents. */
  plan: number[];
  /** Known actuals in cents (January onwards); shorter than 12 = the rest unknown. */
  actual: number[];
  recurring?: boolean;
  renewal?: string;
  escalator?: number;
  notes?: Partial<Notes>;
};

/** 12 equal monthly amounts in cents that add up exactly to the annual total. */
export function spreadEvenly(annualCents: number): number[] {
  const base = Math.floor(annualCents / 12);
  const rest = annualCents - base * 12;
  return Array.from({ length: 12 }, (_, i) => base + (i < rest ? 1 : 0));
}

const monthly = (dollars: number): number[] => Array.from({ length: 12 }, () => usd(dollars));
/** Amounts in given months (1–12), zero elsewhere. */
const inMonths = (byMonth: Readonly<Record<number, number>>): number[] =>
  Array.from({ length: 12 }, (_, i) => usd(byMonth[i + 1] ?? 0));
/** Dollars per month for the first months of the year, as cents. */
const known = (...dollars: number[]): number[] => dollars.map(usd);
/** Plan with a small random deviation, rounded to whole dollars, for the first `months` months. */
const near = (rnd: Random, plan: readonly number[], months: number, spread: number): number[] =>
  plan.slice(0, months).map((p) => Math.round((p * (1 + rnd.jitter(spread))) / 100) * 100);

function toLine(fy: number, s: LineSpec): BudgetLine {
  const actual: (number | null)[] = Array.from({ length: 12 }, (_, i) => s.actual[i] ?? null);
  return {
    id: sampleId('budget', `fy${fy}-${s.key}`),
    workspaceId: WS,
    fiscalYear: fy,
    name: s.name,
    category: s.category,
    kind: s.kind,
    vendor: s.vendor,
    roadmapItemId: s.roadmap ? roadmapId(s.roadmap) : null,
    plan: s.plan,
    actual,
    recurring: s.recurring ?? false,
    renewalDate: s.renewal ?? null,
    escalatorPct: s.escalator ?? 0,
    varianceNotes: { ...NO_NOTES, ...s.notes },
  };
}

/** FY2026: plan for the year, actuals January–September 2026. */
export function budgetFy2026(rnd: Random, people: readonly Person[], profiles: readonly CostProfile[]): BudgetLine[] {
  const team = teamSalaryAndBenefits(people, profiles);
  const salaries = spreadEvenly(team.salaries);
  const benefits = spreadEvenly(team.benefits);
  const M = 9; // months of actuals
  const specs: LineSpec[] = [
    {
      key: 'salaries',
      name: 'IT staff salaries (8.5 FTE)',
      category: 'personnel',
      kind: 'opex',
      vendor: 'Payroll',
      plan: salaries,
      actual: near(rnd, salaries, M, 0.004),
      recurring: true,
      escalator: 3,
    },
    {
      key: 'benefits',
      name: 'Benefits and payroll taxes (42 %)',
      category: 'personnel',
      kind: 'opex',
      vendor: 'Payroll',
      plan: benefits,
      actual: near(rnd, benefits, M, 0.01),
      recurring: true,
      escalator: 3,
    },
    {
      key: 'on-call',
      name: 'On-call allowance and overtime',
      category: 'personnel',
      kind: 'opex',
      vendor: 'Payroll',
      plan: monthly(1_500),
      actual: known(1_420, 1_610, 1_380, 1_550, 1_490, 1_720, 2_350, 2_480, 2_210),
      recurring: true,
      escalator: 3,
      notes: { Q3: 'Weekend cut-overs for cloud migration wave 1 and two P1 incidents in August.' },
    },
    {
      key: 'harborline-fee',
      name: 'Harborline co-managed services (monthly fee)',
      category: 'partner-services',
      kind: 'opex',
      vendor: 'Harborline Managed Services',
      plan: Array.from({ length: 12 }, () => CO_MANAGED_MONTHLY_FEE),
      actual: Array.from({ length: M }, () => CO_MANAGED_MONTHLY_FEE),
      recurring: true,
      renewal: '2026-12-31',
      escalator: CO_MANAGED.escalatorPct,
    },
    {
      key: 'harborline-project-hours',
      name: 'Harborline project hours (400 h at $165)',
      category: 'partner-services',
      kind: 'opex',
      vendor: 'Harborline Managed Services',
      plan: spreadEvenly(CO_MANAGED.projectHoursPerYear * CO_MANAGED.hourlyRate),
      // Hours used per month × $165.
      actual: [20, 30, 25, 40, 35, 32, 55, 60, 50].map((h) => h * CO_MANAGED.hourlyRate),
      recurring: true,
      renewal: '2026-12-31',
      escalator: CO_MANAGED.escalatorPct,
      notes: {
        Q1: 'Slow start: 75 of 100 planned hours used.',
        Q3: 'SIEM use-case tuning and penetration-test remediation: 165 hours in the quarter; 347 of the 400 contracted hours used by September.',
      },
    },
    {
      key: 'm365',
      name: 'Microsoft 365 E3 (1,900 users)',
      category: 'software-licences',
      kind: 'opex',
      vendor: 'Microsoft',
      plan: monthly(68_400),
      actual: known(68_400, 68_400, 68_400, 68_400, 68_400, 68_400, 71_820, 71_820, 71_820),
      recurring: true,
      renewal: '2027-06-30',
      escalator: 5,
      notes: { Q3: 'Renewal on 30 June came in 5 % above plan (list-price increase); $10,260 over in Q3.' },
    },
    {
      key: 'edr',
      name: 'EDR platform (2,400 endpoints, 180 servers)',
      category: 'software-licences',
      kind: 'opex',
      vendor: 'CrowdStrike',
      roadmap: 'edr-rollout',
      plan: monthly(12_000),
      actual: Array.from({ length: M }, () => usd(12_000)),
      recurring: true,
      renewal: '2027-06-30',
      escalator: 3,
    },
    {
      key: 'itsm',
      name: 'ITSM platform subscription',
      category: 'software-licences',
      kind: 'opex',
      vendor: 'Freshworks',
      plan: inMonths({ 3: 62_000 }),
      actual: known(0, 0, 62_000, 0, 0, 0, 0, 0, 0),
      recurring: true,
      renewal: '2027-03-01',
      escalator: 4,
    },
    {
      key: 'backup-software',
      name: 'Backup software and immutable storage subscription',
      category: 'software-licences',
      kind: 'opex',
      vendor: 'Veeam',
      plan: inMonths({ 2: 38_000 }),
      actual: known(0, 38_000, 0, 0, 0, 0, 0, 0, 0),
      recurring: true,
      renewal: '2027-02-01',
      escalator: 3,
    },
    {
      key: 'erp-subscription',
      name: 'Epicor ERP subscription and support',
      category: 'software-licences',
      kind: 'opex',
      vendor: 'Epicor',
      plan: inMonths({ 1: 71_250, 4: 71_250, 7: 71_250, 10: 71_250 }),
      actual: known(71_250, 0, 0, 71_250, 0, 0, 71_250, 0, 0),
      recurring: true,
      renewal: '2026-12-31',
      escalator: 5,
    },
    {
      key: 'firewall-subscriptions',
      name: 'Firewall and network security subscriptions',
      category: 'software-licences',
      kind: 'opex',
      vendor: 'Fortinet',
      plan: inMonths({ 9: 72_000 }),
      actual: known(0, 0, 0, 0, 0, 0, 0, 0, 74_880),
      recurring: true,
      renewal: '2027-09-30',
      escalator: 4,
      notes: { Q3: 'Renewal 4 % above plan; three plant firewalls added to the bundle.' },
    },
    {
      key: 'identity-subscriptions',
      name: 'Identity and SSO subscriptions',
      category: 'software-licences',
      kind: 'opex',
      vendor: 'Okta',
      plan: monthly(2_000),
      actual: Array.from({ length: M }, () => usd(2_000)),
      recurring: true,
      renewal: '2027-06-30',
      escalator: 4,
    },
    {
      key: 'iga-subscription',
      name: 'Identity governance subscription',
      category: 'software-licences',
      kind: 'opex',
      vendor: 'Okta',
      roadmap: 'identity-governance',
      plan: monthly(4_500).map((c, i) => (i >= 6 ? c : 0)),
      actual: known(0, 0, 0, 0, 0, 0, 4_500, 4_500, 4_500),
      recurring: true,
      renewal: '2027-06-30',
      escalator: 4,
    },
    {
      key: 'immutable-storage',
      name: 'Immutable backup storage subscription',
      category: 'software-licences',
      kind: 'opex',
      vendor: 'Veeam',
      roadmap: 'backup-immutability',
      plan: monthly(1_500).map((c, i) => (i >= 1 ? c : 0)),
      actual: known(0, 1_500, 1_500, 1_500, 1_500, 1_500, 1_500, 1_500, 1_500),
      recurring: true,
      renewal: '2027-02-01',
      escalator: 3,
    },
    {
      key: 'endpoint-refresh',
      name: 'Laptop and desktop refresh (600 devices, Windows 11)',
      category: 'hardware',
      kind: 'capex',
      vendor: 'Dell Technologies',
      roadmap: 'windows-11-refresh',
      plan: inMonths({ 2: 115_000, 4: 115_000, 5: 115_000, 7: 115_000, 8: 115_000, 9: 115_000 }),
      actual: known(0, 112_400, 0, 114_900, 116_300, 0, 128_600, 127_900, 121_300),
      notes: { Q3: 'Memory price increase (+6 %) and 40 extra laptops for new Plant 2 engineers.' },
    },
    {
      key: 'storage-refresh',
      name: 'Datacenter storage refresh',
      category: 'hardware',
      kind: 'capex',
      vendor: 'HPE',
      roadmap: 'storage-refresh',
      plan: inMonths({ 4: 90_000, 5: 90_000 }),
      actual: known(0, 0, 0, 88_500, 93_200, 0, 0, 0, 0),
    },
    {
      key: 'plant-network',
      name: 'Plant network switches and industrial firewalls',
      category: 'hardware',
      kind: 'capex',
      vendor: 'Cisco',
      roadmap: 'plant-network-segmentation',
      plan: inMonths({ 5: 70_000, 8: 70_000 }),
      actual: known(0, 0, 0, 0, 68_400, 0, 0, 72_900, 0),
    },
    {
      key: 'azure',
      name: 'Azure consumption (existing workloads)',
      category: 'cloud',
      kind: 'opex',
      vendor: 'Microsoft',
      plan: monthly(12_000),
      actual: near(rnd, monthly(12_000), M, 0.03),
      recurring: true,
      escalator: 0,
    },
    {
      key: 'azure-landing-zone',
      name: 'Azure landing zone (hub network and monitoring)',
      category: 'cloud',
      kind: 'opex',
      vendor: 'Microsoft',
      roadmap: 'azure-landing-zone',
      plan: monthly(2_000),
      actual: Array.from({ length: M }, () => usd(2_000)),
      recurring: true,
      escalator: 0,
    },
    {
      key: 'azure-migrated',
      name: 'Azure consumption of migrated servers',
      category: 'cloud',
      kind: 'opex',
      vendor: 'Microsoft',
      roadmap: 'cloud-migration',
      plan: monthly(9_000).map((c, i) => (i >= 6 ? c : 0)),
      actual: known(0, 0, 0, 2_800, 3_500, 3_900, 8_100, 9_400, 9_900),
      recurring: true,
      escalator: 0,
      notes: {
        Q2: 'Migration wave 1 started in April and ran in parallel with the on-premises servers for six weeks; planned from July.',
        Q3: 'Reserved instances bought in July keep the run-rate near plan.',
      },
    },
    {
      key: 'cloud-migration-services',
      name: 'Cloud migration services (fixed-price waves)',
      category: 'projects',
      kind: 'capex',
      vendor: 'Stratus Cloud Consulting',
      // The item's $240,000 capex paid in milestones: moving the item moves the unpaid waves.
      roadmap: 'cloud-migration',
      plan: inMonths({ 4: 40_000, 6: 40_000, 8: 40_000, 9: 40_000, 11: 40_000, 12: 40_000 }),
      actual: known(0, 0, 0, 40_000, 0, 40_000, 0, 40_000, 0),
      notes: { Q3: 'Wave 2 milestone payment moved to October: two engineering applications needed re-testing.' },
    },
    {
      key: 'iga-services',
      name: 'Identity governance rollout services',
      category: 'projects',
      kind: 'capex',
      vendor: 'Keyrise Identity Partners',
      roadmap: 'identity-governance',
      plan: inMonths({ 7: 55_000, 9: 30_000 }),
      actual: known(0, 0, 0, 0, 0, 0, 55_000, 0, 30_000),
    },
    {
      key: 'ztna-setup',
      name: 'Zero-trust access set-up',
      category: 'projects',
      kind: 'capex',
      vendor: 'Zscaler',
      roadmap: 'zero-trust-access',
      plan: inMonths({ 11: 25_000 }),
      actual: [],
    },
    {
      key: 'erp-upgrade-services',
      name: 'ERP upgrade services',
      category: 'projects',
      kind: 'capex',
      vendor: 'Epicor',
      roadmap: 'erp-upgrade',
      plan: inMonths({ 6: 120_000, 8: 40_000 }),
      actual: known(0, 0, 0, 0, 0, 120_000, 0, 12_000, 0),
      notes: { Q3: 'Paused after the design phase while the MES interface waits for vendor certification.' },
    },
    {
      key: 'backup-immutability',
      name: 'Immutable backup appliance and restore-test set-up',
      category: 'projects',
      kind: 'capex',
      vendor: 'Veeam',
      roadmap: 'backup-immutability',
      plan: inMonths({ 1: 30_000, 3: 20_000, 5: 15_000 }),
      actual: known(30_000, 0, 20_000, 0, 15_000, 0, 0, 0, 0),
    },
    {
      key: 'training',
      name: 'Training and certifications',
      category: 'training',
      kind: 'opex',
      vendor: 'Various',
      plan: inMonths({ 2: 4_000, 3: 3_000, 5: 5_000, 6: 2_000, 9: 4_000, 10: 4_000, 11: 4_000 }),
      actual: known(0, 3_600, 2_900, 0, 6_800, 1_200, 0, 0, 3_100),
      notes: { Q2: 'Two Azure architect certifications brought forward for the cloud migration.' },
    },
    {
      key: 'contingency',
      name: 'Contingency',
      category: 'contingency',
      kind: 'opex',
      vendor: '',
      // Held centrally and released at year end; draws during the year show as spend over plan.
      plan: inMonths({ 12: 150_000 }),
      actual: known(0, 0, 8_200, 0, 0, 0, 21_500, 0, 4_300),
      notes: {
        Q1: 'Emergency core switch replacement at Plant 3.',
        Q3: 'Flood damage at Plant 3 (replacement hardware; insurance claim pending).',
      },
    },
    {
      key: 'wan',
      name: 'WAN and SD-WAN circuits (4 sites)',
      category: 'other',
      kind: 'opex',
      vendor: 'Lumen',
      plan: monthly(13_000),
      actual: known(13_000, 13_000, 13_000, 13_000, 13_000, 13_420, 13_420, 13_420, 13_420),
      recurring: true,
      renewal: '2027-05-31',
      escalator: 3,
    },
    {
      key: 'pen-test',
      name: 'External penetration test',
      category: 'other',
      kind: 'opex',
      vendor: 'Ironclad Security Testing',
      plan: inMonths({ 9: 38_000 }),
      actual: known(0, 0, 0, 0, 0, 0, 0, 0, 41_500),
      recurring: true,
      renewal: '2027-09-01',
      escalator: 3,
      notes: { Q3: 'Scope extended to the OT networks of Plants 1 and 2.' },
    },
  ];
  return specs.map((s) => toLine(2026, s));
}

/** FY2025: the year before, all 12 months of actuals (Harborline onboarded in January 2025). */
export function budgetFy2025(rnd: Random, people: readonly Person[], profiles: readonly CostProfile[]): BudgetLine[] {
  const team = teamSalaryAndBenefits(people, profiles);
  // Last year's pay: this year's less the 3 % raise; last year's contract prices: 4 % lower.
  const salaries = spreadEvenly(Math.round(team.salaries / 1.03));
  const benefits = spreadEvenly(Math.round(team.benefits / 1.03));
  const fee2025 = Math.round(CO_MANAGED_MONTHLY_FEE / 1.04);
  const rate2025 = Math.round(CO_MANAGED.hourlyRate / 1.04);
  const all = (plan: number[], spread: number) => near(rnd, plan, 12, spread);
  const specs: LineSpec[] = [
    {
      key: 'salaries',
      name: 'IT staff salaries (8.5 FTE)',
      category: 'personnel',
      kind: 'opex',
      vendor: 'Payroll',
      plan: salaries,
      // The service desk analyst who left in March was replaced in June: April and May are lower.
      actual: all(salaries, 0.004).map((a, i) => (i === 3 || i === 4 ? Math.round((a * 0.93) / 100) * 100 : a)),
      recurring: true,
      escalator: 3,
      notes: {
        Q2: 'Service desk analyst post vacant in April and May (leaver in March, replacement started in June).',
      },
    },
    {
      key: 'benefits',
      name: 'Benefits and payroll taxes (42 %)',
      category: 'personnel',
      kind: 'opex',
      vendor: 'Payroll',
      plan: benefits,
      actual: all(benefits, 0.02),
      recurring: true,
      escalator: 3,
    },
    {
      key: 'on-call',
      name: 'On-call allowance and overtime',
      category: 'personnel',
      kind: 'opex',
      vendor: 'Payroll',
      plan: monthly(1_400),
      actual: all(monthly(1_400), 0.2),
      recurring: true,
      escalator: 3,
    },
    {
      key: 'harborline-fee',
      name: 'Harborline co-managed services (monthly fee)',
      category: 'partner-services',
      kind: 'opex',
      vendor: 'Harborline Managed Services',
      plan: Array.from({ length: 12 }, () => fee2025),
      actual: Array.from({ length: 12 }, () => fee2025),
      recurring: true,
      renewal: '2025-12-31',
      escalator: CO_MANAGED.escalatorPct,
    },
    {
      key: 'harborline-onboarding',
      name: 'Harborline onboarding (one-time)',
      category: 'partner-services',
      kind: 'opex',
      vendor: 'Harborline Managed Services',
      plan: [Math.round(fee2025 * 0.4), ...Array.from({ length: 11 }, () => 0)],
      actual: [Math.round(fee2025 * 0.4), ...Array.from({ length: 11 }, () => 0)],
    },
    {
      key: 'harborline-project-hours',
      name: 'Harborline project hours (400 h)',
      category: 'partner-services',
      kind: 'opex',
      vendor: 'Harborline Managed Services',
      plan: spreadEvenly(CO_MANAGED.projectHoursPerYear * rate2025),
      actual: [10, 18, 25, 30, 28, 35, 40, 38, 30, 42, 36, 30].map((h) => h * rate2025),
      recurring: true,
      renewal: '2025-12-31',
      escalator: CO_MANAGED.escalatorPct,
    },
    {
      key: 'm365',
      name: 'Microsoft 365 E3 (1,900 users)',
      category: 'software-licences',
      kind: 'opex',
      vendor: 'Microsoft',
      plan: monthly(65_150),
      actual: Array.from({ length: 12 }, () => usd(65_150)),
      recurring: true,
      renewal: '2026-06-30',
      escalator: 5,
    },
    {
      key: 'antivirus',
      name: 'Legacy antivirus (retired with the EDR rollout)',
      category: 'software-licences',
      kind: 'opex',
      vendor: 'Sophos',
      plan: inMonths({ 1: 3_100, 2: 3_100, 3: 3_100, 4: 3_100, 5: 3_100, 6: 3_100, 7: 3_100, 8: 3_100, 9: 3_100 }),
      actual: known(3_100, 3_100, 3_100, 3_100, 3_100, 3_100, 3_100, 3_100, 3_100, 0, 0, 0),
    },
    {
      key: 'edr',
      name: 'EDR platform (2,400 endpoints, 180 servers)',
      category: 'software-licences',
      kind: 'opex',
      vendor: 'CrowdStrike',
      roadmap: 'edr-rollout',
      plan: inMonths({ 7: 12_000, 8: 12_000, 9: 12_000, 10: 12_000, 11: 12_000, 12: 12_000 }),
      actual: known(0, 0, 0, 0, 0, 0, 12_000, 12_000, 12_000, 12_000, 12_000, 12_000),
      recurring: true,
      renewal: '2026-06-30',
      escalator: 3,
    },
    {
      key: 'itsm',
      name: 'ITSM platform subscription',
      category: 'software-licences',
      kind: 'opex',
      vendor: 'Freshworks',
      plan: inMonths({ 3: 59_000 }),
      actual: known(0, 0, 59_000, 0, 0, 0, 0, 0, 0, 0, 0, 0),
      recurring: true,
      renewal: '2026-03-01',
      escalator: 4,
    },
    {
      key: 'backup-software',
      name: 'Backup software subscription',
      category: 'software-licences',
      kind: 'opex',
      vendor: 'Veeam',
      plan: inMonths({ 2: 36_500 }),
      actual: known(0, 36_500, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
      recurring: true,
      renewal: '2026-02-01',
      escalator: 3,
    },
    {
      key: 'erp-subscription',
      name: 'Epicor ERP subscription and support',
      category: 'software-licences',
      kind: 'opex',
      vendor: 'Epicor',
      plan: inMonths({ 1: 67_850, 4: 67_850, 7: 67_850, 10: 67_850 }),
      actual: known(67_850, 0, 0, 67_850, 0, 0, 67_850, 0, 0, 67_850, 0, 0),
      recurring: true,
      renewal: '2025-12-31',
      escalator: 5,
    },
    {
      key: 'firewall-subscriptions',
      name: 'Firewall and network security subscriptions',
      category: 'software-licences',
      kind: 'opex',
      vendor: 'Fortinet',
      plan: inMonths({ 9: 69_200 }),
      actual: known(0, 0, 0, 0, 0, 0, 0, 0, 69_200, 0, 0, 0),
      recurring: true,
      renewal: '2026-09-30',
      escalator: 4,
    },
    {
      key: 'identity-subscriptions',
      name: 'Identity and SSO subscriptions',
      category: 'software-licences',
      kind: 'opex',
      vendor: 'Okta',
      plan: monthly(2_000),
      actual: Array.from({ length: 12 }, () => usd(2_000)),
      recurring: true,
      renewal: '2026-06-30',
      escalator: 4,
    },
    {
      key: 'endpoint-refresh',
      name: 'Laptop and desktop refresh (480 devices)',
      category: 'hardware',
      kind: 'capex',
      vendor: 'Dell Technologies',
      plan: inMonths({ 3: 120_000, 6: 120_000, 9: 120_000, 11: 120_000 }),
      actual: known(0, 0, 117_800, 0, 0, 121_400, 0, 0, 119_300, 0, 126_900, 0),
      notes: { Q4: 'Year-end order pulled forward to beat the January price list.' },
    },
    {
      key: 'mfa-keys',
      name: 'FIDO2 security keys for shop-floor kiosks',
      category: 'hardware',
      kind: 'capex',
      vendor: 'Yubico',
      roadmap: 'mfa-all-users',
      plan: inMonths({ 8: 45_000 }),
      actual: known(0, 0, 0, 0, 0, 0, 0, 43_700, 0, 0, 0, 0),
    },
    {
      key: 'hardware-maintenance',
      name: 'Hardware maintenance and spares',
      category: 'hardware',
      kind: 'opex',
      vendor: 'Various',
      plan: monthly(4_200),
      actual: all(monthly(4_200), 0.15),
      recurring: true,
      escalator: 3,
    },
    {
      key: 'azure',
      name: 'Azure consumption',
      category: 'cloud',
      kind: 'opex',
      vendor: 'Microsoft',
      plan: inMonths({ 1: 3_000, 2: 3_000, 3: 3_000, 4: 3_000, 5: 3_000, 6: 3_000, 7: 3_000, 8: 3_000, 9: 3_000 }).map(
        (c, i) => (i >= 9 ? usd(6_500) : c),
      ),
      actual: all(
        monthly(3_000).map((c, i) => (i >= 9 ? usd(6_500) : c)),
        0.05,
      ),
      recurring: true,
    },
    {
      key: 'm365-backup',
      name: 'Microsoft 365 backup (SaaS)',
      category: 'cloud',
      kind: 'opex',
      vendor: 'Druva',
      plan: monthly(1_700),
      actual: Array.from({ length: 12 }, () => usd(1_700)),
      recurring: true,
      renewal: '2025-11-30',
      escalator: 3,
    },
    {
      key: 'edr-deployment',
      name: 'EDR deployment services',
      category: 'projects',
      kind: 'capex',
      vendor: 'CrowdStrike',
      roadmap: 'edr-rollout',
      plan: inMonths({ 7: 30_000 }),
      actual: known(0, 0, 0, 0, 0, 0, 30_000, 0, 0, 0, 0, 0),
    },
    {
      key: 'landing-zone',
      name: 'Azure landing zone services',
      category: 'projects',
      kind: 'capex',
      vendor: 'Stratus Cloud Consulting',
      roadmap: 'azure-landing-zone',
      plan: inMonths({ 10: 20_000, 11: 20_000, 12: 20_000 }),
      actual: known(0, 0, 0, 0, 0, 0, 0, 0, 0, 20_000, 20_000, 20_000),
    },
    {
      key: 'portal',
      name: 'Self-service portal build',
      category: 'projects',
      kind: 'capex',
      vendor: 'Freshworks',
      roadmap: 'self-service-portal',
      plan: inMonths({ 10: 35_000 }),
      actual: known(0, 0, 0, 0, 0, 0, 0, 0, 0, 35_000, 0, 0),
    },
    {
      key: 'training',
      name: 'Training and certifications',
      category: 'training',
      kind: 'opex',
      vendor: 'Various',
      plan: inMonths({ 2: 4_000, 4: 4_000, 6: 3_000, 9: 4_000, 10: 4_000, 11: 3_000 }),
      actual: known(0, 3_800, 0, 4_400, 0, 2_100, 0, 0, 3_900, 3_600, 2_200, 0),
    },
    {
      key: 'contingency',
      name: 'Contingency',
      category: 'contingency',
      kind: 'opex',
      vendor: '',
      plan: inMonths({ 12: 140_000 }),
      actual: known(0, 0, 0, 0, 12_400, 0, 0, 0, 0, 0, 6_800, 0),
    },
    {
      key: 'wan',
      name: 'WAN and SD-WAN circuits (4 sites)',
      category: 'other',
      kind: 'opex',
      vendor: 'Lumen',
      plan: monthly(12_600),
      actual: Array.from({ length: 12 }, () => usd(12_600)),
      recurring: true,
      renewal: '2026-05-31',
      escalator: 3,
    },
    {
      key: 'pen-test',
      name: 'External penetration test',
      category: 'other',
      kind: 'opex',
      vendor: 'Ironclad Security Testing',
      plan: inMonths({ 9: 34_000 }),
      actual: known(0, 0, 0, 0, 0, 0, 0, 0, 34_000, 0, 0, 0),
      recurring: true,
      renewal: '2026-09-01',
      escalator: 3,
    },
  ];
  return specs.map((s) => toLine(2025, s));
}

/** Sum of the known actuals of every line for one calendar month of a fiscal year (index 0–11). */
export function monthActualTotal(lines: readonly BudgetLine[], fiscalYear: number, index: number): number | null {
  let total = 0;
  let any = false;
  for (const l of lines) {
    if (l.fiscalYear !== fiscalYear) continue;
    const a = l.actual[index];
    if (a === null || a === undefined) continue;
    total += a;
    any = true;
  }
  return any ? total : null;
}
