import { describe, expect, it } from 'vitest';
import { KpiSnapshot } from '../../../../shared/domain/kpis/schema';
import {
  computeTicketKpis,
  computeTicketKpisFromColumns,
  kpiValues,
  ticketKpisToJson,
  ticketKpiSnapshots,
  type TicketForKpis,
} from '../../../../shared/domain/kpis/ticket-kpis';
import { fixture, importBytes } from '../import/helpers';

// The 7 tickets of test/fixtures/tickets/servicenow-event-log.csv after the collapse, worked by hand:
// id      opened            resolution (resolved, else closed)  hours  prio group             SLA   reopens
// INC007  2025-12-30 22:00  2026-01-02 10:00                       60   P3   Service Desk      true  2
// INC001  2026-01-05 09:00  2026-01-05 21:00                       12   P3   Service Desk      true  0
// INC002  2026-01-10 10:00  2026-01-12 08:00                       46   P1   MSP NOC           true  0
// INC003  2026-02-01 00:00  2026-02-03 12:00                       60   P3   Service Desk      true  1
// INC004  2026-02-15 08:00  2026-03-02 08:00 (closed)             360   P4   MSP Service Desk  false 0
// INC005  2026-03-10 12:00  2026-03-09 12:00                      −24   P4   MSP NOC           —     0
// INC006  2026-03-20 09:00  —                                       —   P3   Service Desk      —     —
const imported = importBytes(fixture('servicenow-event-log.csv'), {
  partyRules: [
    { pattern: 'msp', partyId: 'partner', order: 0 },
    { pattern: 'service desk', partyId: 'internal', order: 1 },
  ],
});

const v = (
  opened: number,
  resolved: number,
  backlog: number,
  mttr: number | null,
  median: number | null,
  sla: number | null,
  reopen: number | null,
  fcr: number | null = null,
) => ({
  tickets_opened: opened,
  tickets_resolved: resolved,
  backlog,
  mttr_hours: mttr,
  median_ttr_hours: median,
  sla_attainment: sla,
  fcr,
  reopen_rate: reopen,
});

describe('ticket KPIs per month (SPEC §3.6, by hand)', () => {
  const k = computeTicketKpisFromColumns(imported.columns, { period: 'month' });
  const months = Object.fromEntries([...k.periods.entries()].map(([p, x]) => [p, kpiValues(x)]));

  it('covers every month from the first to the last opened or resolution time', () => {
    expect(Object.keys(months)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03']);
  });

  it.each([
    // Dec: INC007 opened and still open at the end of the month.
    ['2025-12', v(1, 0, 1, null, null, null, null)],
    // Jan: opened INC001, INC002; resolved INC007 (60 h), INC001 (12 h), INC002 (46 h): mean 118/3, median 46;
    // SLA 3/3; reopened 1 (INC007) of 3.
    ['2026-01', v(2, 3, 0, 118 / 3, 46, 100, 100 / 3)],
    // Feb: opened INC003, INC004; resolved INC003 (60 h); INC004 still open at the end.
    ['2026-02', v(2, 1, 1, 60, 60, 100, 100)],
    // Mar: opened INC005, INC006; resolved INC004 (closed, 360 h) and INC005 (negative: left out of
    // MTTR and median but still resolved); SLA 0/1 (INC005 has no flag); INC006 open at the end.
    ['2026-03', v(2, 2, 1, 360, 360, 0, 0)],
  ])('%s', (month, expected) => {
    expect(months[month]).toEqual(expected);
  });

  it('reports the negative duration as a data issue', () => {
    expect(k.dataIssues).toEqual({ negativeDurations: 1, missingOpenedAt: 0, unreadableTimestamps: 0 });
    expect(k.negativeDurationTickets).toEqual(['INC005']);
  });
});

describe('ticket KPIs per quarter', () => {
  it('calendar quarters, with the median of an odd count', () => {
    const k = computeTicketKpisFromColumns(imported.columns, { period: 'quarter' });
    expect([...k.periods.keys()]).toEqual(['2025-Q4', '2026-Q1']);
    // Q1: durations 60, 12, 46, 60, 360 → mean 538/5, median 60; SLA 4/5; reopened 2/6.
    expect(kpiValues(k.periods.get('2026-Q1')!)).toEqual(v(6, 6, 1, 538 / 5, 60, 80, 200 / 6));
  });

  it('fiscal quarters (February start), with the median of an even count', () => {
    const k = computeTicketKpisFromColumns(imported.columns, { period: 'quarter', fiscalStartMonth: 2 });
    // FY2026 = Feb 2025 – Jan 2026: Q4 = Nov–Jan; FY2027 Q1 = Feb–Apr 2026.
    expect([...k.periods.keys()]).toEqual(['2026-Q4', '2027-Q1']);
    expect(kpiValues(k.periods.get('2026-Q4')!)).toEqual(v(3, 3, 0, 118 / 3, 46, 100, 100 / 3));
    // Q1: durations 60 and 360 (−24 left out): mean 210, median (60 + 360) / 2.
    expect(kpiValues(k.periods.get('2027-Q1')!)).toEqual(v(4, 3, 1, 210, 210, 50, 100 / 3));
  });

  it('splits by priority and by party', () => {
    const k = computeTicketKpisFromColumns(imported.columns, { period: 'quarter' });
    const q1 = k.periods.get('2026-Q1')!;
    expect([...q1.byPriority.keys()]).toEqual(['P1', 'P3', 'P4']);
    expect(kpiValues(q1.byPriority.get('P3')!)).toEqual(v(3, 3, 1, 44, 60, 100, 200 / 3));
    expect(kpiValues(q1.byPriority.get('P1')!)).toEqual(v(1, 1, 0, 46, 46, 100, 0));
    expect(kpiValues(q1.byPriority.get('P4')!)).toEqual(v(2, 2, 0, 360, 360, 0, 0));
    expect(kpiValues(q1.byParty.get('internal')!)).toEqual(v(3, 3, 1, 44, 60, 100, 200 / 3));
    // partner: INC002 (46 h, SLA met), INC004 (360 h, missed), INC005 (negative, no flag)
    expect(kpiValues(q1.byParty.get('partner')!)).toEqual(v(3, 3, 0, 203, 203, 50, 0));
  });

  it('gives the same numbers from stored Ticket records as from the importer columns', () => {
    const fromRecords = computeTicketKpis(imported.records, { period: 'month' });
    const fromColumns = computeTicketKpisFromColumns(imported.columns, { period: 'month' });
    expect(ticketKpisToJson(fromRecords)).toEqual(ticketKpisToJson(fromColumns));
  });
});

describe('edge cases', () => {
  const t = (
    id: string,
    openedAt: string | null,
    resolvedAt: string | null,
    extra: Partial<TicketForKpis> = {},
  ): TicketForKpis => ({
    ticketId: id,
    openedAt,
    resolvedAt,
    closedAt: null,
    priority: '',
    partyId: null,
    slaMet: null,
    firstContactResolved: null,
    reopenCount: null,
    ...extra,
  });

  it('counts a zero duration, includes empty months, and leaves percentages null without flags', () => {
    const k = computeTicketKpis(
      [t('a', '2026-01-31T23:59:59', '2026-01-31T23:59:59'), t('b', '2026-04-01T00:00:00', null)],
      { period: 'month' },
    );
    const j = ticketKpisToJson(k);
    expect(Object.keys(j)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(j['2026-01']).toMatchObject({
      tickets_resolved: 1,
      mttr_hours: 0,
      median_ttr_hours: 0,
      backlog: 0,
      fcr: null,
    });
    expect(j['2026-02']).toMatchObject({ tickets_opened: 0, tickets_resolved: 0, backlog: 0, mttr_hours: null });
    expect(j['2026-04']).toMatchObject({ tickets_opened: 1, backlog: 1 });
    expect(j['2026-04']?.byPriority).toEqual({ '(none)': expect.objectContaining({ tickets_opened: 1 }) });
  });

  it('counts a resolved ticket without an opened date as resolved but not in MTTR or backlog', () => {
    const k = computeTicketKpis(
      [t('a', null, '2026-02-10T10:00:00'), t('b', '2026-02-01T10:00:00', '2026-02-02T10:00:00')],
      {
        period: 'month',
      },
    );
    expect(ticketKpisToJson(k)['2026-02']).toMatchObject({
      tickets_opened: 1,
      tickets_resolved: 2,
      mttr_hours: 24,
      backlog: 0,
    });
    expect(k.dataIssues.missingOpenedAt).toBe(1);
  });

  it('computes first-contact resolution from separate contacts when given', () => {
    const tickets = [
      t('a', '2026-01-05T10:00:00', '2026-01-06T10:00:00', { firstContactResolved: false, priority: 'P1' }),
    ];
    const contacts = [
      { resolvedAt: null, closedAt: '2026-01-05T11:00:00', priority: 'P1', partyId: null, firstContactResolved: true },
      { resolvedAt: null, closedAt: '2026-01-20T11:00:00', priority: 'P2', partyId: null, firstContactResolved: true },
      { resolvedAt: null, closedAt: '2026-01-21T11:00:00', priority: 'P2', partyId: null, firstContactResolved: false },
      { resolvedAt: null, closedAt: '2026-01-22T11:00:00', priority: 'P2', partyId: null, firstContactResolved: null },
      { resolvedAt: null, closedAt: '2025-06-01T11:00:00', priority: 'P2', partyId: null, firstContactResolved: false }, // outside
    ];
    const j = ticketKpisToJson(computeTicketKpis(tickets, { period: 'month', contacts }))['2026-01']!;
    expect(j.fcr).toBe(200 / 3); // 2 of the 3 flagged contacts closed in January; the ticket's own flag is not used
    expect(j.byPriority.P1?.fcr).toBe(100);
    expect(j.byPriority.P2?.fcr).toBe(50);
    expect(j.byPriority.P2?.tickets_opened).toBe(0);
  });

  it('is empty without any timestamp', () => {
    expect(computeTicketKpis([t('a', null, null)], { period: 'quarter' }).periods.size).toBe(0);
  });
});

describe('median and mean against a sort, on seeded random tickets', () => {
  it('agrees for odd and even counts, with many equal durations', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pad = (n: number) => String(n).padStart(2, '0');
    for (const count of [1, 2, 3, 10, 101, 1000]) {
      const tickets: TicketForKpis[] = [];
      for (let i = 0; i < count; i++) {
        const day = 1 + Math.floor(rnd() * 27);
        const hours = Math.floor(rnd() * 5) * 12; // few distinct values: many ties
        tickets.push({
          ticketId: `T${i}`,
          openedAt: `2026-03-${pad(day)}T00:00:00`,
          resolvedAt: `2026-04-${pad(day)}T${pad(hours % 24)}:00:00`,
          closedAt: null,
          priority: '',
          partyId: null,
          slaMet: null,
          firstContactResolved: null,
          reopenCount: null,
        });
      }
      const april = ticketKpisToJson(computeTicketKpis(tickets, { period: 'month' }))['2026-04']!;
      const d = tickets
        .map((t) => (Date.parse(`${t.resolvedAt}Z`) - Date.parse(`${t.openedAt}Z`)) / 3_600_000)
        .sort((a, b) => a - b);
      const m = d.length >> 1;
      expect(april.median_ttr_hours, `count ${count}`).toBe(d.length % 2 ? d[m] : (d[m - 1]! + d[m]!) / 2);
      expect(april.mttr_hours).toBeCloseTo(d.reduce((a, b) => a + b, 0) / d.length, 9);
    }
  });
});

describe('snapshots', () => {
  it('turns the KPIs into valid KpiSnapshot records with weights and provenance', () => {
    const k = computeTicketKpisFromColumns(imported.columns, { period: 'month' });
    let n = 0;
    const provenance = {
      fileName: 'servicenow-event-log.csv',
      importedAt: '2026-04-01T10:00:00Z',
      rowsRead: imported.rowsRead,
      tickets: imported.ticketCount,
      rowsRejected: imported.rejectedRows,
      dataIssues: imported.dataIssues,
    };
    const snaps = ticketKpiSnapshots(k, { workspaceId: 'ws', newId: () => `s${++n}`, provenance });
    for (const s of snaps) expect(KpiSnapshot.safeParse(s).success).toBe(true);
    const mttrJan = snaps.find((s) => s.kpiKey === 'mttr_hours' && s.period === '2026-01' && s.segment === '');
    expect(mttrJan).toMatchObject({ value: 118 / 3, weight: 3, source: 'ticket-import', provenance });
    expect(snaps.find((s) => s.kpiKey === 'sla_attainment' && s.period === '2026-03' && s.segment === '')?.weight).toBe(
      1,
    );
    expect(snaps.some((s) => s.segment === 'priority:P4' && s.kpiKey === 'backlog')).toBe(true);
    expect(snaps.some((s) => s.segment === 'party:partner')).toBe(true);
    // null values (no resolved tickets in December) are not saved as zero
    expect(snaps.some((s) => s.kpiKey === 'mttr_hours' && s.period === '2025-12')).toBe(false);
  });
});
