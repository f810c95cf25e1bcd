/**
 * Small pieces the staffing dialogs share: saving through the undo history while keeping the
 * repo's field errors for the form, focusing the first invalid field after a failed submit, the
 * error summary, and the Cancel/Save row.
 */
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { runEdit } from '../../app/actions';
import { isTextEditing } from '../../app/keyboard';
import type { AppServices } from '../../app/services';
import type { ChangeSet } from '../../db/changes';
import { ValidationError } from '../../db/repos/workspaces';

export type FieldErrors = Record<string, string | undefined>;

/**
 * Runs an edit through runEdit (undo history + toast). On a ValidationError the problems come
 * back keyed by field, so the form can show each one next to its input.
 */
export async function saveEdit(
  s: AppServices,
  edit: () => Promise<ChangeSet>,
  toast: string,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
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
  const errors: FieldErrors = {};
  const v = failure as ValidationError | null;
  for (const p of v?.problems ?? []) errors[p.field] = p.reason;
  if (!v) errors.form = 'Nothing was saved; see the message at the bottom of the window.';
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

/** Cancel and the primary button of a dialog form. */
export function DialogActions({
  busy,
  saveLabel,
  onCancel,
}: {
  busy: boolean;
  saveLabel: string;
  onCancel: () => void;
}) {
  return (
    <div className="dialog-actions">
      <button type="button" className="btn" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {saveLabel}
      </button>
    </div>
  );
}

/**
 * Keeps Ctrl/Cmd+Z (and redo) inside an open dialog: outside a text field the app's global undo
 * would otherwise revert an edit behind the dialog (even the record being edited).
 */
export function keepUndoInDialog(e: KeyboardEvent<HTMLElement>): void {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && (key === 'z' || key === 'y') && !isTextEditing(e.target as Element)) e.stopPropagation();
}
