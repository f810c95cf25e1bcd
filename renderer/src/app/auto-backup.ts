/**
 * Automatic backups in the desktop app (SPEC §3.9): a workspace that changed is written to the
 * user-data folder at most once per interval (shared rotation rules; main prunes old files).
 * Nothing runs in the browser build, which has no file backups.
 */
import { useEffect } from 'react';
import { BACKUP_INTERVAL_MS, shouldWriteBackup } from '../../../shared/backup/rotation';
import type { Bridge } from '../bridge/types';
import type { QuarterdeckDb } from '../db/database';
import { exportWorkspace } from '../db/repos/backup';
import { useUi } from '../state/store';
import { useServices } from './services';

/** How often the scheduler looks for due backups. */
export const AUTO_BACKUP_CHECK_MS = 5 * 60 * 1000;

export type AutoBackupDeps = {
  db: QuarterdeckDb;
  bridge: Pick<Bridge, 'writeBackup' | 'listBackups'>;
  now: () => string;
  intervalMs?: number;
};

/** Which workspaces changed, when each was last backed up, and the writing itself. */
export class AutoBackup {
  private readonly dirty = new Set<string>();
  private readonly last = new Map<string, string>();
  private running = false;

  constructor(private readonly deps: AutoBackupDeps) {}

  /** Note a change to these workspaces (null = unknown: counts for `fallbackId`). */
  markDirty(ids: string[] | null, fallbackId: string | null): void {
    for (const id of ids ?? (fallbackId ? [fallbackId] : [])) this.dirty.add(id);
  }

  /** Workspaces changed since their last automatic backup. */
  pending(): string[] {
    return [...this.dirty].sort();
  }

  /** Write every due backup; returns the workspace ids written. Failures stay pending for the next tick. */
  async tick(): Promise<string[]> {
    if (this.running) return [];
    this.running = true;
    const written: string[] = [];
    try {
      for (const id of this.pending()) {
        const ws = await this.deps.db.workspaces.get(id);
        if (!ws) {
          this.dirty.delete(id);
          continue;
        }
        const now = this.deps.now();
        if (!this.last.has(id)) {
          const list = await this.deps.bridge.listBackups({ workspaceId: id });
          const newest = list
            .map((b) => b.createdAt)
            .sort()
            .pop();
          if (newest) this.last.set(id, newest);
        }
        if (!shouldWriteBackup(this.last.get(id) ?? null, now, true, this.deps.intervalMs ?? BACKUP_INTERVAL_MS))
          continue;
        const json = await exportWorkspace(this.deps.db, id, now);
        await this.deps.bridge.writeBackup({ workspaceId: id, workspaceName: ws.name, json });
        this.last.set(id, now);
        this.dirty.delete(id);
        written.push(id);
      }
    } finally {
      this.running = false;
    }
    return written;
  }
}

/** Run automatic backups while the shell is mounted (desktop only). */
export function useAutoBackup(): void {
  const s = useServices();
  useEffect(() => {
    if (!s.bridge.supportsBackups || s.readOnlyReason) return;
    const auto = new AutoBackup({ db: s.db, bridge: s.bridge, now: s.ctx.now });
    const off = s.db.onWorkspaceChange((ids) => auto.markDirty(ids, useUi.getState().workspaceId));
    const run = () => {
      auto.tick().catch((err: unknown) => {
        useUi.getState().toast(`Automatic backup failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
      });
    };
    const timer = setInterval(run, AUTO_BACKUP_CHECK_MS);
    return () => {
      off();
      clearInterval(timer);
      run();
    };
  }, [s]);
}
