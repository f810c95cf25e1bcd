/**
 * Add or edit a service lane: its name and the written split of the work (needed when two parties
 * are Responsible), move it up or down, or delete it with its letters. Every change is undoable.
 */
import { useState, type FormEvent } from 'react';
import type { RaciActivity } from '../../../../shared/domain/governance/schema';
import { useServices } from '../../app/services';
import { AppDialog } from '../../components/dialog';
import { TextAreaField, TextField } from '../../components/field';
import {
  addRaciLane,
  deleteRaciLane,
  moveRaciLane,
  updateRaciLane,
  validateLaneDraft,
  type FieldErrors,
  type LaneDraft,
} from '../../db/repos/governance';
import { governanceEdit } from './edit';

export function LaneDialog({
  workspaceId,
  lane,
  lanes,
  onClose,
}: {
  workspaceId: string;
  /** null = add a new lane. */
  lane: RaciActivity | null;
  lanes: readonly RaciActivity[];
  onClose: () => void;
}) {
  const s = useServices();
  const [draft, setDraft] = useState<LaneDraft>({ name: lane?.name ?? '', splitNote: lane?.splitNote ?? '' });
  const [errors, setErrors] = useState<FieldErrors<LaneDraft>>({});
  const [confirmDelete, setConfirmDelete] = useState(false);
  const index = lane ? lanes.findIndex((l) => l.id === lane.id) : -1;
  const readOnly = !!s.readOnlyReason;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const others = lanes.filter((l) => l.id !== lane?.id).map((l) => l.name);
    const found = validateLaneDraft(draft, others);
    setErrors(found);
    if (Object.keys(found).length) return;
    const cs = await governanceEdit(s, async () =>
      lane ? updateRaciLane(s.db, lane.id, draft) : (await addRaciLane(s.db, workspaceId, draft, s.ctx)).changes,
    );
    if (cs) onClose();
  };

  const move = (delta: -1 | 1) => {
    if (lane) void governanceEdit(s, () => moveRaciLane(s.db, lane.id, delta));
  };

  return (
    <AppDialog
      title={lane ? `Edit service lane “${lane.name}”` : 'Add a service lane'}
      onClose={onClose}
      footer={
        confirmDelete && lane ? (
          <>
            <button type="button" className="btn" onClick={() => setConfirmDelete(false)}>
              Keep the lane
            </button>
            <button
              type="button"
              className="btn btn-danger"
              onClick={() => void governanceEdit(s, () => deleteRaciLane(s.db, lane.id)).then((cs) => cs && onClose())}
            >
              Delete “{lane.name}”
            </button>
          </>
        ) : (
          <>
            {lane ? (
              <button
                type="button"
                className="btn btn-ghost btn-danger-text dialog-foot-left"
                onClick={() => setConfirmDelete(true)}
                disabled={readOnly}
              >
                Delete lane…
              </button>
            ) : null}
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" form="lane-form" className="btn btn-primary" disabled={readOnly}>
              {lane ? 'Save lane' : 'Add lane'}
            </button>
          </>
        )
      }
    >
      {confirmDelete && lane ? (
        <p className="dialog-text">
          Delete the lane “{lane.name}” and every letter on it? You can undo this with Ctrl+Z or the Undo button.
        </p>
      ) : (
        <form id="lane-form" onSubmit={(e) => void submit(e)} noValidate className="stack">
          <TextField
            label="Name"
            value={draft.name}
            onChange={(name) => setDraft({ ...draft, name })}
            error={errors.name}
            required
            autoFocus
            maxLength={500}
          />
          <TextAreaField
            label="Split of responsibility"
            hint="Who does what when two parties are Responsible, e.g. “Partner patches servers; Internal IT patches endpoints.” Without it the lane is flagged as a possible role collision."
            value={draft.splitNote}
            onChange={(splitNote) => setDraft({ ...draft, splitNote })}
            error={errors.splitNote}
            rows={3}
          />
          {lane ? (
            <div className="button-row lane-position" role="group" aria-label="Position in the matrix">
              <span className="muted small">
                Position {index + 1} of {lanes.length}
              </span>
              <button type="button" className="btn btn-sm" onClick={() => move(-1)} disabled={readOnly || index <= 0}>
                Move up
              </button>
              <button
                type="button"
                className="btn btn-sm"
                onClick={() => move(1)}
                disabled={readOnly || index < 0 || index >= lanes.length - 1}
              >
                Move down
              </button>
            </div>
          ) : null}
        </form>
      )}
    </AppDialog>
  );
}
