/**
 * Real data: the BPI Challenge 2014 files (Rabobank Nederland, 4TU.ResearchData), read from
 * ../shared/data/bpi2014 beside the repository when present. The KPI maths is checked against a
 * deliberately simple, separate implementation (string splits and Date.UTC) written here.
 * The committed excerpt is tested on every clone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeTicketKpisFromColumns, kpiValues } from '../../../../shared/domain/kpis/ticket-kpis';
import { fixture, importBytes } from './helpers';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DATA = resolve(ROOT, '../shared/data/bpi2014');
const INCIDENTS = resolve(DATA, 'detail_incident.csv');
const INTERACTIONS = resolve(DATA, 'detail_interaction.csv');
const HAVE_DATA = existsSync(INCIDENTS) && existsSync(INTERACTIONS);
if (!HAVE_DATA) {
  console.warn(
    `bpi2014.test.ts: real-data checks skipped: ${DATA} is not there (only the committed excerpt is tested)`,
  );
}

/** The independent reading: split on ';', dates 'dd/mm/yyyy HH:MM:SS' via Date.UTC, in seconds. */
function simpleIncidents(text: string) {
  const lines = text.split('\r\n');
  const head = lines[0]!.split(';');
  const col = (name: string) => head.indexOf(name);
  const [iId, iPrio, iOpen, iRes, iClose] = ['Incident ID', 'Priority', 'Open Time', 'Resolved Time', 'Close Time'].map(
    col,
  );
  const date = (s: string): number | null => {
    if (!s) return null;
    const [d, t] = s.split(' ');
    const [dd, mm, yyyy] = d!.split('/').map(Number);
    const [h, mi, se] = t!.split(':').map(Number);
    return Date.UTC(yyyy!, mm! - 1, dd!, h!, mi!, se!) / 1000;
  };
  const out: {
    id: string;
    prio: string;
    open: number | null;
    res: number | null;
    close: number | null;
    noResolved: boolean;
  }[] = [];
  for (const l of lines.slice(1)) {
    const f = l.split(';');
    if (!f[iId!]) continue;
    const close = date(f[iClose!]!);
    const res = date(f[iRes!]!);
    out.push({
      id: f[iId!]!,
      prio: f[iPrio!]!,
      open: date(f[iOpen!]!),
      res: res ?? close,
      close,
      noResolved: res === null,
    });
  }
  return out;
}

/** SPEC §3.6 for one period [start, end), the slow and obvious way. */
function simpleKpis(tickets: ReturnType<typeof simpleIncidents>, start: number, end: number) {
  const inP = (t: number | null) => t !== null && t >= start && t < end;
  const resolved = tickets.filter((t) => inP(t.res));
  const durations = resolved
    .filter((t) => t.open !== null && t.res! >= t.open)
    .map((t) => (t.res! - t.open!) / 3600)
    .sort((a, b) => a - b);
  const n = durations.length;
  return {
    opened: tickets.filter((t) => inP(t.open)).length,
    resolved: resolved.length,
    backlog: tickets.filter((t) => t.open !== null && t.open < end && !(t.res !== null && t.res < end)).length,
    mttr: n ? durations.reduce((a, b) => a + b, 0) / n : null,
    median: n ? (n % 2 ? durations[(n - 1) / 2]! : (durations[n / 2 - 1]! + durations[n / 2]!) / 2) : null,
  };
}

const utc = (y: number, m: number) => Date.UTC(y, m - 1, 1) / 1000;

describe('BPI 2014 excerpt (committed)', () => {
  const bytes = fixture('bpi2014-excerpt.csv');
  const r = importBytes(bytes, { preset: 'hpsm' });
  const simple = simpleIncidents(new TextDecoder('latin1').decode(bytes));

  it('imports with the hpsm preset and no manual fixes', () => {
    expect(r.settings).toMatchObject({ preset: 'hpsm', delimiter: ';', decimalComma: true });
    expect(r.settings.dateFormats.openedAt?.label).toBe('dd/mm/yyyy HH:MM:SS');
    expect(r.rowsRead).toBe(simple.length);
    expect(r.ticketCount).toBe(simple.length);
    expect(r.rejectedRows).toBe(0);
    expect(r.dataIssues.emptyRows).toBe(3);
    const closedUsed = simple.filter((t) => t.noResolved && t.close !== null).length;
    expect(closedUsed).toBeGreaterThan(30);
    expect(r.dataIssues.closedUsedAsResolved).toBe(closedUsed);
  });

  it('counts priorities like a plain split of the file', () => {
    const count = (xs: string[]) =>
      Object.fromEntries([...new Set(xs)].sort().map((p) => [p, xs.filter((x) => x === p).length]));
    expect(count(r.records.map((t) => t.priority))).toEqual(count(simple.map((t) => `P${t.prio}`)));
  });

  it('matches the simple implementation for every quarter', () => {
    const k = computeTicketKpisFromColumns(r.columns, { period: 'quarter' });
    expect(k.periods.size).toBeGreaterThan(2);
    for (const [q, p] of k.periods) {
      const y = Number(q.slice(0, 4));
      const n = Number(q.slice(6));
      const s = simpleKpis(simple, utc(y, 3 * n - 2), utc(n === 4 ? y + 1 : y, n === 4 ? 1 : 3 * n + 1));
      const v = kpiValues(p);
      expect([v.tickets_opened, v.tickets_resolved, v.backlog], q).toEqual([s.opened, s.resolved, s.backlog]);
      if (s.mttr === null) expect(v.mttr_hours).toBeNull();
      else expect(v.mttr_hours).toBeCloseTo(s.mttr, 9);
      if (s.median === null) expect(v.median_ttr_hours).toBeNull();
      else expect(v.median_ttr_hours).toBeCloseTo(s.median, 9);
    }
  });
});

describe.skipIf(!HAVE_DATA)('BPI 2014 full files (../shared/data/bpi2014)', () => {
  const bytes = HAVE_DATA ? new Uint8Array(readFileSync(INCIDENTS)) : new Uint8Array(0);
  const r = HAVE_DATA ? importBytes(bytes, { preset: 'hpsm' }, 1 << 20) : null;
  const simple = HAVE_DATA ? simpleIncidents(new TextDecoder('latin1').decode(bytes)) : [];

  it('imports all 46,606 incidents with the hpsm preset and no manual fixes', () => {
    expect(r!.rowsRead).toBe(46_606);
    expect(r!.ticketCount).toBe(46_606);
    expect(r!.rejectedRows).toBe(0);
    expect(r!.shortRows.count).toBe(0);
    expect(r!.settings.headerWarnings).toEqual(['50 column(s) without a name are ignored']);
  });

  it('reproduces the priority counts of the data README', () => {
    const counts: Record<string, number> = {};
    for (const t of r!.records) counts[t.priority] = (counts[t.priority] ?? 0) + 1;
    expect(counts).toEqual({ P4: 22_717, P5: 16_486, P3: 6_703, P2: 697, P1: 3 });
  });

  it('gives an open → close median of about 18.4 hours, as the README says', () => {
    const d = r!.records
      .filter((t) => t.openedAt && t.closedAt)
      .map((t) => (Date.parse(`${t.closedAt}Z`) - Date.parse(`${t.openedAt}Z`)) / 3_600_000)
      .sort((a, b) => a - b);
    const median = (d[(d.length >> 1) - 1]! + d[d.length >> 1]!) / 2;
    expect(median).toBeGreaterThan(18.35);
    expect(median).toBeLessThan(18.45);
  });

  it.each([
    ['2013-Q3', utc(2013, 7), utc(2013, 10)],
    ['2013-Q4', utc(2013, 10), utc(2014, 1)],
    ['2014-Q1', utc(2014, 1), utc(2014, 4)],
  ])('matches the simple implementation for %s', (q, start, end) => {
    const k = computeTicketKpisFromColumns(r!.columns, { period: 'quarter' });
    const v = kpiValues(k.periods.get(q)!);
    const s = simpleKpis(simple, start, end);
    expect([v.tickets_opened, v.tickets_resolved, v.backlog]).toEqual([s.opened, s.resolved, s.backlog]);
    expect(v.mttr_hours).toBeCloseTo(s.mttr!, 9);
    expect(v.median_ttr_hours).toBeCloseTo(s.median!, 9);
  });

  it('matches the simple implementation for a month (2014-02)', () => {
    const k = computeTicketKpisFromColumns(r!.columns, { period: 'month' });
    const v = kpiValues(k.periods.get('2014-02')!);
    const s = simpleKpis(simple, utc(2014, 2), utc(2014, 3));
    expect([v.tickets_opened, v.tickets_resolved, v.backlog]).toEqual([s.opened, s.resolved, s.backlog]);
    expect(v.mttr_hours).toBeCloseTo(s.mttr!, 9);
    expect(v.median_ttr_hours).toBeCloseTo(s.median!, 9);
  });

  it('gives first-contact resolution 93,996 / 147,004 from the interaction file', () => {
    const c = importBytes(new Uint8Array(readFileSync(INTERACTIONS)), {}, 1 << 20);
    expect(c.settings.preset).toBe('hpsm-interactions');
    expect(c.settings.dateFormats.openedAt?.label).toBe('d-m-yyyy H:MM');
    expect(c.rowsRead).toBe(147_004);
    expect(c.rejectedRows).toBe(0);
    const flags = c.records.map((t) => t.firstContactResolved);
    expect(flags.filter((f) => f === true).length).toBe(93_996);
    expect(flags.filter((f) => f !== null).length).toBe(147_004);
  });
});
