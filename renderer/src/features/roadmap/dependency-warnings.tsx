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
              <path
                d="M5.2 3.4 6.4 2.2a2.3 2.3 0 0 1 3.3 3.3L8.5 6.7M7.8 9.6 6.6 10.8a2.3 2.3 0 0 1-3.3-3.3l1.2-1.2"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.5"
                strokeLinecap="round"
              />
              <path
                d="M9.6 9.6 11.2 11.2M1.8 1.8 3.4 3.4"
                stroke="currentColor"
                strokeWidth="1.5"
                strokeLinecap="round"
              />
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
