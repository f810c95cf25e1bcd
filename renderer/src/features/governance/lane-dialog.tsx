/**
 * Add or edit a service lane: its name and the written split of the work (needed when two parties
 * are Responsible), move it up or down, or delete it with its letters. Every change is undoable.
 */
import type { RaciActivity } from '../../../../shared/domain/governance/schema';
import { useServices } from '../../app/services';
import { TextAreaField, TextField } from '../../components/field';
import {
  addRaciLane,
  deleteRaciLane,
  moveRaciLane,
  updateRaciLane,
  validateLaneDraft,
  type LaneDraft,
} from '../../db/repos/governance';
import { governanceEdit } from './edit';
import { RecordDialog } from './record-dialog';
import { useRecordForm } from './record-form';

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
  const index = lane ? lanes.findIndex((l) => l.id === lane.id) : -1;
  const readOnly = !!s.readOnlyReason;
  const { bind, submit } = useRecordForm<LaneDraft, keyof LaneDraft>(
    { name: lane?.name ?? '', splitNote: lane?.splitNote ?? '' },
    (draft) =>
      validateLaneDraft(
        draft,
        lanes.filter((l) => l.id !== lane?.id).map((l) => l.name),
      ),
    async (draft) =>
      lane ? updateRaciLane(s.db, lane.id, draft) : (await addRaciLane(s.db, workspaceId, draft, s.ctx)).changes,
    onClose,
  );

  const move = (delta: -1 | 1) => {
    if (lane) void governanceEdit(s, () => moveRaciLane(s.db, lane.id, delta));
  };

  return (
    <RecordDialog
      title={lane ? `Edit service lane “${lane.name}”` : 'Add a service lane'}
      formId="lane-form"
      formClassName="stack"
      submitLabel={lane ? 'Save lane' : 'Add lane'}
      onSubmit={submit}
      onClose={onClose}
      remove={
        lane && {
          question: (
            <>Delete the lane “{lane.name}” and every letter on it? You can undo this with Ctrl+Z or the Undo button.</>
          ),
          keepLabel: 'Keep the lane',
          confirmLabel: <>Delete “{lane.name}”</>,
          triggerLabel: 'Delete lane…',
          lockWhenReadOnly: true,
          run: () => deleteRaciLane(s.db, lane.id),
        }
      }
    >
      <TextField label="Name" {...bind('name')} required autoFocus maxLength={500} />
      <TextAreaField
        label="Split of responsibility"
        hint="Who does what when two parties are Responsible, e.g. “Partner patches servers; Internal IT patches endpoints.” Without it the lane is flagged as a possible role collision."
        {...bind('splitNote')}
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
    </RecordDialog>
  );
}
