/**
 * Add / edit a partner contract (SPEC §2 PartnerContract): prices per user and per endpoint per
 * month, fixed monthly fee, project hours and hourly rate, onboarding fee, annual escalator, the
 * covered skill areas with the partner's coverage model in each, and the term. The fee it implies
 * for the workspace is shown live, from the same engine function the scenarios use.
 */
import { useMemo } from 'react';
import { partnerFeeInYear } from '../../../../shared/domain/scenarios/engine';
import { COVERAGE_MODELS, type CoverageModel } from '../../../../shared/domain/staffing/schema';
import { useServices } from '../../app/services';
import { SelectField, MoneyField, TextField } from '../../components/field';
import { FormDialog, GroupError, useFormDialog } from '../../components/form-dialog';
import type { PartnerContractRecord, PartyRecord, SkillAreaRecord, WorkspaceRecord } from '../../db/records';
import {
  createContract,
  draftFromContract,
  parseNumberInput,
  updateContract,
  validateContractDraft,
  type ContractDraft,
} from '../../db/repos/staffing';
import { formatMoney, formatNumber } from '../../lib/format';
import { parseMoneyInput } from '../../lib/money-input';
import { modelLabel } from './labels';

const FIELDS = [
  'name',
  'kind',
  'partyId',
  'perUserMonthly',
  'perEndpointMonthly',
  'fixedMonthly',
  'projectHoursPerYear',
  'hourlyRate',
  'onboardingFee',
  'escalatorPct',
  'coveredAreas',
  'startDate',
  'endDate',
] as const;

function blankDraft(partyId: string): ContractDraft {
  return {
    name: '',
    kind: 'co-managed',
    partyId,
    perUserMonthly: '',
    perEndpointMonthly: '',
    fixedMonthly: '',
    projectHoursPerYear: '',
    hourlyRate: '',
    onboardingFee: '',
    escalatorPct: '3',
    coveredAreas: [],
    startDate: '',
    endDate: '',
  };
}

export function ContractDialog({
  ws,
  contract,
  parties,
  areas,
  onClose,
}: {
  ws: WorkspaceRecord;
  contract: PartnerContractRecord | null;
  parties: readonly PartyRecord[];
  areas: readonly SkillAreaRecord[];
  onClose: () => void;
}) {
  const s = useServices();
  const partners = parties.filter((p) => p.kind !== 'internal');
  const choosable = partners.length ? partners : parties;
  const form = useFormDialog<ContractDraft>({
    initial: () => (contract ? draftFromContract(contract, ws) : blankDraft(choosable[0]?.id ?? '')),
    validate: (draft) =>
      validateContractDraft(
        draft,
        ws,
        parties.map((p) => p.id),
        areas.map((a) => a.id),
      ),
    save: async (draft) =>
      contract ? updateContract(s.db, contract.id, draft) : (await createContract(s.db, ws.id, draft, s.ctx)).changes,
    toast: (draft) => (contract ? `Saved contract “${draft.name.trim()}”` : `Added contract “${draft.name.trim()}”`),
    onSaved: onClose,
  });
  const { draft, setDraft, bind, errors } = form;
  const fmt = { currency: ws.currency, locale: ws.locale };
  const cover = new Map(draft.coveredAreas.map((a) => [a.skillAreaId, a.coverageModel]));

  const setCover = (areaId: string, model: CoverageModel | null) =>
    setDraft((d) => {
      const rest = d.coveredAreas.filter((a) => a.skillAreaId !== areaId);
      if (model === null) return { ...d, coveredAreas: rest };
      // Keep the areas in the screen's order so the stored list reads the same way.
      const next = [...rest, { skillAreaId: areaId, coverageModel: model }];
      const order = new Map(areas.map((a, i) => [a.id, i]));
      next.sort((a, b) => (order.get(a.skillAreaId) ?? 0) - (order.get(b.skillAreaId) ?? 0));
      return { ...d, coveredAreas: next };
    });

  // The fee this contract implies for the workspace, as the engine computes it (nothing saved).
  const preview = useMemo(() => {
    const m = (t: string) => {
      const r = parseMoneyInput(t, ws.currency, ws.locale);
      return r.ok ? r.minor : null;
    };
    const n = (t: string) => {
      const r = parseNumberInput(t, ws.locale, { emptyAs: 0 });
      return r.ok ? r.value : null;
    };
    const values = {
      perUserMonthly: m(draft.perUserMonthly),
      perEndpointMonthly: m(draft.perEndpointMonthly),
      fixedMonthly: m(draft.fixedMonthly),
      projectHoursPerYear: n(draft.projectHoursPerYear),
      hourlyRate: m(draft.hourlyRate),
      onboardingFee: m(draft.onboardingFee),
      escalatorPct: n(draft.escalatorPct),
    };
    if (Object.values(values).some((v) => v === null)) return null;
    const v = values as Record<keyof typeof values, number>;
    const c: PartnerContractRecord = {
      id: contract?.id ?? 'draft',
      workspaceId: ws.id,
      name: draft.name,
      partyId: draft.partyId,
      kind: draft.kind,
      ...v,
      coveredAreas: [],
      startDate: null,
      endDate: null,
    };
    return {
      y0: partnerFeeInYear(c, ws.userCount, ws.endpointCount, 0),
      y1: partnerFeeInYear(c, ws.userCount, ws.endpointCount, 1),
    };
  }, [draft, ws, contract?.id]);

  const title = contract ? 'Edit partner contract' : 'Add a partner contract';
  const cur = ws.currency;
  return (
    <FormDialog
      title={title}
      onClose={onClose}
      size="lg"
      form={form}
      known={FIELDS}
      saveLabel={contract ? 'Save changes' : 'Add contract'}
    >
      <div className="form-grid form-grid-3">
        <TextField className="span-2" label="Name" {...bind('name')} required autoFocus maxLength={500} />
        <SelectField
          label="Kind"
          {...bind('kind')}
          options={[
            { value: 'co-managed', label: 'Co-managed' },
            { value: 'fully-managed', label: 'Fully managed' },
          ]}
          hint={draft.kind === 'co-managed' ? 'Works beside the team.' : 'Runs the whole service.'}
        />
        <SelectField
          label="Partner"
          {...bind('partyId')}
          options={choosable.map((p) => ({ value: p.id, label: p.name }))}
        />
        <TextField label="Term starts" type="date" {...bind('startDate')} />
        <TextField label="Term ends" type="date" {...bind('endDate')} />
        <MoneyField
          label="Per user per month"
          currency={cur}
          {...bind('perUserMonthly')}
          hint={`× ${formatNumber(ws.userCount, ws.locale, 0)} users`}
        />
        <MoneyField
          label="Per endpoint per month"
          currency={cur}
          {...bind('perEndpointMonthly')}
          hint={`× ${formatNumber(ws.endpointCount, ws.locale, 0)} endpoints`}
        />
        <MoneyField label="Fixed fee per month" currency={cur} {...bind('fixedMonthly')} />
        <TextField
          label="Project hours per year"
          inputMode="decimal"
          {...bind('projectHoursPerYear')}
          placeholder="0"
        />
        <MoneyField label="Hourly rate" currency={cur} {...bind('hourlyRate')} />
        <MoneyField label="Onboarding fee" currency={cur} {...bind('onboardingFee')} hint="Charged in year 0 only." />
        <TextField
          label="Annual price escalator (%)"
          inputMode="decimal"
          {...bind('escalatorPct')}
          hint="Compounds each year on all prices."
        />
      </div>
      <p className="sm-fee-preview" role="status">
        {preview
          ? `For ${formatNumber(ws.userCount, ws.locale, 0)} users and ${formatNumber(ws.endpointCount, ws.locale, 0)} endpoints: ${formatMoney(preview.y0, fmt, { whole: true })} in year 0 (with onboarding), ${formatMoney(preview.y1, fmt, { whole: true })} in year 1.`
          : 'Fix the amounts above to see the yearly fee.'}
      </p>
      <fieldset className="sm-cover-fieldset">
        <legend>Skill areas the partner covers</legend>
        <GroupError error={errors.coveredAreas} />
        {areas.length === 0 ? (
          <p className="muted">No skill areas yet: add them on Team & skills first.</p>
        ) : (
          <table className="data-table compact sm-cover-table">
            <thead>
              <tr>
                <th scope="col">Skill area</th>
                <th scope="col">Needs</th>
                <th scope="col">Covered</th>
                <th scope="col">Partner coverage</th>
              </tr>
            </thead>
            <tbody>
              {areas.map((a) => {
                const model = cover.get(a.id);
                return (
                  <tr key={a.id}>
                    <th scope="row">{a.name}</th>
                    <td>{modelLabel(a.coverageModel)}</td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Partner covers ${a.name}`}
                        checked={model !== undefined}
                        onChange={(e) => setCover(a.id, e.target.checked ? a.coverageModel : null)}
                      />
                    </td>
                    <td>
                      <select
                        aria-label={`Partner coverage for ${a.name}`}
                        value={model ?? a.coverageModel}
                        disabled={model === undefined}
                        onChange={(e) => setCover(a.id, e.target.value as CoverageModel)}
                      >
                        {COVERAGE_MODELS.map((m) => (
                          <option key={m} value={m}>
                            {modelLabel(m)}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </fieldset>
    </FormDialog>
  );
}
