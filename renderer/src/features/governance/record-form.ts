/**
 * Form state shared by the governance editing dialogs: one draft object, field bindings for the
 * shared field components, and a submit that validates, shows every error at once, and only then
 * runs the edit (recorded for undo) and closes the dialog.
 */
import { useState, type FormEvent } from 'react';
import { useServices } from '../../app/services';
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
 * so a failed save keeps what was typed.
 */
export function useRecordForm<F extends object, K extends string>(
  initial: F | (() => F),
  validate: (form: F) => Errors<K>,
  save: (form: F) => Promise<ChangeSet>,
  onClose: () => void,
): RecordForm<F, K> {
  const s = useServices();
  const [form, setForm] = useState<F>(initial);
  const [errors, setErrors] = useState<Errors<K>>({});
  const set =
    <P extends keyof F>(key: P) =>
    (value: F[P]) =>
      setForm((prev) => ({ ...prev, [key]: value }));
  const bind = <P extends keyof F & K>(key: P) => ({ value: form[key], onChange: set(key), error: errors[key] });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validate(form);
    setErrors(found);
    if (Object.keys(found).length) return;
    const cs = await governanceEdit(s, () => save(form));
    if (cs) onClose();
  };
  return { form, errors, set, bind, setForm, submit };
}
