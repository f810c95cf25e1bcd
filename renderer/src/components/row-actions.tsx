import type { ReactNode } from 'react';

/** A small ghost button in a row's actions cell; `label` says which record it acts on. */
export function RowButton({
  label,
  onClick,
  disabled,
  danger,
  icon,
  title,
  children,
}: {
  label: string;
  onClick: () => void;
  disabled: boolean;
  danger?: boolean;
  /** A one-glyph button (↑ ↓): square, with a tooltip `title`. */
  icon?: boolean;
  title?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`btn btn-ghost btn-sm${icon ? ' btn-icon' : ''}${danger ? ' btn-danger-text' : ''}`}
      aria-label={label}
      title={title}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/**
 * The Edit and Delete buttons in the last cell of a record table row. Both buttons say "Edit" and
 * "Delete" on screen; their accessible names say which record they act on.
 */
export function RowActions({
  editLabel,
  deleteLabel,
  onEdit,
  onDelete,
  disabled = false,
}: {
  editLabel: string;
  deleteLabel: string;
  onEdit: () => void;
  onDelete: () => void;
  disabled?: boolean;
}) {
  return (
    <td className="row-actions">
      <RowButton label={editLabel} onClick={onEdit} disabled={disabled}>
        Edit
      </RowButton>
      <RowButton danger label={deleteLabel} onClick={onDelete} disabled={disabled}>
        Delete
      </RowButton>
    </td>
  );
}
