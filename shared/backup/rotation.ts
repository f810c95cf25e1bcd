/**
 * Automatic backup rotation (SPEC §3.9, REL-07): back up hourly while changes happen; keep the last
 * 24 backups plus the newest backup of each of the last 30 days. Pure: the clock comes in as `now`.
 */

export type BackupStamp = { fileName: string; createdAt: string };

export type RotationPolicy = {
  /** The most recent N backups are always kept. */
  keepLast: number;
  /** For each of the last N calendar days (today included), the newest backup of that day is kept. */
  keepDailyDays: number;
  /** Offset of the user's local time from UTC in minutes (e.g. +60 for CET) so "a day" is a local day. */
  utcOffsetMinutes: number;
};

export const DEFAULT_ROTATION: RotationPolicy = { keepLast: 24, keepDailyDays: 30, utcOffsetMinutes: 0 };

/** Automatic backups are written at most this often while the workspace keeps changing. */
export const BACKUP_INTERVAL_MS = 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

function toMillis(value: Date | string): number {
  return value instanceof Date ? value.getTime() : Date.parse(value);
}

function localDay(ms: number, utcOffsetMinutes: number): number {
  return Math.floor((ms + utcOffsetMinutes * 60_000) / DAY_MS);
}

/**
 * The file names to keep, newest first. Backups whose `createdAt` cannot be read, or that lie in the
 * future (the clock moved back), are always kept: rotation never deletes what it cannot date.
 */
export function backupsToKeep(
  backups: readonly BackupStamp[],
  now: Date | string,
  policy: RotationPolicy = DEFAULT_ROTATION,
): string[] {
  const nowMs = toMillis(now);
  if (!Number.isFinite(nowMs)) throw new RangeError(`backupsToKeep: "now" is not a valid date (${String(now)})`);
  const dated = backups
    .map((b) => ({ fileName: b.fileName, ms: Date.parse(b.createdAt) }))
    .sort(
      (a, b) =>
        (Number.isFinite(b.ms) ? b.ms : Infinity) - (Number.isFinite(a.ms) ? a.ms : Infinity) ||
        (a.fileName < b.fileName ? 1 : -1),
    );
  const keep = new Set<string>();
  const today = localDay(nowMs, policy.utcOffsetMinutes);
  const firstDay = today - (policy.keepDailyDays - 1);
  const daysSeen = new Set<number>();
  let recent = 0;
  for (const b of dated) {
    if (!Number.isFinite(b.ms) || b.ms > nowMs) {
      keep.add(b.fileName);
      continue;
    }
    if (recent < policy.keepLast) {
      keep.add(b.fileName);
      recent += 1;
    }
    const day = localDay(b.ms, policy.utcOffsetMinutes);
    // Sorted newest first, so the first backup met on a day is that day's newest.
    if (day >= firstDay && day <= today && !daysSeen.has(day)) {
      daysSeen.add(day);
      keep.add(b.fileName);
    }
  }
  return dated.filter((b) => keep.has(b.fileName)).map((b) => b.fileName);
}

/** The file names rotation would delete (everything not kept), oldest first. */
export function backupsToPrune(
  backups: readonly BackupStamp[],
  now: Date | string,
  policy: RotationPolicy = DEFAULT_ROTATION,
): string[] {
  const keep = new Set(backupsToKeep(backups, now, policy));
  return backups
    .filter((b) => !keep.has(b.fileName))
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
    .map((b) => b.fileName);
}

/**
 * Whether an automatic backup is due: only when something changed since the last one, and at most
 * once per interval. No previous backup, an unreadable one or one "in the future" (the clock moved
 * back) counts as due, so a changed workspace is never left without a backup.
 */
export function shouldWriteBackup(
  lastBackupAt: Date | string | null,
  now: Date | string,
  changedSince: boolean,
  intervalMs: number = BACKUP_INTERVAL_MS,
): boolean {
  if (!changedSince) return false;
  if (lastBackupAt === null) return true;
  const last = toMillis(lastBackupAt);
  const nowMs = toMillis(now);
  if (!Number.isFinite(last) || !Number.isFinite(nowMs)) return true;
  const elapsed = nowMs - last;
  return elapsed < 0 || elapsed >= intervalMs;
}
