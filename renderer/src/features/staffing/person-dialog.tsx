/** Add / edit a person of the internal team: name or role label, role, FTE, cost profile. */
import { useRef, useState, type FormEvent } from 'react';
import { useServices } from '../../app/services';
import { AppDialog } from '../../components/dialog';
import { SelectField, TextField } from '../../components/field';
import type { CostProfileRecord, PersonRecord, WorkspaceRecord } from '../../db/records';
import {
  createPerson,
  draftFromPerson,
  updatePerson,
  validatePersonDraft,
  type PersonDraft,
} from '../../db/repos/staffing';
import {
  DialogActions,
  FormErrors,
  keepUndoInDialog,
  saveEdit,
  useFocusFirstInvalid,
  type FieldErrors,
} from './form-kit';

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
  const [draft, setDraft] = useState<PersonDraft>(() =>
    person ? draftFromPerson(person, ws) : { name: '', role: '', fte: '1', costProfileId: profiles[0]?.id ?? '' },
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const submitted = useFocusFirstInvalid(formRef, errors);
  const set = (patch: Partial<PersonDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    submitted.current += 1;
    const errs = validatePersonDraft(
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
        person ? updatePerson(s.db, person.id, draft) : (await createPerson(s.db, ws.id, draft, s.ctx)).changes,
      person ? `Saved “${name}”` : `Added “${name}” to the team`,
    );
    setBusy(false);
    if (res.ok) onClose();
    else setErrors(res.errors);
  };

  const title = person ? `Edit ${person.name}` : 'Add a person';
  return (
    <AppDialog title={title} onClose={onClose}>
      <form ref={formRef} onSubmit={submit} onKeyDown={keepUndoInDialog} noValidate aria-label={title}>
        <div className="form-grid">
          <TextField
            className="span-2"
            label="Name or role label"
            value={draft.name}
            onChange={(name) => set({ name })}
            error={errors.name}
            hint="A name, or a label such as “Network engineer (vacant)”."
            required
            autoFocus
            maxLength={500}
          />
          <TextField
            className="span-2"
            label="Role"
            value={draft.role}
            onChange={(role) => set({ role })}
            error={errors.role}
            maxLength={500}
          />
          <TextField
            label="FTE (0–1)"
            inputMode="decimal"
            value={draft.fte}
            onChange={(fte) => set({ fte })}
            error={errors.fte}
            hint="1 = full time; 0.5 = half time."
            required
          />
          <SelectField
            label="Cost profile"
            value={draft.costProfileId}
            onChange={(costProfileId) => set({ costProfileId })}
            options={profiles.map((p) => ({ value: p.id, label: p.role }))}
            error={
              errors.costProfileId ?? (profiles.length ? undefined : 'Add a cost profile first (Costs & partner).')
            }
          />
        </div>
        <FormErrors errors={errors} known={FIELDS} />
        <DialogActions busy={busy} saveLabel={person ? 'Save changes' : 'Add person'} onCancel={onClose} />
      </form>
    </AppDialog>
  );
}
