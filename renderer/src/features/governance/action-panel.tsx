/**
 * Action items carried between QBRs: owner, due date and status (changed in place), overdue flags
 * as of today, how often each was carried over, and add/edit/delete.
 */
import { useState, type FormEvent } from 'react';
import { overdueActions, sortActions } from '../../../../shared/domain/governance/actions';
import type { ActionItem } from '../../../../shared/domain/governance/schema';
import type { Qbr } from '../../../../shared/domain/qbr/schema';
import { quarterLabel } from '../../../../shared/domain/periods';
import { useServices } from '../../app/services';
import { AppDialog } from '../../components/dialog';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { EmptyState } from '../../components/empty-state';
import { Panel } from '../../components/panel';
import { Pill } from '../../components/status';
import { TableWrap } from '../../components/table-wrap';
import {
  createAction,
  deleteAction,
  setActionStatus,
  updateAction,
  validateActionDraft,
  type ActionDraft,
  type FieldErrors,
} from '../../db/repos/governance';
import { formatDate } from '../../lib/format';
import { governanceEdit } from './edit';
import { UndoFence } from './undo-fence';
import { useDialog } from './use-dialog';

const STATUSES: readonly ActionItem['status'][] = ['open', 'in-progress', 'done', 'dropped'];
const STATUS_TEXT: Record<ActionItem['status'], string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};
const isOpen = (a: ActionItem) => a.status === 'open' || a.status === 'in-progress';

export function ActionPanel({
  workspaceId,
  locale,
  actions,
  qbrs,
  today,
}: {
  workspaceId: string;
  locale: string;
  actions: readonly ActionItem[];
  qbrs: readonly Qbr[];
  today: string;
}) {
  const s = useServices();
  const [dialog, openDialog, closeDialog] = useDialog<{ actionId: string | null }>();
  const [showClosed, setShowClosed] = useState(true);
  const overdue = new Map(overdueActions([...actions], today).map((a) => [a.id, a.daysOverdue]));
  // Open work first, then done and dropped; each group by due date.
  const ordered = [...sortActions(actions.filter(isOpen)), ...sortActions(actions.filter((a) => !isOpen(a)))];
  const rows = showClosed ? ordered : ordered.filter(isOpen);
  const open = actions.filter(isOpen).length;
  const carried = actions.filter((a) => isOpen(a) && a.carriedOver > 0).length;
  const qbrQuarter = new Map(qbrs.map((q) => [q.id, q.quarter]));
  const readOnly = !!s.readOnlyReason;
  const editing = dialog?.actionId ? (actions.find((a) => a.id === dialog.actionId) ?? null) : null;

  return (
    <Panel
      id="actions"
      title="Action items"
      meta={`${open} open · ${overdue.size} overdue · ${carried} carried over`}
      actions={
        <button type="button" className="btn btn-sm" disabled={readOnly} onClick={() => openDialog({ actionId: null })}>
          Add action
        </button>
      }
    >
      {actions.length === 0 ? (
        <EmptyState title="No action items">
          Actions agreed in QBRs, with an owner and a due date; open ones are carried to the next QBR.
        </EmptyState>
      ) : (
        <>
          <div className="toolbar toolbar-flat">
            <label className="field-check-inline">
              <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)} /> Show done
              and dropped
            </label>
            <span className="toolbar-count">Overdue as of {formatDate(today, locale)}</span>
          </div>
          <TableWrap label="Action items">
            <table className="data-table compact">
              <thead>
                <tr>
                  <th scope="col">Action</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Due</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => {
                  const late = overdue.get(a.id);
                  const from = a.createdInQbrId ? qbrQuarter.get(a.createdInQbrId) : undefined;
                  return (
                    <tr
                      key={a.id}
                      data-focus-id={a.id}
                      tabIndex={-1}
                      className={late !== undefined ? 'row-flagged' : undefined}
                    >
                      <th scope="row" className="cell-wrap">
                        {a.text}
                        <span className="cell-sub">
                          {[
                            from ? `From the ${quarterLabel(from)} QBR` : '',
                            a.carriedOver > 0 ? `carried over ${a.carriedOver}×` : '',
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </span>
                      </th>
                      <td>{a.owner || '—'}</td>
                      <td className="nowrap">
                        {formatDate(a.dueDate, locale)}
                        {late !== undefined ? (
                          <span className="cell-sub">
                            <Pill tone="red">{`Overdue ${late} ${late === 1 ? 'day' : 'days'}`}</Pill>
                          </span>
                        ) : null}
                      </td>
                      <td>
                        <label className="visually-hidden" htmlFor={`action-status-${a.id}`}>
                          Status of {a.text.slice(0, 80)}
                        </label>
                        <select
                          id={`action-status-${a.id}`}
                          className="status-select"
                          value={a.status}
                          disabled={readOnly}
                          onChange={(e) =>
                            void governanceEdit(s, () =>
                              setActionStatus(s.db, a.id, e.target.value as ActionItem['status']),
                            )
                          }
                        >
                          {STATUSES.map((st) => (
                            <option key={st} value={st}>
                              {STATUS_TEXT[st]}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td className="row-actions">
                        <button
                          type="button"
                          className="btn btn-sm btn-ghost"
                          disabled={readOnly}
                          aria-label={`Edit action: ${a.text.slice(0, 80)}`}
                          onClick={() => openDialog({ actionId: a.id })}
                        >
                          Edit
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
      {dialog ? (
        <UndoFence>
          <ActionDialog workspaceId={workspaceId} action={editing} qbrs={qbrs} onClose={() => closeDialog()} />
        </UndoFence>
      ) : null}
    </Panel>
  );
}

function ActionDialog({
  workspaceId,
  action,
  qbrs,
  onClose,
}: {
  workspaceId: string;
  action: ActionItem | null;
  qbrs: readonly Qbr[];
  onClose: () => void;
}) {
  const s = useServices();
  const [d, setD] = useState<ActionDraft>({
    text: action?.text ?? '',
    owner: action?.owner ?? '',
    dueDate: action?.dueDate ?? '',
    status: action?.status ?? 'open',
  });
  // New actions belong to the newest draft QBR, so they are reviewed (and carried over) at the next one.
  const draftQbr = [...qbrs].filter((q) => q.status === 'draft').sort((a, b) => (a.quarter < b.quarter ? 1 : -1))[0];
  const [errors, setErrors] = useState<FieldErrors<ActionDraft>>({});
  const [confirmDelete, setConfirmDelete] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validateActionDraft(d);
    setErrors(found);
    if (Object.keys(found).length) return;
    const cs = await governanceEdit(s, () =>
      action ? updateAction(s.db, action.id, d) : createAction(s.db, workspaceId, d, s.ctx, draftQbr?.id ?? null),
    );
    if (cs) onClose();
  };

  return (
    <AppDialog
      title={action ? 'Edit action' : 'Add an action'}
      onClose={onClose}
      footer={
        confirmDelete && action ? (
          <>
            <button type="button" className="btn" onClick={() => setConfirmDelete(false)}>
              Keep the action
            </button>
            <button
              type="button"
              className="btn btn-danger"
              onClick={() => void governanceEdit(s, () => deleteAction(s.db, action.id)).then((cs) => cs && onClose())}
            >
              Delete action
            </button>
          </>
        ) : (
          <>
            {action ? (
              <button
                type="button"
                className="btn btn-ghost btn-danger-text dialog-foot-left"
                onClick={() => setConfirmDelete(true)}
              >
                Delete…
              </button>
            ) : null}
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" form="action-form" className="btn btn-primary" disabled={!!s.readOnlyReason}>
              {action ? 'Save action' : 'Add action'}
            </button>
          </>
        )
      }
    >
      {confirmDelete && action ? (
        <p className="dialog-text">Delete this action? Dropping it keeps it in the QBR review; you can undo either.</p>
      ) : (
        <form id="action-form" className="form-grid" onSubmit={(e) => void submit(e)} noValidate>
          <TextAreaField
            className="span-2"
            label="Action"
            value={d.text}
            onChange={(text) => setD({ ...d, text })}
            error={errors.text}
            rows={2}
          />
          <TextField label="Owner" value={d.owner} onChange={(owner) => setD({ ...d, owner })} error={errors.owner} />
          <TextField
            label="Due"
            type="date"
            value={d.dueDate}
            onChange={(dueDate) => setD({ ...d, dueDate })}
            error={errors.dueDate}
          />
          <SelectField
            label="Status"
            value={d.status}
            onChange={(status) => setD({ ...d, status })}
            options={STATUSES.map((v) => ({ value: v, label: STATUS_TEXT[v] }))}
          />
          {!action && draftQbr ? (
            <p className="field-hint span-2">Added to the {quarterLabel(draftQbr.quarter)} QBR’s actions.</p>
          ) : null}
        </form>
      )}
    </AppDialog>
  );
}
