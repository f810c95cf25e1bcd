/**
 * The decimal separator option (SPEC §3.6 "decimal comma", overridable when detection is wrong):
 * the strict parser, the mismatch reason, and the streaming importer with 'auto', ',' and '.'.
 * Expected values are worked out by hand from the cells.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decimalSeparatorMismatch, parseDecimalAs } from '../../../../shared/import/numbers';
import type { TicketImportOptions } from '../../../../shared/import/ticket-importer';
import { fixture, importBytes, importLines, utf8 } from './helpers';

describe('parseDecimalAs (forced separator)', () => {
  it.each([
    ['1,5', ',', 1.5],
    ['1,5', '.', null],
    ['1.5', '.', 1.5],
    ['1.5', ',', null],
    ['3871,691111', ',', 3871.691111],
    ['-0,25', ',', -0.25],
    ['12,5 %', ',', 12.5],
    // thousands groups of three of the other character
    ['1.234,5', ',', 1234.5],
    ['1,234.5', '.', 1234.5],
    ['1.234.567', ',', 1234567],
    ['1.234.567', '.', null],
    ['1.234', ',', 1234],
    ['1.234', '.', 1.234],
    ['1,234', ',', 1.234],
    ['1,234', '.', 1234],
    ['1\u00a0234,5', ',', 1234.5],
    // not numbers either way
    ['1.23,4', ',', null],
    ['1,2,3', ',', null],
    ['12abc', '.', null],
    ['', ',', null],
    ['7', '.', 7],
    ['7', ',', 7],
  ] as const)('%s with %s → %s', (text, sep, expected) => {
    expect(parseDecimalAs(text, sep)).toBe(expected);
  });
});

describe('decimalSeparatorMismatch', () => {
  it.each([
    [
      '1,5',
      '.',
      '"1,5" reads as a number only with a decimal comma (","), but the decimal separator is set to point (".")',
    ],
    [
      '1.5',
      ',',
      '"1.5" reads as a number only with a decimal point ("."), but the decimal separator is set to comma (",")',
    ],
    [
      ' 1.234.567 ',
      '.',
      '"1.234.567" reads as a number only with a decimal comma (","), but the decimal separator is set to point (".")',
    ],
    ['1,5', ',', null],
    ['1.000', '.', null],
    ['1,2,3', '.', null],
    ['N/A', ',', null],
  ] as const)('%s with %s', (text, sep, expected) => {
    expect(decimalSeparatorMismatch(text, sep)).toBe(expected);
  });
});

// Semicolon-delimited, as decimal-comma locales export: reopen counts written several ways.
const SEMI = [
  'Number;Opened;Resolved;Reopen count',
  'INC1;2026-01-05 09:00:00;2026-01-05 11:00:00;2', // row 2
  'INC2;2026-01-06 09:00:00;2026-01-06 12:00:00;1,0', // row 3
  'INC3;2026-01-07 09:00:00;2026-01-07 10:00:00;1.000', // row 4
  'INC4;2026-01-08 09:00:00;2026-01-08 10:30:00;1,5', // row 5
  'INC5;2026-01-09 09:00:00;;#N/A', // row 6
  'INC6;2026-01-10 09:00:00;2026-01-10 09:30:00;1.5', // row 7
];
const reason = (cell: string, written: string, set: string): string =>
  `"${cell}" reads as a number only with a decimal ${written}, but the decimal separator is set to ${set}`;
const COMMA = 'comma (",")';
const POINT = 'point (".")';

describe('importer: decimalSeparator on a semicolon-delimited file', () => {
  const cases: {
    sep: TicketImportOptions['decimalSeparator'];
    counts: Record<string, number | null>;
    rejected: { row: number; cell: string; written: string; set: string }[];
    unrecognised: number;
    decimalComma: boolean;
  }[] = [
    {
      // auto (today): 1,0 → 1; 1.000 → 1 (point tried first); 1,5 and 1.5 → 1.5, not a count
      sep: 'auto',
      counts: { INC1: 2, INC2: 1, INC3: 1, INC4: null, INC5: null, INC6: null },
      rejected: [],
      unrecognised: 2,
      // detection: 1,0 and 1,5 look like comma decimals but 1.5 is a point decimal → not decided
      decimalComma: false,
    },
    {
      // comma: 1,0 → 1; 1.000 → 1000 (dot thousands); 1,5 → 1.5 not a count; 1.5 rejected
      sep: ',',
      counts: { INC1: 2, INC2: 1, INC3: 1000, INC4: null, INC5: null },
      rejected: [{ row: 7, cell: '1.5', written: POINT, set: COMMA }],
      unrecognised: 1,
      decimalComma: true,
    },
    {
      // point: 1,0 and 1,5 rejected; 1.000 → 1; 1.5 not a count
      sep: '.',
      counts: { INC1: 2, INC3: 1, INC5: null, INC6: null },
      rejected: [
        { row: 3, cell: '1,0', written: COMMA, set: POINT },
        { row: 5, cell: '1,5', written: COMMA, set: POINT },
      ],
      unrecognised: 1,
      decimalComma: false,
    },
  ];

  for (const c of cases) {
    for (const sampleRows of [2000, 1]) {
      // sampleRows 1: every row after the first goes through the hot path rather than the sample.
      it(`${c.sep} (sample of ${sampleRows} rows)`, () => {
        const r = importLines(SEMI, { preset: 'servicenow', decimalSeparator: c.sep, sampleRows });
        expect(r.settings.delimiter).toBe(';');
        expect(r.settings.decimalSeparator).toBe(c.sep);
        expect(r.settings.decimalComma).toBe(c.decimalComma);
        expect(r.settings.detectedDecimalComma).toBe(false);
        expect(Object.fromEntries(r.records.map((t) => [t.ticketId, t.reopenCount]))).toEqual(c.counts);
        expect(r.rejected).toEqual(
          c.rejected.map((x) => ({
            row: x.row,
            field: 'reopenCount',
            column: 'Reopen count',
            reason: reason(x.cell, x.written, x.set),
          })),
        );
        expect(r.rejectedRows).toBe(c.rejected.length);
        expect(r.dataIssues.wrongDecimalSeparator).toBe(c.rejected.length || undefined);
        expect(r.dataIssues.unrecognisedNumbers).toBe(c.unrecognised);
        expect(r.dataIssues.placeholderValues).toBe(1);
      });
    }
  }

  it('a rejected row leaves no trace, even when an earlier row of the same ticket was kept', () => {
    const r = importLines(
      [
        'Number;Opened;Updated;Reopen count',
        'INC1;2026-01-05 09:00:00;2026-01-05 09:00:00;1',
        'INC1;2026-01-05 09:00:00;2026-01-06 09:00:00;2,0',
      ],
      { preset: 'servicenow', decimalSeparator: '.' },
    );
    expect(r.records.map((t) => [t.ticketId, t.reopenCount])).toEqual([['INC1', 1]]);
    expect(r.rejected.map((p) => p.row)).toEqual([3]);
    expect(r.dataIssues.collapsedRows).toBeUndefined();
  });
});

describe("'auto' is today's behaviour on the committed fixtures", () => {
  const files = [
    'servicenow-event-log.csv',
    'bpi2014-excerpt.csv',
    'presets/servicenow-list.csv',
    'presets/zendesk.csv',
    'presets/hpsm-interactions.csv',
    'presets/generic.tsv',
  ];
  it.each(files)('%s: explicit auto = no option; plain-digit counts read the same when forced', (name) => {
    const bytes = fixture(name);
    const none = importBytes(bytes);
    const auto = importBytes(bytes, { decimalSeparator: 'auto' });
    expect(auto).toEqual(none);
    for (const sep of [',', '.'] as const) {
      const forced = importBytes(bytes, { decimalSeparator: sep });
      expect(forced.records).toEqual(none.records);
      expect(forced.rejected).toEqual(none.rejected);
      expect(forced.dataIssues).toEqual(none.dataIssues);
      expect(forced.settings.detectedDecimalComma).toBe(none.settings.decimalComma);
    }
  });

  it('reads the reopen counts written in the fixtures', () => {
    const counts = (name: string) => importBytes(fixture(name)).records.map((t) => t.reopenCount);
    expect(counts('presets/servicenow-list.csv')).toEqual([0, 1]);
    expect(counts('presets/zendesk.csv')).toEqual([0, 2]);
  });

  it('the BPI excerpt (semicolons, decimal comma) detects a comma and reads the same forced to comma', () => {
    const bytes = fixture('bpi2014-excerpt.csv');
    const auto = importBytes(bytes, { preset: 'hpsm' });
    const comma = importBytes(bytes, { preset: 'hpsm', decimalSeparator: ',' });
    expect(auto.settings).toMatchObject({ delimiter: ';', decimalComma: true, detectedDecimalComma: true });
    expect(auto.settings.decimalSeparator).toBe('auto');
    expect(comma.settings).toMatchObject({ decimalComma: true, decimalSeparator: ',' });
    expect(comma.ticketCount).toBe(auto.ticketCount);
    expect(comma.records).toEqual(auto.records);
    expect(comma.rejectedRows).toBe(0);
  });

  it('a quoted "1,000" on a comma-delimited file: one thousand with a point, one with a comma', () => {
    const r = importBytes(
      utf8('number,opened_at,reopen_count\r\nINC1,2026-01-05 09:00:00,"1,000"\r\nINC2,2026-01-05 09:00:00,"3"\r\n'),
      { decimalSeparator: '.' },
    );
    // "1,000" with a decimal point is one thousand; with a forced comma it would be 1.
    expect(r.records.map((t) => t.reopenCount)).toEqual([1000, 3]);
    expect(
      importBytes(utf8('number,opened_at,reopen_count\r\nINC1,2026-01-05 09:00:00,"1,000"\r\n'), {
        decimalSeparator: ',',
      }).records[0]?.reopenCount,
    ).toBe(1);
  });
});

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const INCIDENTS = resolve(ROOT, '../shared/data/bpi2014/detail_incident.csv');

describe.skipIf(!existsSync(INCIDENTS))('BPI 2014 full incident file (../shared/data/bpi2014)', () => {
  it('forced point: still 46,606 incidents and no rejected row (no number field is mapped); detection says comma', () => {
    const r = importBytes(new Uint8Array(readFileSync(INCIDENTS)), { preset: 'hpsm', decimalSeparator: '.' }, 1 << 20);
    expect(r.ticketCount).toBe(46_606);
    expect(r.rejectedRows).toBe(0);
    expect(r.settings).toMatchObject({ decimalSeparator: '.', decimalComma: false, detectedDecimalComma: true });
  });
});
