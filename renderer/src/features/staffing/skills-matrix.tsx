/**
 * The skills matrix as an editable heat map: an ARIA grid of people × skill areas where each cell
 * shows its colour AND its number and word (0 none … 4 expert). One cell is in the tab order
 * (roving tabindex); the keyboard model lives in matrix-keyboard.ts. Edits go through the caller
 * (the repo and the undo history), so Ctrl+Z undoes them like any other edit.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { AreaCoverage, SkillsMatrix as Matrix } from '../../../../shared/domain/staffing/coverage';
import { LEVEL_WORDS } from '../../db/repos/staffing';
import { formatNumber } from '../../lib/format';
import { matrixKeyAction, pickerKeyAction, type GridPos } from './matrix-keyboard';

type Props = {
  matrix: Matrix;
  coverage: readonly AreaCoverage[];
  locale: string;
  readOnly: boolean;
  /** Writes the level; resolves to the sentence to announce, or null when nothing was saved. */
  onSetLevel: (personId: string, areaId: string, level: number) => Promise<string | null>;
};

type Picker = { row: number; col: number; highlighted: number };

function LevelPicker({
  label,
  current,
  highlighted,
  onHighlight,
  onChoose,
  onCancel,
  onDismiss,
}: {
  label: string;
  current: number;
  highlighted: number;
  onHighlight: (level: number) => void;
  onChoose: (level: number) => void;
  onCancel: () => void;
  /** Focus left the picker (a click elsewhere, Tab): close without taking focus back. */
  onDismiss: () => void;
}) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const a = pickerKeyAction(e, highlighted);
    // Keys stay inside the picker: the grid under it must not move or set levels meanwhile.
    e.stopPropagation();
    // Tab leaves the picker the normal way; the blur closes it.
    if (!a || e.key === 'Tab') return;
    e.preventDefault();
    if (a.kind === 'highlight') onHighlight(a.level);
    else if (a.kind === 'choose') onChoose(a.level);
    else onCancel();
  };
  return (
    <div
      ref={ref}
      role="listbox"
      tabIndex={-1}
      aria-label={label}
      aria-activedescendant={`${id}-${highlighted}`}
      className="sm-picker"
      onKeyDown={onKeyDown}
      onBlur={onDismiss}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
    >
      {LEVEL_WORDS.map((word, level) => (
        <div
          key={level}
          id={`${id}-${level}`}
          role="option"
          aria-selected={level === current}
          className={`sm-picker-option heat-${level} ${level === highlighted ? 'is-highlighted' : ''}`}
          // Keep focus on the listbox so its blur does not cancel the click.
          onMouseDown={(e) => e.preventDefault()}
          onMouseEnter={() => onHighlight(level)}
          onClick={() => onChoose(level)}
        >
          <span className="sm-lvl-num">{level}</span>
          <span className="sm-lvl-word">{word}</span>
          {level === current ? <span className="sm-picker-current"> (current)</span> : null}
        </div>
      ))}
    </div>
  );
}

/** The editable heat map. */
export function SkillsMatrix({ matrix, coverage, locale, readOnly, onSetLevel }: Props) {
  const rows = matrix.rows.length;
  const cols = matrix.areas.length;
  const [active, setActive] = useState<GridPos>({ row: 0, col: 0 });
  const [picker, setPicker] = useState<Picker | null>(null);
  const [status, setStatus] = useState('');
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  const focusWanted = useRef(false);
  const hintId = useId();
  const row = Math.min(active.row, Math.max(0, rows - 1));
  const col = Math.min(active.col, Math.max(0, cols - 1));

  useEffect(() => {
    if (!focusWanted.current) return;
    focusWanted.current = false;
    cells.current.get(`${row}:${col}`)?.focus();
  }, [row, col, picker]);

  const levelAt = (r: number, c: number) => matrix.rows[r]?.levels[c] ?? 0;
  const coverageByArea = new Map(coverage.map((a) => [a.areaId, a]));

  const setLevel = async (r: number, c: number, level: number) => {
    const person = matrix.rows[r];
    const area = matrix.areas[c];
    if (!person || !area) return;
    if (readOnly) {
      setStatus('This workspace is read-only; the level was not changed.');
      return;
    }
    if (levelAt(r, c) === level) {
      setStatus(`${person.name} · ${area.name}: already ${level} ${LEVEL_WORDS[level] ?? ''}.`);
      return;
    }
    const said = await onSetLevel(person.personId, area.areaId, level);
    if (said) setStatus(said);
  };

  const onCellKeyDown = (e: KeyboardEvent<HTMLTableCellElement>, r: number, c: number) => {
    const a = matrixKeyAction(e, { row: r, col: c }, { rows, cols }, levelAt(r, c));
    if (!a) return;
    e.preventDefault();
    if (a.kind === 'move') {
      focusWanted.current = true;
      setActive({ row: a.row, col: a.col });
    } else if (a.kind === 'set') void setLevel(r, c, a.level);
    else if (!readOnly) setPicker({ row: r, col: c, highlighted: levelAt(r, c) });
  };

  const closePicker = () => {
    focusWanted.current = true;
    setPicker(null);
  };

  if (rows === 0 || cols === 0) return null;
  return (
    <>
      <table
        className="data-table matrix sm-matrix"
        role="grid"
        aria-label="Skills matrix: proficiency of each person in each skill area"
        aria-describedby={hintId}
        aria-readonly={readOnly || undefined}
      >
        <thead>
          <tr>
            <th scope="col">Person</th>
            {matrix.areas.map((a, i) => {
              const cov = coverageByArea.get(a.areaId);
              const spof = cov?.singlePointOfFailure === true;
              return (
                <th key={a.areaId} scope="col" className={`matrix-col sm-col ${spof ? 'is-spof' : ''}`}>
                  <span className="sm-col-name">{a.name}</span>
                  <span className="sm-depth">
                    {spof ? (
                      <svg className="sm-spof-icon" width="10" height="10" viewBox="0 0 12 12" aria-hidden="true">
                        <path d="M3.5.5h5l3 3v5l-3 3h-5l-3-3v-5Z" fill="currentColor" />
                      </svg>
                    ) : null}
                    {matrix.depth[i] ?? 0} of {cov?.minimumDepth ?? '—'}
                    <span className="visually-hidden">
                      {` people at level 2 or more${spof ? ', single point of failure' : ''}`}
                    </span>
                  </span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((p, r) => (
            <tr key={p.personId}>
              <th scope="row" className="cell-title">
                <span>{p.name}</span>
                <span className="cell-sub">
                  {p.role ? `${p.role} · ` : ''}
                  {formatNumber(p.fte, locale, 2)} FTE
                </span>
              </th>
              {p.levels.map((lvl, c) => {
                const area = matrix.areas[c];
                const isActive = r === row && c === col;
                const open = picker && picker.row === r && picker.col === c;
                return (
                  <td
                    key={area?.areaId ?? c}
                    role="gridcell"
                    tabIndex={isActive ? 0 : -1}
                    className={`heat heat-${lvl} sm-cell`}
                    ref={(el) => {
                      if (el) cells.current.set(`${r}:${c}`, el);
                      else cells.current.delete(`${r}:${c}`);
                    }}
                    onKeyDown={(e) => onCellKeyDown(e, r, c)}
                    onFocus={() => {
                      if (!isActive) setActive({ row: r, col: c });
                    }}
                    onClick={(e) => {
                      // A click on the focused cell opens the picker, as a second click does in a sheet.
                      if (isActive && document.activeElement === e.currentTarget && !readOnly) {
                        setPicker({ row: r, col: c, highlighted: lvl });
                      }
                    }}
                    onDoubleClick={() => {
                      if (!readOnly) setPicker({ row: r, col: c, highlighted: lvl });
                    }}
                  >
                    <span className="sm-lvl-num">{lvl}</span>
                    {/* Level 0 shows only its number, so the levels people have stand out; the word stays for screen readers. */}
                    <span className={lvl === 0 ? 'visually-hidden' : 'sm-lvl-word'}>{LEVEL_WORDS[lvl] ?? ''}</span>
                    {open && area ? (
                      <LevelPicker
                        label={`Proficiency of ${p.name} in ${area.name}`}
                        current={lvl}
                        highlighted={picker.highlighted}
                        onHighlight={(level) => setPicker({ row: r, col: c, highlighted: level })}
                        onChoose={(level) => {
                          closePicker();
                          void setLevel(r, c, level);
                        }}
                        onCancel={closePicker}
                        onDismiss={() => setPicker(null)}
                      />
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p id={hintId} className="sm-hint">
        Arrow keys move · <kbd>0</kbd>–<kbd>4</kbd> set the level · <kbd>+</kbd> / <kbd>−</kbd> step it ·{' '}
        <kbd>Enter</kbd> or <kbd>F2</kbd> opens the list · <kbd>Ctrl</kbd>+<kbd>Z</kbd> undoes
      </p>
      <p className="sm-status" role="status" aria-live="polite">
        {status}
      </p>
    </>
  );
}
