import { describe, expect, it } from 'vitest';
import type { SlaTarget } from '../../../../shared/domain/governance/schema';
import type { KpiSnapshot } from '../../../../shared/domain/kpis/schema';
import { severityOfPriority, slaAttainment, slaTargetPct } from '../../../../shared/domain/governance/sla';
import type { Ticket } from '../../../../shared/domain/tickets/schema';
import type { Party } from '../../../../shared/domain/workspace/schema';

const ws = 'ws';
const parties: Party[] = [
  { id: 'msp', workspaceId: ws, name: 'Harborline', kind: 'partner', shortName: 'MSP' },
  { id: 'vend', workspaceId: ws, name: 'Acme', kind: 'vendor', shortName: 'AC' },
  { id: 'it', workspaceId: ws, name: 'Internal IT', kind: 'internal', shortName: 'IT' },
];
let n = 0;
function t(
  partyId: string | null,
  priority: string,
  resolvedAt: string | null,
  closedAt: string | null,
  slaMet: boolean | null,
): Ticket {
  n += 1;
  return {
    id: `t${n}`,
    workspaceId: ws,
    ticketId: `INC${n}`,
    openedAt: '2025-07-01T08:00:00',
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
    importId: 'imp',
  };
}
const target = (
  partyId: string,
  metric: SlaTarget['metric'],
  priority: SlaTarget['priority'],
  pct: number,
): SlaTarget => ({
  id: `${partyId}-${metric}-${priority}`,
  workspaceId: ws,
  metric,
  priority,
  partyId,
  targetMinutes: 60,
  targetAttainmentPct: pct,
});

describe('severityOfPriority', () => {
  it.each([
    ['1 - Critical', 'P1'],
    ['P2', 'P2'],
    ['p 3', 'P3'],
    ['Priority 3', 'P3'],
    ['5 - Planning', 'P4'],
    ['4', 'P4'],
    ['High', 'P2'],
    ['moderate', 'P3'],
    ['Lowest', 'P4'],
    ['', null],
    ['whatever', null],
  ])('%j → %s', (text, expected) => expect(severityOfPriority(text)).toBe(expected));
});

describe('slaAttainment by party (July fiscal start: 2026-Q1 = Jul–Sep 2025)', () => {
  const tickets = [
    t('msp', '1 - Critical', '2025-07-10T10:00:00', null, true), // Q1 met
    t('msp', 'P1', null, '2025-09-30T23:00:00', false), // closedAt fallback → Q1 missed
    t('msp', '3 - Moderate', '2025-08-01T09:00', null, true), // Q1 met
    t('msp', 'Low', '2025-08-02T09:00:00', null, null), // no SLA flag → excluded
    t('msp', '3 - Moderate', '2025-10-01T00:00:00', null, true), // Q2 met (boundary)
    t('it', '2 - High', '2025-07-15T12:00:00', null, true), // Q1 met
    t('it', '2 - High', '2025-08-15T12:00:00', null, false), // Q1 missed
    t(null, 'P4', '2025-11-01T12:00:00', null, false), // Q2 unassigned missed
    t('deleted-party', 'P4', '2025-11-02T12:00:00', null, true), // Q2 → unassigned, met
    t('msp', 'P1', null, null, true), // never resolved → excluded
    t('msp', 'P3', '2025-09-01T12:00:00', '2025-10-05T12:00:00', true), // resolvedAt wins → Q1 met
  ];
  const slaTargets = [
    target('msp', 'resolution', 'P1', 95),
    target('msp', 'resolution', 'P3', 90),
    target('msp', 'response', 'P1', 99), // ignored: resolution targets exist
  ];
  const rows = slaAttainment({ tickets, parties, slaTargets, fiscalStartMonth: 7 });

  it('lists internal, partner, then unassigned, over every quarter from first to last resolution', () => {
    expect(rows.map((r) => [r.partyName, r.quarter, r.tickets, r.met, r.attainmentPct, r.targetPct, r.status])).toEqual(
      [
        ['Internal IT', '2026-Q1', 2, 1, 50, null, 'no-target'],
        ['Internal IT', '2026-Q2', 0, 0, null, null, 'no-data'],
        // 3 of 4; target weighted by priority: (2 × 95 + 2 × 90) / 4 = 92.5
        ['Harborline', '2026-Q1', 4, 3, 75, 92.5, 'missed'],
        // only a P3 ticket → target 90
        ['Harborline', '2026-Q2', 1, 1, 100, 90, 'met'],
        ['Unassigned', '2026-Q1', 0, 0, null, null, 'no-data'],
        ['Unassigned', '2026-Q2', 2, 1, 50, null, 'no-target'],
      ],
    );
  });

  it('splits by priority', () => {
    expect(rows[2]?.byPriority).toEqual([
      { priority: 'P1', tickets: 2, met: 1, attainmentPct: 50, targetPct: 95 },
      { priority: 'P3', tickets: 2, met: 2, attainmentPct: 100, targetPct: 90 },
    ]);
  });

  it('honours an explicit quarter list', () => {
    const q = slaAttainment({ tickets, parties, slaTargets, fiscalStartMonth: 7, quarters: ['2026-Q2'] });
    expect(q.map((r) => [r.partyName, r.tickets])).toEqual([
      ['Harborline', 1],
      ['Unassigned', 2],
    ]);
  });

  it('with a January start the same tickets fall in calendar quarters', () => {
    const q = slaAttainment({ tickets, parties, slaTargets, fiscalStartMonth: 1 });
    expect(q.filter((r) => r.partyId === 'msp').map((r) => [r.quarter, r.tickets])).toEqual([
      ['2025-Q3', 4],
      ['2025-Q4', 1],
    ]);
  });
});

describe('slaAttainment from KPI snapshots when there are no ticket records', () => {
  const snap = (period: string, segment: string, value: number, weight: number | null): KpiSnapshot => ({
    id: `${period}-${segment}`,
    workspaceId: ws,
    kpiKey: 'sla_attainment',
    period,
    value,
    weight,
    segment,
    source: 'csv',
    provenance: null,
    note: '',
  });
  const kpiSnapshots = [
    snap('2025-07', 'party:msp', 90, 100),
    snap('2025-08', 'party:msp', 100, 50),
    snap('2025-07', '', 50, 1000), // overall: not a party's
    snap('2025-07', 'party:gone', 10, 10), // unknown party: ignored
    snap('2025-10', 'party:msp', 10, 10), // loses to the quarterly snapshot below
    snap('2026-Q2', 'party:msp', 80, 10),
    snap('2026-01', 'party:msp', 0, 99), // loses to ticket records of the same quarter
    { ...snap('2025-07', 'party:msp', 1, 1), kpiKey: 'fcr' },
  ];
  const tickets = [t('msp', 'P1', '2026-02-01T10:00:00', null, true)];
  const rows = slaAttainment({
    tickets,
    parties,
    slaTargets: [target('msp', 'resolution', 'P1', 95)],
    kpiSnapshots,
    fiscalStartMonth: 7,
  });

  it('uses a weighted quarter of monthly snapshots, a quarterly snapshot, and tickets first', () => {
    expect(rows.map((r) => [r.partyName, r.quarter, r.tickets, r.met, r.attainmentPct, r.source, r.status])).toEqual([
      // (90 × 100 + 100 × 50) / 150 = 93.33…; met = round(93.33… × 150 / 100) = 140
      ['Harborline', '2026-Q1', 150, 140, 14_000 / 150, 'kpi-snapshots', 'missed'],
      ['Harborline', '2026-Q2', 10, 8, 80, 'kpi-snapshots', 'missed'],
      ['Harborline', '2026-Q3', 1, 1, 100, 'tickets', 'met'],
    ]);
  });
});

describe('slaTargetPct', () => {
  it('uses the common value, the ticket-weighted mean, or the plain mean with no tickets', () => {
    expect(
      slaTargetPct(
        new Map([
          ['P1', 95],
          ['P2', 95],
        ]),
        new Map(),
      ),
    ).toBe(95);
    expect(
      slaTargetPct(
        new Map([
          ['P1', 95],
          ['P2', 85],
        ]),
        new Map([
          ['P1', 1],
          ['P2', 3],
          ['other', 5],
        ]),
      ),
    ).toBe(87.5);
    expect(
      slaTargetPct(
        new Map([
          ['P1', 95],
          ['P2', 85],
        ]),
        new Map(),
      ),
    ).toBe(90);
    expect(slaTargetPct(new Map(), new Map([['P1', 3]]))).toBeNull();
  });
});
