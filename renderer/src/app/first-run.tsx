/** First run: no workspace yet. Two choices, named exactly as the product promises. */
import { useState, type FormEvent } from 'react';
import { createWorkspace } from '../db/repos/workspaces';
import {
  WorkspaceFields,
  defaultWorkspaceValues,
  toWorkspaceInput,
  validateWorkspaceValues,
  type WorkspaceFormErrors,
} from '../features/workspaces/workspace-form';
import { useUi } from '../state/store';
import { describeError, openSample } from './actions';
import { useServices } from './services';

export function FirstRun() {
  const s = useServices();
  const [mode, setMode] = useState<'choose' | 'empty'>('choose');
  const [values, setValues] = useState(defaultWorkspaceValues);
  const [errors, setErrors] = useState<WorkspaceFormErrors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs = validateWorkspaceValues(values);
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const { workspace, changes } = await createWorkspace(s.db, toWorkspaceInput(values), s.ctx);
      s.history.record(changes);
      useUi.getState().setWorkspace(workspace.id);
    } catch (err) {
      setFailure(describeError(err));
      setBusy(false);
    }
  };

  return (
    <main className="first-run" id="main">
      <div className="first-run-card">
        <div className="brand-mark brand-mark-lg" aria-hidden="true">
          Q
        </div>
        <h1>Welcome to Quarterdeck</h1>
        <p className="lead">
          Plan the roadmap, keep the budget, see staffing gaps, track KPIs and the co-managed split with your partner,
          and produce the quarterly business review deck — all on this computer. Nothing leaves it unless you export it.
        </p>
        {s.readOnlyReason ? (
          <p className="notice notice-warn" role="alert">
            {s.readOnlyReason}
          </p>
        ) : null}
        {mode === 'choose' ? (
          <div className="first-run-choices">
            <button
              type="button"
              className="choice"
              disabled={busy || !!s.readOnlyReason}
              onClick={async () => {
                setBusy(true);
                if (!(await openSample(s))) setBusy(false);
              }}
            >
              <span className="choice-title">Open the sample workspace</span>
              <span className="choice-body">
                A fictional 1,900-user manufacturer with a co-managed partner: two years of KPIs, a roadmap, a budget
                with actuals, staffing, RACI and risks.
              </span>
            </button>
            <button
              type="button"
              className="choice"
              disabled={busy || !!s.readOnlyReason}
              onClick={() => setMode('empty')}
            >
              <span className="choice-title">Start empty</span>
              <span className="choice-body">
                Your own organisation, with the built-in KPI dictionary, skill areas, cost benchmarks and a default RACI
                to edit.
              </span>
            </button>
          </div>
        ) : (
          <form className="first-run-form" onSubmit={submit} noValidate aria-labelledby="start-empty-title">
            <h2 id="start-empty-title">Start empty</h2>
            <WorkspaceFields values={values} errors={errors} onChange={setValues} autoFocus />
            {failure ? (
              <p className="notice notice-error" role="alert">
                {failure}
              </p>
            ) : null}
            <div className="form-actions">
              <button type="button" className="btn" onClick={() => setMode('choose')}>
                Back
              </button>
              <button type="submit" className="btn btn-primary" disabled={busy}>
                Create workspace
              </button>
            </div>
          </form>
        )}
      </div>
    </main>
  );
}
