/**
 * Variance by line for one fiscal quarter: plan, actual, variance in amount and %, and the line's
 * editable variance note for that quarter (BudgetLine.varianceNotes Q1–Q4). A note is saved when
 * the field loses focus or on Enter (one undoable edit); Escape puts the stored text back.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { BudgetSummary } from '../../../../shared/domain/budget/summary';
import { Panel } from '../../components/panel';
import { TableWrap } from '../../components/table-wrap';
import type { BudgetLineRecord } from '../../db/records';
import type { QuarterKey } from '../../db/repos/budget';
import { formatMoney, formatMonth, formatPercent, type MoneyFormat } from '../../lib/format';
import { quarterLineVariance } from './budget-figures';

function NoteField({
  value,
  label,
  readOnly,
  onSave,
}: {
  value: string;
  label: string;
  readOnly: boolean;
  onSave: (text: string) => void;
}) {
  const [text, setText] = useState(value);
  // What Escape goes back to: the stored note, or the text just saved (before the store catches up).
  const [baseline, setBaseline] = useState(value);
  useEffect(() => {
    setText(value);
    setBaseline(value);
  }, [value]);
  const save = () => {
    if (text.trim() === baseline) return;
    setBaseline(text.trim());
    onSave(text);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape' && text !== baseline) {
      // Revert instead of letting Escape close anything around the field.
      e.preventDefault();
      e.stopPropagation();
      setText(baseline);
    }
  };
  return (
    <input
      type="text"
      className="note-input"
      aria-label={label}
      value={text}
      readOnly={readOnly}
      maxLength={20_000}
      placeholder="Why it differs…"
      onChange={(e) => setText(e.target.value)}
      onBlur={save}
      onKeyDown={onKeyDown}
    />
  );
}

export function VariancePanel({
  summary,
  lines,
  fmt,
  quarter,
  onQuarter,
  readOnly,
  onSaveNote,
}: {
  summary: BudgetSummary;
  lines: readonly BudgetLineRecord[];
  fmt: MoneyFormat;
  /** 0–3. */
  quarter: number;
  onQuarter: (q: number) => void;
  readOnly: boolean;
  onSaveNote: (lineId: string, quarter: QuarterKey, text: string) => void;
}) {
  const [showAll, setShowAll] = useState(false);
  const key = `Q${quarter + 1}` as QuarterKey;
  const q = summary.quarters[quarter];
  const allRows = quarterLineVariance(summary, lines, quarter).sort(
    (a, b) =>
      Math.abs(b.variance ?? 0) - Math.abs(a.variance ?? 0) ||
      a.line.category.localeCompare(b.line.category) ||
      a.line.name.localeCompare(b.line.name),
  );
  // The lines worth explaining: a variance, or a note already written.
  const notable = allRows.filter((r) => (r.variance !== null && r.variance !== 0) || r.line.varianceNotes[key] !== '');
  const filtered = !showAll && q?.actual !== null && notable.length > 0;
  const rows = filtered ? notable : allRows;
  const money = (v: number) => formatMoney(v, fmt, { whole: true });
  const signed = (v: number) => (v > 0 ? `+${money(v)}` : money(v));
  const booked = q ? q.months.filter((_, i) => summary.months[quarter * 3 + i]?.actual !== null) : [];
  const range = q ? `${formatMonth(q.months[0], fmt.locale)} – ${formatMonth(q.months[2], fmt.locale)}` : '';

  return (
    <Panel
      id="budget-variance"
      title="Variance by line"
      meta={
        booked.length === 0
          ? `${key} (${range}) has no actuals yet`
          : `${key} (${range}) · compared over ${booked.map((m) => formatMonth(m, fmt.locale)).join(', ')} · largest first`
      }
      actions={
        <>
          <div className="segmented" role="group" aria-label="Lines shown">
            <button type="button" className="segmented-btn" aria-pressed={!showAll} onClick={() => setShowAll(false)}>
              With variance or note ({notable.length})
            </button>
            <button type="button" className="segmented-btn" aria-pressed={showAll} onClick={() => setShowAll(true)}>
              All lines ({allRows.length})
            </button>
          </div>
          <div className="segmented" role="group" aria-label="Quarter">
            {[0, 1, 2, 3].map((i) => (
              <button
                key={i}
                type="button"
                className="segmented-btn"
                aria-pressed={i === quarter}
                onClick={() => onQuarter(i)}
              >
                Q{i + 1}
              </button>
            ))}
          </div>
        </>
      }
    >
      <TableWrap label={`Variance by line, ${key}`}>
        <table className="data-table variance-table">
          <caption className="visually-hidden">
            Variance by line for {key} FY{summary.fiscalYear}, with notes
          </caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col" className="num">
                Plan ({key})
              </th>
              <th scope="col" className="num">
                Plan to date
              </th>
              <th scope="col" className="num">
                Actual
              </th>
              <th scope="col" className="num">
                Variance
              </th>
              <th scope="col" className="num">
                Var. %
              </th>
              <th scope="col" className="variance-note-col">
                Variance note ({key})
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.line.id}>
                <th scope="row" className="cell-title">
                  {r.line.name}
                </th>
                <td className="num">{money(r.plan)}</td>
                <td className="num">{r.actual === null ? '—' : money(r.comparedPlan)}</td>
                <td className="num">{r.actual === null ? '—' : money(r.actual)}</td>
                <td className={`num ${r.variance && r.variance > 0 ? 'text-red' : r.variance ? 'text-green' : ''}`}>
                  {r.variance === null ? '—' : signed(r.variance)}
                  {r.variance ? (
                    <span className="visually-hidden">{r.variance > 0 ? ' over plan' : ' under plan'}</span>
                  ) : null}
                </td>
                <td className="num">{formatPercent(r.variancePct, fmt.locale)}</td>
                <td>
                  <NoteField
                    value={r.line.varianceNotes[key]}
                    label={`${key} variance note for ${r.line.name}`}
                    readOnly={readOnly}
                    onSave={(text) => onSaveNote(r.line.id, key, text)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </Panel>
  );
}
