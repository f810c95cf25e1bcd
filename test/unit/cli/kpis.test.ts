import { existsSync, mkdtempSync, openSync, closeSync, ftruncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIX = 'test/fixtures/tickets';
const TMP = mkdtempSync(join(tmpdir(), 'qd-kpis-'));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['kpis', ...argv], { out: (t) => out.push(t), err: (t) => err.push(t), cwd: ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function tmpFile(name: string, text: string): string {
  const p = join(TMP, name);
  writeFileSync(p, text);
  return p;
}

describe('quarterdeck kpis --json', () => {
  it('prints the issue-5 shape, unrounded, periods keyed by quarter', async () => {
    const r = await run('--tickets', `${FIX}/servicenow-event-log.csv`, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({
      tickets: 7,
      rows: 14,
      rejectedRows: 0,
      dataIssues: { negativeDurations: 1, collapsedRows: 7 },
    });
    expect(Object.keys(j.periods)).toEqual(['2025-Q4', '2026-Q1']);
    expect(j.periods['2026-Q1']).toMatchObject({
      tickets_opened: 6,
      tickets_resolved: 6,
      backlog: 1,
      mttr_hours: 538 / 5,
      median_ttr_hours: 60,
      sla_attainment: 80,
      fcr: null,
      reopen_rate: 200 / 6,
    });
    expect(Object.keys(j.periods['2026-Q1'].byPriority)).toEqual(['P1', 'P3', 'P4']);
    expect(j.periods['2026-Q1'].byParty).toEqual({});
  });

  it('handles --period month, --fiscal-start and --party-rule', async () => {
    const months = JSON.parse(
      (await run('--tickets', `${FIX}/servicenow-event-log.csv`, '--period', 'month', '--json')).out,
    );
    expect(Object.keys(months.periods)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03']);
    expect(months.periods['2026-01'].mttr_hours).toBe(118 / 3);
    const fiscal = JSON.parse(
      (
        await run(
          '--tickets',
          `${FIX}/servicenow-event-log.csv`,
          '--fiscal-start',
          '2',
          '--party-rule',
          'msp=Partner',
          '--party-rule',
          'desk=Internal',
          '--json',
        )
      ).out,
    );
    expect(Object.keys(fiscal.periods)).toEqual(['2026-Q4', '2027-Q1']);
    expect(fiscal.periods['2027-Q1'].median_ttr_hours).toBe(210);
    expect(fiscal.periods['2027-Q1'].byParty.Partner).toMatchObject({
      tickets_opened: 2,
      tickets_resolved: 2,
      mttr_hours: 360,
    });
    expect(fiscal.periods['2027-Q1'].byParty.Internal).toMatchObject({ tickets_opened: 2, backlog: 1 });
  });

  it('takes first-contact resolution from --interactions', async () => {
    const r = await run(
      '--tickets',
      `${FIX}/servicenow-event-log.csv`,
      '--interactions',
      `${FIX}/presets/hpsm-interactions.csv`,
      '--period',
      'month',
      '--json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.interactions).toMatchObject({ rows: 4, contacts: 4, fcrFlagged: 4, fcrYes: 3, fcr: 75 });
    expect(j.periods['2026-01'].fcr).toBe(50); // SD1 Y (5 Jan), SD2 N (16 Jan)
    expect(j.periods['2026-02'].fcr).toBe(100);
    expect(j.periods['2025-12'].fcr).toBeNull();
  });

  it('applies --map and --date-format', async () => {
    const f = tmpFile('ambiguous.csv', 'Ref,When,Done\nA,01/02/2026 10:00,03/02/2026 10:00\nB,05/06/2026 09:00,\n');
    const dmy = JSON.parse(
      (
        await run(
          '--tickets',
          f,
          '--map',
          'ticketId=Ref',
          '--map',
          'openedAt=When',
          '--map',
          'resolvedAt=Done',
          '--date-format',
          'dd/mm/yyyy',
          '--period',
          'month',
          '--json',
        )
      ).out,
    );
    expect(Object.keys(dmy.periods)).toEqual(['2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(dmy.periods['2026-02'].mttr_hours).toBe(48);
    const mdy = JSON.parse(
      (
        await run(
          '--tickets',
          f,
          '--map',
          'ticketId=Ref',
          '--map',
          'openedAt=When',
          '--map',
          'resolvedAt=Done',
          '--date-format',
          'mdy',
          '--period',
          'month',
          '--json',
        )
      ).out,
    );
    expect(Object.keys(mdy.periods)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
  });

  it('reads the whole file when the first rows leave day/month open, and asks when all do', async () => {
    const rows = Array.from({ length: 2100 }, (_, i) => `T${i},01/02/2026 10:00,`);
    rows.push('T9999,01/02/2026 10:00,02/28/2026 10:00'); // only the last row decides: month/day
    const f = tmpFile('late-decider.csv', ['Ticket ID,Created,Resolved', ...rows].join('\n'));
    const ok = await run('--tickets', f, '--period', 'month', '--json');
    expect(ok.code).toBe(0);
    expect(Object.keys(JSON.parse(ok.out).periods)).toEqual(['2026-01', '2026-02']);
    const g = tmpFile('never-decided.csv', 'Ticket ID,Created\nT1,01/02/2026 10:00\nT2,03/04/2026 10:00\n');
    const amb = await run('--tickets', g);
    expect(amb.code).toBe(1);
    expect(amb.err).toMatch(
      /^quarterdeck kpis: .*never-decided\.csv: field openedAt: dates in column "Created" could be day\/month or month\/day/,
    );
    expect(amb.err.split('\n')).toHaveLength(1);
  });
});

describe('quarterdeck kpis (table)', () => {
  it('prints a readable aligned table with the detected settings', async () => {
    const r = await run('--tickets', `${FIX}/servicenow-event-log.csv`, '--period', 'month');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('servicenow-event-log.csv: 7 tickets from 14 rows');
    expect(lines[1]).toBe('preset servicenow · ascii · delimiter "," · dates ISO 8601 (yyyy-mm-dd HH:MM:SS)');
    const header = lines.find((l) => l.startsWith('period '))!;
    const jan = lines.find((l) => l.startsWith('2026-01'))!;
    expect(jan.split(/\s+/)).toEqual(['2026-01', '2', '3', '0', '39.3', '46.0', '100.0', '—', '33.3']);
    // right-aligned under the headers
    expect(jan.length).toBe(header.length);
    expect(r.out).toContain('MTTR hours by priority');
  });
});

describe('quarterdeck kpis: bad input', () => {
  it.each([
    [['--tickets', 'nope.csv'], 1, /nope\.csv: cannot read the file \(no such file\)/],
    [[], 2, /--tickets FILE is required/],
    [['--tickets', `${FIX}/servicenow-event-log.csv`, '--period', 'week'], 2, /--period must be month or quarter/],
    [
      ['--tickets', `${FIX}/servicenow-event-log.csv`, '--fiscal-start', '13'],
      2,
      /--fiscal-start must be a month number 1-12/,
    ],
    [['--tickets', `${FIX}/servicenow-event-log.csv`, '--preset', 'remedy'], 2, /--preset must be one of/],
    [['--tickets', `${FIX}/servicenow-event-log.csv`, '--map', 'colour=Red'], 2, /--map expects field=Column/],
    [['--tickets', `${FIX}/servicenow-event-log.csv`, '--bogus'], 2, /Unknown option '--bogus'/],
    [['--tickets', `${FIX}/servicenow-event-log.csv`, '--decimal', ';'], 2, /--decimal must be auto, \. or ,/],
  ])('%j → exit %d', async (argv, code, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.err.split('\n')).toHaveLength(1);
  });

  it('refuses a file over 100 MB before reading it', async () => {
    const p = join(TMP, 'huge.csv');
    const fd = openSync(p, 'w');
    ftruncateSync(fd, 100 * 1024 * 1024 + 1); // sparse: costs no disk
    closeSync(fd);
    const r = await run('--tickets', p);
    expect(r.code).toBe(1);
    expect(r.err).toContain('huge.csv: the file is 100.0 MB; ticket exports are limited to 100 MB');
  });

  it.each([
    [
      'quote.csv',
      'number,opened_at,x\nINC1,2026-01-01 08:00,"a\nINC2,2026-01-01 08:00,b\n',
      /quote\.csv: row 2: a quoted field is never closed \(unclosed quote\)$/,
    ],
    [
      'proto.csv',
      'number,opened_at,__proto__\nINC1,2026-01-01 08:00,x\n',
      /proto\.csv: row 1, field __proto__: column 3 is named "__proto__", which is not allowed/,
    ],
    ['nodate.csv', 'id,title\n1,hello\n', /nodate\.csv: row 1, field openedAt: no usable date column/],
  ])('names file, row and field for %s', async (name, text, message) => {
    const r = await run('--tickets', tmpFile(name, text));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err.split('\n')).toHaveLength(1);
  });

  it('lists rejected rows on stderr, and fails with --strict', async () => {
    const good = Array.from({ length: 10 }, (_, i) => `INC${i},2026-01-0${(i % 9) + 1} 08:00,2026-01-10 08:00`);
    const f = tmpFile(
      'rejects.csv',
      ['number,opened_at,resolved_at', ...good, 'INC99,2026-01-02 08:00,soon'].join('\n'),
    );
    const lax = await run('--tickets', f);
    expect(lax.code).toBe(0);
    expect(lax.err).toContain('rejects.csv: row 12, field resolvedAt (resolved_at): "soon" is not a date');
    const strict = await run('--tickets', f, '--strict', '--json');
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.out).rejectedRows).toBe(1);
  });
});

describe('quarterdeck kpis --decimal', () => {
  // Semicolons, reopen counts written with a decimal comma: 0 / 1,0 / 0,0 → 0, 1, 0 read as counts.
  const semi = [
    'Number;Opened;Resolved;Reopen count',
    'INC1;2026-01-05 09:00:00;2026-01-05 11:00:00;0',
    'INC2;2026-01-06 09:00:00;2026-01-06 12:00:00;1,0',
    'INC3;2026-01-07 09:00:00;2026-01-07 10:00:00;0,0',
  ].join('\n');

  it.each([
    // auto and comma: 1 reopened of 3 resolved in January → 100/3
    ['auto', 0, 3, 100 / 3],
    [',', 0, 3, 100 / 3],
    // point: rows 3 and 4 rejected, INC1 alone (not reopened)
    ['.', 2, 1, 0],
  ])('--decimal %s → %d rejected, %d tickets, reopen rate %d', async (sep, rejected, tickets, rate) => {
    const r = await run(
      '--tickets',
      tmpFile('semi-decimal.csv', semi),
      '--decimal',
      sep,
      '--period',
      'month',
      '--json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ tickets, rejectedRows: rejected, settings: { delimiter: ';', decimalSeparator: sep } });
    expect(j.periods['2026-01'].reopen_rate).toBe(rate);
  });

  it('names file, row, field and reason for a value that needs the other separator', async () => {
    const r = await run('--tickets', tmpFile('semi-decimal.csv', semi), '--decimal', '.');
    expect(r.code).toBe(0);
    expect(r.err.split('\n')).toEqual([
      expect.stringMatching(
        /semi-decimal\.csv: row 3, field reopenCount \(Reopen count\): "1,0" reads as a number only with a decimal comma \(","\), but the decimal separator is set to point \("\."\)$/,
      ),
      expect.stringMatching(/semi-decimal\.csv: row 4, field reopenCount \(Reopen count\): "0,0" reads as a number/),
    ]);
  });
});

const DATA = resolve(ROOT, '../shared/data/bpi2014');
const HAVE_DATA = existsSync(join(DATA, 'detail_incident.csv'));
if (!HAVE_DATA) console.warn(`kpis.test.ts: real-data CLI check skipped: ${DATA} is not there`);

describe.skipIf(!HAVE_DATA)('quarterdeck kpis on the BPI 2014 files', () => {
  it('imports with --preset hpsm and gives FCR 93,996 / 147,004 from the interactions', async () => {
    const r = await run(
      '--tickets',
      join(DATA, 'detail_incident.csv'),
      '--preset',
      'hpsm',
      '--interactions',
      join(DATA, 'detail_interaction.csv'),
      '--json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ tickets: 46_606, rows: 46_606, rejectedRows: 0 });
    expect(j.interactions).toMatchObject({ contacts: 147_004, fcrYes: 93_996, fcrFlagged: 147_004 });
    expect(j.interactions.fcr).toBe((100 * 93_996) / 147_004);
    expect(Object.keys(j.periods).at(-1)).toBe('2014-Q1');
  });
});
