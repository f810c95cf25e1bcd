/**
 * App-level commands shared by buttons, keyboard shortcuts and the Electron menu: edits that go to
 * the undo history, undo/redo, the sample, backup import/export. Each reports to the user with a
 * toast; errors say what happened and what to do.
 */
import { MAX_BACKUP_BYTES, sizeCapReason } from '../../../shared/backup/format';
import type { ChangeSet } from '../db/changes';
import { ReadOnlyDatabaseError } from '../db/database';
import { asNewWorkspace, backupFileName, exportWorkspace, importBackupText } from '../db/repos/backup';
import { ValidationError, importWorkspace } from '../db/repos/workspaces';
import { loadSample } from '../sample/load-sample';
import { useUi } from '../state/store';
import type { AppServices } from './services';

/** A user-facing sentence for any failure. */
export function describeError(err: unknown): string {
  if (err instanceof ReadOnlyDatabaseError) return err.message;
  if (err instanceof ValidationError) return err.message;
  if (err instanceof Error && err.name === 'QuotaExceededError') {
    return 'The disk or browser storage is full, so nothing was saved. Free some space and try again.';
  }
  if (err instanceof Error && err.name === 'ConstraintError') {
    return 'A record with the same id already exists, so nothing was saved.';
  }
  return err instanceof Error ? err.message : String(err);
}

/** Run an edit, remember it for undo and confirm it; returns false (with an error toast) on failure. */
export async function runEdit(
  s: AppServices,
  edit: () => Promise<ChangeSet>,
  opts: { toast?: string | ((cs: ChangeSet) => string); undoable?: boolean } = {},
): Promise<boolean> {
  const ui = useUi.getState();
  try {
    const cs = await edit();
    s.history.record(cs);
    const text = typeof opts.toast === 'function' ? opts.toast(cs) : (opts.toast ?? cs.label);
    ui.toast(text, 'success', opts.undoable ?? false);
    return true;
  } catch (err) {
    ui.toast(describeError(err), 'error');
    return false;
  }
}

/** Undo the newest edit (toolbar, Ctrl/Cmd+Z, Edit menu, toast button). */
export async function undoLast(s: AppServices): Promise<void> {
  const ui = useUi.getState();
  try {
    const label = await s.history.undo(s.db);
    ui.toast(label ? `Undone: ${label}` : 'Nothing to undo', 'info');
    await ensureCurrentWorkspace(s);
  } catch (err) {
    ui.toast(`Could not undo: ${describeError(err)}`, 'error');
  }
}

/** Redo the newest undone edit. */
export async function redoLast(s: AppServices): Promise<void> {
  const ui = useUi.getState();
  try {
    const label = await s.history.redo(s.db);
    ui.toast(label ? `Redone: ${label}` : 'Nothing to redo', 'info');
    await ensureCurrentWorkspace(s);
  } catch (err) {
    ui.toast(`Could not redo: ${describeError(err)}`, 'error');
  }
}

/** If the selected workspace vanished (deleted, undone), select the first remaining one. */
export async function ensureCurrentWorkspace(s: AppServices): Promise<void> {
  const ui = useUi.getState();
  const id = ui.workspaceId;
  if (id && (await s.db.workspaces.get(id))) return;
  const first = await s.db.workspaces.orderBy('name').first();
  ui.setWorkspace(first?.id ?? null);
}

/** Load the built-in sample as a new workspace and switch to it. */
export async function openSample(s: AppServices): Promise<boolean> {
  const ui = useUi.getState();
  try {
    const sample = await loadSample(s.ctx.now());
    const data = asNewWorkspace(sample, s.ctx);
    const cs = await importWorkspace(s.db, data, `Open the sample workspace “${data.workspace.name}”`);
    s.history.record(cs);
    ui.setWorkspace(data.workspace.id);
    ui.setRoute('dashboard');
    if (location.hash !== '#/dashboard') location.hash = '#/dashboard';
    ui.toast(`Opened the sample workspace “${data.workspace.name}”`, 'success');
    return true;
  } catch (err) {
    ui.toast(`Could not open the sample: ${describeError(err)}`, 'error');
    return false;
  }
}

/** Save the current workspace as a backup file (native save dialog, or a download in the browser). */
export async function exportBackup(s: AppServices, workspaceId: string): Promise<void> {
  const ui = useUi.getState();
  try {
    const ws = await s.db.workspaces.get(workspaceId);
    if (!ws) throw new Error('Choose a workspace first.');
    const now = s.ctx.now();
    const json = await exportWorkspace(s.db, workspaceId, now);
    const res = await s.bridge.saveFile({
      suggestedName: backupFileName(ws.name, now),
      filters: [{ name: 'Quarterdeck backup', extensions: ['json'] }],
      data: json,
    });
    if (res.saved) {
      ui.toast(
        s.bridge.kind === 'browser' ? `Backup downloaded: ${res.path}` : `Backup saved to ${res.path}`,
        'success',
      );
    }
  } catch (err) {
    ui.toast(`Backup not saved: ${describeError(err)}`, 'error');
  }
}

/** Import backup text as a new workspace, or list the problems (nothing written). */
export async function importBackupFromText(s: AppServices, fileName: string, text: string): Promise<boolean> {
  const ui = useUi.getState();
  try {
    const outcome = await importBackupText(s.db, text, s.ctx);
    if (!outcome.ok) {
      ui.openDialog({ kind: 'import-problems', fileName, problems: outcome.problems });
      return false;
    }
    s.history.record(outcome.changes);
    ui.setWorkspace(outcome.workspace.id);
    ui.toast(`Imported “${outcome.workspace.name}” from ${fileName} as a new workspace`, 'success', true);
    return true;
  } catch (err) {
    ui.toast(`Nothing was imported: ${describeError(err)}`, 'error');
    return false;
  }
}

/** Pick a backup file and import it as a new workspace. */
export async function importBackup(s: AppServices): Promise<void> {
  const ui = useUi.getState();
  try {
    const res = await s.bridge.openFile({
      filters: [{ name: 'Quarterdeck backup', extensions: ['json'] }],
      maxBytes: MAX_BACKUP_BYTES,
      as: 'text',
    });
    if (res.canceled) return;
    if ('tooLarge' in res) {
      ui.openDialog({
        kind: 'import-problems',
        fileName: res.name,
        problems: [{ record: 'file', field: '', reason: sizeCapReason(res.size, res.maxBytes) }],
      });
      return;
    }
    await importBackupFromText(s, res.name, res.text ?? '');
  } catch (err) {
    ui.toast(`Nothing was imported: ${describeError(err)}`, 'error');
  }
}

/** Restore an automatic backup (desktop) as a new workspace; undo removes it again (REL-06). */
export async function restoreAutomaticBackup(s: AppServices, fileName: string, workspaceId: string): Promise<void> {
  const ui = useUi.getState();
  try {
    const { json } = await s.bridge.readBackup({ fileName, workspaceId });
    await importBackupFromText(s, fileName, json);
  } catch (err) {
    ui.toast(`Could not restore ${fileName}: ${describeError(err)}`, 'error');
  }
}
