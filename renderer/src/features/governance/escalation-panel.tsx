/**
 * Escalation ladder per severity P1–P4: ordered steps (party, contact role, response target) that
 * can be added, edited, moved and deleted; the shared checks (no holes, each step later than the
 * one before) are shown on the ladder they concern.
 */
import { useState, type FormEvent } from 'react';
import type { Finding } from '../../../../shared/domain/findings';
import { escalationLadders, validateEscalation } from '../../../../shared/domain/governance/escalation';
import { SEVERITIES, type EscalationStep } from '../../../../shared/domain/governance/schema';
import type { Party } from '../../../../shared/domain/workspace/schema';
import { useServices } from '../../app/services';
import { AppDialog } from '../../components/dialog';
import { SelectField, TextField } from '../../components/field';
import { EmptyState } from '../../components/empty-state';
import { Panel } from '../../components/panel';
import { RagBadge } from '../../components/status';
import {
  addDefaultEscalationLadder,
  addEscalationStep,
  deleteEscalationStep,
  moveEscalationStep,
  updateEscalationStep,
  validateEscalationDraft,
  type EscalationDraft,
  type FieldErrors,
  type Severity,
} from '../../db/repos/governance';
import { formatMinutes } from '../../lib/format';
import { governanceEdit } from './edit';
import { UndoFence } from './undo-fence';
import { useDialog } from './use-dialog';
import { durationMinutes, durationParts, type DurationUnit } from './governance-view';

const SEVERITY_TEXT: Record<Severity, string> = {
  P1: 'Critical',
  P2: 'High',
  P3: 'Medium',
  P4: 'Low',
};

export const UNIT_OPTIONS: readonly { value: DurationUnit; label: string }[] = [
  { value: 'min', label: 'minutes' },
  { value: 'h', label: 'hours' },
  { value: 'd', label: 'days' },
];

export function EscalationPanel({
  workspaceId,
  steps,
  parties,
  exportButton,
}: {
  workspaceId: string;
  steps: readonly EscalationStep[];
  parties: readonly Party[];
  exportButton: React.ReactNode;
}) {
  const s = useServices();
  const [dialog, openDialog, closeDialog] = useDialog<{ stepId: string | null; severity: Severity }>();
  const ladders = escalationLadders(steps, [...parties]);
  const findings = validateEscalation(steps);
  const readOnly = !!s.readOnlyReason;
  const bySeverity = (sev: Severity): Finding[] => findings.filter((f) => f.subject === `Escalation ${sev}`);
  const editing = dialog?.stepId ? (steps.find((x) => x.id === dialog.stepId) ?? null) : null;

  return (
    <Panel
      id="escalation"
      title="Escalation ladder"
      meta={findings.length ? `${findings.length} to fix` : 'Every ladder checks out'}
      actions={exportButton}
    >
      {steps.length === 0 ? (
        <EmptyState
          title="No escalation ladder"
          action={
            <button
              type="button"
              className="btn btn-primary"
              disabled={readOnly}
              onClick={() => void governanceEdit(s, () => addDefaultEscalationLadder(s.db, workspaceId, s.ctx))}
            >
              Start from the default ladder
            </button>
          }
        >
          Define who is called, in which order and how fast, for P1 to P4 — or start from a typical co-managed ladder
          and adjust it.
        </EmptyState>
      ) : (
        <div className="ladders">
          {ladders.map((l) => {
            const problems = bySeverity(l.severity);
            const flagged = new Set(problems.map((p) => p.recordId).filter(Boolean));
            return (
              <section
                key={l.severity}
                className="ladder"
                aria-labelledby={`ladder-${l.severity}`}
                data-focus-id={`ladder-${l.severity}`}
              >
                <div className="ladder-head">
                  <h3 id={`ladder-${l.severity}`} className="subhead">
                    {l.severity} · {SEVERITY_TEXT[l.severity]}
                  </h3>
                  <button
                    type="button"
                    className="btn btn-sm btn-ghost"
                    disabled={readOnly}
                    onClick={() => openDialog({ stepId: null, severity: l.severity })}
                  >
                    Add step<span className="visually-hidden"> to {l.severity}</span>
                  </button>
                </div>
                {problems.length ? (
                  <ul className="ladder-problems">
                    {problems.map((p, i) => (
                      <li key={i}>
                        <RagBadge rag="amber" label="Check" /> {p.message}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {l.steps.length === 0 ? (
                  <p className="muted small">No steps yet.</p>
                ) : (
                  <table className="data-table compact ladder-table">
                    <caption className="visually-hidden">{l.severity} escalation steps</caption>
                    <thead>
                      <tr>
                        <th scope="col" className="num">
                          Step
                        </th>
                        <th scope="col">Contact role</th>
                        <th scope="col">Party</th>
                        <th scope="col" className="num">
                          Respond within
                        </th>
                        <th scope="col">
                          <span className="visually-hidden">Actions</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {l.steps.map((st, i) => (
                        <tr
                          key={st.id}
                          data-focus-id={st.id}
                          tabIndex={-1}
                          className={flagged.has(st.id) ? 'row-flagged' : undefined}
                        >
                          <td className="num">{st.step}</td>
                          <th scope="row">{st.contactRole}</th>
                          <td>{st.partyName}</td>
                          <td className="num">{formatMinutes(st.responseMinutes)}</td>
                          <td className="row-actions">
                            <button
                              type="button"
                              className="btn btn-sm btn-ghost btn-icon"
                              aria-label={`Move ${l.severity} step ${st.step} up`}
                              title="Move up"
                              disabled={readOnly || i === 0}
                              onClick={() => void governanceEdit(s, () => moveEscalationStep(s.db, st.id, -1))}
                            >
                              ↑
                            </button>
                            <button
                              type="button"
                              className="btn btn-sm btn-ghost btn-icon"
                              aria-label={`Move ${l.severity} step ${st.step} down`}
                              title="Move down"
                              disabled={readOnly || i === l.steps.length - 1}
                              onClick={() => void governanceEdit(s, () => moveEscalationStep(s.db, st.id, 1))}
                            >
                              ↓
                            </button>
                            <button
                              type="button"
                              className="btn btn-sm btn-ghost"
                              aria-label={`Edit ${l.severity} step ${st.step}, ${st.contactRole}`}
                              disabled={readOnly}
                              onClick={() => openDialog({ stepId: st.id, severity: l.severity })}
                            >
                              Edit
                            </button>
                            <button
                              type="button"
                              className="btn btn-sm btn-ghost btn-danger-text"
                              aria-label={`Delete ${l.severity} step ${st.step}, ${st.contactRole}`}
                              disabled={readOnly}
                              onClick={() => void governanceEdit(s, () => deleteEscalationStep(s.db, st.id))}
                            >
                              Delete
                            </button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
            );
          })}
        </div>
      )}
      {dialog ? (
        <UndoFence>
          <EscalationDialog
            workspaceId={workspaceId}
            step={editing}
            severity={dialog.severity}
            parties={parties}
            onClose={() => closeDialog()}
          />
        </UndoFence>
      ) : null}
    </Panel>
  );
}

function EscalationDialog({
  workspaceId,
  step,
  severity,
  parties,
  onClose,
}: {
  workspaceId: string;
  step: EscalationStep | null;
  severity: Severity;
  parties: readonly Party[];
  onClose: () => void;
}) {
  const s = useServices();
  const start = durationParts(step?.responseMinutes ?? 60);
  const [sev, setSev] = useState<Severity>(step?.severity ?? severity);
  const [partyId, setPartyId] = useState(
    step?.partyId ?? parties.find((p) => p.kind === 'partner')?.id ?? parties[0]?.id ?? '',
  );
  const [role, setRole] = useState(step?.contactRole ?? '');
  const [value, setValue] = useState(start.value);
  const [unit, setUnit] = useState<DurationUnit>(start.unit);
  const [errors, setErrors] = useState<FieldErrors<EscalationDraft>>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const minutes = durationMinutes(value, unit);
    const draft: EscalationDraft = { severity: sev, partyId, contactRole: role, responseMinutes: minutes ?? -1 };
    const found = validateEscalationDraft(
      draft,
      parties.map((p) => p.id),
    );
    if (minutes === null)
      found.responseMinutes = 'Enter the response target as a number, e.g. 15 minutes or 1.5 hours.';
    setErrors(found);
    if (Object.keys(found).length) return;
    const cs = await governanceEdit(s, () =>
      step ? updateEscalationStep(s.db, step.id, draft) : addEscalationStep(s.db, workspaceId, draft, s.ctx),
    );
    if (cs) onClose();
  };

  return (
    <AppDialog
      title={step ? `Edit ${step.severity} step ${step.step}` : `Add a ${severity} escalation step`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="escalation-form" className="btn btn-primary" disabled={!!s.readOnlyReason}>
            {step ? 'Save step' : 'Add step'}
          </button>
        </>
      }
    >
      <form id="escalation-form" className="form-grid" onSubmit={(e) => void submit(e)} noValidate>
        <SelectField
          label="Severity"
          value={sev}
          onChange={setSev}
          options={SEVERITIES.map((x) => ({ value: x, label: `${x} · ${SEVERITY_TEXT[x]}` }))}
          error={errors.severity}
          hint={step ? 'A new severity moves the step to the end of that ladder.' : undefined}
        />
        <SelectField
          label="Party called"
          value={partyId}
          onChange={setPartyId}
          options={parties.map((p) => ({ value: p.id, label: p.name }))}
          error={errors.partyId}
        />
        <TextField
          className="span-2"
          label="Contact role"
          value={role}
          onChange={setRole}
          error={errors.contactRole}
          placeholder="e.g. NOC on-call engineer"
          required
          autoFocus
          maxLength={500}
        />
        <TextField
          label="Respond within"
          value={value}
          onChange={setValue}
          inputMode="decimal"
          error={errors.responseMinutes}
          hint="Counted from when the incident is raised; longer than the step before."
          required
        />
        <SelectField label="Unit" value={unit} onChange={setUnit} options={UNIT_OPTIONS} />
      </form>
    </AppDialog>
  );
}
