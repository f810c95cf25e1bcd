/**
 * Action items carried between QBRs: owner, due date and status (changed in place), overdue flags
 * as of today, how often each was carried over, and add/edit/delete.
 */
import { useState } from 'react';
import { overdueActions, sortActions } from '../../../../shared/domain/governance/actions';
import type { ActionItem } from '../../../../shared/domain/governance/schema';
import type { Qbr } from '../../../../shared/domain/qbr/schema';
import { quarterLabel } from '../../../../shared/domain/periods';
import { useServices } from '../../app/services';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { EmptyState } from '../../components/empty-state';
import { Panel } from '../../components/panel';
import { Pill } from '../../components/status';
import {
  createAction,
  deleteAction,
  setActionStatus,
  updateAction,
  validateActionDraft,
  type ActionDraft,
} from '../../db/repos/governance';
import { formatDate } from '../../lib/format';
import { RowButton } from '../../components/row-actions';
import { governanceEdit } from './edit';
import { labelledOptions } from './form-fields';
import { RecordDialog } from './record-dialog';
import { useRecordForm } from './record-form';
import { AddButton, InlineCheck, RecordTable, StatusSelect, useRecordDialog } from './record-table';
import { UndoFence } from './undo-fence';

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
  const dialog = useRecordDialog(actions);
  const [showClosed, setShowClosed] = useState(true);
  const overdue = new Map(overdueActions([...actions], today).map((a) => [a.id, a.daysOverdue]));
  // Open work first, then done and dropped; each group by due date.
  const ordered = [...sortActions(actions.filter(isOpen)), ...sortActions(actions.filter((a) => !isOpen(a)))];
  const rows = showClosed ? ordered : ordered.filter(isOpen);
  const open = actions.filter(isOpen).length;
  const carried = actions.filter((a) => isOpen(a) && a.carriedOver > 0).length;
  const qbrQuarter = new Map(qbrs.map((q) => [q.id, q.quarter]));
  const readOnly = !!s.readOnlyReason;

  return (
    <Panel
      id="actions"
      title="Action items"
      meta={`${open} open · ${overdue.size} overdue · ${carried} carried over`}
      actions={
        <AddButton disabled={readOnly} onClick={dialog.openNew}>
          Add action
        </AddButton>
      }
    >
      {actions.length === 0 ? (
        <EmptyState title="No action items">
          Actions agreed in QBRs, with an owner and a due date; open ones are carried to the next QBR.
        </EmptyState>
      ) : (
        <>
          <div className="toolbar toolbar-flat">
            <InlineCheck checked={showClosed} onChange={setShowClosed}>
              Show done and dropped
            </InlineCheck>
            <span className="toolbar-count">Overdue as of {formatDate(today, locale)}</span>
          </div>
          <RecordTable label="Action items" columns={['Action', 'Owner', 'Due', 'Status']}>
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
                    <StatusSelect
                      id={`action-status-${a.id}`}
                      label={`Status of ${a.text.slice(0, 80)}`}
                      value={a.status}
                      options={STATUSES}
                      text={STATUS_TEXT}
                      disabled={readOnly}
                      onChange={(status) => void governanceEdit(s, () => setActionStatus(s.db, a.id, status))}
                    />
                  </td>
                  <td className="row-actions">
                    <RowButton
                      label={`Edit action: ${a.text.slice(0, 80)}`}
                      disabled={readOnly}
                      onClick={() => dialog.openEdit(a.id)}
                    >
                      Edit
                    </RowButton>
                  </td>
                </tr>
              );
            })}
          </RecordTable>
        </>
      )}
      {dialog.isOpen ? (
        <UndoFence>
          <ActionDialog workspaceId={workspaceId} action={dialog.editing} qbrs={qbrs} onClose={dialog.close} />
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
  // New actions belong to the newest draft QBR, so they are reviewed (and carried over) at the next one.
  const draftQbr = [...qbrs].filter((q) => q.status === 'draft').sort((a, b) => (a.quarter < b.quarter ? 1 : -1))[0];
  const { form, bind, set, submit } = useRecordForm<ActionDraft, keyof ActionDraft>(
    {
      text: action?.text ?? '',
      owner: action?.owner ?? '',
      dueDate: action?.dueDate ?? '',
      status: action?.status ?? 'open',
    },
    validateActionDraft,
    (d) =>
      action ? updateAction(s.db, action.id, d) : createAction(s.db, workspaceId, d, s.ctx, draftQbr?.id ?? null),
    onClose,
  );

  return (
    <RecordDialog
      title={action ? 'Edit action' : 'Add an action'}
      formId="action-form"
      submitLabel={action ? 'Save action' : 'Add action'}
      onSubmit={submit}
      onClose={onClose}
      remove={
        action && {
          question: 'Delete this action? Dropping it keeps it in the QBR review; you can undo either.',
          keepLabel: 'Keep the action',
          confirmLabel: 'Delete action',
          run: () => deleteAction(s.db, action.id),
        }
      }
    >
      <TextAreaField className="span-2" label="Action" {...bind('text')} rows={2} />
      <TextField label="Owner" {...bind('owner')} />
      <TextField label="Due" type="date" {...bind('dueDate')} />
      <SelectField
        label="Status"
        value={form.status}
        onChange={set('status')}
        options={labelledOptions(STATUSES, STATUS_TEXT)}
      />
      {!action && draftQbr ? (
        <p className="field-hint span-2">Added to the {quarterLabel(draftQbr.quarter)} QBR’s actions.</p>
      ) : null}
    </RecordDialog>
  );
}
