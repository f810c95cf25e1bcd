/**
 * Pieces of the governance record tables: the panel's add button, the status changed in place,
 * the "show closed" check and the hidden "Actions" column head. The row buttons are the shared
 * RowButton (components/row-actions), each naming its record since several "Edit" buttons share
 * one screen.
 */
import type { ReactNode } from 'react';
import { TableWrap } from '../../components/table-wrap';
import { useDialog } from './use-dialog';

/** The (visually hidden) head of the row-actions column. */
export function ActionsHeader() {
  return (
    <th scope="col">
      <span className="visually-hidden">Actions</span>
    </th>
  );
}

/** A column head; `num` right-aligns a column of numbers. */
export type Column = string | { label: string; num: true };

/**
 * A compact record table: the column heads, then the row-actions column, and the rows given as
 * children. `caption` is read by screen readers only.
 */
export function RecordTable({
  label,
  columns,
  caption,
  className,
  children,
}: {
  label: string;
  columns: readonly Column[];
  caption?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <TableWrap label={label}>
      <table className={className ? `data-table compact ${className}` : 'data-table compact'}>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) =>
              typeof c === 'string' ? (
                <th key={c} scope="col">
                  {c}
                </th>
              ) : (
                <th key={c.label} scope="col" className="num">
                  {c.label}
                </th>
              ),
            )}
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableWrap>
  );
}

/** A panel's "Add …" button (`primary` inside an empty state). */
export function AddButton({
  onClick,
  disabled,
  primary,
  children,
}: {
  onClick: () => void;
  disabled: boolean;
  primary?: boolean;
  children: ReactNode;
}) {
  return (
    <button type="button" className={primary ? 'btn btn-primary' : 'btn btn-sm'} disabled={disabled} onClick={onClick}>
      {children}
    </button>
  );
}

/** A record's status as a select changed in place, with a hidden label naming the record. */
export function StatusSelect<T extends string>({
  id,
  label,
  value,
  options,
  text,
  className = 'status-select',
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  value: T;
  options: readonly T[];
  text: Record<T, string>;
  className?: string;
  disabled: boolean;
  onChange: (value: T) => void;
}) {
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className={className}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {text[o]}
          </option>
        ))}
      </select>
    </>
  );
}

/** An inline checkbox in a table toolbar, e.g. "Show done and dropped". */
export function InlineCheck({
  checked,
  onChange,
  children,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}) {
  return (
    <label className="field-check-inline">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {children}
    </label>
  );
}

/**
 * Which record's dialog is open: `editing` is the record (null when adding one, or when it was
 * deleted meanwhile), `isOpen` whether a dialog shows at all.
 */
export function useRecordDialog<R extends { id: string }>(records: readonly R[]) {
  const [dialog, open, close] = useDialog<{ id: string | null }>();
  const editing = dialog?.id ? (records.find((r) => r.id === dialog.id) ?? null) : null;
  return {
    isOpen: dialog !== null,
    editing,
    openNew: () => open({ id: null }),
    openEdit: (id: string) => open({ id }),
    // Never hand close() an event: an onClick passes one, and a fallback must be a function.
    close: () => close(),
    /** Close, focusing `fallback()` if the control that opened the dialog is gone. */
    closeTo: (fallback: () => HTMLElement | null) => close(fallback),
  };
}
