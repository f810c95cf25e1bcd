import { describe, expect, it } from 'vitest';
import { findingsDate, planFindings } from '../../../shared/domain/findings';
import {
  buildDefaultEscalationSteps,
  buildDefaultRaci,
  buildDefaultSlaTargets,
} from '../../../shared/domain/governance/defaults';
import type { Qbr } from '../../../shared/domain/qbr/schema';
import type { RoadmapItem } from '../../../shared/domain/roadmap/schema';
import type { Person, SkillArea } from '../../../shared/domain/staffing/schema';
import { emptyTables, type WorkspaceData } from '../../../shared/domain/tables';

const ws = 'ws';
const ids = { workspaceId: ws, internalPartyId: 'it', partnerPartyId: 'msp' };

function item(id: string, startMonth: string, endMonth: string, dependsOn: string[] = []): RoadmapItem {
  return {
    id,
    workspaceId: ws,
    title: `Item ${id}`,
    description: '',
    domain: 'network',
    bucket: 'run',
    status: 'approved',
    health: 'green',
    priority: 3,
    startMonth,
    endMonth,
    progressPct: 0,
    ownerPartyId: 'it',
    skills: [],
    capex: 0,
    opexMonthly: 0,
    opexStartMonth: null,
    opexEndMonth: null,
    dependsOn,
    linkedKpis: [],
    needsDecision: false,
    decisionText: '',
    recommendedOption: '',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
}
const person = (id: string, name: string, level: number): Person => ({
  id,
  workspaceId: ws,
  name,
  role: 'Engineer',
  fte: 1,
  costProfileId: 'cp',
  skills: [{ skillAreaId: 'area-net', level }],
});
const area: SkillArea = {
  id: 'area-net',
  workspaceId: ws,
  key: 'network',
  name: 'Network engineering',
  coverageModel: '8x5',
  onDemandHours: null,
  minimumDepth: 2,
  plan: 'train',
  costProfileId: 'cp',
  order: 0,
};
const qbr: Qbr = {
  id: 'q1',
  workspaceId: ws,
  quarter: '2026-Q4',
  title: 'Q4 review',
  date: '2026-04-20',
  attendees: [],
  agenda: [],
  executiveSummary: '',
  wins: [],
  pains: [],
  decisionIds: [],
  sections: [],
  preset: 'full',
  theme: { accentColor: '#123456', orgLogo: null, partnerLogo: null },
  nextQbrDate: null,
  status: 'draft',
  closedAt: null,
};

/** A workspace with no findings: default RACI, ladder and SLAs; two network people; a sound roadmap. */
function cleanWorkspace(): WorkspaceData {
  const tables = emptyTables();
  tables.parties = [
    { id: 'it', workspaceId: ws, name: 'Internal IT', kind: 'internal', shortName: 'IT' },
    { id: 'msp', workspaceId: ws, name: 'Harborline', kind: 'partner', shortName: 'MSP' },
  ];
  const raci = buildDefaultRaci(ids);
  tables.raciActivities = raci.activities;
  tables.raciAssignments = raci.assignments;
  tables.escalationSteps = buildDefaultEscalationSteps(ids);
  tables.slaTargets = buildDefaultSlaTargets(ids);
  tables.skillAreas = [area];
  tables.people = [person('ana', 'Ana', 3), person('ben', 'Ben', 2)];
  tables.roadmapItems = [item('a', '2026-01', '2026-03'), item('b', '2026-04', '2026-06', ['a'])];
  tables.qbrs = [qbr];
  tables.actionItems = [
    {
      id: 'act1',
      workspaceId: ws,
      text: 'Renew the firewall support contract',
      owner: 'Dana',
      dueDate: '2026-04-01',
      status: 'done',
      createdInQbrId: null,
      carriedOver: 0,
    },
    {
      id: 'act2',
      workspaceId: ws,
      text: 'Test the DR runbook',
      owner: 'Harborline',
      dueDate: '2026-06-01',
      status: 'open',
      createdInQbrId: null,
      carriedOver: 0,
    },
  ];
  return {
    workspace: {
      id: ws,
      name: 'Test Co',
      currency: 'USD',
      locale: 'en-US',
      fiscalYearStartMonth: 7,
      userCount: 100,
      endpointCount: 120,
      serverCount: 10,
      logo: null,
      partnerName: 'Harborline',
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-05-05T10:00:00Z',
    },
    tables,
  };
}

describe('planFindings', () => {
  it('a clean workspace has no findings', () => {
    expect(planFindings(cleanWorkspace())).toEqual([]);
  });

  it('a workspace with one problem of each kind lists each exactly once, in the stable order', () => {
    const data = cleanWorkspace();
    const t = data.tables;
    const lane = (name: string) => t.raciActivities.find((a) => a.name === name)?.id ?? '';
    const cell = (laneName: string, party: string) =>
      t.raciAssignments.find((x) => x.activityId === lane(laneName) && x.partyId === party);
    // collision: Documentation loses its written split (both parties are R)
    t.raciActivities = t.raciActivities.map((a) => (a.name === 'Documentation' ? { ...a, splitNote: '' } : a));
    // gap: the partner is only consulted on NOC monitoring
    const noc = cell('NOC monitoring', 'msp');
    if (noc) noc.roles = ['C'];
    // accountable: the partner is also A on Patching (split written, so no collision)
    const patch = cell('Patching', 'msp');
    if (patch) patch.roles = ['R', 'A'];
    // single point of failure: Ben drops to "learning"
    t.people = [person('ana', 'Ana', 3), person('ben', 'Ben', 1)];
    // dependency conflict: b starts while a is still running
    t.roadmapItems = [item('a', '2026-01', '2026-03'), item('b', '2026-03', '2026-06', ['a'])];
    // escalation gap: P3 step 2 renumbered as step 3
    t.escalationSteps = t.escalationSteps.map((s) => (s.severity === 'P3' && s.step === 2 ? { ...s, step: 3 } : s));
    // SLA missing: no P4 target for the partner
    t.slaTargets = t.slaTargets.filter((s) => s.priority !== 'P4');
    // overdue: an open action due before the QBR date (2026-04-20)
    // budget-unlinked: an approved item with capex and no budget line (a linked one stays quiet)
    t.roadmapItems.push({ ...item('c', '2026-05', '2026-08'), title: 'SD-WAN', capex: 5_000_000 });
    t.roadmapItems.push({ ...item('d', '2026-05', '2026-08'), capex: 100, status: 'proposed' });
    t.roadmapItems.push({ ...item('e', '2026-05', '2026-08'), opexMonthly: 100 });
    t.budgetLines = [
      {
        id: 'bl',
        workspaceId: ws,
        fiscalYear: 2027,
        name: 'e',
        category: 'projects',
        kind: 'opex',
        vendor: '',
        roadmapItemId: 'e',
        plan: Array(12).fill(0),
        actual: Array(12).fill(null),
        recurring: false,
        renewalDate: null,
        escalatorPct: 0,
        varianceNotes: { Q1: '', Q2: '', Q3: '', Q4: '' },
      },
    ];
    t.actionItems.push({
      id: 'act3',
      workspaceId: ws,
      text: 'Close the audit finding on admin accounts',
      owner: 'Dana',
      dueDate: '2026-04-01',
      status: 'in-progress',
      createdInQbrId: null,
      carriedOver: 1,
    });

    const f = planFindings(data);
    expect(f.map((x) => [x.kind, x.subject, x.recordId])).toEqual([
      ['raci-collision', 'Documentation', lane('Documentation')],
      ['raci-gap', 'NOC monitoring', lane('NOC monitoring')],
      ['raci-accountable', 'Patching', lane('Patching')],
      ['single-point-of-failure', 'Network engineering', 'area-net'],
      ['dependency-conflict', 'Item b', 'b'],
      ['escalation-gap', 'Escalation P3', 'esc-p3-2'],
      ['sla-missing', 'SLA targets: Harborline', 'msp'],
      ['action-overdue', 'Close the audit finding on admin accounts', 'act3'],
      ['budget-unlinked', 'SD-WAN', 'c'],
    ]);
    expect(f.map((x) => x.message)).toEqual([
      'Internal IT and Harborline are both responsible for Documentation with no written split: write down who does what, or keep one party R.',
      'Nobody is responsible for NOC monitoring: mark at least one party R.',
      'Choose one accountable party for Patching: Internal IT and Harborline are both A; Internal IT should own it and the others become C or I.',
      'Network engineering: only Ana has working proficiency (level 2+), minimum depth is 2, and the partner does not cover it: train or hire a second person, or have the partner cover it.',
      '"Item b" starts 2026-03, before "Item a" ends 2026-03 (earliest start 2026-04). Move it to start in 2026-04 or later, or re-plan the dependency.',
      'The P3 ladder jumps from step 1 to step 3: add the missing step or renumber.',
      'Harborline has no SLA target for P4: add response and resolution targets from the contract.',
      '"Close the audit finding on admin accounts" (owner: Dana) was due 2026-04-01, 19 days before 2026-04-20: finish it, give it a new date, or drop it.',
      '"SD-WAN" has costs but no budget line is linked to it, so its spend is in the forecast and not in the plan: add a budget line for it or link an existing one.',
    ]);
    // The same data judged on an earlier day has nothing overdue.
    expect(planFindings(data, { asOf: '2026-03-31' }).some((x) => x.kind === 'action-overdue')).toBe(false);
  });

  it('is stable: the same data gives the same list', () => {
    const data = cleanWorkspace();
    data.tables.slaTargets = [];
    expect(planFindings(data)).toEqual(planFindings(data));
    expect(planFindings(data).map((x) => x.message)).toEqual([
      'Harborline has no SLA target for P1, P2, P3 and P4: add response and resolution targets from the contract.',
    ]);
  });

  it('defaults the overdue date to the latest QBR, else the last update', () => {
    const data = cleanWorkspace();
    expect(findingsDate(data)).toBe('2026-04-20');
    data.tables.qbrs = [];
    expect(findingsDate(data)).toBe('2026-05-05');
    // With the later date, act2 (due 2026-06-01) is still not overdue; act1 is done.
    expect(planFindings(data)).toEqual([]);
  });
});
