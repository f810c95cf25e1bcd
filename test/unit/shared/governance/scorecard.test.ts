import { describe, expect, it } from 'vitest';
import type { BudgetLine } from '../../../../shared/domain/budget/schema';
import { buildDefaultRaci, buildDefaultSlaTargets } from '../../../../shared/domain/governance/defaults';
import { isAfterHours, partnerScorecard } from '../../../../shared/domain/governance/scorecard';
import type { RoadmapItem } from '../../../../shared/domain/roadmap/schema';
import { emptyTables, type WorkspaceData } from '../../../../shared/domain/tables';
import type { Ticket } from '../../../../shared/domain/tickets/schema';

const ws = 'ws';
const ids = { workspaceId: ws, internalPartyId: 'it', partnerPartyId: 'msp' };
let n = 0;
function ticket(
  partyId: string,
  priority: string,
  openedAt: string,
  resolvedAt: string | null,
  closedAt: string | null,
  slaMet: boolean | null,
): Ticket {
  n += 1;
  return {
    id: `t${n}`,
    workspaceId: ws,
    ticketId: `INC${n}`,
    openedAt,
    resolvedAt,
    closedAt,
    priority,
    status: 'Closed',
    category: '',
    assignmentGroup: '',
    partyId,
    slaMet,
    firstContactResolved: null,
    reopenCount: null,
    importId: 'i',
  };
}
function line(id: string, category: BudgetLine['category'], actual: (number | null)[]): BudgetLine {
  return {
    id,
    workspaceId: ws,
    fiscalYear: 2026,
    name: id,
    category,
    kind: 'opex',
    vendor: '',
    roadmapItemId: null,
    plan: Array(12).fill(0),
    actual: [...actual, ...Array(12 - actual.length).fill(null)],
    recurring: true,
    renewalDate: null,
    escalatorPct: 0,
    varianceNotes: { Q1: '', Q2: '', Q3: '', Q4: '' },
  };
}
function item(id: string, ownerPartyId: string, status: RoadmapItem['status'], endMonth: string): RoadmapItem {
  return {
    id,
    workspaceId: ws,
    title: id,
    description: '',
    domain: 'cloud',
    bucket: 'grow',
    status,
    health: 'green',
    priority: 3,
    startMonth: '2025-01',
    endMonth,
    progressPct: 0,
    ownerPartyId,
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
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
  };
}

function workspace(): WorkspaceData {
  const tables = emptyTables();
  tables.parties = [
    { id: 'it', workspaceId: ws, name: 'Internal IT', kind: 'internal', shortName: 'IT' },
    { id: 'msp', workspaceId: ws, name: 'Harborline', kind: 'partner', shortName: 'MSP' },
  ];
  return {
    workspace: {
      id: ws,
      name: 'T',
      currency: 'USD',
      locale: 'en-US',
      fiscalYearStartMonth: 7,
      userCount: 100,
      endpointCount: 120,
      serverCount: 5,
      logo: null,
      partnerName: 'Harborline',
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
    },
    tables,
  };
}

describe('isAfterHours', () => {
  it.each([
    ['2025-07-05T22:00:00', true], // Saturday
    ['2025-07-06T12:00', true], // Sunday
    ['2025-07-07T10:00:00', false], // Monday
    ['2025-07-07T07:59:00', true],
    ['2025-07-07T08:00:00', false],
    ['2025-07-07T17:59:59', false],
    ['2025-07-07T18:00:00', true],
  ])('%s → %s', (at, expected) => expect(isAfterHours(at)).toBe(expected));
});

describe('partnerScorecard (July fiscal start: 2026-Q1 = Jul–Sep 2025)', () => {
  it('computes every criterion from the data and joins the director grades', () => {
    const data = workspace();
    const t = data.tables;
    t.slaTargets = buildDefaultSlaTargets(ids); // P1/P2 95 %, P3/P4 90 %
    const raci = buildDefaultRaci(ids);
    t.raciActivities = raci.activities;
    t.raciAssignments = raci.assignments;
    t.tickets = [
      ticket('msp', 'P1', '2025-07-05T22:00:00', '2025-07-06T01:00:00', null, true), // after hours, met
      ticket('msp', '2 - High', '2025-07-07T10:00:00', '2025-07-07T15:00:00', null, false),
      ticket('msp', 'P3', '2025-08-12T19:30:00', '2025-08-13T09:00:00', null, false), // after hours, missed
      ticket('msp', 'P3', '2025-08-13T09:00:00', null, '2025-08-14T09:00:00', true), // closedAt fallback
      ticket('msp', 'P4', '2025-09-01T07:59:00', '2025-09-02T09:00:00', null, null), // no SLA flag
      ticket('it', 'P1', '2025-07-08T09:00:00', '2025-07-08T10:00:00', null, false), // not the partner's
      ticket('msp', 'P1', '2025-09-30T20:00:00', '2025-10-02T09:00:00', null, false), // resolved in Q2
    ];
    t.budgetLines = [
      line('msp-fee', 'partner-services', [1_200_000, 1_200_000, null]),
      line('msp-projects', 'partner-services', [240_000, null, null]),
      line('licences', 'software-licences', [9_999_999, 9_999_999, 9_999_999]),
    ];
    t.roadmapItems = [
      item('x', 'msp', 'done', '2025-08'),
      item('y', 'msp', 'in-progress', '2025-09'),
      item('z', 'msp', 'cancelled', '2025-09'),
      item('w', 'it', 'done', '2025-08'),
      item('v', 'msp', 'approved', '2025-10'),
    ];
    t.partnerScorecards = [
      {
        id: 'sc1',
        workspaceId: ws,
        quarter: '2026-Q1',
        partyId: 'msp',
        grades: [
          { criterion: 'sla-attainment', grade: 3, comment: 'Below target in August' },
          { criterion: 'documentation', grade: 4, comment: '' },
        ],
      },
    ];
    const sc = partnerScorecard(data, 'msp', '2026-Q1');
    expect(sc.scorecardId).toBe('sc1');
    expect(sc.averageGrade).toBe(3.5);
    expect(sc.rows.map((r) => [r.label, r.evidence.value, r.evidence.text, r.grade, r.comment])).toEqual([
      // 2 of 4 flagged; target (95 + 95 + 2 × 90) / 4 = 92.5
      ['SLA attainment', 50, '50 % of 4 tickets within SLA (target 92.5 %)', 3, 'Below target in August'],
      ['Escalations', 2, '2 P1/P2 incidents, 1 of 2 within SLA', null, ''],
      ['After-hours response', 50, '50 % of 2 after-hours tickets within SLA', null, ''],
      // (1,440,000 + 1,200,000) cents / 120 endpoints / 2 months = 11,000 cents
      ['Cost per endpoint', 11_000, '$110.00 per endpoint per month (partner services, 2 months of actuals)', null, ''],
      ['Project delivery', 50, '1 of 2 roadmap items due this quarter done', null, ''],
      [
        'Documentation',
        null,
        'Harborline is R on Documentation; split: Each party documents the systems it operates; Internal IT keeps the index and reviews it each quarter.',
        4,
        '',
      ],
    ]);
  });

  it('says "no data" for every criterion the workspace cannot evidence', () => {
    const sc = partnerScorecard(workspace(), 'msp', '2026-Q1');
    expect(sc.rows.map((r) => [r.criterion, r.evidence.text, r.evidence.hasData])).toEqual([
      ['sla-attainment', 'no data', false],
      ['escalations', 'no data', false],
      ['after-hours-response', 'no data', false],
      ['cost-per-endpoint', 'no data', false],
      ['project-delivery', 'no data', false],
      ['documentation', 'no data', false],
    ]);
    expect(sc.scorecardId).toBeNull();
    expect(sc.averageGrade).toBeNull();
  });

  it('a quarter with tickets but no major incidents reports zero escalations, and zero endpoints means no cost', () => {
    const data = workspace();
    data.workspace.endpointCount = 0;
    data.tables.tickets = [ticket('msp', 'P4', '2025-07-07T10:00:00', '2025-07-08T10:00:00', null, true)];
    data.tables.budgetLines = [line('fee', 'partner-services', [100])];
    const sc = partnerScorecard(data, 'msp', '2026-Q1');
    expect(sc.rows[1]?.evidence).toEqual({
      value: 0,
      unit: 'count',
      hasData: true,
      text: 'No P1/P2 incidents among 1 ticket',
    });
    expect(sc.rows[3]?.evidence.text).toBe('no data');
    expect(sc.rows[0]?.evidence.text).toBe('100 % of 1 ticket within SLA (no target set)');
  });
});
