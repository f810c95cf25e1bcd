/**
 * The add/edit dialog every governance record shares: a form (submitted by the primary footer
 * button), Cancel, and for records that can be deleted a "Delete…" step that asks first and offers
 * a way back. Undo keys pressed inside stay inside (UndoFence), so they never undo the record
 * behind the dialog.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useServices } from '../../app/services';
import { AppDialog } from '../../components/dialog';
import type { ChangeSet } from '../../db/changes';
import { governanceEdit } from './edit';

/** How a record is deleted from its dialog, with the confirmation texts. */
export type RecordDelete = {
  /** The question shown instead of the form while confirming. */
  question: ReactNode;
  /** Back to the form, e.g. "Keep the risk". */
  keepLabel: string;
  /** The confirming button, e.g. "Delete risk". */
  confirmLabel: ReactNode;
  /** The footer button that starts it; "Delete…" unless given. */
  triggerLabel?: string;
  /** Disable the trigger while the workspace is read-only (otherwise the edit itself says why). */
  lockWhenReadOnly?: boolean;
  run: () => Promise<ChangeSet>;
};

/** An editing dialog: `formId` ties the footer's submit button to the form. */
export function RecordDialog({
  title,
  size,
  formId,
  formClassName = 'form-grid',
  submitLabel,
  onSubmit,
  onClose,
  remove,
  children,
}: {
  title: string;
  size?: 'sm' | 'md' | 'lg';
  formId: string;
  formClassName?: string;
  submitLabel: string;
  onSubmit: (e: FormEvent) => Promise<void>;
  onClose: () => void;
  /** Omit for a new record or one that is not deleted from here. */
  remove?: RecordDelete | null;
  children: ReactNode;
}) {
  const s = useServices();
  const [confirming, setConfirming] = useState(false);
  const readOnly = !!s.readOnlyReason;
  const deleting = confirming && remove ? remove : null;

  return (
    <AppDialog
      title={title}
      onClose={onClose}
      size={size}
      footer={
        deleting ? (
          <>
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              {deleting.keepLabel}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              onClick={() => void governanceEdit(s, deleting.run).then((cs) => cs && onClose())}
            >
              {deleting.confirmLabel}
            </button>
          </>
        ) : (
          <>
            {remove ? (
              <button
                type="button"
                className="btn btn-ghost btn-danger-text dialog-foot-left"
                onClick={() => setConfirming(true)}
                disabled={remove.lockWhenReadOnly ? readOnly : undefined}
              >
                {remove.triggerLabel ?? 'Delete…'}
              </button>
            ) : null}
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" form={formId} className="btn btn-primary" disabled={readOnly}>
              {submitLabel}
            </button>
          </>
        )
      }
    >
      {deleting ? (
        <p className="dialog-text">{deleting.question}</p>
      ) : (
        <form id={formId} className={formClassName} onSubmit={(e) => void onSubmit(e)} noValidate>
          {children}
        </form>
      )}
    </AppDialog>
  );
}
