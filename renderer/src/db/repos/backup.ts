/**
 * Backup export and import for the app. Import validates the whole file first (shared
 * parseBackup), gives every record a fresh id (remapWorkspace, so a backup can be imported next to
 * its original) and writes it in one transaction — or writes nothing and returns the problems.
 */
import { parseBackup, serializeBackup, type Problem } from '../../../../shared/backup/format';
import { remapWorkspace } from '../../../../shared/backup/remap';
import type { WorkspaceData } from '../../../../shared/domain/tables';
import type { ChangeSet } from '../changes';
import type { QuarterdeckDb } from '../database';
import type { WorkspaceRecord } from '../records';
import { importWorkspace, loadWorkspaceData, type RepoContext } from './workspaces';

/** The backup text of one workspace. */
export async function exportWorkspace(db: QuarterdeckDb, workspaceId: string, nowIso: string): Promise<string> {
  const data = await loadWorkspaceData(db, workspaceId);
  if (!data) throw new Error(`workspace ${workspaceId} no longer exists`);
  return serializeBackup(data, nowIso);
}

/** `<workspace>-<date>.quarterdeck.json`, with characters file systems dislike replaced. */
export function backupFileName(workspaceName: string, nowIso: string): string {
  const safe =
    workspaceName
      .normalize('NFKD')
      .replace(/[^\w\s.-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .slice(0, 80) || 'workspace';
  return `${safe}-${nowIso.slice(0, 10)}.quarterdeck.json`;
}

export type ImportOutcome =
  { ok: true; workspace: WorkspaceRecord; changes: ChangeSet } | { ok: false; problems: Problem[] };

/** Fresh ids for every record and the workspace, keeping every reference intact. */
export function asNewWorkspace(data: WorkspaceData, ctx: RepoContext, name?: string): WorkspaceData {
  const remapped = remapWorkspace(data, ctx.newId(), () => ctx.newId());
  const now = ctx.now();
  return { ...remapped, workspace: { ...remapped.workspace, ...(name ? { name } : {}), updatedAt: now } };
}

/**
 * Import backup text as a NEW workspace. Problems (invalid JSON, wrong types, broken references)
 * come back naming record, field and reason, and nothing is written; a write failure rolls back.
 */
export async function importBackupText(
  db: QuarterdeckDb,
  text: string,
  ctx: RepoContext,
  opts: { name?: string; label?: string } = {},
): Promise<ImportOutcome> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const data = asNewWorkspace(parsed.data, ctx, opts.name);
  const changes = await importWorkspace(db, data, opts.label ?? `Import backup as “${data.workspace.name}”`);
  return { ok: true, workspace: data.workspace, changes };
}

/** Copy a workspace (fresh ids for everything) under a new name, in one transaction. */
export async function duplicateWorkspace(
  db: QuarterdeckDb,
  workspaceId: string,
  newName: string,
  ctx: RepoContext,
): Promise<{ workspace: WorkspaceRecord; changes: ChangeSet }> {
  const data = await loadWorkspaceData(db, workspaceId);
  if (!data) throw new Error(`workspace ${workspaceId} no longer exists`);
  const name = newName.trim() || `${data.workspace.name} (copy)`;
  const copy = asNewWorkspace(data, ctx, name);
  copy.workspace = { ...copy.workspace, createdAt: ctx.now() };
  const changes = await importWorkspace(db, copy, `Duplicate workspace as “${name}”`);
  return { workspace: copy.workspace, changes };
}
