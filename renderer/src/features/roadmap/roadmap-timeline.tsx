/**
 * Timeline view: fiscal quarters as columns, swimlanes by domain, bucket or owner, one bar per
 * item. A bar is dragged to reschedule (pointer events, snapped to whole months) or, focused,
 * moved with ← / → (a month) and Shift+← / → (a quarter); ↑ / ↓ go to the previous or next bar,
 * so the whole timeline is one Tab stop. Status and health are words and icon shapes, never
 * colour alone; a dependency warning is an icon and words on the bar and in the list below.
 */
import { useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import type { DependencyConflict } from '../../../../shared/domain/roadmap/dependencies';
import { swimlanes, type SwimlaneKey } from '../../../../shared/domain/roadmap/filters';
import { timelineColumns, timelinePlacement } from '../../../../shared/domain/roadmap/horizon';
import { dragDeltaMonths, keyMoveDelta, movedSpan, moveWords } from '../../../../shared/domain/roadmap/timeline-moves';
import { quarterLabel } from '../../../../shared/domain/periods';
import { STATUS_LABELS } from '../../components/labels';
import { Pill } from '../../components/status';
import type { RoadmapItemRecord } from '../../db/records';
import { formatMonth, safeLocale } from '../../lib/format';
import { STATUS_TONE } from './status-tone';
import { laneLabel } from './view-state';

/** Pixels per month on the timeline: the unit a drag snaps to. */
export const MONTH_PX = 30;

const HEALTH_WORD = { green: 'Green', amber: 'Amber', red: 'Red' } as const;

type DragState = { id: string; pointerId: number; x0: number; delta: number; moved: boolean };

function HealthIcon({ health }: { health: RoadmapItemRecord['health'] }) {
  const common = { width: 12, height: 12, viewBox: '0 0 12 12', 'aria-hidden': true, focusable: false } as const;
  if (health === 'green') {
    return (
      <svg {...common} className="rm-tl-icon rm-icon-green">
        <circle cx="6" cy="6" r="5.5" fill="currentColor" />
        <path d="M3.4 6.2 5.2 8 8.7 4.3" stroke="var(--rm-icon-ink)" strokeWidth="1.5" fill="none" />
      </svg>
    );
  }
  if (health === 'amber') {
    return (
      <svg {...common} className="rm-tl-icon rm-icon-amber">
        <path d="M6 .8 11.4 10.6H.6Z" fill="currentColor" />
        <path d="M6 4.3v3.1M6 8.6v.9" stroke="var(--rm-icon-ink)" strokeWidth="1.4" />
      </svg>
    );
  }
  return (
    <svg {...common} className="rm-tl-icon rm-icon-red">
      <path d="M3.5.5h5l3 3v5l-3 3h-5l-3-3v-5Z" fill="currentColor" />
      <path d="m4 4 4 4M8 4 4 8" stroke="var(--rm-icon-ink)" strokeWidth="1.5" />
    </svg>
  );
}

/** A broken chain link: "a dependency is not met" — a shape no health icon uses. */
function WarnIcon() {
  return (
    <svg width="13" height="13" viewBox="0 0 13 13" aria-hidden="true" focusable="false" className="rm-tl-warn">
      <path
        d="M5.2 3.4 6.4 2.2a2.3 2.3 0 0 1 3.3 3.3L8.5 6.7M7.8 9.6 6.6 10.8a2.3 2.3 0 0 1-3.3-3.3l1.2-1.2"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
      />
      <path d="M9.6 9.6 11.2 11.2M1.8 1.8 3.4 3.4" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

export function RoadmapTimeline({
  items,
  swimlane,
  partyName,
  partyOrder,
  fiscalStartMonth,
  refMonth,
  focusQuarter,
  conflicts,
  selectedId,
  readOnly,
  locale,
  onSelect,
  onMove,
}: {
  items: readonly RoadmapItemRecord[];
  swimlane: SwimlaneKey;
  partyName: ReadonlyMap<string, string>;
  partyOrder: readonly string[];
  fiscalStartMonth: number;
  refMonth: string;
  focusQuarter: string;
  conflicts: readonly DependencyConflict[];
  selectedId: string | null;
  readOnly: boolean;
  locale: string;
  onSelect(id: string): void;
  onMove(item: RoadmapItemRecord, delta: number): Promise<boolean>;
}) {
  const columns = useMemo(
    () => timelineColumns(items, refMonth, fiscalStartMonth, 4),
    [items, refMonth, fiscalStartMonth],
  );
  const lanes = useMemo(() => swimlanes([...items], swimlane, partyOrder), [items, swimlane, partyOrder]);
  const order = useMemo(() => lanes.flatMap((l) => l.items.map((i) => i.id)), [lanes]);
  const conflictText = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const c of conflicts) m.set(c.itemId, [...(m.get(c.itemId) ?? []), c.message]);
    return m;
  }, [conflicts]);
  const totalMonths = columns.length * 3;
  const focusIndex = columns.findIndex((c) => c.quarter === focusQuarter);
  const monthName = useMemo(() => {
    const f = new Intl.DateTimeFormat(safeLocale(locale), { month: 'short', timeZone: 'UTC' });
    return (m: string) => f.format(new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1)));
  }, [locale]);

  // Roving focus: one bar is in the Tab order; ↑/↓ move between bars.
  const [activeId, setActiveId] = useState<string | null>(null);
  const current =
    activeId && order.includes(activeId) ? activeId : selectedId && order.includes(selectedId) ? selectedId : order[0];
  const bars = useRef(new Map<string, HTMLButtonElement>());
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    // After a move the row may be re-ordered in its lane: keep focus on the moved bar.
    const id = refocus.current;
    if (!id) return;
    const el = bars.current.get(id);
    if (el && document.activeElement !== el) el.focus();
  });

  const drag = useRef<DragState | null>(null);
  const [dragView, setDragView] = useState<{ id: string; delta: number } | null>(null);
  const suppressClick = useRef(false);

  const focusBar = (id: string | undefined) => {
    if (!id) return;
    // The user goes elsewhere: stop holding focus on a bar that was just moved.
    refocus.current = null;
    setActiveId(id);
    bars.current.get(id)?.focus();
  };

  const moveItem = (item: RoadmapItemRecord, delta: number) => {
    refocus.current = item.id;
    void onMove(item, delta).finally(() => {
      // Keep refocusing through the re-render that brings the moved data, then stop.
      setTimeout(() => {
        if (refocus.current === item.id) refocus.current = null;
      }, 500);
    });
  };

  const onKeyDown = (item: RoadmapItemRecord) => (e: KeyboardEvent<HTMLButtonElement>) => {
    const idx = order.indexOf(item.id);
    if (e.key === 'Escape' && drag.current) {
      drag.current = null;
      setDragView(null);
      e.preventDefault();
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      focusBar(order[idx + (e.key === 'ArrowDown' ? 1 : -1)]);
      return;
    }
    if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      focusBar(e.key === 'Home' ? order[0] : order[order.length - 1]);
      return;
    }
    const delta = keyMoveDelta(e);
    if (delta === null) return;
    e.preventDefault();
    if (!readOnly) moveItem(item, delta);
  };

  const onPointerDown = (item: RoadmapItemRecord) => (e: PointerEvent<HTMLButtonElement>) => {
    suppressClick.current = false;
    if (readOnly || e.button !== 0 || e.isPrimary === false) return;
    drag.current = { id: item.id, pointerId: e.pointerId, x0: e.clientX, delta: 0, moved: false };
    // Keep receiving moves when the pointer leaves the bar (happy-dom and old engines lack it).
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    const dx = e.clientX - d.x0;
    // A few pixels of jitter is still a click, not a drag.
    if (!d.moved && Math.abs(dx) < 4) return;
    d.moved = true;
    d.delta = dragDeltaMonths(dx, MONTH_PX);
    setDragView((v) => (v && v.id === d.id && v.delta === d.delta ? v : { id: d.id, delta: d.delta }));
  };
  const onPointerUp = (item: RoadmapItemRecord) => (e: PointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    drag.current = null;
    setDragView(null);
    if (!d.moved) return;
    suppressClick.current = true;
    if (d.delta !== 0) moveItem(item, d.delta);
  };
  const onPointerCancel = () => {
    drag.current = null;
    setDragView(null);
  };

  const trackWidth = totalMonths * MONTH_PX;
  const style = { '--rm-track': `${trackWidth}px`, '--rm-quarter': `${MONTH_PX * 3}px` } as CSSProperties;

  return (
    <div className="rm-tl-wrap">
      <p id="rm-tl-help" className="rm-tl-help small muted">
        Drag a bar to reschedule it (it snaps to months), or focus a bar and press ← / → to move it a month, Shift+← / →
        a quarter; ↑ / ↓ go to the next bar, Enter shows its details. Every move can be undone.
      </p>
      <div className="rm-tl-scroll">
        <div className="rm-tl" style={style}>
          <div className="rm-tl-head">
            <div className="rm-tl-corner">Item</div>
            <div className="rm-tl-quarters">
              {columns.map((c, k) => (
                <div key={c.quarter} className={`rm-tl-q${k === focusIndex ? ' rm-tl-q-focus' : ''}`}>
                  <span className="rm-tl-q-name">
                    {quarterLabel(c.quarter)}
                    {k === focusIndex ? <span className="visually-hidden"> (quarter in focus)</span> : null}
                  </span>
                  <span className="rm-tl-q-months" aria-hidden="true">
                    {c.months.map((m) => (
                      <span key={m}>{monthName(m)}</span>
                    ))}
                  </span>
                </div>
              ))}
            </div>
          </div>
          {lanes.map((lane) => {
            const laneId = `rm-lane-${swimlane}-${lane.key}`.replace(/[^A-Za-z0-9_-]/g, '_');
            return (
              <section key={lane.key} className="rm-tl-lane" aria-labelledby={laneId}>
                <h3 id={laneId} className="rm-tl-lane-head">
                  <span>{laneLabel(swimlane, lane.key, partyName)}</span>
                  <span className="rm-tl-lane-count">
                    {lane.items.length} item{lane.items.length === 1 ? '' : 's'}
                  </span>
                </h3>
                <ul className="rm-tl-rows">
                  {lane.items.map((item) => {
                    const dragging = dragView?.id === item.id ? dragView.delta : 0;
                    const place = timelinePlacement(item, columns);
                    const warn = conflictText.get(item.id);
                    const dates = `${formatMonth(item.startMonth, locale)} – ${formatMonth(item.endMonth, locale)}`;
                    const preview = dragging ? movedSpan(item, dragging) : null;
                    const label =
                      `${item.title}: ${dates}. ${STATUS_LABELS[item.status]}, health ${HEALTH_WORD[item.health]}.` +
                      (warn ? ` Dependency warning: ${warn.join(' ')}` : '');
                    return (
                      <li key={item.id} className={`rm-tl-row${item.id === selectedId ? ' rm-tl-row-selected' : ''}`}>
                        <div className="rm-tl-label">
                          <span className="rm-tl-title" title={item.title}>
                            {item.title}
                          </span>
                          <Pill tone={STATUS_TONE[item.status]}>{STATUS_LABELS[item.status]}</Pill>
                        </div>
                        <div className="rm-tl-track">
                          {focusIndex >= 0 ? (
                            <span
                              className="rm-tl-focus-band"
                              style={{ left: focusIndex * 3 * MONTH_PX, width: 3 * MONTH_PX }}
                              aria-hidden="true"
                            />
                          ) : null}
                          {place ? (
                            <button
                              type="button"
                              ref={(el) => {
                                if (el) bars.current.set(item.id, el);
                                else bars.current.delete(item.id);
                              }}
                              className={
                                `rm-tl-bar rm-status-${item.status}` +
                                (warn ? ' rm-tl-bar-warn' : '') +
                                (dragging ? ' rm-tl-bar-dragging' : '') +
                                (item.id === selectedId ? ' rm-tl-bar-selected' : '')
                              }
                              style={{
                                left: place.offset * MONTH_PX,
                                width: place.span * MONTH_PX - 2,
                                transform: dragging ? `translateX(${dragging * MONTH_PX}px)` : undefined,
                              }}
                              tabIndex={item.id === current ? 0 : -1}
                              aria-label={label}
                              aria-describedby="rm-tl-help"
                              aria-keyshortcuts="ArrowLeft ArrowRight Shift+ArrowLeft Shift+ArrowRight"
                              data-item-id={item.id}
                              data-select-id={item.id}
                              onFocus={() => setActiveId(item.id)}
                              onBlur={(e) => {
                                // Focus taken elsewhere on purpose (not lost to a re-render that
                                // moved the row): do not pull it back after a move.
                                if (e.relatedTarget) refocus.current = null;
                              }}
                              onClick={() => {
                                if (suppressClick.current) {
                                  suppressClick.current = false;
                                  return;
                                }
                                onSelect(item.id);
                              }}
                              onKeyDown={onKeyDown(item)}
                              onPointerDown={onPointerDown(item)}
                              onPointerMove={onPointerMove}
                              onPointerUp={onPointerUp(item)}
                              onPointerCancel={onPointerCancel}
                              onLostPointerCapture={onPointerCancel}
                            >
                              <span
                                className="rm-tl-progress"
                                style={{ width: `${item.progressPct}%` }}
                                aria-hidden="true"
                              />
                              <HealthIcon health={item.health} />
                              {place.span >= 6 ? (
                                <span className="rm-tl-bar-text" aria-hidden="true">
                                  {dates}
                                </span>
                              ) : null}
                              {warn ? (
                                <span className="rm-tl-warn-tag" aria-hidden="true">
                                  <WarnIcon />
                                  {place.span >= 10 ? 'Dependency' : null}
                                </span>
                              ) : null}
                            </button>
                          ) : null}
                          {preview ? (
                            <span
                              className="rm-tl-preview"
                              style={{ left: ((place?.offset ?? 0) + dragging) * MONTH_PX }}
                              aria-hidden="true"
                            >
                              {formatMonth(preview.startMonth, locale)} – {formatMonth(preview.endMonth, locale)} (
                              {moveWords(dragging)})
                            </span>
                          ) : null}
                        </div>
                      </li>
                    );
                  })}
                </ul>
              </section>
            );
          })}
        </div>
      </div>
    </div>
  );
}
