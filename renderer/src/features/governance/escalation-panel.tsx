/**
 * Escalation ladder per severity P1–P4: ordered steps (party, contact role, response target) that
 * can be added, edited, moved and deleted; the shared checks (no holes, each step later than the
 * one before) are shown on the ladder they concern.
 */
import type { Finding } from '../../../../shared/domain/findings';
import { escalationLadders, validateEscalation } from '../../../../shared/domain/governance/escalation';
import { SEVERITIES, type EscalationStep } from '../../../../shared/domain/governance/schema';
import type { Party } from '../../../../shared/domain/workspace/schema';
import { useServices } from '../../app/services';
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
  type Severity,
} from '../../db/repos/governance';
import { formatMinutes } from '../../lib/format';
import { RowButton } from '../../components/row-actions';
import { governanceEdit } from './edit';
import { DurationField } from './form-fields';
import { durationMinutes, durationParts, type DurationUnit } from './governance-view';
import { RecordDialog } from './record-dialog';
import { useRecordForm, type Errors } from './record-form';
import { ActionsHeader, AddButton } from './record-table';
import { UndoFence } from './undo-fence';
import { useDialog } from './use-dialog';

const SEVERITY_TEXT: Record<Severity, string> = {
  P1: 'Critical',
  P2: 'High',
  P3: 'Medium',
  P4: 'Low',
};

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
            <AddButton
              primary
              disabled={readOnly}
              onClick={() => void governanceEdit(s, () => addDefaultEscalationLadder(s.db, workspaceId, s.ctx))}
            >
              Start from the default ladder
            </AddButton>
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
                        <ActionsHeader />
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
                            <RowButton
                              icon
                              label={`Move ${l.severity} step ${st.step} up`}
                              title="Move up"
                              disabled={readOnly || i === 0}
                              onClick={() => void governanceEdit(s, () => moveEscalationStep(s.db, st.id, -1))}
                            >
                              ↑
                            </RowButton>
                            <RowButton
                              icon
                              label={`Move ${l.severity} step ${st.step} down`}
                              title="Move down"
                              disabled={readOnly || i === l.steps.length - 1}
                              onClick={() => void governanceEdit(s, () => moveEscalationStep(s.db, st.id, 1))}
                            >
                              ↓
                            </RowButton>
                            <RowButton
                              label={`Edit ${l.severity} step ${st.step}, ${st.contactRole}`}
                              disabled={readOnly}
                              onClick={() => openDialog({ stepId: st.id, severity: l.severity })}
                            >
                              Edit
                            </RowButton>
                            <RowButton
                              danger
                              label={`Delete ${l.severity} step ${st.step}, ${st.contactRole}`}
                              disabled={readOnly}
                              onClick={() => void governanceEdit(s, () => deleteEscalationStep(s.db, st.id))}
                            >
                              Delete
                            </RowButton>
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

/** The step form as typed: the response target is a number and a unit until it is saved. */
type StepForm = Omit<EscalationDraft, 'responseMinutes'> & { value: string; unit: DurationUnit };

/** The draft a step form saves (-1 minutes when the number does not parse, which the validator rejects). */
function stepDraft(f: StepForm): EscalationDraft {
  const minutes = durationMinutes(f.value, f.unit);
  return { severity: f.severity, partyId: f.partyId, contactRole: f.contactRole, responseMinutes: minutes ?? -1 };
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
  const validate = (f: StepForm): Errors<keyof EscalationDraft> => {
    const found = validateEscalationDraft(
      stepDraft(f),
      parties.map((p) => p.id),
    );
    if (durationMinutes(f.value, f.unit) === null)
      found.responseMinutes = 'Enter the response target as a number, e.g. 15 minutes or 1.5 hours.';
    return found;
  };
  const { form, bind, set, errors, submit } = useRecordForm<StepForm, keyof EscalationDraft>(
    () => {
      const start = durationParts(step?.responseMinutes ?? 60);
      return {
        severity: step?.severity ?? severity,
        partyId: step?.partyId ?? parties.find((p) => p.kind === 'partner')?.id ?? parties[0]?.id ?? '',
        contactRole: step?.contactRole ?? '',
        value: start.value,
        unit: start.unit,
      };
    },
    validate,
    (f) =>
      step
        ? updateEscalationStep(s.db, step.id, stepDraft(f))
        : addEscalationStep(s.db, workspaceId, stepDraft(f), s.ctx),
    onClose,
  );

  return (
    <RecordDialog
      title={step ? `Edit ${step.severity} step ${step.step}` : `Add a ${severity} escalation step`}
      formId="escalation-form"
      submitLabel={step ? 'Save step' : 'Add step'}
      onSubmit={submit}
      onClose={onClose}
    >
      <SelectField
        label="Severity"
        {...bind('severity')}
        options={SEVERITIES.map((x) => ({ value: x, label: `${x} · ${SEVERITY_TEXT[x]}` }))}
        hint={step ? 'A new severity moves the step to the end of that ladder.' : undefined}
      />
      <SelectField
        label="Party called"
        {...bind('partyId')}
        options={parties.map((p) => ({ value: p.id, label: p.name }))}
      />
      <TextField
        className="span-2"
        label="Contact role"
        {...bind('contactRole')}
        placeholder="e.g. NOC on-call engineer"
        required
        autoFocus
        maxLength={500}
      />
      <DurationField
        label="Respond within"
        unitLabel="Unit"
        value={form.value}
        unit={form.unit}
        onValue={set('value')}
        onUnit={set('unit')}
        error={errors.responseMinutes}
        hint="Counted from when the incident is raised; longer than the step before."
      />
    </RecordDialog>
  );
}
