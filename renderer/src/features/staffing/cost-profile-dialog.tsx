/**
 * Add / edit a cost profile. Every value sits beside its source and year, and both are editable: a
 * value changed while its source is left as it was is stored as the user's own figure (the repo
 * keeps the old citation in the note). A new profile can start from a cited default role.
 */
import { useState } from 'react';
import { DEFAULT_COST_PROFILES } from '../../../../shared/domain/staffing/defaults';
import { useServices } from '../../app/services';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { FormDialog, useFormDialog } from '../../components/form-dialog';
import type { CostProfileRecord, WorkspaceRecord } from '../../db/records';
import {
  PROFILE_FIELDS,
  PROFILE_FIELD_LABELS,
  createCostProfile,
  draftFromProfile,
  updateCostProfile,
  validateProfileDraft,
  type CostProfileDraft,
  type ProfileField,
} from '../../db/repos/staffing';

const UNIT: Record<ProfileField, (currency: string) => string> = {
  baseSalary: (c) => `${c} per year`,
  benefitsLoadPct: () => '% on top of salary',
  toolsTrainingPerYear: (c) => `${c} per head per year`,
  costPerHire: (c) => c,
  rampUpMonths: () => 'months',
  turnoverPct: () => '% per year',
};

const KNOWN = ['role', ...PROFILE_FIELDS, ...PROFILE_FIELDS.map((f) => `source.${f}`)];

function blankDraft(): CostProfileDraft {
  const sources = {} as CostProfileDraft['sources'];
  for (const f of PROFILE_FIELDS) sources[f] = { source: '', year: '' };
  return {
    role: '',
    baseSalary: '',
    benefitsLoadPct: '',
    toolsTrainingPerYear: '',
    costPerHire: '',
    rampUpMonths: '',
    turnoverPct: '',
    sources,
  };
}

/** A draft from one of the cited defaults (US figures). */
function defaultDraft(role: string, ws: WorkspaceRecord): CostProfileDraft {
  const d = DEFAULT_COST_PROFILES.find((p) => p.role === role);
  if (!d) return blankDraft();
  return draftFromProfile({ ...d, id: 'new', workspaceId: ws.id }, ws);
}

export function CostProfileDialog({
  ws,
  profile,
  onClose,
}: {
  ws: WorkspaceRecord;
  profile: CostProfileRecord | null;
  onClose: () => void;
}) {
  const s = useServices();
  const form = useFormDialog<CostProfileDraft>({
    initial: () => (profile ? draftFromProfile(profile, ws) : blankDraft()),
    validate: (draft) => validateProfileDraft(draft, ws),
    save: async (draft) =>
      profile
        ? updateCostProfile(s.db, profile.id, draft, s.ctx)
        : (await createCostProfile(s.db, ws.id, draft, s.ctx)).changes,
    toast: (draft) =>
      profile ? `Saved cost profile “${draft.role.trim()}”` : `Added cost profile “${draft.role.trim()}”`,
    onSaved: onClose,
  });
  const { draft, setDraft, errors } = form;
  const [template, setTemplate] = useState('');
  const setField = (f: ProfileField, v: string) => setDraft((d) => ({ ...d, [f]: v }));
  const setSource = (f: ProfileField, patch: Partial<{ source: string; year: string }>) =>
    setDraft((d) => ({ ...d, sources: { ...d.sources, [f]: { ...d.sources[f], ...patch } } }));

  const title = profile ? `Edit cost profile ${profile.role}` : 'Add a cost profile';
  return (
    <FormDialog
      title={title}
      onClose={onClose}
      size="lg"
      form={form}
      known={KNOWN}
      saveLabel={profile ? 'Save changes' : 'Add cost profile'}
    >
      <div className="form-grid">
        <TextField
          label="Role"
          value={draft.role}
          onChange={(role) => setDraft((d) => ({ ...d, role }))}
          error={errors.role}
          required
          autoFocus
          maxLength={500}
        />
        {profile ? (
          <div aria-hidden="true" />
        ) : (
          <SelectField
            label="Start from a default"
            value={template}
            onChange={(role) => {
              setTemplate(role);
              setDraft(role ? defaultDraft(role, ws) : blankDraft());
            }}
            options={[
              { value: '', label: 'Blank profile' },
              ...DEFAULT_COST_PROFILES.map((p) => ({ value: p.role, label: p.role })),
            ]}
            hint="Defaults are US figures (cost-benchmarks.md) with their sources."
          />
        )}
      </div>
      <div className="sm-profile-fields" role="group" aria-label="Values with their sources">
        <div className="sm-profile-head" aria-hidden="true">
          <span>Value</span>
          <span>Source</span>
          <span>Year</span>
        </div>
        {PROFILE_FIELDS.map((f) => (
          <div key={f} className="sm-profile-row">
            <TextField
              label={`${PROFILE_FIELD_LABELS[f]} (${UNIT[f](ws.currency)})`}
              inputMode="decimal"
              value={draft[f]}
              onChange={(v) => setField(f, v)}
              error={errors[f]}
              required
            />
            <TextAreaField
              label={`Source of ${PROFILE_FIELD_LABELS[f].toLowerCase()}`}
              value={draft.sources[f].source}
              onChange={(source) => setSource(f, { source })}
              error={errors[`source.${f}`]}
              rows={2}
            />
            <TextField
              label="Year"
              inputMode="numeric"
              value={draft.sources[f].year}
              onChange={(year) => setSource(f, { year })}
              maxLength={4}
            />
          </div>
        ))}
      </div>
      <p className="field-hint sm-profile-note">
        Change a value and leave its source as it is, and the source becomes “Entered by the user”, keeping the old
        citation for reference.
      </p>
    </FormDialog>
  );
}
