/** Add / edit a person of the internal team: name or role label, role, FTE, cost profile. */
import { useServices } from '../../app/services';
import { FormDialog, useFormDialog } from '../../components/form-dialog';
import { SelectField, TextField } from '../../components/field';
import type { CostProfileRecord, PersonRecord, WorkspaceRecord } from '../../db/records';
import {
  createPerson,
  draftFromPerson,
  updatePerson,
  validatePersonDraft,
  type PersonDraft,
} from '../../db/repos/staffing';

const FIELDS = ['name', 'role', 'fte', 'costProfileId'] as const;

export function PersonDialog({
  ws,
  person,
  profiles,
  onClose,
}: {
  ws: WorkspaceRecord;
  person: PersonRecord | null;
  profiles: readonly CostProfileRecord[];
  onClose: () => void;
}) {
  const s = useServices();
  const form = useFormDialog<PersonDraft>({
    initial: () =>
      person ? draftFromPerson(person, ws) : { name: '', role: '', fte: '1', costProfileId: profiles[0]?.id ?? '' },
    validate: (draft) =>
      validatePersonDraft(
        draft,
        ws,
        profiles.map((p) => p.id),
      ),
    save: async (draft) =>
      person ? updatePerson(s.db, person.id, draft) : (await createPerson(s.db, ws.id, draft, s.ctx)).changes,
    toast: (draft) => (person ? `Saved “${draft.name.trim()}”` : `Added “${draft.name.trim()}” to the team`),
    onSaved: onClose,
  });
  const { bind, errors } = form;

  const title = person ? `Edit ${person.name}` : 'Add a person';
  return (
    <FormDialog
      title={title}
      onClose={onClose}
      form={form}
      known={FIELDS}
      saveLabel={person ? 'Save changes' : 'Add person'}
    >
      <div className="form-grid">
        <TextField
          className="span-2"
          label="Name or role label"
          {...bind('name')}
          hint="A name, or a label such as “Network engineer (vacant)”."
          required
          autoFocus
          maxLength={500}
        />
        <TextField className="span-2" label="Role" {...bind('role')} maxLength={500} />
        <TextField
          label="FTE (0–1)"
          inputMode="decimal"
          {...bind('fte')}
          hint="1 = full time; 0.5 = half time."
          required
        />
        <SelectField
          label="Cost profile"
          {...bind('costProfileId')}
          options={profiles.map((p) => ({ value: p.id, label: p.role }))}
          error={errors.costProfileId ?? (profiles.length ? undefined : 'Add a cost profile first (Costs & partner).')}
        />
      </div>
    </FormDialog>
  );
}
