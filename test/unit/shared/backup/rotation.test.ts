import { describe, expect, it } from 'vitest';
import {
  BACKUP_INTERVAL_MS,
  backupsToKeep,
  backupsToPrune,
  shouldWriteBackup,
  type BackupStamp,
} from '../../../../shared/backup/rotation';

/** A stamp whose file name is its own ISO time, so expectations read as times. */
const at = (iso: string): BackupStamp => ({ fileName: `${iso}.json`, createdAt: iso });
const names = (...isos: string[]): string[] => isos.map((iso) => `${iso}.json`);
const pad = (n: number): string => String(n).padStart(2, '0');

/** Stamps at the given hours (UTC) of each listed day, e.g. days(['2025-03-01'], [8, 12]). */
function days(dates: string[], hours: number[]): BackupStamp[] {
  return dates.flatMap((d) => hours.map((h) => at(`${d}T${pad(h)}:00:00.000Z`)));
}
const range = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}-${pad(from + i)}`);

describe('backupsToKeep (keep last 24 + newest per day for 30 days)', () => {
  it('keeps everything when there are few backups, however old', () => {
    const stamps = [at('2024-12-01T09:00:00.000Z'), at('2025-02-01T09:00:00.000Z'), at('2025-03-10T09:00:00.000Z')];
    expect(backupsToKeep(stamps, '2025-03-10T12:00:00.000Z')).toEqual(
      names('2025-03-10T09:00:00.000Z', '2025-02-01T09:00:00.000Z', '2024-12-01T09:00:00.000Z'),
    );
    expect(backupsToPrune(stamps, '2025-03-10T12:00:00.000Z')).toEqual([]);
  });

  it('one backup a day for 40 days keeps the last 30 days (Jan 11 .. Feb 9) and prunes Jan 1 .. Jan 10', () => {
    const stamps = days([...range('2025-01', 1, 31), ...range('2025-02', 1, 9)], [10]);
    expect(stamps).toHaveLength(40);
    const keep = backupsToKeep(stamps, '2025-02-09T12:00:00.000Z');
    expect(keep).toHaveLength(30);
    expect(keep[0]).toBe('2025-02-09T10:00:00.000Z.json');
    expect(keep[29]).toBe('2025-01-11T10:00:00.000Z.json');
    expect(backupsToPrune(stamps, '2025-02-09T12:00:00.000Z')).toEqual(
      days(range('2025-01', 1, 10), [10]).map((s) => s.fileName),
    );
  });

  it('three a day for 12 days: the last 24 (Mar 5..12) plus the 16:00 backup of Mar 1..4', () => {
    const stamps = days(range('2025-03', 1, 12), [8, 12, 16]);
    const keep = backupsToKeep(stamps, '2025-03-12T17:00:00.000Z');
    expect(keep).toHaveLength(28);
    expect(keep.slice(24)).toEqual(
      names(
        '2025-03-04T16:00:00.000Z',
        '2025-03-03T16:00:00.000Z',
        '2025-03-02T16:00:00.000Z',
        '2025-03-01T16:00:00.000Z',
      ),
    );
    expect(backupsToPrune(stamps, '2025-03-12T17:00:00.000Z')).toEqual(
      days(range('2025-03', 1, 4), [8, 12])
        .map((s) => s.fileName)
        .sort(),
    );
  });

  it('30 backups in one day keep the newest 24 only', () => {
    const stamps = Array.from({ length: 30 }, (_, i) =>
      at(`2025-03-10T${pad(Math.floor(i / 6) + 8)}:${pad((i % 6) * 10)}:00.000Z`),
    );
    const keep = backupsToKeep(stamps, '2025-03-10T18:00:00.000Z');
    expect(keep).toHaveLength(24);
    expect(backupsToPrune(stamps, '2025-03-10T18:00:00.000Z')).toEqual(
      names(
        '2025-03-10T08:00:00.000Z',
        '2025-03-10T08:10:00.000Z',
        '2025-03-10T08:20:00.000Z',
        '2025-03-10T08:30:00.000Z',
        '2025-03-10T08:40:00.000Z',
        '2025-03-10T08:50:00.000Z',
      ),
    );
  });

  it.each([
    // keepLast 0 and two daily slots isolate the day rule; +60 min moves 23:30Z into the next local day.
    { offset: 0, expected: names('2025-03-09T23:30:00.000Z') },
    { offset: 60, expected: names('2025-03-09T23:30:00.000Z', '2025-03-09T22:00:00.000Z') },
  ])('days follow the local offset ($offset min)', ({ offset, expected }) => {
    const stamps = [at('2025-03-09T10:00:00.000Z'), at('2025-03-09T22:00:00.000Z'), at('2025-03-09T23:30:00.000Z')];
    const policy = { keepLast: 0, keepDailyDays: 2, utcOffsetMinutes: offset };
    expect(backupsToKeep(stamps, '2025-03-10T12:00:00.000Z', policy)).toEqual(expected);
  });

  it('never deletes a backup it cannot date or one dated in the future', () => {
    const stamps = [
      ...days(range('2025-01', 1, 31), [10]),
      { fileName: 'odd.json', createdAt: 'not a date' },
      at('2025-06-01T00:00:00.000Z'),
    ];
    const policy = { keepLast: 1, keepDailyDays: 1, utcOffsetMinutes: 0 };
    expect(backupsToKeep(stamps, '2025-01-31T12:00:00.000Z', policy).sort()).toEqual(
      ['odd.json', '2025-01-31T10:00:00.000Z.json', '2025-06-01T00:00:00.000Z.json'].sort(),
    );
  });

  it('rejects an invalid "now" instead of pruning against NaN', () => {
    expect(() => backupsToKeep([at('2025-01-01T00:00:00.000Z')], 'yesterday')).toThrow(/not a valid date/);
  });
});

describe('shouldWriteBackup (hourly while changes happen)', () => {
  const now = '2025-03-10T12:00:00.000Z';
  it.each([
    { last: null, changed: true, interval: BACKUP_INTERVAL_MS, expected: true },
    { last: null, changed: false, interval: BACKUP_INTERVAL_MS, expected: false },
    { last: '2025-03-10T11:01:00.000Z', changed: true, interval: BACKUP_INTERVAL_MS, expected: false },
    { last: '2025-03-10T11:00:00.000Z', changed: true, interval: BACKUP_INTERVAL_MS, expected: true },
    { last: '2025-03-10T09:00:00.000Z', changed: false, interval: BACKUP_INTERVAL_MS, expected: false },
    { last: 'garbage', changed: true, interval: BACKUP_INTERVAL_MS, expected: true },
    { last: '2025-03-10T12:05:00.000Z', changed: true, interval: BACKUP_INTERVAL_MS, expected: true },
    { last: '2025-03-10T11:50:00.000Z', changed: true, interval: 10 * 60 * 1000, expected: true },
    { last: '2025-03-10T11:51:00.000Z', changed: true, interval: 10 * 60 * 1000, expected: false },
  ])('last=$last changed=$changed interval=$interval → $expected', ({ last, changed, interval, expected }) => {
    expect(shouldWriteBackup(last, now, changed, interval)).toBe(expected);
    expect(shouldWriteBackup(last === null ? null : last, new Date(now), changed, interval)).toBe(expected);
  });
});
