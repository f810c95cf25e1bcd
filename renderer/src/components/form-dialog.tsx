/**
 * The form-dialog kit every record dialog shares: draft state with per-field binding, validation
 * before writing, saving through the undo history while keeping the repo's field errors for the
 * form, focus on the first invalid field after a failed submit, the error summary, and the
 * Cancel/Save row. The frame (focus trap, Escape, focus return) is AppDialog's.
 */
import {
  useEffect,
  useRef,
  useState,
  type Dispatch,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
  type SetStateAction,
} from 'react';
import { runEdit } from '../app/actions';
import { isTextEditing } from '../app/keyboard';
import { useServices, type AppServices } from '../app/services';
import type { ChangeSet } from '../db/changes';
import { ValidationError } from '../db/repos/workspaces';
import { AppDialog } from './dialog';

export type FieldErrors = Record<string, string | undefined>;

/** How a save ended: field errors for the form, or `errors: null` when the failure names no field. */
export type SaveResult = { ok: true } | { ok: false; errors: FieldErrors | null };

/** Shown when a save fails for a reason that belongs to no field (the toast has the details). */
export const NOTHING_SAVED = 'Nothing was saved; see the message at the bottom of the window.';

/**
 * Runs an edit through runEdit (undo history + toast). On a ValidationError the problems come
 * back keyed by field, so the form can show each one next to its input; any other failure gives
 * `errors: null` (runEdit has already toasted it).
 */
export async function saveEdit(s: AppServices, edit: () => Promise<ChangeSet>, toast: string): Promise<SaveResult> {
  let failure: ValidationError | null = null;
  const ok = await runEdit(
    s,
    async () => {
      try {
        return await edit();
      } catch (err) {
        if (err instanceof ValidationError) failure = err;
        throw err;
      }
    },
    { toast, undoable: true },
  );
  if (ok) return { ok: true };
  const v = failure as ValidationError | null;
  if (!v) return { ok: false, errors: null };
  const errors: FieldErrors = {};
  for (const p of v.problems) errors[p.field] = p.reason;
  return { ok: false, errors };
}

/** After a failed submit, move focus to the first field marked invalid. */
export function useFocusFirstInvalid(
  formRef: RefObject<HTMLFormElement | null>,
  errors: FieldErrors,
): RefObject<number> {
  const submitted = useRef(0);
  useEffect(() => {
    if (submitted.current === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors, formRef]);
  return submitted;
}

export type FormDialogState<D> = {
  draft: D;
  setDraft: Dispatch<SetStateAction<D>>;
  /** Merges a patch into the draft. */
  set: (patch: Partial<D>) => void;
  /** Value, change handler and error of one draft field, to spread onto a field component. */
  bind: <K extends keyof D & string>(key: K) => { value: D[K]; onChange: (v: D[K]) => void; error: string | undefined };
  errors: FieldErrors;
  busy: boolean;
  setBusy: (busy: boolean) => void;
  formRef: RefObject<HTMLFormElement | null>;
  submit: (e: FormEvent) => Promise<void>;
};

/** How a form dialog writes: `save` + `toast` through saveEdit, or its own `commit` (e.g. governance's edits). */
type FormDialogWrite<D> =
  | { save: (draft: D) => Promise<ChangeSet>; toast: (draft: D) => string; commit?: never }
  | { commit: (draft: D) => Promise<SaveResult>; save?: never; toast?: never };

/**
 * Draft, errors and submit of a record dialog: `validate` runs first (nothing is written while it
 * reports a field), then `save` runs through the undo history and `onSaved` closes the dialog.
 */
export function useFormDialog<D extends object>(
  opts: {
    initial: () => D;
    validate: (draft: D) => FieldErrors;
    onSaved: () => void;
    /** A failure that names no field shows NOTHING_SAVED in the form; false keeps the errors as they were. */
    explainOtherFailures?: boolean;
  } & FormDialogWrite<D>,
): FormDialogState<D> {
  const s = useServices();
  const [draft, setDraft] = useState<D>(opts.initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const submitted = useFocusFirstInvalid(formRef, errors);
  const set = (patch: Partial<D>) => setDraft((d) => ({ ...d, ...patch }));
  const bind = <K extends keyof D & string>(key: K) => ({
    value: draft[key],
    onChange: (v: D[K]) => setDraft((d) => ({ ...d, [key]: v })),
    error: errors[key],
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    submitted.current += 1;
    const errs = opts.validate(draft);
    if (Object.keys(errs).length) {
      setErrors(errs);
      return;
    }
    setBusy(true);
    const res = opts.commit ? await opts.commit(draft) : await saveEdit(s, () => opts.save(draft), opts.toast(draft));
    setBusy(false);
    if (res.ok) opts.onSaved();
    else if (res.errors) setErrors(res.errors);
    else if (opts.explainOtherFailures ?? true) setErrors({ form: NOTHING_SAVED });
  };

  return { draft, setDraft, set, bind, errors, busy, setBusy, formRef, submit };
}

/** Errors that belong to no single field, and a count for screen readers. */
export function FormErrors({ errors, known }: { errors: FieldErrors; known: readonly string[] }) {
  const entries = Object.entries(errors).filter(([, v]) => v);
  const loose = entries.filter(([k]) => !known.includes(k));
  if (entries.length === 0) return null;
  return (
    <>
      {loose.length ? (
        <div className="notice notice-error" role="alert">
          {loose.map(([k, v]) => (
            <p key={k}>{k === 'form' ? v : `${k}: ${v}`}</p>
          ))}
        </div>
      ) : null}
      <p className="visually-hidden" role="alert">
        {`${entries.length} field${entries.length === 1 ? '' : 's'} need attention.`}
      </p>
    </>
  );
}

/** The error of a group of inputs (a fieldset or table of choices), announced when it appears. */
export function GroupError({ error }: { error: string | undefined }) {
  return error ? (
    <p className="field-error" role="alert">
      {error}
    </p>
  ) : null;
}

/** Cancel and the primary button of a dialog form; `leading` goes before them (e.g. Delete…). */
export function DialogActions({
  busy,
  saveLabel,
  onCancel,
  saveDisabled = false,
  className,
  leading,
}: {
  busy: boolean;
  saveLabel: string;
  onCancel: () => void;
  saveDisabled?: boolean;
  className?: string;
  leading?: ReactNode;
}) {
  return (
    <div className={className ? `dialog-actions ${className}` : 'dialog-actions'}>
      {leading}
      <button type="button" className="btn" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="btn btn-primary" disabled={busy || saveDisabled}>
        {saveLabel}
      </button>
    </div>
  );
}

/**
 * Keeps Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl+Y inside an open dialog: outside a text field the
 * app's global undo would otherwise revert an edit behind the dialog (even the record being edited).
 * A text field keeps its own text undo.
 */
export function keepUndoInDialog(e: KeyboardEvent<HTMLElement>): void {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && !e.altKey && (key === 'z' || key === 'y') && !isTextEditing(e.target as Element)) {
    e.preventDefault();
    e.stopPropagation();
  }
}

export type DialogFormProps = {
  form: Pick<FormDialogState<object>, 'errors' | 'busy' | 'formRef' | 'submit'>;
  /** The form's accessible name (usually the dialog title). */
  label: string;
  /** Fields shown next to their inputs; other errors go to the summary. */
  known: readonly string[];
  saveLabel: string;
  onCancel: () => void;
  /**
   * Stop Ctrl/Cmd+Z from reaching the app's global undo while the dialog is open (default): outside
   * a text field it would revert an edit behind the dialog, even the record being edited.
   */
  keepUndo?: boolean;
  saveDisabled?: boolean;
  actionsClassName?: string;
  leadingActions?: ReactNode;
  children: ReactNode;
};

/** The form of a record dialog: its fields, then the error summary and the Cancel/Save row. */
export function DialogForm({
  form,
  label,
  known,
  saveLabel,
  onCancel,
  keepUndo = true,
  saveDisabled,
  actionsClassName,
  leadingActions,
  children,
}: DialogFormProps) {
  return (
    <form
      ref={form.formRef}
      onSubmit={form.submit}
      onKeyDown={keepUndo ? keepUndoInDialog : undefined}
      noValidate
      aria-label={label}
    >
      {children}
      <FormErrors errors={form.errors} known={known} />
      <DialogActions
        busy={form.busy}
        saveLabel={saveLabel}
        onCancel={onCancel}
        saveDisabled={saveDisabled}
        className={actionsClassName}
        leading={leadingActions}
      />
    </form>
  );
}

/** A modal dialog (AppDialog) whose whole content is one DialogForm named by the title. */
export function FormDialog({
  title,
  size,
  onClose,
  ...rest
}: Omit<DialogFormProps, 'label' | 'onCancel'> & { title: string; size?: 'sm' | 'md' | 'lg'; onClose: () => void }) {
  return (
    <AppDialog title={title} onClose={onClose} size={size}>
      <DialogForm label={title} onCancel={onClose} {...rest} />
    </AppDialog>
  );
}
