/**
 * A small but complete workspace for deck tests: fiscal year starting in July (FY2026 = Jul 2025 –
 * Jun 2026), the QBR under test is 2026-Q3 (Jan–Mar 2026), the previous one 2026-Q2 (Oct–Dec 2025).
 * Every number is written out so tests can work expected values by hand.
 */
import { emptyTables, type WorkspaceData } from '../../../../shared/domain/tables';
import { builtInKpiDefinitions } from '../../../../shared/domain/kpis/dictionary';
import {
  buildDefaultEscalationSteps,
  buildDefaultRaci,
  buildDefaultSlaTargets,
} from '../../../../shared/domain/governance/defaults';
import {
  costProfileIdsByRole,
  defaultCostProfiles,
  defaultSkillAreas,
} from '../../../../shared/domain/staffing/defaults';
import { standardScenarios } from '../../../../shared/domain/scenarios/defaults';
import type { RoadmapItem } from '../../../../shared/domain/roadmap/schema';
import type { BudgetLine } from '../../../../shared/domain/budget/schema';
import type { KpiSnapshot } from '../../../../shared/domain/kpis/schema';
import type { Qbr } from '../../../../shared/domain/qbr/schema';
import { DECK_SECTIONS } from '../../../../shared/domain/qbr/schema';
import { monthRange } from '../../../../shared/domain/periods';

export const WS = 'ws-fixture';
export const CUR_QBR = 'qbr-2026-q3';
export const PREV_QBR = 'qbr-2026-q2';
const T = '2026-01-05T09:00:00Z';

function item(p: Partial<RoadmapItem> & Pick<RoadmapItem, 'id' | 'title' | 'status' | 'startMonth' | 'endMonth'>) {
  const it: RoadmapItem = {
    workspaceId: WS,
    description: '',
    domain: 'infrastructure',
    bucket: 'run',
    health: 'green',
    priority: 3,
    progressPct: p.status === 'done' ? 100 : 40,
    ownerPartyId: 'p-int',
    skills: [],
    capex: 0,
    opexMonthly: 0,
    opexStartMonth: null,
    opexEndMonth: null,
    dependsOn: [],
    linkedKpis: [],
    needsDecision: false,
    decisionText: '',
    recommendedOption: '',
    createdAt: T,
    updatedAt: T,
    ...p,
  };
  return it;
}

function line(
  id: string,
  name: string,
  category: BudgetLine['category'],
  kind: BudgetLine['kind'],
  monthlyPlan: number,
  actuals: (number | null)[],
  notes: Partial<BudgetLine['varianceNotes']> = {},
): BudgetLine {
  const actual = [...actuals, ...Array.from({ length: 12 - actuals.length }, () => null)];
  return {
    id,
    workspaceId: WS,
    fiscalYear: 2026,
    name,
    category,
    kind,
    vendor: '',
    roadmapItemId: null,
    plan: Array.from({ length: 12 }, () => monthlyPlan),
    actual,
    recurring: kind === 'opex',
    renewalDate: null,
    escalatorPct: 3,
    varianceNotes: { Q1: '', Q2: '', Q3: '', Q4: '', ...notes },
  };
}

/** Monthly KPI snapshots from Jul 2024 to Mar 2026 with a simple deterministic drift. */
function series(key: string, start: number, step: number, weight: number | null = null): KpiSnapshot[] {
  return monthRange('2024-07', '2026-03').map((period, i) => ({
    id: `snap-${key}-${period}`,
    workspaceId: WS,
    kpiKey: key,
    period,
    value: Math.round((start + step * i) * 100) / 100,
    weight,
    segment: '',
    source: 'manual' as const,
    provenance: null,
    note: '',
  }));
}

function qbr(id: string, quarter: string, date: string, status: Qbr['status']): Qbr {
  return {
    id,
    workspaceId: WS,
    quarter,
    title: `Quarterly business review ${quarter}`,
    date,
    attendees: [
      { name: 'Dana Whitfield', role: 'IT Director', partyId: 'p-int' },
      { name: 'Marcus Lee', role: 'CFO', partyId: null },
      { name: 'Priya Raman', role: 'Account lead', partyId: 'p-msp' },
    ],
    agenda: [
      { title: 'Decisions requested', minutes: 15 },
      { title: 'Service performance', minutes: 20 },
      { title: 'Roadmap and budget', minutes: 20 },
    ],
    executiveSummary: 'Service levels held above target while the EDR rollout finished a month early.',
    wins: ['EDR on every endpoint', 'Backlog down by a third'],
    pains: ['Patch compliance slipped in February'],
    decisionIds: ['dec-siem'],
    sections: DECK_SECTIONS.map((key) => ({ key, enabled: true })),
    preset: 'full',
    theme: { accentColor: '#1F4E79', orgLogo: null, partnerLogo: null },
    nextQbrDate: status === 'draft' ? '2026-07-09' : '2026-04-09',
    status,
    closedAt: status === 'closed' ? '2026-01-15T17:00:00Z' : null,
  };
}

/** The fixture workspace (fresh objects on every call). */
export function deckFixture(): WorkspaceData {
  const tables = emptyTables();
  tables.parties = [
    { id: 'p-int', workspaceId: WS, name: 'Northwind IT', kind: 'internal', shortName: 'IT' },
    { id: 'p-msp', workspaceId: WS, name: 'Harbor Managed Services', kind: 'partner', shortName: 'MSP' },
  ];
  tables.roadmapItems = [
    item({
      id: 'rm-edr',
      title: 'EDR rollout',
      status: 'done',
      startMonth: '2025-09',
      endMonth: '2026-02',
      domain: 'security',
      bucket: 'protect',
      capex: 4_500_000,
    }),
    item({
      id: 'rm-mfa',
      title: 'MFA for contractors',
      status: 'done',
      startMonth: '2025-11',
      endMonth: '2026-03',
      domain: 'identity',
      bucket: 'protect',
    }),
    item({
      id: 'rm-wifi',
      title: 'Plant Wi-Fi refresh',
      status: 'done',
      startMonth: '2025-06',
      endMonth: '2025-11',
      domain: 'network',
    }),
    item({
      id: 'rm-siem',
      title: 'Managed SIEM',
      status: 'approved',
      startMonth: '2026-04',
      endMonth: '2026-09',
      domain: 'security',
      bucket: 'protect',
      ownerPartyId: 'p-msp',
      opexMonthly: 1_200_000,
      needsDecision: true,
      decisionText: 'Approve the managed SIEM service',
      recommendedOption: 'Co-managed SIEM with the partner',
    }),
    item({
      id: 'rm-backup',
      title: 'Backup immutability',
      status: 'in-progress',
      startMonth: '2026-02',
      endMonth: '2026-05',
      domain: 'infrastructure',
      health: 'amber',
    }),
    item({
      id: 'rm-erp',
      title: 'ERP cloud migration',
      status: 'proposed',
      startMonth: '2026-10',
      endMonth: '2027-06',
      domain: 'cloud',
      bucket: 'transform',
      capex: 25_000_000,
    }),
    item({
      id: 'rm-net',
      title: 'Core switch replacement',
      status: 'blocked',
      startMonth: '2026-01',
      endMonth: '2026-06',
      domain: 'network',
      health: 'red',
    }),
    item({
      id: 'rm-old',
      title: 'Print server retirement',
      status: 'cancelled',
      startMonth: '2025-08',
      endMonth: '2025-10',
      domain: 'end-user',
    }),
  ];
  // FY2026 actuals known for Jul 2025 … Mar 2026 (fiscal months 1–9).
  const nine = (v: number) => Array.from({ length: 9 }, () => v);
  tables.budgetLines = [
    line('bl-staff', 'IT staff', 'personnel', 'opex', 9_000_000, nine(9_000_000)),
    line(
      'bl-msp',
      'Co-managed services',
      'partner-services',
      'opex',
      4_000_000,
      [...nine(4_000_000).slice(0, 6), 4_400_000, 4_400_000, 4_400_000],
      { Q3: 'SOC add-on from January' },
    ),
    line('bl-lic', 'Microsoft 365', 'software-licences', 'opex', 2_500_000, nine(2_400_000)),
    line(
      'bl-hw',
      'Laptop refresh',
      'hardware',
      'capex',
      1_000_000,
      [0, 0, 2_000_000, 1_000_000, 1_000_000, 1_000_000, 500_000, 500_000, 500_000],
      { Q3: 'Half the laptops moved to Q4' },
    ),
    line('bl-cloud', 'Azure', 'cloud', 'opex', 1_500_000, nine(1_650_000)),
  ];
  tables.kpiDefinitions = builtInKpiDefinitions(WS);
  tables.kpiSnapshots = [
    ...series('sla_attainment', 90, 0.3, 400),
    ...series('mttr_hours', 30, -0.5, 400),
    ...series('patch_compliance', 88, 0.4),
    ...series('edr_coverage', 80, 1),
    ...series('mfa_coverage', 90, 0.45),
    ...series('backup_test_success', 94, 0.2, 10),
    ...series('csat', 4.1, 0.02, 120),
    ...series('tickets_opened', 600, -5),
  ];
  const profiles = defaultCostProfiles(WS);
  tables.costProfiles = profiles;
  tables.skillAreas = defaultSkillAreas(WS, costProfileIdsByRole(profiles));
  const area = (key: string) => tables.skillAreas.find((a) => a.key === key)?.id ?? tables.skillAreas[0]!.id;
  const profile = profiles[0]!.id;
  tables.people = [
    {
      id: 'per-1',
      workspaceId: WS,
      name: 'Alex Chen',
      role: 'Systems engineer',
      fte: 1,
      costProfileId: profile,
      skills: tables.skillAreas.slice(0, 6).map((a) => ({ skillAreaId: a.id, level: 3 })),
    },
    {
      id: 'per-2',
      workspaceId: WS,
      name: 'Sam Ortiz',
      role: 'Service desk lead',
      fte: 1,
      costProfileId: profile,
      skills: tables.skillAreas.slice(0, 3).map((a) => ({ skillAreaId: a.id, level: 2 })),
    },
    {
      id: 'per-3',
      workspaceId: WS,
      name: 'Jo Park',
      role: 'Network engineer',
      fte: 0.8,
      costProfileId: profile,
      skills: tables.skillAreas.slice(4, 9).map((a) => ({ skillAreaId: a.id, level: 2 })),
    },
  ];
  tables.partnerContracts = [
    {
      id: 'pc-1',
      workspaceId: WS,
      name: 'Harbor co-managed',
      partyId: 'p-msp',
      kind: 'co-managed',
      perUserMonthly: 0,
      perEndpointMonthly: 1_800,
      fixedMonthly: 1_500_000,
      projectHoursPerYear: 400,
      hourlyRate: 16_500,
      onboardingFee: 2_000_000,
      escalatorPct: 3,
      coveredAreas: [
        { skillAreaId: area('noc-monitoring'), coverageModel: '24x7' },
        { skillAreaId: area('siem-soc'), coverageModel: '24x7' },
      ],
      startDate: '2024-07-01',
      endDate: null,
    },
  ];
  tables.scenarios = standardScenarios(WS, tables.partnerContracts);
  const raci = buildDefaultRaci({ workspaceId: WS, internalPartyId: 'p-int', partnerPartyId: 'p-msp' });
  tables.raciActivities = raci.activities;
  tables.raciAssignments = raci.assignments;
  tables.escalationSteps = buildDefaultEscalationSteps({
    workspaceId: WS,
    internalPartyId: 'p-int',
    partnerPartyId: 'p-msp',
  });
  tables.slaTargets = buildDefaultSlaTargets({ workspaceId: WS, internalPartyId: 'p-int', partnerPartyId: 'p-msp' });
  tables.partnerScorecards = [
    {
      id: 'sc-q3',
      workspaceId: WS,
      quarter: '2026-Q3',
      partyId: 'p-msp',
      grades: [
        { criterion: 'sla-attainment', grade: 4, comment: 'Above target all quarter' },
        { criterion: 'escalations', grade: 3, comment: '' },
        { criterion: 'after-hours-response', grade: 5, comment: 'P1 answered within 10 minutes' },
        { criterion: 'cost-per-endpoint', grade: 3, comment: '' },
        { criterion: 'project-delivery', grade: 2, comment: 'Core switch project blocked' },
        { criterion: 'documentation', grade: null, comment: '' },
      ],
    },
  ];
  tables.risks = [
    {
      id: 'rk-1',
      workspaceId: WS,
      title: 'Ransomware on plant network',
      description: '',
      likelihood: 3,
      impact: 5,
      owner: 'CISO',
      mitigation: 'Segment OT network',
      dueDate: '2026-06-30',
      status: 'mitigating',
    },
    {
      id: 'rk-2',
      workspaceId: WS,
      title: 'Single network engineer',
      description: '',
      likelihood: 4,
      impact: 4,
      owner: 'IT Director',
      mitigation: 'Partner cover for network',
      dueDate: null,
      status: 'open',
    },
    {
      id: 'rk-3',
      workspaceId: WS,
      title: 'Licence true-up overrun',
      description: '',
      likelihood: 2,
      impact: 3,
      owner: 'IT Director',
      mitigation: '',
      dueDate: null,
      status: 'open',
    },
    {
      id: 'rk-4',
      workspaceId: WS,
      title: 'Old risk',
      description: '',
      likelihood: 5,
      impact: 5,
      owner: 'x',
      mitigation: '',
      dueDate: null,
      status: 'closed',
    },
  ];
  tables.decisions = [
    {
      id: 'dec-siem',
      workspaceId: WS,
      text: 'Approve the managed SIEM service for FY2027',
      options: ['Co-managed SIEM with the partner', 'Hire two SOC analysts', 'Defer'],
      recommendedOption: 'Co-managed SIEM with the partner',
      rationale: '24x7 cover from day one at a lower three-year cost.',
      status: 'requested',
      date: '2026-03-20',
      linkedItemIds: ['rm-siem'],
    },
    {
      id: 'dec-old',
      workspaceId: WS,
      text: 'Adopt the new change policy',
      options: [],
      recommendedOption: '',
      rationale: '',
      status: 'approved',
      date: '2025-10-10',
      linkedItemIds: [],
    },
  ];
  tables.actionItems = [
    {
      id: 'ai-1',
      workspaceId: WS,
      text: 'Share the SIEM proposal',
      owner: 'Priya Raman',
      dueDate: '2026-02-15',
      status: 'done',
      createdInQbrId: PREV_QBR,
      carriedOver: 0,
    },
    {
      id: 'ai-2',
      workspaceId: WS,
      text: 'Fix the patch window for plant PCs',
      owner: 'Sam Ortiz',
      dueDate: '2026-02-28',
      status: 'in-progress',
      createdInQbrId: PREV_QBR,
      carriedOver: 1,
    },
    {
      id: 'ai-3',
      workspaceId: WS,
      text: 'Quote for core switches',
      owner: 'Priya Raman',
      dueDate: '2026-04-30',
      status: 'open',
      createdInQbrId: CUR_QBR,
      carriedOver: 0,
    },
    {
      id: 'ai-4',
      workspaceId: WS,
      text: 'Dropped idea',
      owner: 'x',
      dueDate: null,
      status: 'dropped',
      createdInQbrId: PREV_QBR,
      carriedOver: 0,
    },
  ];
  tables.qbrs = [qbr(PREV_QBR, '2026-Q2', '2026-01-15', 'closed'), qbr(CUR_QBR, '2026-Q3', '2026-04-09', 'draft')];
  return {
    workspace: {
      id: WS,
      name: 'Northwind Fabrication',
      currency: 'USD',
      locale: 'en-US',
      fiscalYearStartMonth: 7,
      userCount: 1200,
      endpointCount: 1500,
      serverCount: 80,
      logo: null,
      partnerName: 'Harbor Managed Services',
      createdAt: '2024-06-01T00:00:00Z',
      updatedAt: T,
    },
    tables,
  };
}
