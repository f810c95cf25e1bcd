/** The roadmap's dependency warnings as a list, each with a button that shows the item concerned. */
import type { DependencyConflict } from '../../../../shared/domain/roadmap/dependencies';

export function DependencyWarnings({
  conflicts,
  titleOf,
  onSelect,
}: {
  conflicts: readonly DependencyConflict[];
  titleOf: ReadonlyMap<string, string>;
  onSelect(id: string): void;
}) {
  if (conflicts.length === 0) return null;
  return (
    <section className="rm-warnings" aria-labelledby="rm-warnings-title">
      <h3 id="rm-warnings-title" className="subhead">
        Dependency warnings ({conflicts.length})
      </h3>
      <ul className="plain-list">
        {conflicts.map((c, i) => (
          <li key={`${c.itemId}-${c.dependsOnId}-${i}`} className="rm-warning">
            <svg width="13" height="13" viewBox="0 0 13 13" aria-hidden="true" focusable="false">
              <path d="M6.5 1 12.5 12H.5Z" fill="none" stroke="currentColor" strokeWidth="1.3" />
              <path d="M6.5 5v3.2M6.5 9.4v1" stroke="currentColor" strokeWidth="1.4" />
            </svg>
            <span>{c.message}</span>
            {titleOf.has(c.itemId) ? (
              <button type="button" className="rm-link" onClick={() => onSelect(c.itemId)}>
                Show “{titleOf.get(c.itemId)}”
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
