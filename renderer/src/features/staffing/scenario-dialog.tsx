/**
 * Add / edit a sourcing scenario for what-ifs: name, kind, horizon, discount rate, wage inflation,
 * productive hours per FTE, the contract it pays, a choice per skill area (or the area's own plan)
 * and, when fully outsourced, the people kept. The result is recomputed live with the shared
 * engine as the fields change, beside the saved figures, before anything is written.
 */
import { useMemo } from 'react';
import { ScenarioInputError, runScenario, type ScenarioResult } from '../../../../shared/domain/scenarios/engine';
import { SCENARIO_KINDS } from '../../../../shared/domain/scenarios/schema';
import { AREA_PLANS, type AreaPlan } from '../../../../shared/domain/staffing/schema';
import type { WorkspaceData } from '../../../../shared/domain/tables';
import { useServices } from '../../app/services';
import { SelectField, TextField } from '../../components/field';
import { FormDialog, GroupError, useFormDialog } from '../../components/form-dialog';
import type { ScenarioRecord } from '../../db/records';
import {
  createScenario,
  draftFromScenario,
  scenarioFromDraft,
  updateScenario,
  validateScenarioDraft,
  type ScenarioDraft,
} from '../../db/repos/staffing';
import { formatMoney, formatPercent } from '../../lib/format';
import { KIND_HELP, KIND_LABELS, PLAN_LABELS } from './labels';

const FIELDS = [
  'name',
  'kind',
  'horizonYears',
  'discountRatePct',
  'wageInflationPct',
  'productiveHoursPerFte',
  'contractId',
  'areaChoices',
  'retainedPersonIds',
] as const;

function blankDraft(): ScenarioDraft {
  return {
    name: '',
    kind: 'hybrid',
    horizonYears: '5',
    discountRatePct: '8',
    wageInflationPct: '3',
    productiveHoursPerFte: '1800',
    contractId: '',
    areaChoices: {},
    retainedPersonIds: [],
  };
}

type Preview = { ok: true; result: ScenarioResult } | { ok: false; reason: string };

function tryRun(data: WorkspaceData, scenario: ScenarioRecord): Preview {
  try {
    return { ok: true, result: runScenario(data, scenario) };
  } catch (err) {
    if (err instanceof ScenarioInputError) return { ok: false, reason: `${err.problem.field}: ${err.problem.reason}` };
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

export function ScenarioDialog({
  data,
  scenario,
  onClose,
}: {
  data: WorkspaceData;
  scenario: ScenarioRecord | null;
  onClose: () => void;
}) {
  const s = useServices();
  const ws = data.workspace;
  const t = data.tables;
  const fmt = { currency: ws.currency, locale: ws.locale };
  const areas = useMemo(() => [...t.skillAreas].sort((a, b) => a.order - b.order), [t.skillAreas]);
  const refs = useMemo(
    () => ({ contracts: t.partnerContracts, areaIds: areas.map((a) => a.id), personIds: t.people.map((p) => p.id) }),
    [t.partnerContracts, t.people, areas],
  );
  const form = useFormDialog<ScenarioDraft>({
    initial: () => (scenario ? draftFromScenario(scenario, ws) : blankDraft()),
    validate: (draft) => validateScenarioDraft(draft, ws, refs),
    save: async (draft) =>
      scenario ? updateScenario(s.db, scenario.id, draft) : (await createScenario(s.db, ws.id, draft, s.ctx)).changes,
    toast: (draft) => (scenario ? `Saved scenario “${draft.name.trim()}”` : `Added scenario “${draft.name.trim()}”`),
    onSaved: onClose,
  });
  const { draft, set, bind, errors } = form;

  const live = useMemo((): { preview: Preview; saved: Preview | null } => {
    const base = scenario ?? { id: 'draft', workspaceId: ws.id, order: t.scenarios.length };
    const fieldErrors = validateScenarioDraft(draft, ws, refs);
    const firstError = Object.values(fieldErrors)[0];
    const preview: Preview = firstError
      ? { ok: false, reason: firstError }
      : tryRun(
          data,
          scenarioFromDraft(
            base,
            draft,
            ws,
            areas.map((a) => a.id),
          ),
        );
    return { preview, saved: scenario ? tryRun(data, scenario) : null };
  }, [draft, data, scenario, ws, refs, areas, t.scenarios.length]);

  const contractOptions = t.partnerContracts
    .filter((c) => draft.kind !== 'fully-outsourced' || c.kind === 'fully-managed')
    .map((c) => ({ value: c.id, label: `${c.name} (${c.kind})` }));
  const defaultLabel =
    draft.kind === 'in-house'
      ? 'None (in-house pays no partner)'
      : `Workspace default (first ${draft.kind === 'fully-outsourced' ? 'fully-managed' : 'co-managed'} contract)`;
  const outcome = live.preview.ok ? new Map(live.preview.result.areas.map((a) => [a.areaId, a])) : null;
  const title = scenario ? `Edit scenario ${scenario.name}` : 'Add a scenario';
  const p = live.preview;
  const sv = live.saved;
  const total = (r: ScenarioResult) => r.cumulative[r.cumulative.length - 1] ?? 0;

  return (
    <FormDialog
      title={title}
      onClose={onClose}
      size="lg"
      form={form}
      known={FIELDS}
      saveLabel={scenario ? 'Save changes' : 'Add scenario'}
    >
      <div className="form-grid form-grid-3">
        <TextField className="span-2" label="Name" {...bind('name')} required autoFocus maxLength={500} />
        <SelectField
          label="Kind"
          {...bind('kind')}
          options={SCENARIO_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          hint={KIND_HELP[draft.kind]}
        />
        <TextField label="Horizon (years, 1–10)" inputMode="numeric" {...bind('horizonYears')} required />
        <TextField label="Discount rate (%)" inputMode="decimal" {...bind('discountRatePct')} required />
        <TextField label="Wage inflation (% per year)" inputMode="decimal" {...bind('wageInflationPct')} required />
        <TextField
          label="Productive hours per FTE per year"
          inputMode="decimal"
          {...bind('productiveHoursPerFte')}
          hint="1,800 is the usual figure (cost-benchmarks.md)."
          required
        />
        <SelectField
          className="span-2"
          label="Partner contract"
          {...bind('contractId')}
          options={[{ value: '', label: defaultLabel }, ...(draft.kind === 'in-house' ? [] : contractOptions)]}
        />
      </div>

      <div className="sm-preview" role="status" aria-live="polite">
        {p.ok ? (
          <dl className="sm-preview-grid">
            <div>
              <dt>Total over {p.result.horizonYears} years</dt>
              <dd>
                {formatMoney(total(p.result), fmt, { whole: true })}
                {sv?.ok ? (
                  <span className="sm-was"> saved: {formatMoney(total(sv.result), fmt, { whole: true })}</span>
                ) : null}
              </dd>
            </div>
            <div>
              <dt>NPV</dt>
              <dd>
                {formatMoney(p.result.npv, fmt, { whole: true })}
                {sv?.ok ? (
                  <span className="sm-was"> saved: {formatMoney(sv.result.npv, fmt, { whole: true })}</span>
                ) : null}
              </dd>
            </div>
            <div>
              <dt>New hires</dt>
              <dd>
                {p.result.totalHires}
                {sv?.ok ? <span className="sm-was"> saved: {sv.result.totalHires}</span> : null}
              </dd>
            </div>
          </dl>
        ) : (
          <p className="sm-preview-error">Cannot cost this scenario yet: {p.reason}</p>
        )}
      </div>

      <fieldset className="sm-cover-fieldset">
        <legend>Choice per skill area</legend>
        <GroupError error={errors.areaChoices} />
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">Skill area</th>
              <th scope="col">In this scenario</th>
              <th scope="col" className="num">
                Hires
              </th>
              <th scope="col" className="num">
                Coverage
              </th>
            </tr>
          </thead>
          <tbody>
            {areas.map((a) => {
              const o = outcome?.get(a.id);
              return (
                <tr key={a.id}>
                  <th scope="row">{a.name}</th>
                  <td>
                    <select
                      aria-label={`Choice for ${a.name}`}
                      value={draft.areaChoices[a.id] ?? ''}
                      onChange={(e) =>
                        set({ areaChoices: { ...draft.areaChoices, [a.id]: e.target.value as AreaPlan | '' } })
                      }
                    >
                      <option value="">Area plan ({PLAN_LABELS[a.plan]})</option>
                      {AREA_PLANS.map((c) => (
                        <option key={c} value={c}>
                          {PLAN_LABELS[c]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="num">{o ? o.hires : '—'}</td>
                  <td className="num">
                    {o
                      ? `${formatPercent(o.coverage * 100, ws.locale, 0)}${o.partnerCovered ? ' · partner' : ''}`
                      : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>

      {draft.kind === 'fully-outsourced' ? (
        <fieldset className="sm-cover-fieldset">
          <legend>People kept in-house</legend>
          <GroupError error={errors.retainedPersonIds} />
          <div className="sm-checks">
            {t.people.map((person) => (
              <label key={person.id} className="sm-check">
                <input
                  type="checkbox"
                  checked={draft.retainedPersonIds.includes(person.id)}
                  onChange={(e) =>
                    set({
                      retainedPersonIds: e.target.checked
                        ? [...draft.retainedPersonIds, person.id]
                        : draft.retainedPersonIds.filter((x) => x !== person.id),
                    })
                  }
                />
                <span>
                  {person.name} <span className="muted">{person.role}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
    </FormDialog>
  );
}
