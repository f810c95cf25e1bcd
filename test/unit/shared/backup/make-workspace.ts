/**
 * A small but complete workspace for backup tests: at least one record in every table, every
 * reference kind used, unicode and emoji in text fields. `extraTickets` adds bulk rows.
 */
import type { RoadmapItem } from '../../../../shared/domain/roadmap/schema';
import { emptyTables, type WorkspaceData } from '../../../../shared/domain/tables';

const WS = 'ws-test';
const AT = '2026-10-01T09:00:00.000Z';

/** A valid workspace with every table populated. */
export function makeFullWorkspace(opts: { extraTickets?: number; extraSnapshots?: number } = {}): WorkspaceData {
  const t = emptyTables();
  const s = (id: string) => ({ id, workspaceId: WS });
  t.parties.push(
    { ...s('p-int'), name: 'Internal IT — Zürich 🏭', kind: 'internal', shortName: 'IT' },
    { ...s('p-msp'), name: 'Harborline Managed Services', kind: 'partner', shortName: 'MSP' },
  );
  t.partyRules.push({ ...s('rule-1'), pattern: 'Harborline NOC', partyId: 'p-msp', order: 0 });
  t.costProfiles.push({
    ...s('cp-1'),
    role: 'Systems administrator',
    baseSalary: 9_680_000,
    benefitsLoadPct: 42,
    toolsTrainingPerYear: 500_000,
    costPerHire: 470_000,
    rampUpMonths: 3,
    turnoverPct: 19,
    sources: [{ field: 'baseSalary', source: 'BLS OEWS May 2024', year: 2024 }],
  });
  t.skillAreas.push(
    {
      ...s('sa-1'),
      key: 'noc-monitoring',
      name: 'NOC monitoring',
      coverageModel: '24x7',
      onDemandHours: null,
      minimumDepth: 2,
      plan: 'co-manage',
      costProfileId: 'cp-1',
      order: 0,
    },
    {
      ...s('sa-2'),
      key: 'automation',
      name: 'Automation — 自動化',
      coverageModel: 'on-demand',
      onDemandHours: 900,
      minimumDepth: 2,
      plan: 'train',
      costProfileId: 'cp-1',
      order: 1,
    },
  );
  t.people.push({
    ...s('person-1'),
    name: 'Zoë Ångström',
    role: 'Infrastructure Lead',
    fte: 0.5,
    costProfileId: 'cp-1',
    skills: [
      { skillAreaId: 'sa-1', level: 3 },
      { skillAreaId: 'sa-2', level: 2 },
    ],
  });
  const item: Omit<RoadmapItem, 'id' | 'workspaceId' | 'title' | 'startMonth' | 'endMonth' | 'skills' | 'dependsOn'> = {
    description: 'Line one\nline two — "quoted" 🚀',
    domain: 'cloud',
    bucket: 'transform',
    status: 'in-progress',
    health: 'amber',
    priority: 1,
    progressPct: 40,
    ownerPartyId: 'p-int',
    capex: 12_000_000,
    opexMonthly: 150_000,
    opexStartMonth: null,
    opexEndMonth: null,
    linkedKpis: ['cost_per_endpoint'],
    needsDecision: false,
    decisionText: '',
    recommendedOption: '',
    createdAt: AT,
    updatedAt: AT,
  };
  t.roadmapItems.push(
    {
      ...s('rm-1'),
      ...item,
      title: 'Cloud migration',
      startMonth: '2026-01',
      endMonth: '2026-12',
      skills: [{ skillAreaId: 'sa-2', personDays: 30 }],
      dependsOn: [],
    },
    {
      ...s('rm-2'),
      ...item,
      title: 'Décommission datacentre 🏢',
      startMonth: '2027-01',
      endMonth: '2027-06',
      skills: [],
      dependsOn: ['rm-1'],
      needsDecision: true,
      decisionText: 'Sell or sublet the hall?',
      recommendedOption: 'Sublet',
    },
  );
  t.budgetLines.push({
    ...s('bl-1'),
    fiscalYear: 2026,
    name: 'Azure consumption',
    category: 'cloud',
    kind: 'opex',
    vendor: 'Microsoft',
    roadmapItemId: 'rm-1',
    plan: Array.from({ length: 12 }, (_, i) => 1_000_000 + i),
    actual: [990_000, 1_010_000, 1_000_500, null, null, null, null, null, null, null, null, null],
    recurring: true,
    renewalDate: '2026-12-31',
    escalatorPct: 4,
    varianceNotes: { Q1: 'Reserved instances 💸', Q2: '', Q3: '', Q4: '' },
  });
  t.partnerContracts.push({
    ...s('pc-1'),
    name: 'Co-managed services',
    partyId: 'p-msp',
    kind: 'co-managed',
    perUserMonthly: 6_500,
    perEndpointMonthly: 900,
    fixedMonthly: 500_000,
    projectHoursPerYear: 400,
    hourlyRate: 16_500,
    onboardingFee: 7_000_000,
    escalatorPct: 4,
    coveredAreas: [{ skillAreaId: 'sa-1', coverageModel: '24x7' }],
    startDate: '2025-01-01',
    endDate: null,
  });
  t.scenarios.push({
    ...s('sc-1'),
    name: 'Co-managed',
    kind: 'co-managed',
    horizonYears: 5,
    discountRatePct: 8,
    wageInflationPct: 3,
    productiveHoursPerFte: 1800,
    areaChoices: [{ skillAreaId: 'sa-1', choice: 'co-manage' }],
    contractId: 'pc-1',
    retainedPersonIds: ['person-1'],
    order: 0,
  });
  t.kpiDefinitions.push({
    ...s('kd-1'),
    key: 'mttr_hours',
    name: 'Mean time to resolve',
    definition: 'Mean hours',
    unit: 'hours',
    direction: 'lower',
    aggregation: 'weighted-mean',
    target: 24,
    amberThreshold: 36,
    benchmark: { value: null, text: 'none', source: 'n/a' },
    formula: 'mean',
    builtIn: true,
    group: 'service',
  });
  t.kpiSnapshots.push({
    ...s('ks-1'),
    kpiKey: 'mttr_hours',
    period: '2026-09',
    value: 15.25,
    weight: 1200,
    segment: 'party:p-msp',
    source: 'ticket-import',
    provenance: {
      fileName: 'incidents — septembre.csv',
      importedAt: AT,
      rowsRead: 1300,
      tickets: 1200,
      rowsRejected: 2,
      dataIssues: { 'negative-duration': 1 },
    },
    note: '',
  });
  t.ticketImports.push({
    ...s('ti-1'),
    fileName: 'incidents.csv',
    importedAt: AT,
    preset: 'servicenow',
    rowsRead: 3,
    tickets: 1,
    rowsRejected: 0,
    dataIssues: {},
  });
  t.tickets.push({
    ...s('tk-1'),
    ticketId: 'INC0001',
    openedAt: '2026-09-01T08:00:00',
    resolvedAt: '2026-09-01T12:30:00',
    closedAt: null,
    priority: 'P2',
    status: 'Resolved',
    category: 'Réseau',
    assignmentGroup: 'Harborline NOC',
    partyId: 'p-msp',
    slaMet: true,
    firstContactResolved: false,
    reopenCount: 0,
    importId: 'ti-1',
  });
  t.importMappings.push({
    ...s('im-1'),
    name: 'ServiceNow export',
    preset: 'servicenow',
    columns: { ticketId: 'number', openedAt: 'opened_at' },
    dateFormat: 'yyyy-MM-dd HH:mm:ss',
    delimiter: ',',
  });
  t.raciActivities.push({ ...s('ra-1'), name: 'Patching', order: 0, splitNote: 'Servers: MSP; endpoints: IT.' });
  t.raciAssignments.push(
    { ...s('rs-1'), activityId: 'ra-1', partyId: 'p-int', roles: ['R', 'A'] },
    { ...s('rs-2'), activityId: 'ra-1', partyId: 'p-msp', roles: ['R'] },
  );
  t.raciVersions.push({
    ...s('rv-1'),
    quarter: '2026-Q2',
    savedAt: AT,
    cells: [{ activity: 'Patching', party: 'IT', roles: ['R', 'A'] }],
  });
  t.escalationSteps.push({
    ...s('es-1'),
    severity: 'P1',
    step: 1,
    partyId: 'p-msp',
    contactRole: 'NOC on-call',
    responseMinutes: 15,
  });
  t.slaTargets.push({
    ...s('sl-1'),
    metric: 'resolution',
    priority: 'P1',
    partyId: 'p-msp',
    targetMinutes: 240,
    targetAttainmentPct: 95,
  });
  t.partnerScorecards.push({
    ...s('psc-1'),
    quarter: '2026-Q2',
    partyId: 'p-msp',
    grades: [{ criterion: 'sla-attainment', grade: 4, comment: 'Good 👍' }],
  });
  t.risks.push({
    ...s('rk-1'),
    title: 'Single NOC engineer',
    description: '',
    likelihood: 3,
    impact: 4,
    owner: 'CIO',
    mitigation: 'Cross-train',
    dueDate: '2026-12-31',
    status: 'open',
  });
  t.decisions.push({
    ...s('dc-1'),
    text: 'Approve datacentre exit',
    options: ['Sell', 'Sublet'],
    recommendedOption: 'Sublet',
    rationale: 'Keeps optionality',
    status: 'requested',
    date: '2026-10-15',
    linkedItemIds: ['rm-2'],
  });
  t.qbrs.push({
    ...s('qbr-1'),
    quarter: '2026-Q2',
    title: 'QBR 2026-Q2',
    date: '2026-07-15',
    attendees: [
      { name: 'Dana Ruiz', role: 'IT Director', partyId: 'p-int' },
      { name: 'Guest', role: 'CFO', partyId: null },
    ],
    agenda: [{ title: 'Service', minutes: 20 }],
    executiveSummary: 'Stable quarter.',
    wins: ['MFA at 95 %'],
    pains: ['Backlog'],
    decisionIds: ['dc-1'],
    sections: [{ key: 'cover', enabled: true }],
    preset: 'full',
    theme: { accentColor: '#1f6feb', orgLogo: null, partnerLogo: null },
    nextQbrDate: '2026-10-15',
    status: 'closed',
    closedAt: AT,
  });
  t.qbrSnapshots.push({
    ...s('qs-1'),
    qbrId: 'qbr-1',
    quarter: '2026-Q2',
    createdAt: AT,
    sha256: 'a'.repeat(64),
    data: { kpis: { mttr_hours: 16.5 }, note: 'frozen ❄️' },
  });
  t.actionItems.push({
    ...s('ac-1'),
    text: 'Publish the patch calendar',
    owner: 'Infrastructure Lead',
    dueDate: '2026-08-31',
    status: 'open',
    createdInQbrId: 'qbr-1',
    carriedOver: 1,
  });

  for (let i = 0; i < (opts.extraTickets ?? 0); i++) {
    t.tickets.push({
      ...s(`tk-bulk-${i}`),
      ticketId: `INC${String(100000 + i)}`,
      openedAt: '2026-09-02T10:00:00',
      resolvedAt: i % 3 === 0 ? null : '2026-09-03T10:00:00',
      closedAt: null,
      priority: `P${(i % 4) + 1}`,
      status: i % 3 === 0 ? 'Open' : 'Resolved',
      category: i % 2 === 0 ? 'Hardware 🖥️' : 'Zugriff/Berechtigung',
      assignmentGroup: 'IT Service Desk',
      partyId: i % 2 === 0 ? 'p-int' : null,
      slaMet: i % 5 === 0 ? null : i % 7 !== 0,
      firstContactResolved: i % 2 === 0,
      reopenCount: i % 11,
      importId: 'ti-1',
    });
  }
  for (let i = 0; i < (opts.extraSnapshots ?? 0); i++) {
    t.kpiSnapshots.push({
      ...s(`ks-bulk-${i}`),
      kpiKey: 'mttr_hours',
      period: `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      value: i / 7,
      weight: null,
      segment: '',
      source: 'manual',
      provenance: null,
      note: i % 100 === 0 ? 'note — ✓' : '',
    });
  }

  return {
    workspace: {
      id: WS,
      name: 'Test Manufacturing 🏭 GmbH',
      currency: 'EUR',
      locale: 'de-DE',
      fiscalYearStartMonth: 7,
      userCount: 1900,
      endpointCount: 2400,
      serverCount: 180,
      logo: null,
      partnerName: 'Harborline Managed Services',
      createdAt: AT,
      updatedAt: AT,
    },
    tables: t,
  };
}
