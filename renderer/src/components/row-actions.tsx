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
      <button
        type="button"
        className="btn btn-ghost btn-sm"
        onClick={onEdit}
        aria-label={editLabel}
        disabled={disabled}
      >
        Edit
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-sm btn-danger-text"
        onClick={onDelete}
        aria-label={deleteLabel}
        disabled={disabled}
      >
        Delete
      </button>
    </td>
  );
}
