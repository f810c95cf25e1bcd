/** Add / edit a skill area: name, coverage model (hours when on demand), minimum depth, plan, hiring role. */
import { useRef, useState, type FormEvent } from 'react';
import { AREA_PLANS, COVERAGE_MODELS } from '../../../../shared/domain/staffing/schema';
import { useServices } from '../../app/services';
import { AppDialog } from '../../components/dialog';
import { SelectField, TextField } from '../../components/field';
import type { CostProfileRecord, SkillAreaRecord, WorkspaceRecord } from '../../db/records';
import {
  createSkillArea,
  draftFromSkillArea,
  updateSkillArea,
  validateSkillAreaDraft,
  type SkillAreaDraft,
} from '../../db/repos/staffing';
import {
  DialogActions,
  FormErrors,
  keepUndoInDialog,
  saveEdit,
  useFocusFirstInvalid,
  type FieldErrors,
} from './form-kit';
import { PLAN_LABELS, modelOptionLabel } from './labels';

const FIELDS = ['name', 'coverageModel', 'onDemandHours', 'minimumDepth', 'plan', 'costProfileId'] as const;

export function SkillAreaDialog({
  ws,
  area,
  profiles,
  onClose,
}: {
  ws: WorkspaceRecord;
  area: SkillAreaRecord | null;
  profiles: readonly CostProfileRecord[];
  onClose: () => void;
}) {
  const s = useServices();
  const [draft, setDraft] = useState<SkillAreaDraft>(() =>
    area
      ? draftFromSkillArea(area, ws)
      : {
          name: '',
          coverageModel: '8x5',
          onDemandHours: '',
          minimumDepth: '2',
          plan: 'train',
          costProfileId: profiles[0]?.id ?? '',
        },
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const submitted = useFocusFirstInvalid(formRef, errors);
  const set = (patch: Partial<SkillAreaDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    submitted.current += 1;
    const errs = validateSkillAreaDraft(
      draft,
      ws,
      profiles.map((p) => p.id),
    );
    if (Object.keys(errs).length) {
      setErrors(errs);
      return;
    }
    setBusy(true);
    const name = draft.name.trim();
    const res = await saveEdit(
      s,
      async () =>
        area ? updateSkillArea(s.db, area.id, draft) : (await createSkillArea(s.db, ws.id, draft, s.ctx)).changes,
      area ? `Saved skill area “${name}”` : `Added skill area “${name}”`,
    );
    setBusy(false);
    if (res.ok) onClose();
    else setErrors(res.errors);
  };

  const title = area ? `Edit skill area ${area.name}` : 'Add a skill area';
  return (
    <AppDialog title={title} onClose={onClose}>
      <form ref={formRef} onSubmit={submit} onKeyDown={keepUndoInDialog} noValidate aria-label={title}>
        <div className="form-grid">
          <TextField
            className="span-2"
            label="Name"
            value={draft.name}
            onChange={(name) => set({ name })}
            error={errors.name}
            required
            autoFocus
            maxLength={500}
          />
          <SelectField
            label="Required coverage"
            value={draft.coverageModel}
            onChange={(coverageModel) => set({ coverageModel })}
            options={COVERAGE_MODELS.map((m) => ({ value: m, label: modelOptionLabel(m) }))}
            error={errors.coverageModel}
          />
          {draft.coverageModel === 'on-demand' ? (
            <TextField
              label="Hours per year"
              inputMode="decimal"
              value={draft.onDemandHours}
              onChange={(onDemandHours) => set({ onDemandHours })}
              error={errors.onDemandHours}
              hint="The work this area needs in a year, e.g. 450."
              required
            />
          ) : (
            <div aria-hidden="true" />
          )}
          <TextField
            label="Minimum depth (people)"
            inputMode="numeric"
            value={draft.minimumDepth}
            onChange={(minimumDepth) => set({ minimumDepth })}
            error={errors.minimumDepth}
            hint="People who must know it (level 2+); fewer is a single point of failure."
            required
          />
          <SelectField
            label="Plan"
            value={draft.plan}
            onChange={(plan) => set({ plan })}
            options={AREA_PLANS.map((p) => ({ value: p, label: PLAN_LABELS[p] }))}
            error={errors.plan}
            hint="Decides where the in-house and hybrid scenarios hire."
          />
          <SelectField
            className="span-2"
            label="Role hired for this area"
            value={draft.costProfileId}
            onChange={(costProfileId) => set({ costProfileId })}
            options={profiles.map((p) => ({ value: p.id, label: p.role }))}
            error={errors.costProfileId}
            hint="Its cost profile prices the hires a scenario makes here."
          />
        </div>
        <FormErrors errors={errors} known={FIELDS} />
        <DialogActions busy={busy} saveLabel={area ? 'Save changes' : 'Add skill area'} onCancel={onClose} />
      </form>
    </AppDialog>
  );
}
