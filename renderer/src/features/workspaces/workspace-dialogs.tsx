/** New, rename, duplicate and delete-workspace dialogs. Delete names the workspace and can be undone. */
import { useState, type FormEvent } from 'react';
import { describeError, ensureCurrentWorkspace, runEdit } from '../../app/actions';
import { useServices } from '../../app/services';
import { AppDialog } from '../../components/dialog';
import { TextField } from '../../components/field';
import { duplicateWorkspace } from '../../db/repos/backup';
import { createWorkspace, deleteWorkspace, renameWorkspace } from '../../db/repos/workspaces';
import type { WorkspaceRecord } from '../../db/records';
import { useUi } from '../../state/store';
import {
  WorkspaceFields,
  defaultWorkspaceValues,
  toWorkspaceInput,
  validateWorkspaceValues,
  type WorkspaceFormErrors,
} from './workspace-form';

function Footer({
  onCancel,
  submitLabel,
  danger,
  busy,
}: {
  onCancel: () => void;
  submitLabel: string;
  danger?: boolean;
  busy?: boolean;
}) {
  return (
    <>
      <button type="button" className="btn" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`} disabled={busy}>
        {submitLabel}
      </button>
    </>
  );
}

export function NewWorkspaceDialog({ onClose }: { onClose: () => void }) {
  const s = useServices();
  const [values, setValues] = useState(defaultWorkspaceValues);
  const [errors, setErrors] = useState<WorkspaceFormErrors>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs = validateWorkspaceValues(values);
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    let createdId = '';
    const ok = await runEdit(
      s,
      async () => {
        const { workspace, changes } = await createWorkspace(s.db, toWorkspaceInput(values), s.ctx);
        createdId = workspace.id;
        return changes;
      },
      { toast: (cs) => `${cs.label.replace('Create', 'Created')}`, undoable: true },
    );
    setBusy(false);
    if (ok) {
      useUi.getState().setWorkspace(createdId);
      onClose();
    }
  };
  return (
    <AppDialog title="New workspace" onClose={onClose} size="md">
      <form onSubmit={submit} noValidate>
        <WorkspaceFields values={values} errors={errors} onChange={setValues} autoFocus />
        <div className="dialog-actions">
          <Footer onCancel={onClose} submitLabel="Create workspace" busy={busy} />
        </div>
      </form>
    </AppDialog>
  );
}

export function RenameWorkspaceDialog({ workspace, onClose }: { workspace: WorkspaceRecord; onClose: () => void }) {
  const s = useServices();
  const [name, setName] = useState(workspace.name);
  const [error, setError] = useState<string | undefined>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError('Enter a name.');
      return;
    }
    if (await runEdit(s, () => renameWorkspace(s.db, workspace.id, name, s.ctx), { undoable: true })) onClose();
  };
  return (
    <AppDialog title={`Rename “${workspace.name}”`} onClose={onClose} size="sm">
      <form onSubmit={submit} noValidate>
        <TextField label="New name" value={name} onChange={setName} error={error} required autoFocus maxLength={500} />
        <div className="dialog-actions">
          <Footer onCancel={onClose} submitLabel="Rename" />
        </div>
      </form>
    </AppDialog>
  );
}

export function DuplicateWorkspaceDialog({ workspace, onClose }: { workspace: WorkspaceRecord; onClose: () => void }) {
  const s = useServices();
  const [name, setName] = useState(`${workspace.name} (copy)`);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError('Enter a name for the copy.');
      return;
    }
    setBusy(true);
    let newId = '';
    const ok = await runEdit(
      s,
      async () => {
        const r = await duplicateWorkspace(s.db, workspace.id, name, s.ctx);
        newId = r.workspace.id;
        return r.changes;
      },
      { undoable: true },
    );
    setBusy(false);
    if (ok) {
      useUi.getState().setWorkspace(newId);
      onClose();
    }
  };
  return (
    <AppDialog title={`Duplicate “${workspace.name}”`} onClose={onClose} size="sm">
      <form onSubmit={submit} noValidate>
        <p className="dialog-text">
          The copy holds every record of “{workspace.name}” and can be changed freely, e.g. to try a what-if plan.
        </p>
        <TextField
          label="Name of the copy"
          value={name}
          onChange={setName}
          error={error}
          required
          autoFocus
          maxLength={500}
        />
        <div className="dialog-actions">
          <Footer onCancel={onClose} submitLabel="Duplicate" busy={busy} />
        </div>
      </form>
    </AppDialog>
  );
}

export function DeleteWorkspaceDialog({ workspace, onClose }: { workspace: WorkspaceRecord; onClose: () => void }) {
  const s = useServices();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const ok = await runEdit(s, () => deleteWorkspace(s.db, workspace.id), {
        toast: `Deleted workspace “${workspace.name}”`,
        undoable: true,
      });
      if (ok) {
        await ensureCurrentWorkspace(s);
        onClose();
      }
    } catch (err) {
      setFailure(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <AppDialog title={`Delete “${workspace.name}”?`} onClose={onClose} size="sm" role="alertdialog">
      <form onSubmit={submit} noValidate>
        <p className="dialog-text">
          This deletes the workspace “{workspace.name}” and everything in it: roadmap, budget, staffing, KPIs,
          governance and QBRs. You can undo it right after; export a backup first to keep a copy.
        </p>
        {failure ? (
          <p className="notice notice-error" role="alert">
            {failure}
          </p>
        ) : null}
        <div className="dialog-actions">
          <Footer onCancel={onClose} submitLabel="Delete workspace" danger busy={busy} />
        </div>
      </form>
    </AppDialog>
  );
}
