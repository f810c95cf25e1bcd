/**
 * Decision log: roadmap items flagged "needs decision" with their latest decision (or a button to
 * request one, drafted from the item), and every decision with its status (changed in place) and
 * an edit dialog.
 */
import { pendingDecisions } from '../../../../shared/domain/governance/decisions';
import type { Decision } from '../../../../shared/domain/governance/schema';
import type { RoadmapItem } from '../../../../shared/domain/roadmap/schema';
import { useServices } from '../../app/services';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { EmptyState } from '../../components/empty-state';
import { Panel } from '../../components/panel';
import { Pill } from '../../components/status';
import {
  createDecision,
  createDecisionFromItem,
  deleteDecision,
  setDecisionStatus,
  updateDecision,
  validateDecisionDraft,
  type DecisionDraft,
} from '../../db/repos/governance';
import { formatDate } from '../../lib/format';
import { RowButton } from '../../components/row-actions';
import { governanceEdit } from './edit';
import { labelledOptions } from './form-fields';
import { RecordDialog } from './record-dialog';
import { useRecordForm } from './record-form';
import { AddButton, RecordTable, StatusSelect, useRecordDialog } from './record-table';
import { UndoFence } from './undo-fence';

const STATUSES: readonly Decision['status'][] = ['requested', 'approved', 'rejected', 'deferred'];
const STATUS_TEXT: Record<Decision['status'], string> = {
  requested: 'Requested',
  approved: 'Approved',
  rejected: 'Rejected',
  deferred: 'Deferred',
};
const STATUS_TONE: Record<Decision['status'], 'amber' | 'green' | 'red' | 'neutral'> = {
  requested: 'amber',
  approved: 'green',
  rejected: 'red',
  deferred: 'neutral',
};

export function DecisionPanel({
  workspaceId,
  locale,
  decisions,
  items,
}: {
  workspaceId: string;
  locale: string;
  decisions: readonly Decision[];
  items: readonly RoadmapItem[];
}) {
  const s = useServices();
  const dialog = useRecordDialog(decisions);
  const pending = pendingDecisions([...items], [...decisions]);
  const sorted = [...decisions].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : 1));
  const itemTitle = new Map(items.map((i) => [i.id, i.title]));
  const readOnly = !!s.readOnlyReason;
  const requested = decisions.filter((d) => d.status === 'requested').length;

  return (
    <Panel
      id="decisions"
      title="Decision log"
      meta={`${decisions.length} logged · ${requested} requested`}
      actions={
        <AddButton disabled={readOnly} onClick={dialog.openNew}>
          Log decision
        </AddButton>
      }
    >
      <h3 className="subhead">Roadmap items that need a decision ({pending.length})</h3>
      {pending.length === 0 ? (
        <p className="muted">No open roadmap item is flagged “needs decision”.</p>
      ) : (
        <ul className="pending-list">
          {pending.map(({ item, decision }) => (
            <li key={item.id}>
              <div>
                <strong>{item.title}</strong>
                {item.decisionText ? <span className="cell-sub">{item.decisionText}</span> : null}
              </div>
              {decision ? (
                <Pill
                  tone={STATUS_TONE[decision.status]}
                >{`Decision ${STATUS_TEXT[decision.status].toLowerCase()}`}</Pill>
              ) : (
                <button
                  type="button"
                  className="btn btn-sm"
                  disabled={readOnly}
                  aria-label={`Request a decision on ${item.title}`}
                  onClick={() => void governanceEdit(s, () => createDecisionFromItem(s.db, item.id, s.ctx))}
                >
                  Request decision
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3 className="subhead">Decisions</h3>
      {sorted.length === 0 ? (
        <EmptyState title="No decisions logged">
          Log what was decided, the options and the rationale; requested decisions lead the QBR deck.
        </EmptyState>
      ) : (
        <RecordTable label="Decisions" columns={['Decision', 'Date', 'Status']}>
          {sorted.map((d) => (
            <tr key={d.id} data-focus-id={d.id} tabIndex={-1}>
              <th scope="row" className="cell-wrap">
                {d.text}
                {d.recommendedOption ? <span className="cell-sub">Recommended: {d.recommendedOption}</span> : null}
                {d.linkedItemIds.length ? (
                  <span className="cell-sub">
                    Roadmap: {d.linkedItemIds.map((id) => itemTitle.get(id) ?? 'deleted item').join(', ')}
                  </span>
                ) : null}
              </th>
              <td className="nowrap">{formatDate(d.date, locale)}</td>
              <td>
                <StatusSelect
                  id={`decision-status-${d.id}`}
                  label={`Status of ${d.text.slice(0, 80)}`}
                  className={`status-select status-${STATUS_TONE[d.status]}`}
                  value={d.status}
                  options={STATUSES}
                  text={STATUS_TEXT}
                  disabled={readOnly}
                  onChange={(status) => void governanceEdit(s, () => setDecisionStatus(s.db, d.id, status))}
                />
              </td>
              <td className="row-actions">
                <RowButton
                  label={`Edit decision: ${d.text.slice(0, 80)}`}
                  disabled={readOnly}
                  onClick={() => dialog.openEdit(d.id)}
                >
                  Edit
                </RowButton>
              </td>
            </tr>
          ))}
        </RecordTable>
      )}
      {dialog.isOpen ? (
        <UndoFence>
          <DecisionDialog
            workspaceId={workspaceId}
            decision={dialog.editing}
            items={items}
            today={s.ctx.now().slice(0, 10)}
            onClose={dialog.close}
          />
        </UndoFence>
      ) : null}
    </Panel>
  );
}

function DecisionDialog({
  workspaceId,
  decision,
  items,
  today,
  onClose,
}: {
  workspaceId: string;
  decision: Decision | null;
  items: readonly RoadmapItem[];
  today: string;
  onClose: () => void;
}) {
  const s = useServices();
  const { form, bind, set, setForm, submit } = useRecordForm<DecisionDraft, keyof DecisionDraft>(
    {
      text: decision?.text ?? '',
      options: (decision?.options ?? []).join('\n'),
      recommendedOption: decision?.recommendedOption ?? '',
      rationale: decision?.rationale ?? '',
      status: decision?.status ?? 'requested',
      date: decision?.date ?? today,
      linkedItemIds: decision?.linkedItemIds ?? [],
    },
    validateDecisionDraft,
    (d) => (decision ? updateDecision(s.db, decision.id, d) : createDecision(s.db, workspaceId, d, s.ctx)),
    onClose,
  );
  const linked = form.linkedItemIds[0] ?? '';

  return (
    <RecordDialog
      title={decision ? 'Edit decision' : 'Log a decision'}
      size="lg"
      formId="decision-form"
      submitLabel={decision ? 'Save decision' : 'Log decision'}
      onSubmit={submit}
      onClose={onClose}
      remove={
        decision && {
          question: 'Delete this decision from the log? You can undo it.',
          keepLabel: 'Keep the decision',
          confirmLabel: 'Delete decision',
          run: () => deleteDecision(s.db, decision.id),
        }
      }
    >
      <TextAreaField className="span-2" label="Decision" {...bind('text')} rows={2} />
      <TextAreaField label="Options (one per line)" {...bind('options')} rows={3} />
      <TextField label="Recommended option" {...bind('recommendedOption')} />
      <TextAreaField className="span-2" label="Rationale" {...bind('rationale')} rows={2} />
      <SelectField
        label="Status"
        value={form.status}
        onChange={set('status')}
        options={labelledOptions(STATUSES, STATUS_TEXT)}
      />
      <TextField label="Date" type="date" {...bind('date')} />
      <SelectField
        className="span-2"
        label="Roadmap item"
        value={linked}
        onChange={(v) =>
          // Only the first link is chosen here; any other links the decision has are kept.
          setForm((d) => ({
            ...d,
            linkedItemIds: v ? [v, ...d.linkedItemIds.slice(1).filter((x) => x !== v)] : d.linkedItemIds.slice(1),
          }))
        }
        options={[{ value: '', label: 'None' }, ...items.map((i) => ({ value: i.id, label: i.title }))]}
      />
    </RecordDialog>
  );
}
