import { describe, expect, it } from 'vitest';
import {
  DateEvidence,
  describeFormat,
  formatWallClock,
  isNullDate,
  parseDateFormatOption,
  parseTimestamp,
  wallClockSeconds,
  type DateOrder,
} from '../../../../shared/import/dates';

const wc = (text: string, order: DateOrder = 'dmy'): string | null => {
  const v = parseTimestamp(text, order);
  return Number.isNaN(v) ? null : formatWallClock(v);
};

describe('parseTimestamp', () => {
  it.each([
    // ISO 8601, with and without zone; no zone = wall clock as written
    ['2016-01-05T10:00:00', 'dmy', '2016-01-05T10:00:00'],
    ['2016-01-05 10:00', 'mdy', '2016-01-05T10:00:00'],
    ['2016-01-05T10:00:00.123', 'dmy', '2016-01-05T10:00:00'],
    ['2016-01-05T10:00:00Z', 'dmy', '2016-01-05T10:00:00'],
    ['2016-01-05T10:00:00+02:00', 'dmy', '2016-01-05T08:00:00'],
    ['2016-01-05T23:30:00-0130', 'dmy', '2016-01-06T01:00:00'],
    ['2016-01-05', 'dmy', '2016-01-05T00:00:00'],
    // day-first
    ['5/2/2012 9:05', 'dmy', '2012-02-05T09:05:00'],
    ['05/02/2012 13:32:57', 'dmy', '2012-02-05T13:32:57'],
    ['9-9-2011 9:23', 'dmy', '2011-09-09T09:23:00'],
    ['29/2/2016 01:16', 'dmy', '2016-02-29T01:16:00'],
    ['31.12.2025 23:59', 'dmy', '2025-12-31T23:59:00'],
    // month-first with AM/PM: 12 AM is midnight, 12 PM is noon
    ['1/5/2016 3:45 PM', 'mdy', '2016-01-05T15:45:00'],
    ['1/5/2016 12:00 AM', 'mdy', '2016-01-05T00:00:00'],
    ['1/5/2016 12:10 pm', 'mdy', '2016-01-05T12:10:00'],
    ['01/05/2016 11:59:59 p.m.', 'mdy', '2016-01-05T23:59:59'],
    // month names (order does not matter)
    ['05/Jan/16 3:45 PM', 'mdy', '2016-01-05T15:45:00'],
    ['12/Dec/99 9:00 AM', 'dmy', '1999-12-12T09:00:00'],
    ['Jan 5, 2016 3:45 PM', 'dmy', '2016-01-05T15:45:00'],
    ['5 mrt 2024 10:00', 'dmy', '2024-03-05T10:00:00'],
    ['Mon 5 Jan 2026 08:00', 'dmy', '2026-01-05T08:00:00'],
  ] as const)('%s (%s) → %s', (text, order, expected) => {
    expect(wc(text, order)).toBe(expected);
  });

  it.each([
    ['31/02/2016 10:00', 'dmy'], // no 31 February
    ['29/02/2015 10:00', 'dmy'], // not a leap year
    ['13/13/2016', 'dmy'],
    ['2016-01-05 24:00', 'dmy'],
    ['2016-01-05 10:60', 'dmy'],
    ['13:00 PM 1/5/2016', 'mdy'],
    ['1/5/2016 13:00 PM', 'mdy'],
    ['yesterday', 'dmy'],
    ['12345', 'dmy'],
    ['2016-01-05T10:00:00+25:00', 'dmy'],
    ['5/Foo/2016', 'dmy'],
  ] as const)('rejects %s', (text, order) => {
    expect(wc(text, order)).toBeNull();
  });

  it('reads two-digit years as 1970–2069', () => {
    expect(wc('1/2/69')).toBe('2069-02-01T00:00:00');
    expect(wc('1/2/70')).toBe('1970-02-01T00:00:00');
  });
});

describe('wall-clock strings', () => {
  it('round-trips seconds and strings, before 1970 too', () => {
    for (const s of ['1899-12-30T00:00:00', '1970-01-01T00:00:00', '2000-02-29T12:34:56', '2026-12-31T23:59:59']) {
      expect(formatWallClock(wallClockSeconds(s))).toBe(s);
    }
    expect(wallClockSeconds('2026-01-01T00:00')).toBe(wallClockSeconds('2026-01-01T00:00:00'));
    expect(wallClockSeconds('2026-01-02T00:00:00') - wallClockSeconds('2026-01-01T00:00:00')).toBe(86400);
    expect(Number.isNaN(wallClockSeconds('not a date here'))).toBe(true);
  });

  it('knows the 1899-12-30 null date', () => {
    expect(isNullDate(parseTimestamp('1899-12-30 00:00', 'dmy'))).toBe(true);
    expect(isNullDate(parseTimestamp('30/12/1899 13:00', 'dmy'))).toBe(true);
    expect(isNullDate(parseTimestamp('31/12/1899 00:00', 'dmy'))).toBe(false);
  });
});

describe('DateEvidence', () => {
  const detect = (values: string[]) => {
    const e = new DateEvidence();
    for (const v of values) e.add(v);
    return e.result();
  };

  it('decides day-first from a first number above 12', () => {
    expect(detect(['01/02/2012 10:00:00', '25/01/2014 08:00:00'])).toMatchObject({
      status: 'ok',
      order: 'dmy',
      label: 'dd/mm/yyyy HH:MM:SS',
    });
  });

  it('decides month-first from a second number above 12, and labels one-digit parts', () => {
    expect(detect(['1/2/2016 3:45 PM', '1/13/2016 11:05 AM'])).toMatchObject({
      status: 'ok',
      order: 'mdy',
      label: 'm/d/yyyy h:mm AM/PM',
    });
    expect(detect(['9-9-2011 9:23', '29-9-2011 14:59'])).toMatchObject({ order: 'dmy', label: 'd-m-yyyy H:MM' });
  });

  it('reports ambiguity when no number is above 12', () => {
    expect(detect(['01/02/2012', '03/04/2012'])).toMatchObject({
      status: 'ambiguous',
      labels: ['dd/mm/yyyy', 'mm/dd/yyyy'],
    });
  });

  it('needs no order for ISO or month names', () => {
    expect(detect(['2026-01-02 10:00', '2026-03-04 10:00'])).toMatchObject({ status: 'ok', order: 'ymd' });
    expect(detect(['05/Jan/16 3:45 PM'])).toMatchObject({ status: 'ok', label: 'dd/MMM/yy h:mm AM/PM' });
  });

  it('says when a column is not dates (under 90 % readable) or empty', () => {
    const values = Array.from({ length: 8 }, () => '2026-01-01');
    expect(detect([...values, 'x', 'y'])).toMatchObject({ status: 'none', valid: 8, total: 10, sample: 'x' });
    expect(detect([...values, ...values, 'x'])).toMatchObject({ status: 'ok' });
    expect(detect([])).toEqual({ status: 'empty' });
  });
});

describe('format options and labels', () => {
  it.each([
    ['dmy', 'dmy'],
    ['MDY', 'mdy'],
    ['iso', 'ymd'],
    ['dd/mm/yyyy HH:MM:SS', 'dmy'],
    ['d-m-yyyy H:MM', 'dmy'],
    ['m/d/yyyy h:mm AM/PM', 'mdy'],
    ['dd/MMM/yy h:mm a', 'dmy'],
    ['yyyy-MM-dd', 'ymd'],
    ['HH:MM', null],
  ] as const)('%s → %s', (text, order) => {
    expect(parseDateFormatOption(text)).toBe(order);
  });

  it('describes formats for confirmation', () => {
    expect(describeFormat('2016-01-05T10:00:00Z', 'dmy')).toBe('ISO 8601 (yyyy-mm-dd HH:MM:SS)');
    expect(describeFormat('05.02.2012', 'dmy')).toBe('dd.mm.yyyy');
    expect(describeFormat('nonsense', 'dmy')).toBe('unknown');
  });
});
