/**
 * The budget grid: one row per budget line (grouped by category), the twelve fiscal months of one
 * measure (plan or actuals) and the year's total. A keyboard-first ARIA grid (grid-nav.ts): arrows,
 * Home/End, PageUp/PageDown and Tab move the active cell (one tab stop, roving tabindex); Enter or
 * F2 edits, typing a digit starts editing with it, Escape cancels, Enter commits and moves down,
 * Tab commits and moves right; Delete clears. Enter on a line's name opens the line editor.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { BUDGET_CATEGORIES, type BudgetCategory } from '../../../../shared/domain/budget/schema';
import { CATEGORY_LABELS } from '../../components/labels';
import type { BudgetLineRecord } from '../../db/records';
import type { Measure } from '../../db/repos/budget';
import { currencyDigits, formatDate, formatMonth, formatNumber, safeLocale } from '../../lib/format';
import { cellEditText, parseCellText } from './amount-input';
import { isClearKey, isEditKey, navTarget, typedStart, type CellPos } from './grid-nav';

export type GridTotals = { plan: number[]; actual: (number | null)[]; forecast: number[] };

export type BudgetGridProps = {
  lines: readonly BudgetLineRecord[];
  measure: Measure;
  /** The 12 calendar months (`YYYY-MM`) of the fiscal year, in fiscal order. */
  months: readonly string[];
  locale: string;
  currency: string;
  /** Roadmap item titles by id (for the line's sub-line). */
  itemTitles: ReadonlyMap<string, string>;
  readOnly: boolean;
  /** Month totals of the whole year (footer). */
  totals: GridTotals;
  /** Id of the element that names the grid. */
  labelledBy: string;
  /** Store one amount; resolves false when it failed (the grid then stays on the cell). */
  onCommit: (lineId: string, index: number, value: number | null) => Promise<boolean>;
  onOpenLine: (lineId: string) => void;
};

type Editing = {
  pos: CellPos;
  text: string;
  error: string | null;
  /** Started by typing: arrows commit. */ typed: boolean;
};

const MONTH_COLS = 12;
const COLS = MONTH_COLS + 2; // line name, 12 months, total

/** Lines grouped by category in the fixed category order, by name within a group. */
export function groupLines(
  lines: readonly BudgetLineRecord[],
): { category: BudgetCategory; lines: BudgetLineRecord[] }[] {
  const out: { category: BudgetCategory; lines: BudgetLineRecord[] }[] = [];
  for (const category of BUDGET_CATEGORIES) {
    const ls = lines
      .filter((l) => l.category === category)
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    if (ls.length) out.push({ category, lines: ls });
  }
  return out;
}

function sumKnown(values: readonly (number | null)[]): number | null {
  let any = false;
  let s = 0;
  for (const v of values) {
    if (v === null) continue;
    any = true;
    s += v;
  }
  return any ? s : null;
}

export function BudgetGrid(props: BudgetGridProps) {
  const { lines, measure, months, locale, currency, itemTitles, readOnly, totals, labelledBy } = props;
  const groups = useMemo(() => groupLines(lines), [lines]);
  const flat = useMemo(() => groups.flatMap((g) => g.lines), [groups]);
  const [active, setActive] = useState<CellPos>({ r: 0, c: 1 });
  const [editing, setEditingState] = useState<Editing | null>(null);
  // The edit as of now (handlers that run after a re-render, like blur, must not see a stale one).
  const editRef = useRef<Editing | null>(null);
  const setEditing = (next: Editing | null) => {
    editRef.current = next;
    setEditingState(next);
  };
  const [status, setStatus] = useState('');
  const tableRef = useRef<HTMLTableElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const wantFocus = useRef(false);
  const committing = useRef(false);
  const errorId = useId();
  const hintId = useId();

  const rows = flat.length;
  const current: CellPos = { r: Math.min(active.r, Math.max(0, rows - 1)), c: Math.min(active.c, COLS - 1) };
  const pos = current;

  const digits = currencyDigits(currency, locale);
  const whole = (minor: number | null): string =>
    minor === null ? '' : formatNumber(Math.round(minor / 10 ** digits), safeLocale(locale), 0);
  const values = (l: BudgetLineRecord): readonly (number | null)[] => (measure === 'plan' ? l.plan : l.actual);
  const measureLabel = measure === 'plan' ? 'Plan' : 'Actual';

  // Move DOM focus to the active cell after a keyboard move or a finished edit.
  useLayoutEffect(() => {
    if (!wantFocus.current || editing) return;
    wantFocus.current = false;
    tableRef.current?.querySelector<HTMLElement>(`[data-cell="${pos.r}:${pos.c}"]`)?.focus();
  });

  const editKey = editing ? `${editing.pos.r}:${editing.pos.c}` : null;
  useEffect(() => {
    // Only when an edit opens; typing must not re-focus (and re-select) the input. Enter/F2 select
    // the value so typing replaces it; a typed first character keeps the caret after it.
    const input = inputRef.current;
    const ed = editRef.current;
    if (!editKey || !input || !ed) return;
    input.focus();
    if (ed.typed) input.setSelectionRange(input.value.length, input.value.length);
    else input.select();
  }, [editKey]);

  const moveTo = (next: CellPos) => {
    wantFocus.current = true;
    setActive(next);
  };

  const isAmountCol = (c: number) => c >= 1 && c <= MONTH_COLS;

  const startEdit = (p: CellPos, text: string | null) => {
    const line = flat[p.r];
    if (!line || !isAmountCol(p.c)) return;
    if (readOnly) {
      setStatus('This workspace is read-only, so amounts cannot be changed.');
      return;
    }
    const current = values(line)[p.c - 1] ?? null;
    setEditing({ pos: p, text: text ?? cellEditText(current, currency, locale), error: null, typed: text !== null });
  };

  const describe = (line: BudgetLineRecord, index: number) =>
    `${measureLabel} of ${line.name}, ${formatMonth(months[index], locale)}`;

  /** Parse and store the edit; returns false (staying in the editor) when the text is not an amount. */
  const commit = async (ed: Editing, then: CellPos | null, refocus = true): Promise<boolean> => {
    const line = flat[ed.pos.r];
    if (!line) {
      setEditing(null);
      return true;
    }
    const parsed = parseCellText(ed.text, measure, currency, locale);
    if (!parsed.ok) {
      setEditing({ ...ed, error: parsed.reason });
      setStatus(parsed.reason);
      return false;
    }
    const index = ed.pos.c - 1;
    const current = values(line)[index] ?? null;
    committing.current = true;
    setEditing(null);
    if (then) setActive(then);
    wantFocus.current = refocus;
    if (parsed.value !== current) {
      const ok = await props.onCommit(line.id, index, parsed.value);
      setStatus(
        ok
          ? `Saved: ${describe(line, index)} ${parsed.value === null ? 'cleared' : `= ${whole(parsed.value)}`}. Ctrl+Z undoes it.`
          : `Not saved: ${describe(line, index)}.`,
      );
    }
    committing.current = false;
    return true;
  };

  const cancel = () => {
    setEditing(null);
    wantFocus.current = true;
    setStatus('Edit cancelled.');
  };

  const onCellKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (editRef.current || rows === 0) return;
    // The cell the key was pressed in is the truth (focus may have moved without a focus event).
    const at = (e.target as HTMLElement).closest<HTMLElement>('[data-cell]')?.dataset.cell?.split(':').map(Number);
    const pos: CellPos = at && at.length === 2 ? { r: at[0] ?? 0, c: at[1] ?? 0 } : current;
    const line = flat[pos.r];
    const target = navTarget(pos, e, { rows, cols: COLS });
    if (target) {
      e.preventDefault();
      moveTo(target);
      return;
    }
    if (e.key === 'Tab') return; // Leaves the grid: the browser moves focus on.
    if (isEditKey(e)) {
      e.preventDefault();
      if (pos.c === 0 && line) props.onOpenLine(line.id);
      else startEdit(pos, null);
      return;
    }
    const typed = typedStart(e);
    if (typed !== null && isAmountCol(pos.c)) {
      e.preventDefault();
      startEdit(pos, typed);
      return;
    }
    if (isClearKey(e) && isAmountCol(pos.c) && line) {
      e.preventDefault();
      if (readOnly) {
        setStatus('This workspace is read-only, so amounts cannot be changed.');
        return;
      }
      void commit({ pos, text: '', error: null, typed: false }, null);
    }
  };

  const onInputKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const editing = editRef.current;
    if (!editing) return;
    // Keys handled here never reach the grid's own handler.
    e.stopPropagation();
    const p = editing.pos;
    const last = rows - 1;
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void commit(editing, { r: Math.max(0, Math.min(last, p.r + (e.shiftKey ? -1 : 1))), c: p.c });
    } else if (e.key === 'Tab') {
      e.preventDefault();
      void commit(editing, { r: p.r, c: Math.max(0, Math.min(COLS - 1, p.c + (e.shiftKey ? -1 : 1))) });
    } else if (editing.typed && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      void commit(editing, { r: Math.max(0, Math.min(last, p.r + (e.key === 'ArrowUp' ? -1 : 1))), c: p.c });
    } else if (editing.typed && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault();
      void commit(editing, { r: p.r, c: Math.max(0, Math.min(COLS - 1, p.c + (e.key === 'ArrowLeft' ? -1 : 1))) });
    }
  };

  const onInputBlur = () => {
    // Clicking elsewhere keeps a valid edit (as spreadsheets do); an invalid one is dropped.
    const ed = editRef.current;
    if (!ed || committing.current) return;
    const parsed = parseCellText(ed.text, measure, currency, locale);
    if (!parsed.ok) {
      setEditing(null);
      setStatus(`Not saved: ${parsed.reason}`);
      return;
    }
    void commit(ed, null, false);
  };

  const monthHead = (m: string) => {
    const label = formatMonth(m, locale);
    const [mon, yr] = [label.replace(/\s*\d{4}\s*/, '').trim() || label, m.slice(0, 4)];
    return { mon, yr, label };
  };
  const quarterHeads = [0, 1, 2, 3].map((q) => {
    const a = monthHead(months[q * 3] ?? '').mon;
    const b = monthHead(months[q * 3 + 2] ?? '').mon;
    return { key: `Q${q + 1}`, range: `${a}–${b}` };
  });

  let r = -1;
  return (
    <div className="bgrid-wrap">
      <p id={hintId} className="bgrid-hint">
        Arrows move · Enter or F2 edits · type a number to start · Esc cancels · Enter saves and moves down · Tab moves
        across · Delete clears · Ctrl+Z undoes
      </p>
      <div className="bgrid-scroll">
        <table
          ref={tableRef}
          role="grid"
          className={`bgrid bgrid-${measure}`}
          aria-labelledby={labelledBy}
          aria-describedby={hintId}
          aria-readonly={readOnly || undefined}
          onKeyDown={onCellKeyDown}
        >
          <colgroup>
            <col className="bgrid-col-line" />
            {months.map((m) => (
              <col key={m} />
            ))}
            <col className="bgrid-col-total" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col" rowSpan={2} className="bgrid-line-head">
                Line
              </th>
              {quarterHeads.map((q) => (
                <th key={q.key} scope="colgroup" colSpan={3} className="bgrid-q-head">
                  {q.key} <span className="bgrid-q-range">{q.range}</span>
                </th>
              ))}
              <th scope="col" rowSpan={2} className="num bgrid-total-head">
                FY total
              </th>
            </tr>
            <tr>
              {months.map((m, i) => {
                const h = monthHead(m);
                return (
                  <th key={m} scope="col" className={`num ${i % 3 === 0 ? 'bgrid-qstart' : ''}`} aria-label={h.label}>
                    <span aria-hidden="true">
                      {h.mon}
                      <span className="bgrid-yr">{h.yr}</span>
                    </span>
                  </th>
                );
              })}
            </tr>
          </thead>
          {groups.map((g) => {
            const sub = months.map((_, i) =>
              measure === 'plan'
                ? g.lines.reduce((s, l) => s + (l.plan[i] ?? 0), 0)
                : sumKnown(g.lines.map((l) => l.actual[i] ?? null)),
            );
            const subTotal = measure === 'plan' ? sub.reduce<number>((s, v) => s + (v ?? 0), 0) : sumKnown(sub);
            return (
              <tbody key={g.category}>
                <tr className="bgrid-group">
                  <th scope="rowgroup">
                    {CATEGORY_LABELS[g.category]}{' '}
                    <span className="bgrid-count">
                      {g.lines.length} line{g.lines.length === 1 ? '' : 's'}
                    </span>
                  </th>
                  {sub.map((v, i) => (
                    <td key={i} className={`num ${i % 3 === 0 ? 'bgrid-qstart' : ''}`}>
                      {whole(v)}
                    </td>
                  ))}
                  <td className="num bgrid-total">{whole(subTotal)}</td>
                </tr>
                {g.lines.map((line) => {
                  r += 1;
                  const rowIndex = r;
                  const vals = values(line);
                  const total = measure === 'plan' ? vals.reduce<number>((s, v) => s + (v ?? 0), 0) : sumKnown(vals);
                  const tab = (c: number) => (rowIndex === pos.r && c === pos.c ? 0 : -1);
                  const cellProps = (c: number) => ({
                    'data-cell': `${rowIndex}:${c}`,
                    tabIndex: tab(c),
                    onFocus: () => {
                      if (pos.r !== rowIndex || pos.c !== c) setActive({ r: rowIndex, c });
                    },
                  });
                  const meta = [
                    line.kind === 'capex' ? 'Capex' : 'Opex',
                    line.vendor || null,
                    line.roadmapItemId ? `Roadmap: ${itemTitles.get(line.roadmapItemId) ?? 'unknown item'}` : null,
                    line.recurring
                      ? line.renewalDate
                        ? `Renews ${formatDate(line.renewalDate, locale)}`
                        : 'Recurring'
                      : null,
                  ].filter((x): x is string => x !== null);
                  return (
                    <tr key={line.id}>
                      <th
                        scope="row"
                        className="bgrid-line"
                        {...cellProps(0)}
                        onDoubleClick={() => props.onOpenLine(line.id)}
                      >
                        <span className="bgrid-name">{line.name}</span>
                        <span className="bgrid-meta">{meta.join(' · ')}</span>
                      </th>
                      {vals.map((v, i) => {
                        const c = i + 1;
                        const isEditing = editing && editing.pos.r === rowIndex && editing.pos.c === c;
                        return (
                          <td
                            key={i}
                            className={`num bgrid-cell ${i % 3 === 0 ? 'bgrid-qstart' : ''} ${v === null ? 'is-empty' : v === 0 ? 'is-zero' : ''}`}
                            {...cellProps(c)}
                            aria-readonly={readOnly || undefined}
                            onDoubleClick={() => startEdit({ r: rowIndex, c }, null)}
                          >
                            {isEditing ? (
                              <>
                                <input
                                  ref={inputRef}
                                  className="bgrid-input"
                                  inputMode="decimal"
                                  autoComplete="off"
                                  aria-label={describe(line, i)}
                                  aria-invalid={editing.error ? true : undefined}
                                  aria-describedby={editing.error ? errorId : undefined}
                                  value={editing.text}
                                  onChange={(e) => setEditing({ ...editing, text: e.target.value, error: null })}
                                  onKeyDown={onInputKeyDown}
                                  onBlur={onInputBlur}
                                />
                                {editing.error ? (
                                  <span id={errorId} className="bgrid-error" role="alert">
                                    {editing.error}
                                  </span>
                                ) : null}
                              </>
                            ) : v === null ? (
                              <span className="visually-hidden">not yet known</span>
                            ) : (
                              whole(v)
                            )}
                          </td>
                        );
                      })}
                      <td className="num bgrid-total" {...cellProps(COLS - 1)} aria-readonly="true">
                        {total === null ? <span className="visually-hidden">no actuals yet</span> : whole(total)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            );
          })}
          <tfoot>
            {(
              [
                ['Total plan', totals.plan, totals.plan.reduce((s, v) => s + v, 0)],
                ['Total actual', totals.actual, sumKnown(totals.actual)],
                ['Forecast', totals.forecast, totals.forecast.reduce((s, v) => s + v, 0)],
              ] as const
            ).map(([label, vals, sum]) => (
              <tr key={label} className={label === 'Forecast' ? 'bgrid-forecast' : undefined}>
                <th scope="row">{label}</th>
                {vals.map((v, i) => (
                  <td key={i} className={`num ${i % 3 === 0 ? 'bgrid-qstart' : ''}`}>
                    {whole(v)}
                  </td>
                ))}
                <td className="num bgrid-total">{whole(sum)}</td>
              </tr>
            ))}
          </tfoot>
        </table>
      </div>
      <p className="bgrid-status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
