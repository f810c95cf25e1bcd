/**
 * Form state shared by the governance editing dialogs: useFormDialog (one draft, field bindings,
 * validate-then-save) writing through governanceEdit, with the curried setters the governance
 * dialogs use. The form is not handed the kit's formRef, so a failed submit leaves focus where it
 * was (on the footer's submit button) instead of moving it to the first invalid field.
 */
import type { FormEvent } from 'react';
import { useServices } from '../../app/services';
import { useFormDialog, type FieldErrors } from '../../components/form-dialog';
import type { ChangeSet } from '../../db/changes';
import { governanceEdit } from './edit';

/** Field errors keyed by draft field, as the governance repo validators return them. */
export type Errors<K extends string> = Partial<Record<K, string>>;

/** What `useRecordForm` hands a dialog. */
export type RecordForm<F extends object, K extends string> = {
  form: F;
  errors: Errors<K>;
  /** A setter for one field, for fields without error text. */
  set: <P extends keyof F>(key: P) => (value: F[P]) => void;
  /** `value`, `onChange` and `error` for one field; spread it onto a field component. */
  bind: <P extends keyof F & K>(key: P) => { value: F[P]; onChange: (value: F[P]) => void; error: string | undefined };
  setForm: (update: (form: F) => F) => void;
  submit: (e: FormEvent) => Promise<void>;
};

/**
 * Draft state and submit for one editing dialog. `validate` returns the errors (empty = valid);
 * `save` runs only when there are none, and the dialog closes only when the edit went through,
 * so a failed save keeps what was typed (and shows no stale field errors; the toast says why).
 */
export function useRecordForm<F extends object, K extends string>(
  initial: F | (() => F),
  validate: (form: F) => Errors<K>,
  save: (form: F) => Promise<ChangeSet>,
  onClose: () => void,
): RecordForm<F, K> {
  const s = useServices();
  const kit = useFormDialog<F>({
    initial: typeof initial === 'function' ? (initial as () => F) : () => initial,
    validate: (form) => validate(form) as FieldErrors,
    commit: async (form) => ((await governanceEdit(s, () => save(form))) ? { ok: true } : { ok: false, errors: {} }),
    onSaved: onClose,
  });
  const set =
    <P extends keyof F>(key: P) =>
    (value: F[P]) =>
      kit.setDraft((prev) => ({ ...prev, [key]: value }));
  const bind = <P extends keyof F & K>(key: P) => kit.bind(key);
  return {
    form: kit.draft,
    errors: kit.errors as Errors<K>,
    set,
    bind,
    setForm: kit.setDraft,
    submit: kit.submit,
  };
}
