/**
 * Running governance edits: every write goes through a repo function that returns a change set,
 * which is recorded for undo. Quiet edits (typing letters in the RACI grid) confirm through the
 * grid's own live region instead of a toast per key; failures always toast what went wrong.
 */
import { describeError } from '../../app/actions';
import type { AppServices } from '../../app/services';
import type { ChangeSet } from '../../db/changes';
import { useUi } from '../../state/store';

/**
 * Run an edit and record it for undo; a toast confirms it (with Undo) unless `quiet`. An edit that
 * changed nothing is neither recorded nor confirmed (its Undo would undo an older edit). Returns
 * the change set, or null when the edit failed (the toast says why).
 */
export async function governanceEdit(
  s: AppServices,
  edit: () => Promise<ChangeSet>,
  opts: { quiet?: boolean; toast?: string } = {},
): Promise<ChangeSet | null> {
  const ui = useUi.getState();
  if (s.readOnlyReason) {
    ui.toast(s.readOnlyReason, 'error');
    return null;
  }
  try {
    const cs = await edit();
    if (cs.changes.length === 0) return cs;
    s.history.record(cs);
    if (!opts.quiet) ui.toast(opts.toast ?? cs.label, 'success', true);
    return cs;
  } catch (err) {
    ui.toast(describeError(err), 'error');
    return null;
  }
}
