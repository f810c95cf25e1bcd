/**
 * Skill load (SPEC §3.3): person-days the roadmap needs per skill area and fiscal quarter against
 * the internal team's capacity, from the shared `skillLoad`. It reads the screen's live rows, so a
 * drag, a keyboard move or an undo shows here at once; the cells the last move changed say so.
 * Over-capacity cells carry a ⚠ and the word "Over", never colour alone.
 */
import { useId, useMemo, useState } from 'react';
import { quarterLabel } from '../../../../shared/domain/periods';
import { reschedule } from '../../../../shared/domain/roadmap/costs';
import {
  capacityDaysPerFteQuarter,
  skillLoad,
  skillLoadChanges,
  type SkillLoadCell,
  type SkillLoadInput,
} from '../../../../shared/domain/roadmap/skill-load';
import type { RoadmapItemRecord } from '../../db/records';
import { formatNumber, formatPercent } from '../../lib/format';
import { TableWrap } from '../../components/table-wrap';
import type { LastMove } from './use-roadmap-moves';

/** Shading band of a load: 0 none, 1 under 50%, 2 under 80%, 3 up to 100%, 4 over. */
function band(c: Pick<SkillLoadCell, 'neededDays' | 'over' | 'loadPct'>): number {
  if (c.over) return 4;
  if (c.neededDays <= 0 || c.loadPct === null) return 0;
  return c.loadPct < 50 ? 1 : c.loadPct < 80 ? 2 : 3;
}

function Load({
  needed,
  capacity,
  over,
  loadPct,
  locale,
}: {
  needed: number;
  capacity: number;
  over: boolean;
  loadPct: number | null;
  locale: string;
}) {
  const days = (d: number) => formatNumber(d, locale, 1);
  return (
    <>
      <span className="sl-line" aria-hidden="true">
        <span className="sl-days">{days(needed)} d</span>
        <span className="sl-pct">
          {over ? <span className="sl-over">⚠ Over</span> : null}
          {over && loadPct !== null ? ' ' : null}
          {loadPct === null ? null : formatPercent(loadPct, locale, 0)}
        </span>
      </span>
      <span className="visually-hidden">
        {days(needed)} of {days(capacity)} person-days
        {loadPct === null ? '' : `, ${formatPercent(loadPct, locale, 0)}`}
        {over ? ', over capacity' : ''}
      </span>
    </>
  );
}

export function SkillLoadPanel({
  input,
  fiscalYear,
  focusQuarter,
  lastMove,
  locale,
}: {
  input: Omit<SkillLoadInput, 'items'> & { items: readonly RoadmapItemRecord[] };
  fiscalYear: number;
  focusQuarter: string;
  /** The last move, while it still stands: its cells are marked. */
  lastMove: LastMove | null;
  locale: string;
}) {
  const [open, setOpen] = useState(true);
  const bodyId = useId();
  const load = useMemo(() => skillLoad(input, fiscalYear), [input, fiscalYear]);
  // The load as it was before the last move: the same rows with that item moved back.
  const changes = useMemo(() => {
    if (!lastMove) return new Map<string, number>();
    const before = skillLoad(
      {
        ...input,
        items: input.items.map((i) => (i.id === lastMove.itemId ? reschedule(i, -lastMove.deltaMonths) : i)),
      },
      fiscalYear,
    );
    return new Map(skillLoadChanges(before, load).map((c) => [`${c.areaId}|${c.quarter}`, c.after - c.before]));
  }, [input, fiscalYear, lastMove, load]);

  const overCells = load.rows.flatMap((r) =>
    r.cells.filter((c) => c.over).map((c) => `${r.name} Q${c.quarter.slice(-1)}`),
  );
  const perFte = formatNumber(capacityDaysPerFteQuarter(), locale, 2);
  const days = (d: number) => formatNumber(d, locale, 1);
  const summary =
    load.rows.length === 0
      ? ''
      : overCells.length === 0
        ? `FY${fiscalYear}: every area within internal capacity`
        : `FY${fiscalYear}: ${overCells.length} over capacity — ${overCells.slice(0, 3).join(', ')}${overCells.length > 3 ? ', …' : ''}`;

  let body;
  if (input.areas.length === 0) {
    body = (
      <p className="sl-empty">
        No skill areas yet. Add them on <a href="#/staffing">Staffing &amp; Sourcing</a>, then give roadmap items the
        skills they need with person-days.
      </p>
    );
  } else if (load.itemsWithSkills === 0) {
    body = (
      <p className="sl-empty">
        No roadmap item names the skills it needs yet. Edit an item and add skill areas with person-days to see the load
        against your team’s capacity.
      </p>
    );
  } else if (load.rows.length === 0) {
    body = (
      <p className="sl-empty">
        No item needs skills in FY{fiscalYear}. Pick another quarter in focus, or move work into this year.
      </p>
    );
  } else {
    body = (
      <>
        <TableWrap label="Skill load">
          <table className="data-table compact sl-table">
            <caption className="sl-caption">
              Person-days the roadmap needs per skill area and quarter of FY{fiscalYear}, against internal capacity
              (beside each area): people at working level (2) or above, {perFte} days per FTE a quarter. Each item’s
              days are spread evenly over its months; cancelled items are left out, proposed ones counted.
            </caption>
            <thead>
              <tr>
                <th scope="col">Skill area</th>
                {load.quarters.map((q) => (
                  <th key={q} scope="col" className="num">
                    {quarterLabel(q)}
                    {q === focusQuarter ? <span className="sl-focus"> · in focus</span> : null}
                  </th>
                ))}
                <th scope="col" className="num">
                  FY{fiscalYear}
                </th>
              </tr>
            </thead>
            <tbody>
              {load.rows.map((r) => {
                const yearOver = r.yearNeededDays > r.yearCapacityDays;
                const yearPct = r.yearCapacityDays > 0 ? (r.yearNeededDays / r.yearCapacityDays) * 100 : null;
                return (
                  <tr key={r.areaId}>
                    <th scope="row">
                      <span className="sl-area">{r.name}</span>
                      <span className="sl-fte">
                        {r.internalFte > 0
                          ? `${formatNumber(r.internalFte, locale, 2)} FTE · ${days(r.cells[0]?.capacityDays ?? 0)} d/qtr`
                          : 'No one at level 2+ · no capacity'}
                      </span>
                    </th>
                    {r.cells.map((c) => {
                      const change = changes.get(`${r.areaId}|${c.quarter}`);
                      return (
                        <td
                          key={c.quarter}
                          className={`num sl-cell sl-band-${band(c)}${change !== undefined ? ' sl-changed' : ''}`}
                        >
                          {c.neededDays <= 0 ? (
                            <>
                              <span className="sl-none" aria-hidden="true">
                                —
                              </span>
                              <span className="visually-hidden">none needed</span>
                            </>
                          ) : (
                            <Load
                              needed={c.neededDays}
                              capacity={c.capacityDays}
                              over={c.over}
                              loadPct={c.loadPct}
                              locale={locale}
                            />
                          )}
                          {change !== undefined ? (
                            <span className="sl-change">
                              <span aria-hidden="true">{change > 0 ? '▲' : '▼'} </span>
                              {change > 0 ? '+' : '−'}
                              {days(Math.abs(change))} d<span className="visually-hidden"> by the last move</span>
                            </span>
                          ) : null}
                        </td>
                      );
                    })}
                    <td className={`num sl-cell sl-year sl-band-${yearOver ? 4 : 0}`}>
                      <Load
                        needed={r.yearNeededDays}
                        capacity={r.yearCapacityDays}
                        over={yearOver}
                        loadPct={yearPct}
                        locale={locale}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
        <div className="sl-foot">
          <ul className="sl-legend" aria-label="Shading">
            <li>
              <span className="sl-swatch sl-band-1" aria-hidden="true" />
              under 50%
            </li>
            <li>
              <span className="sl-swatch sl-band-2" aria-hidden="true" />
              50–80%
            </li>
            <li>
              <span className="sl-swatch sl-band-3" aria-hidden="true" />
              80–100%
            </li>
            <li>
              <span className="sl-swatch sl-band-4" aria-hidden="true" />⚠ Over capacity
            </li>
            {changes.size > 0 ? (
              <li>
                <span aria-hidden="true">▲ ▼ </span>changed by the last move
                {lastMove ? ` (“${lastMove.title}”)` : ''}
              </li>
            ) : null}
          </ul>
          {load.skipped.length > 0 ? (
            <p className="notice notice-warn sl-skipped">
              Left out: {load.skipped.map((s) => `“${s.title}” (${s.reason})`).join('; ')}. Edit the item to fix it.
            </p>
          ) : null}
        </div>
      </>
    );
  }

  return (
    <section className="panel sl-panel" aria-labelledby="sl-title">
      <div className="panel-head sl-head">
        <h2 id="sl-title">Skill load</h2>
        <span className="panel-meta">{summary}</span>
        <div className="panel-actions">
          <a className="rm-impact-link small" href="#/staffing">
            Open Staffing
          </a>
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? 'Hide table' : 'Show table'}
          </button>
        </div>
      </div>
      <div id={bodyId} className="sl-body" hidden={!open}>
        {body}
      </div>
    </section>
  );
}
