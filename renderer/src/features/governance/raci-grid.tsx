/**
 * The RACI matrix as an editable ARIA grid: service lanes × parties. One cell is in the tab order
 * (roving tabindex); the keyboard model is in raci-keys.ts. Letter edits are written at once (each
 * one undoable) and announced in a polite live region; every lane shows its check inline (icon
 * and text, never colour alone). Mouse users click a cell and use the letter buttons above it.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { RaciIssue } from '../../../../shared/domain/governance/raci';
import { formatRaciLetters } from '../../../../shared/domain/governance/raci';
import { RACI_LETTERS, type RaciActivity, type RaciLetter } from '../../../../shared/domain/governance/schema';
import type { Party } from '../../../../shared/domain/workspace/schema';
import { redoLast, undoLast } from '../../app/actions';
import { useServices } from '../../app/services';
import { RagBadge } from '../../components/status';
import { TableWrap } from '../../components/table-wrap';
import { moveRaciLane, setRaciRoles, toggleRaciLetter } from '../../db/repos/governance';
import { governanceEdit } from './edit';
import { isLetterColumn, raciGridKey, type GridSize } from './raci-keys';

export const RACI_WORDS: Record<RaciLetter, string> = {
  R: 'Responsible',
  A: 'Accountable',
  C: 'Consulted',
  I: 'Informed',
};

const ISSUE_LABEL: Record<RaciIssue['kind'], string> = {
  'raci-collision': 'Collision',
  'raci-gap': 'Gap',
  'raci-accountable': 'Accountability',
};

/** Letters as words for screen readers ("Responsible, Accountable" / "no role"). */
export function lettersInWords(roles: readonly RaciLetter[]): string {
  return roles.length ? roles.map((l) => RACI_WORDS[l]).join(', ') : 'no role';
}

type Active = { laneId: string; col: number };

export type RaciGridProps = {
  lanes: readonly RaciActivity[];
  parties: readonly Party[];
  cells: ReadonlyMap<string, ReadonlyMap<string, RaciLetter[]>>;
  issues: ReadonlyMap<string, readonly RaciIssue[]>;
  onEditLane: (laneId: string) => void;
  /** Focus this lane's first letter cell when the nonce changes (links from findings). */
  focusRequest?: { laneId: string; nonce: number } | null;
};

export function RaciGrid({ lanes, parties, cells, issues, onEditLane, focusRequest }: RaciGridProps) {
  const s = useServices();
  const tableRef = useRef<HTMLTableElement>(null);
  const [active, setActive] = useState<Active | null>(null);
  const [announce, setAnnounce] = useState('');
  // Focus to restore after the rows re-render (a moved lane's node is re-inserted and loses focus).
  const pendingFocus = useRef<Active | null>(null);
  const size: GridSize = { rows: lanes.length, cols: parties.length + 2 };
  const readOnly = !!s.readOnlyReason;

  const rowOf = (laneId: string) => lanes.findIndex((l) => l.id === laneId);
  const current: Active | null =
    active && rowOf(active.laneId) >= 0 ? { laneId: active.laneId, col: Math.min(active.col, size.cols - 1) } : null;
  const tabStop: Active | null =
    current ?? (lanes[0] ? { laneId: lanes[0].id, col: Math.min(1, size.cols - 1) } : null);

  const cellEl = (laneId: string, col: number) =>
    tableRef.current?.querySelector<HTMLElement>(`[data-lane="${CSS.escape(laneId)}"][data-col="${col}"]`) ?? null;

  const focusCell = (laneId: string, col: number) => {
    const el = cellEl(laneId, col);
    if (el) {
      el.focus();
      el.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    }
  };

  useLayoutEffect(() => {
    const p = pendingFocus.current;
    if (!p) return;
    pendingFocus.current = null;
    focusCell(p.laneId, p.col);
  });

  useEffect(() => {
    if (!focusRequest) return;
    if (rowOf(focusRequest.laneId) < 0) return;
    setActive({ laneId: focusRequest.laneId, col: 1 });
    focusCell(focusRequest.laneId, parties.length > 0 ? 1 : 0);
    // Only a new request moves focus, not a data refresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest?.nonce]);

  const partyAt = (col: number) => parties[col - 1];
  const laneById = (id: string) => lanes.find((l) => l.id === id);

  /** Write a letter change to one cell and announce the result. */
  const editCell = async (laneId: string, col: number, change: { toggle: RaciLetter } | { clear: true }) => {
    const party = partyAt(col);
    const lane = laneById(laneId);
    if (!party || !lane) return;
    const cs = await governanceEdit(
      s,
      () =>
        'toggle' in change
          ? toggleRaciLetter(s.db, laneId, party.id, change.toggle, s.ctx)
          : setRaciRoles(s.db, laneId, party.id, [], s.ctx),
      { quiet: true },
    );
    if (!cs) return;
    const after = cs.changes.find((c) => c.table === 'raciAssignments' && c.after !== null)?.after as
      { roles: RaciLetter[] } | undefined;
    const roles = after?.roles ?? [];
    setAnnounce(`${lane.name}, ${party.name}: ${roles.length ? formatRaciLetters(roles) : 'no role'}.`);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>('[data-lane][data-col]');
    if (!target || !tableRef.current?.contains(target)) return;
    const laneId = target.dataset.lane ?? '';
    const col = Number(target.dataset.col);
    const row = rowOf(laneId);
    if (row < 0) return;
    const action = raciGridKey(e, { row, col }, size);
    if (!action) return;
    e.preventDefault();
    // The grid handles undo itself; stop the app-wide shortcut from undoing a second time.
    e.stopPropagation();
    switch (action.kind) {
      case 'move': {
        const lane = lanes[action.to.row];
        if (lane) focusCell(lane.id, action.to.col);
        return;
      }
      case 'toggle':
        if (readOnly) return setAnnounce(s.readOnlyReason ?? '');
        void editCell(laneId, col, { toggle: action.letter });
        return;
      case 'clear':
        if (readOnly) return setAnnounce(s.readOnlyReason ?? '');
        void editCell(laneId, col, { clear: true });
        return;
      case 'undo':
        void undoLast(s);
        return;
      case 'redo':
        void redoLast(s);
        return;
      case 'edit-lane':
        onEditLane(laneId);
        return;
      case 'move-lane': {
        const to = row + action.delta;
        if (readOnly || to < 0 || to >= lanes.length) return;
        pendingFocus.current = { laneId, col: 0 };
        void governanceEdit(s, () => moveRaciLane(s.db, laneId, action.delta), { quiet: true }).then((cs) => {
          if (cs) setAnnounce(`${laneById(laneId)?.name ?? 'Lane'} moved to position ${to + 1} of ${lanes.length}.`);
        });
        return;
      }
    }
  };

  const activeLane = current ? laneById(current.laneId) : undefined;
  const activeParty = current && isLetterColumn(current.col, size) ? partyAt(current.col) : undefined;
  const activeRoles = activeLane && activeParty ? (cells.get(activeLane.id)?.get(activeParty.id) ?? []) : [];

  return (
    <div className="raci-grid-block">
      <div className="raci-cell-bar" role="group" aria-label="Letters of the selected cell">
        <span className="raci-cell-bar-label" aria-live="off">
          {activeLane && activeParty ? (
            <>
              <strong>{activeLane.name}</strong> × {activeParty.name}
            </>
          ) : (
            'Select a cell in the matrix to set its letters'
          )}
        </span>
        {RACI_LETTERS.map((l) => (
          <button
            key={l}
            type="button"
            className="btn btn-sm raci-letter-btn"
            aria-pressed={activeRoles.includes(l)}
            disabled={!activeLane || !activeParty || readOnly}
            title={`${RACI_WORDS[l]} (key ${l})`}
            onClick={() => current && void editCell(current.laneId, current.col, { toggle: l })}
          >
            <span aria-hidden="true">{l}</span>
            <span className="visually-hidden">{RACI_WORDS[l]}</span>
          </button>
        ))}
        <button
          type="button"
          className="btn btn-sm btn-ghost"
          disabled={!activeLane || !activeParty || readOnly || activeRoles.length === 0}
          onClick={() => current && void editCell(current.laneId, current.col, { clear: true })}
        >
          Clear cell
        </button>
      </div>
      <p id="raci-grid-help" className="raci-help">
        Arrow keys move between cells. Type <kbd>R</kbd>, <kbd>A</kbd>, <kbd>C</kbd> or <kbd>I</kbd> to toggle a letter,{' '}
        <kbd>Delete</kbd> to clear, <kbd>Ctrl</kbd>+<kbd>Z</kbd> to undo. On a lane name, <kbd>Enter</kbd> edits it and{' '}
        <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> moves it.
      </p>
      <TableWrap label="RACI matrix">
        <table
          ref={tableRef}
          role="grid"
          aria-labelledby="raci-title"
          aria-describedby="raci-grid-help"
          aria-readonly={readOnly || undefined}
          className="data-table raci-grid"
          onKeyDown={onKeyDown}
          onFocus={(e) => {
            const el = (e.target as HTMLElement).closest<HTMLElement>('[data-lane][data-col]');
            if (el?.dataset.lane) setActive({ laneId: el.dataset.lane, col: Number(el.dataset.col) });
          }}
        >
          <thead>
            <tr>
              <th scope="col">Service lane</th>
              {parties.map((p) => (
                <th key={p.id} scope="col" className="center raci-party">
                  {p.name}
                </th>
              ))}
              <th scope="col" className="raci-check-head">
                Check
              </th>
            </tr>
          </thead>
          <tbody>
            {lanes.map((lane) => {
              const row = cells.get(lane.id);
              const laneIssues = issues.get(lane.id) ?? [];
              const isStop = (col: number) => tabStop?.laneId === lane.id && tabStop.col === col;
              const checkCol = parties.length + 1;
              return (
                <tr
                  key={lane.id}
                  className={
                    laneIssues.length === 0
                      ? undefined
                      : laneIssues.every((x) => x.kind === 'raci-collision')
                        ? 'raci-row-warn'
                        : 'raci-row-issue'
                  }
                >
                  <th scope="row" className="raci-lane-cell">
                    <button
                      type="button"
                      className="raci-lane"
                      data-lane={lane.id}
                      data-col={0}
                      tabIndex={isStop(0) ? 0 : -1}
                      aria-haspopup="dialog"
                      onClick={() => onEditLane(lane.id)}
                    >
                      {lane.name}
                    </button>
                    {lane.splitNote ? <span className="cell-sub raci-split">Split: {lane.splitNote}</span> : null}
                  </th>
                  {parties.map((p, i) => {
                    const letters = row?.get(p.id) ?? [];
                    const col = i + 1;
                    const flagged = laneIssues.some((x) => x.partyIds.includes(p.id));
                    return (
                      <td
                        key={p.id}
                        data-lane={lane.id}
                        data-col={col}
                        tabIndex={isStop(col) ? 0 : -1}
                        className={`center raci-cell${flagged ? ' raci-cell-flagged' : ''}`}
                        aria-readonly={readOnly || undefined}
                      >
                        {letters.length ? (
                          <span className="raci-letters" aria-hidden="true">
                            {formatRaciLetters(letters)}
                          </span>
                        ) : (
                          <span className="raci-empty" aria-hidden="true">
                            –
                          </span>
                        )}
                        <span className="visually-hidden">{lettersInWords(letters)}</span>
                      </td>
                    );
                  })}
                  <td
                    data-lane={lane.id}
                    data-col={checkCol}
                    tabIndex={isStop(checkCol) ? 0 : -1}
                    className="raci-check"
                  >
                    {laneIssues.length === 0 ? (
                      <RagBadge rag="green" label="OK" />
                    ) : (
                      laneIssues.map((issue) => (
                        <span key={issue.kind} className="issue">
                          <RagBadge
                            rag={issue.kind === 'raci-collision' ? 'amber' : 'red'}
                            label={ISSUE_LABEL[issue.kind]}
                          />
                          <span className="cell-sub">{issue.message}</span>
                        </span>
                      ))
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
    </div>
  );
}
