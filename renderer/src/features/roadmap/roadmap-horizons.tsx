/**
 * Now / Next / Later, relative to the quarter in focus (shared horizon.ts): Now = open work that
 * has started by the end of that quarter, Next = starting in the two quarters after it, Later =
 * after that. Done and cancelled items are in no horizon, and the view says how many that hides.
 */
import { addQuarters, quarterLabel } from '../../../../shared/domain/periods';
import { HORIZONS, groupByHorizon, isOverdue, type Horizon } from '../../../../shared/domain/roadmap/horizon';
import { STATUS_LABELS } from '../../components/labels';
import { HealthBadge, Pill } from '../../components/status';
import type { RoadmapItemRecord } from '../../db/records';
import { formatMonth } from '../../lib/format';
import { STATUS_TONE } from './status-tone';

const TITLES: Record<Horizon, string> = { now: 'Now', next: 'Next', later: 'Later' };

export function RoadmapHorizons({
  items,
  focusQuarter,
  refMonth,
  fiscalStartMonth,
  conflictIds,
  partyName,
  selectedId,
  locale,
  onSelect,
}: {
  items: readonly RoadmapItemRecord[];
  focusQuarter: string;
  refMonth: string;
  fiscalStartMonth: number;
  conflictIds: ReadonlySet<string>;
  partyName: ReadonlyMap<string, string>;
  selectedId: string | null;
  locale: string;
  onSelect(id: string): void;
}) {
  const groups = groupByHorizon(items, refMonth, fiscalStartMonth);
  const closed = items.filter((i) => i.status === 'done' || i.status === 'cancelled').length;
  const scope: Record<Horizon, string> = {
    now: `Started by the end of ${quarterLabel(focusQuarter)}`,
    next: `Starting ${quarterLabel(addQuarters(focusQuarter, 1))} – ${quarterLabel(addQuarters(focusQuarter, 2))}`,
    later: `Starting ${quarterLabel(addQuarters(focusQuarter, 3))} or later`,
  };
  return (
    <div className="rm-nnl-wrap">
      <p className="small muted rm-nnl-note">
        Relative to {quarterLabel(focusQuarter)}, the quarter in focus (change it in the top bar).
        {closed > 0 ? ` ${closed} done or cancelled item${closed === 1 ? ' is' : 's are'} not shown.` : ''}
      </p>
      <div className="rm-nnl">
        {HORIZONS.map((h) => (
          <section key={h} className="rm-nnl-col" aria-labelledby={`rm-nnl-${h}`}>
            <h3 id={`rm-nnl-${h}`} className="rm-nnl-head">
              <span>{TITLES[h]}</span>
              <span className="rm-nnl-count">
                {groups[h].length} item{groups[h].length === 1 ? '' : 's'}
              </span>
            </h3>
            <p className="rm-nnl-scope small muted">{scope[h]}</p>
            {groups[h].length === 0 ? (
              <p className="small muted rm-nnl-empty">Nothing here with these filters.</p>
            ) : (
              <ul className="rm-nnl-list">
                {groups[h].map((i) => (
                  <li key={i.id} className={`rm-nnl-card${i.id === selectedId ? ' rm-nnl-card-selected' : ''}`}>
                    <button
                      type="button"
                      className="rm-link rm-nnl-title"
                      data-select-id={i.id}
                      onClick={() => onSelect(i.id)}
                      aria-expanded={i.id === selectedId}
                    >
                      {i.title}
                    </button>
                    <span className="rm-nnl-meta small muted">
                      {formatMonth(i.startMonth, locale)} – {formatMonth(i.endMonth, locale)} ·{' '}
                      {partyName.get(i.ownerPartyId) ?? '—'}
                    </span>
                    <span className="rm-nnl-badges">
                      <Pill tone={STATUS_TONE[i.status]}>{STATUS_LABELS[i.status]}</Pill>
                      <HealthBadge health={i.health} />
                      {isOverdue(i, refMonth) ? <Pill tone="red">Overdue</Pill> : null}
                      {i.needsDecision ? <Pill tone="amber">Decision needed</Pill> : null}
                      {conflictIds.has(i.id) ? <Pill tone="red">Dependency</Pill> : null}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
