/** A sortable column header: a button inside <th aria-sort>, so the order is announced and keyboard-operable. */
export function SortHeader({
  label,
  active,
  dir,
  onSort,
  numeric,
}: {
  label: string;
  active: boolean;
  dir: 'asc' | 'desc';
  onSort: () => void;
  numeric?: boolean;
}) {
  return (
    <th
      scope="col"
      aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={numeric ? 'num' : undefined}
    >
      <button type="button" className="sort-button" onClick={onSort}>
        <span>{label}</span>
        <svg
          width="10"
          height="10"
          viewBox="0 0 10 10"
          aria-hidden="true"
          focusable="false"
          className={active ? 'sort-on' : 'sort-off'}
        >
          {active && dir === 'desc' ? (
            <path d="M2 3.5 5 7l3-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          ) : (
            <path d="M2 6.5 5 3l3 3.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          )}
        </svg>
      </button>
    </th>
  );
}
