/** Add / edit a skill area: name, coverage model (hours when on demand), minimum depth, plan, hiring role. */
import { AREA_PLANS, COVERAGE_MODELS } from '../../../../shared/domain/staffing/schema';
import { useServices } from '../../app/services';
import { FormDialog, useFormDialog } from '../../components/form-dialog';
import { SelectField, TextField } from '../../components/field';
import type { CostProfileRecord, SkillAreaRecord, WorkspaceRecord } from '../../db/records';
import {
  createSkillArea,
  draftFromSkillArea,
  updateSkillArea,
  validateSkillAreaDraft,
  type SkillAreaDraft,
} from '../../db/repos/staffing';
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
  const form = useFormDialog<SkillAreaDraft>({
    initial: () =>
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
    validate: (draft) =>
      validateSkillAreaDraft(
        draft,
        ws,
        profiles.map((p) => p.id),
      ),
    save: async (draft) =>
      area ? updateSkillArea(s.db, area.id, draft) : (await createSkillArea(s.db, ws.id, draft, s.ctx)).changes,
    toast: (draft) => (area ? `Saved skill area “${draft.name.trim()}”` : `Added skill area “${draft.name.trim()}”`),
    onSaved: onClose,
  });
  const { draft, bind } = form;

  const title = area ? `Edit skill area ${area.name}` : 'Add a skill area';
  return (
    <FormDialog
      title={title}
      onClose={onClose}
      form={form}
      known={FIELDS}
      saveLabel={area ? 'Save changes' : 'Add skill area'}
    >
      <div className="form-grid">
        <TextField className="span-2" label="Name" {...bind('name')} required autoFocus maxLength={500} />
        <SelectField
          label="Required coverage"
          {...bind('coverageModel')}
          options={COVERAGE_MODELS.map((m) => ({ value: m, label: modelOptionLabel(m) }))}
        />
        {draft.coverageModel === 'on-demand' ? (
          <TextField
            label="Hours per year"
            inputMode="decimal"
            {...bind('onDemandHours')}
            hint="The work this area needs in a year, e.g. 450."
            required
          />
        ) : (
          <div aria-hidden="true" />
        )}
        <TextField
          label="Minimum depth (people)"
          inputMode="numeric"
          {...bind('minimumDepth')}
          hint="People who must know it (level 2+); fewer is a single point of failure."
          required
        />
        <SelectField
          label="Plan"
          {...bind('plan')}
          options={AREA_PLANS.map((p) => ({ value: p, label: PLAN_LABELS[p] }))}
          hint="Decides where the in-house and hybrid scenarios hire."
        />
        <SelectField
          className="span-2"
          label="Role hired for this area"
          {...bind('costProfileId')}
          options={profiles.map((p) => ({ value: p.id, label: p.role }))}
          hint="Its cost profile prices the hires a scenario makes here."
        />
      </div>
    </FormDialog>
  );
}
