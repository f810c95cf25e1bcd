/**
 * Sample governance: the default RACI lanes with the business added where it is consulted, one
 * realistic finding (Harborline also acts on endpoint security since August, with no written
 * split), the escalation ladder P1–P4, SLA targets for both parties, assignment-group rules,
 * risks, decisions, action items and the partner scorecards for 2026-Q2 (graded) and Q3 (draft).
 */
import {
  buildDefaultEscalationSteps,
  buildDefaultRaci,
  buildDefaultSlaTargets,
  type GovernanceBuildOptions,
} from '../domain/governance/defaults';
import type {
  ActionItem,
  Decision,
  EscalationStep,
  PartnerScorecard,
  RaciActivity,
  RaciAssignment,
  Risk,
  SlaTarget,
} from '../domain/governance/schema';
import type { PartyRule } from '../domain/workspace/schema';
import { PARTY, SAMPLE_WORKSPACE_ID as WS, sampleId } from './constants';
import { roadmapId } from './roadmap';

const OPTS: GovernanceBuildOptions = {
  workspaceId: WS,
  internalPartyId: PARTY.internal,
  partnerPartyId: PARTY.partner,
  makeId: (key) => sampleId('gov', key),
};

/** Lanes where the business is consulted or informed. */
const BUSINESS_ROLES: Readonly<Record<string, RaciAssignment['roles']>> = {
  'raci-service-desk-l1': ['I'],
  'raci-projects': ['C'],
  'raci-roadmap-strategy': ['C'],
  'raci-budget': ['C'],
  'raci-compliance-audit': ['C'],
};

export type SampleRaci = {
  activities: RaciActivity[];
  assignments: RaciAssignment[];
  /** The matrix as it stood at the close of 2026-Q2 (before the endpoint-security change). */
  assignmentsAtQ2: RaciAssignment[];
};

export function sampleRaci(): SampleRaci {
  const { activities, assignments } = buildDefaultRaci(OPTS);
  const withBusiness = [...assignments];
  for (const a of activities) {
    const key = a.id.slice(sampleId('gov', '').length);
    const roles = BUSINESS_ROLES[key];
    if (roles) {
      withBusiness.push({
        id: sampleId('gov', `${key}-business`),
        workspaceId: WS,
        activityId: a.id,
        partyId: PARTY.business,
        roles: [...roles],
      });
    }
  }
  // Since August the Harborline SOC also changes EDR policies and isolates endpoints itself: two
  // parties Responsible and nothing written down — the collision the Q3 QBR should settle.
  const edrPartner = sampleId('gov', 'raci-endpoint-security-partner');
  const current = withBusiness.map((a) => (a.id === edrPartner ? { ...a, roles: ['R' as const] } : a));
  return { activities, assignments: current, assignmentsAtQ2: withBusiness };
}

/** Default ladder plus a third step for P3 and P4 (the Infrastructure Lead). */
export function sampleEscalation(): EscalationStep[] {
  const steps = buildDefaultEscalationSteps(OPTS);
  for (const [severity, minutes] of [
    ['P3', 2_880],
    ['P4', 4_800],
  ] as const) {
    steps.push({
      id: sampleId('gov', `esc-${severity.toLowerCase()}-3`),
      workspaceId: WS,
      severity,
      step: 3,
      partyId: PARTY.internal,
      contactRole: 'Infrastructure Lead',
      responseMinutes: minutes,
    });
  }
  return steps;
}

/** SLA targets per priority for the partner (contract) and for Internal IT (internal OLA). */
export function sampleSlaTargets(): SlaTarget[] {
  return [...buildDefaultSlaTargets(OPTS, PARTY.partner), ...buildDefaultSlaTargets(OPTS, PARTY.internal)];
}

export function samplePartyRules(): PartyRule[] {
  const rules: [string, string][] = [
    ['Harborline NOC', PARTY.partner],
    ['Harborline SOC', PARTY.partner],
    ['Harborline Service Desk', PARTY.partner],
    ['IT Service Desk', PARTY.internal],
    ['IT Infrastructure', PARTY.internal],
    ['IT Security', PARTY.internal],
    ['Plant Systems', PARTY.business],
  ];
  return rules.map(([pattern, partyId], order) => ({
    id: sampleId('party-rule', pattern.toLowerCase().replace(/[^a-z0-9]+/g, '-')),
    workspaceId: WS,
    pattern,
    partyId,
    order,
  }));
}

export function sampleRisks(): Risk[] {
  const risks: Omit<Risk, 'id' | 'workspaceId'>[] = [
    {
      title: 'Ransomware reaches the plant-floor OT network',
      description: 'Flat network between office and plant floor; some HMIs run unsupported Windows versions.',
      likelihood: 3,
      impact: 5,
      owner: 'Priya Raman (Security Engineer)',
      mitigation: 'Plant network segmentation (in progress), EDR on all supported HMIs, SOC use cases for OT.',
      dueDate: '2027-03-31',
      status: 'mitigating',
    },
    {
      title: 'Single network engineer',
      description:
        'Only Tom Becker can change the core and plant networks; the partner does not cover network engineering.',
      likelihood: 4,
      impact: 4,
      owner: 'Daniel Okafor (Infrastructure Lead)',
      mitigation: 'Cross-train Lucia Alvarez (40 h); agree a network engineering retainer with Harborline.',
      dueDate: '2026-12-31',
      status: 'open',
    },
    {
      title: 'ERP upgrade delayed by MES certification',
      description: 'The vendor has not certified the MES interface for the new ERP release.',
      likelihood: 4,
      impact: 3,
      owner: 'Hannah Weiss (IT Project Manager)',
      mitigation: 'Decision requested at the Q3 QBR: wait for certification and re-plan go-live.',
      dueDate: '2026-10-15',
      status: 'open',
    },
    {
      title: 'No in-house cloud architecture depth',
      description: 'Daniel Okafor is the only person with working cloud-architecture skills during the migration.',
      likelihood: 3,
      impact: 4,
      owner: 'IT Director',
      mitigation: 'Hire a cloud architect (hybrid scenario); two Azure certifications funded this year.',
      dueDate: '2027-03-31',
      status: 'open',
    },
    {
      title: 'Azure cost overrun during migration',
      description: 'Parallel running of migrated and on-premises servers raised Q2 consumption 24 % above plan.',
      likelihood: 3,
      impact: 3,
      owner: 'Daniel Okafor (Infrastructure Lead)',
      mitigation: 'Reserved instances bought in July; FinOps reviews proposed for 2027.',
      dueDate: '2026-12-31',
      status: 'mitigating',
    },
    {
      title: 'Partner renewal above the contractual escalator',
      description: 'The Harborline MSA renews on 31 December 2027; market prices rose faster than 4 %.',
      likelihood: 2,
      impact: 3,
      owner: 'IT Director',
      mitigation: 'Benchmark at the Q2 2027 QBR; scorecard evidence for the negotiation.',
      dueDate: '2027-06-30',
      status: 'open',
    },
    {
      title: 'Windows 10 devices after end of support',
      description: '140 devices still on Windows 10 in September, most of them shared plant PCs.',
      likelihood: 2,
      impact: 4,
      owner: 'Sam Novak (Endpoint & Automation Engineer)',
      mitigation: 'Refresh finishes in December; extended security updates bought for 25 machine-bound PCs.',
      dueDate: '2026-12-31',
      status: 'mitigating',
    },
    {
      title: 'MFA fatigue and phishing attacks',
      description: 'Push-notification fatigue attacks seen at peers; 3 % of accounts are still without MFA.',
      likelihood: 3,
      impact: 3,
      owner: 'Priya Raman (Security Engineer)',
      mitigation: 'Number matching enforced; remaining accounts are service accounts under review.',
      dueDate: null,
      status: 'accepted',
    },
    {
      title: 'Backups cannot be restored',
      description: 'Restore tests failed in 2025 for two systems.',
      likelihood: 1,
      impact: 5,
      owner: 'Ravi Menon (Database & Backup Administrator)',
      mitigation: 'Immutable backups and monthly restore tests: 36 of 36 passed in Q3 2026.',
      dueDate: null,
      status: 'closed',
    },
  ];
  return risks.map((r, i) => ({ id: sampleId('risk', String(i + 1).padStart(2, '0')), workspaceId: WS, ...r }));
}

export const QBR = {
  q2: sampleId('qbr', '2026-q2'),
  q3: sampleId('qbr', '2026-q3'),
} as const;

export const DECISION = {
  coManaged: sampleId('decision', 'co-managed-harborline'),
  azure: sampleId('decision', 'azure-primary-cloud'),
  wifi: sampleId('decision', 'wifi-6e-timing'),
  erp: sampleId('decision', 'erp-go-live'),
  iso: sampleId('decision', 'iso-27001-scope'),
  copilot: sampleId('decision', 'copilot-pilot'),
} as const;

/** Past decisions and the three requested at the Q3 QBR (texts match the roadmap items). */
export function sampleDecisions(
  items: readonly { id: string; decisionText: string; recommendedOption: string }[],
): Decision[] {
  const fromItem = (key: string) => items.find((i) => i.id === roadmapId(key))!;
  const erp = fromItem('erp-upgrade');
  const iso = fromItem('iso-27001');
  const copilot = fromItem('copilot-pilot');
  return [
    {
      id: DECISION.coManaged,
      workspaceId: WS,
      text: 'Engage Harborline Managed Services for co-managed NOC, SOC, patching, service-desk overflow and backup from January 2025.',
      options: ['Hire 6 people for 24x7 NOC and SOC cover', 'Co-manage with Harborline', 'Fully outsource'],
      recommendedOption: 'Co-manage with Harborline',
      rationale:
        '24x7 NOC and SOC need about 9.7 FTE; beyond the staff already proficient that is 6 hires, about $1.0M a year loaded plus hiring costs and months of recruiting. Harborline quoted about $965k a year with 24x7 cover from the first month, and Internal IT keeps control.',
      status: 'approved',
      date: '2024-11-20',
      linkedItemIds: [],
    },
    {
      id: DECISION.azure,
      workspaceId: WS,
      text: 'Adopt Azure as the primary cloud platform and build a landing zone.',
      options: ['Azure', 'AWS', 'Stay on-premises'],
      recommendedOption: 'Azure',
      rationale: 'Microsoft 365 and Entra ID are already in place; engineering software vendors certify Azure.',
      status: 'approved',
      date: '2025-09-18',
      linkedItemIds: [roadmapId('azure-landing-zone'), roadmapId('cloud-migration')],
    },
    {
      id: DECISION.wifi,
      workspaceId: WS,
      text: 'Upgrade Wi-Fi in the plants to 6E in 2027?',
      options: ['Upgrade in 2027', 'Defer to 2028'],
      recommendedOption: 'Upgrade in 2027',
      rationale: 'Deferred by the CFO until the warehouse scanner project is approved.',
      status: 'deferred',
      date: '2026-07-16',
      linkedItemIds: [roadmapId('wifi-6e')],
    },
    {
      id: DECISION.erp,
      workspaceId: WS,
      text: erp.decisionText,
      options: ['Go live in February 2027 with a custom interface', 'Wait for certification; go live June 2027'],
      recommendedOption: 'Wait for certification; go live June 2027',
      rationale: erp.recommendedOption,
      status: 'requested',
      date: '2026-10-15',
      linkedItemIds: [erp.id],
    },
    {
      id: DECISION.iso,
      workspaceId: WS,
      text: iso.decisionText,
      options: ['All three plants in 2027', 'HQ and Plant 1 in 2027, Plants 2–3 in 2028'],
      recommendedOption: 'HQ and Plant 1 in 2027, Plants 2–3 in 2028',
      rationale: iso.recommendedOption,
      status: 'requested',
      date: '2026-10-15',
      linkedItemIds: [iso.id],
    },
    {
      id: DECISION.copilot,
      workspaceId: WS,
      text: copilot.decisionText,
      options: ['Approve the 200-user pilot', 'Wait for 2028 pricing', 'Reject'],
      recommendedOption: 'Approve the 200-user pilot',
      rationale: copilot.recommendedOption,
      status: 'requested',
      date: '2026-10-15',
      linkedItemIds: [copilot.id],
    },
  ];
}

export function sampleActionItems(): ActionItem[] {
  const a = (
    slug: string,
    text: string,
    owner: string,
    dueDate: string,
    status: ActionItem['status'],
    createdInQbrId: string | null,
    carriedOver: number,
  ): ActionItem => ({
    id: sampleId('action', slug),
    workspaceId: WS,
    text,
    owner,
    dueDate,
    status,
    createdInQbrId,
    carriedOver,
  });
  return [
    a(
      'patch-calendar',
      'Publish the monthly patch calendar to the plant managers',
      'Lucia Alvarez',
      '2026-08-15',
      'done',
      QBR.q2,
      0,
    ),
    a(
      'runbooks',
      'Harborline to deliver runbooks for the 8 critical systems still missing one',
      'Owen Price (Harborline)',
      '2026-09-30',
      'in-progress',
      QBR.q2,
      1,
    ),
    a(
      'network-cross-training',
      'Cross-train Lucia Alvarez on plant network switching (40 hours)',
      'Tom Becker',
      '2026-09-30',
      'open',
      QBR.q2,
      1,
    ),
    a(
      'cloud-architect-case',
      'Business case for hiring a cloud architect',
      'Elena Marsh (IT Director)',
      '2026-10-15',
      'in-progress',
      QBR.q2,
      0,
    ),
    a(
      'mes-certification',
      'Agree the MES certification date with Epicor',
      'Hannah Weiss',
      '2026-08-31',
      'done',
      QBR.q2,
      0,
    ),
    a('p3-backlog', 'Bring P3 tickets older than 30 days below 50', 'Marcus Hill', '2026-09-30', 'done', QBR.q2, 0),
    a(
      'after-hours-p2',
      'Review the two after-hours P2 response misses in June',
      'Owen Price (Harborline)',
      '2026-07-31',
      'done',
      QBR.q2,
      0,
    ),
    a(
      'iso-scope',
      'Prepare the ISO 27001 scope options for a decision',
      'Elena Marsh (IT Director)',
      '2026-10-15',
      'done',
      null,
      2,
    ),
    a(
      'erp-restore-test',
      'Restore the ERP database from the immutable backup',
      'Ravi Menon',
      '2026-07-31',
      'done',
      QBR.q2,
      0,
    ),
    a(
      'mfa-service-accounts',
      'Review MFA exceptions for service accounts and bring them below 40',
      'Priya Raman',
      '2026-11-30',
      'open',
      QBR.q2,
      0,
    ),
    a(
      'sla-report',
      'Send SLA attainment by party every month with the service report',
      'Grace Liu (Harborline)',
      '2026-11-30',
      'open',
      QBR.q2,
      0,
    ),
  ];
}

/** Evidence the director read off the data for the scorecards. */
export type ScorecardEvidence = {
  partnerSlaQ2: number;
  partnerSlaQ3: number;
  costPerEndpointQ2: number;
  costPerEndpointQ3: number;
};

export function sampleScorecards(e: ScorecardEvidence): PartnerScorecard[] {
  const pct = (v: number) => `${v.toFixed(1)} %`;
  const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;
  return [
    {
      id: sampleId('scorecard', '2026-q2'),
      workspaceId: WS,
      quarter: '2026-Q2',
      partyId: PARTY.partner,
      grades: [
        {
          criterion: 'sla-attainment',
          grade: 4,
          comment: `${pct(e.partnerSlaQ2)} of partner-resolved tickets within SLA (contract: 95 % for P1–P2, 90 % for P3–P4).`,
        },
        { criterion: 'escalations', grade: 4, comment: 'Two P1 incidents, both escalated within the ladder targets.' },
        {
          criterion: 'after-hours-response',
          grade: 3,
          comment: 'Two after-hours P2 responses missed the 30-minute target in June.',
        },
        {
          criterion: 'cost-per-endpoint',
          grade: 3,
          comment: `${money(e.costPerEndpointQ2)} per endpoint per month for partner services; in line with the contract.`,
        },
        { criterion: 'project-delivery', grade: 3, comment: 'SIEM use-case tuning two weeks behind plan.' },
        { criterion: 'documentation', grade: 2, comment: 'Runbooks missing for 8 of 20 critical systems.' },
      ],
    },
    {
      id: sampleId('scorecard', '2026-q3'),
      workspaceId: WS,
      quarter: '2026-Q3',
      partyId: PARTY.partner,
      grades: [
        {
          criterion: 'sla-attainment',
          grade: 5,
          comment: `${pct(e.partnerSlaQ3)} within SLA; every priority met its target.`,
        },
        {
          criterion: 'escalations',
          grade: 4,
          comment: 'Two P1 incidents in August (Plant 3 flood, core switch); both handled within target.',
        },
        {
          criterion: 'after-hours-response',
          grade: null,
          comment: 'Waiting for the after-hours response report from Harborline.',
        },
        {
          criterion: 'cost-per-endpoint',
          grade: 3,
          comment: `${money(e.costPerEndpointQ3)} per endpoint per month; project hours 65 % above plan this quarter.`,
        },
        {
          criterion: 'project-delivery',
          grade: 4,
          comment: 'Server patch automation delivered in September as planned.',
        },
        {
          criterion: 'documentation',
          grade: null,
          comment: 'Runbooks: 4 of the 8 missing delivered; grade at the QBR.',
        },
      ],
    },
  ];
}
