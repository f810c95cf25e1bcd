/**
 * Decision log: roadmap items flagged "needs decision" with their latest decision (or a button to
 * request one, drafted from the item), and every decision with its status (changed in place) and
 * an edit dialog.
 */
import { useState, type FormEvent } from 'react';
import { pendingDecisions } from '../../../../shared/domain/governance/decisions';
import type { Decision } from '../../../../shared/domain/governance/schema';
import type { RoadmapItem } from '../../../../shared/domain/roadmap/schema';
import { useServices } from '../../app/services';
import { AppDialog } from '../../components/dialog';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { EmptyState } from '../../components/empty-state';
import { Panel } from '../../components/panel';
import { Pill } from '../../components/status';
import { TableWrap } from '../../components/table-wrap';
import {
  createDecision,
  createDecisionFromItem,
  deleteDecision,
  setDecisionStatus,
  updateDecision,
  validateDecisionDraft,
  type DecisionDraft,
  type FieldErrors,
} from '../../db/repos/governance';
import { formatDate } from '../../lib/format';
import { governanceEdit } from './edit';
import { UndoFence } from './undo-fence';
import { useDialog } from './use-dialog';

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
  const [dialog, openDialog, closeDialog] = useDialog<{ decisionId: string | null }>();
  const pending = pendingDecisions([...items], [...decisions]);
  const sorted = [...decisions].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : 1));
  const itemTitle = new Map(items.map((i) => [i.id, i.title]));
  const readOnly = !!s.readOnlyReason;
  const editing = dialog?.decisionId ? (decisions.find((d) => d.id === dialog.decisionId) ?? null) : null;
  const requested = decisions.filter((d) => d.status === 'requested').length;

  return (
    <Panel
      id="decisions"
      title="Decision log"
      meta={`${decisions.length} logged · ${requested} requested`}
      actions={
        <button
          type="button"
          className="btn btn-sm"
          disabled={readOnly}
          onClick={() => openDialog({ decisionId: null })}
        >
          Log decision
        </button>
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
        <TableWrap label="Decisions">
          <table className="data-table compact">
            <thead>
              <tr>
                <th scope="col">Decision</th>
                <th scope="col">Date</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
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
                    <label className="visually-hidden" htmlFor={`decision-status-${d.id}`}>
                      Status of {d.text.slice(0, 80)}
                    </label>
                    <select
                      id={`decision-status-${d.id}`}
                      className={`status-select status-${STATUS_TONE[d.status]}`}
                      value={d.status}
                      disabled={readOnly}
                      onChange={(e) =>
                        void governanceEdit(s, () =>
                          setDecisionStatus(s.db, d.id, e.target.value as Decision['status']),
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
                      aria-label={`Edit decision: ${d.text.slice(0, 80)}`}
                      onClick={() => openDialog({ decisionId: d.id })}
                    >
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {dialog ? (
        <UndoFence>
          <DecisionDialog
            workspaceId={workspaceId}
            decision={editing}
            items={items}
            today={s.ctx.now().slice(0, 10)}
            onClose={() => closeDialog()}
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
  const [d, setD] = useState<DecisionDraft>({
    text: decision?.text ?? '',
    options: (decision?.options ?? []).join('\n'),
    recommendedOption: decision?.recommendedOption ?? '',
    rationale: decision?.rationale ?? '',
    status: decision?.status ?? 'requested',
    date: decision?.date ?? today,
    linkedItemIds: decision?.linkedItemIds ?? [],
  });
  const [errors, setErrors] = useState<FieldErrors<DecisionDraft>>({});
  const [confirmDelete, setConfirmDelete] = useState(false);
  const linked = d.linkedItemIds[0] ?? '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validateDecisionDraft(d);
    setErrors(found);
    if (Object.keys(found).length) return;
    const cs = await governanceEdit(s, () =>
      decision ? updateDecision(s.db, decision.id, d) : createDecision(s.db, workspaceId, d, s.ctx),
    );
    if (cs) onClose();
  };

  return (
    <AppDialog
      title={decision ? 'Edit decision' : 'Log a decision'}
      onClose={onClose}
      size="lg"
      footer={
        confirmDelete && decision ? (
          <>
            <button type="button" className="btn" onClick={() => setConfirmDelete(false)}>
              Keep the decision
            </button>
            <button
              type="button"
              className="btn btn-danger"
              onClick={() =>
                void governanceEdit(s, () => deleteDecision(s.db, decision.id)).then((cs) => cs && onClose())
              }
            >
              Delete decision
            </button>
          </>
        ) : (
          <>
            {decision ? (
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
            <button type="submit" form="decision-form" className="btn btn-primary" disabled={!!s.readOnlyReason}>
              {decision ? 'Save decision' : 'Log decision'}
            </button>
          </>
        )
      }
    >
      {confirmDelete && decision ? (
        <p className="dialog-text">Delete this decision from the log? You can undo it.</p>
      ) : (
        <form id="decision-form" className="form-grid" onSubmit={(e) => void submit(e)} noValidate>
          <TextAreaField
            className="span-2"
            label="Decision"
            value={d.text}
            onChange={(text) => setD({ ...d, text })}
            error={errors.text}
            rows={2}
          />
          <TextAreaField
            label="Options (one per line)"
            value={d.options}
            onChange={(options) => setD({ ...d, options })}
            error={errors.options}
            rows={3}
          />
          <TextField
            label="Recommended option"
            value={d.recommendedOption}
            onChange={(recommendedOption) => setD({ ...d, recommendedOption })}
            error={errors.recommendedOption}
          />
          <TextAreaField
            className="span-2"
            label="Rationale"
            value={d.rationale}
            onChange={(rationale) => setD({ ...d, rationale })}
            error={errors.rationale}
            rows={2}
          />
          <SelectField
            label="Status"
            value={d.status}
            onChange={(status) => setD({ ...d, status })}
            options={STATUSES.map((v) => ({ value: v, label: STATUS_TEXT[v] }))}
          />
          <TextField
            label="Date"
            type="date"
            value={d.date}
            onChange={(date) => setD({ ...d, date })}
            error={errors.date}
          />
          <SelectField
            className="span-2"
            label="Roadmap item"
            value={linked}
            onChange={(v) =>
              setD({
                ...d,
                linkedItemIds: v ? [v, ...d.linkedItemIds.slice(1).filter((x) => x !== v)] : d.linkedItemIds.slice(1),
              })
            }
            options={[{ value: '', label: 'None' }, ...items.map((i) => ({ value: i.id, label: i.title }))]}
          />
        </form>
      )}
    </AppDialog>
  );
}
