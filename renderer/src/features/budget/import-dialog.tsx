/**
 * Import actuals from CSV (issue 3 item 5): the whole file is read and checked first (shared
 * parseActualsCsv), shown as a preview of its rows — each with its problems naming row, field and
 * reason — and of the actuals it would set. "Import N actuals" is enabled only with zero problems
 * and writes everything in one transaction (repos/budget importActuals), or nothing.
 */
import { useMemo, useState } from 'react';
import { parseActualsCsv, parseMonthCell, type ParsedActuals } from '../../../../shared/domain/budget/actuals-csv';
import { parseCsvText } from '../../../../shared/import/csv';
import { describeError } from '../../app/actions';
import { useServices } from '../../app/services';
import { AppDialog } from '../../components/dialog';
import { TableWrap } from '../../components/table-wrap';
import type { BudgetLineRecord, WorkspaceRecord } from '../../db/records';
import { ActualsImportError, importActuals } from '../../db/repos/budget';
import { currencyDigits, formatMoney, formatMonth } from '../../lib/format';
import { useUi } from '../../state/store';

/** Rows shown in the preview; problem rows are always shown. */
const PREVIEW_ROWS = 300;

export type ActualsFile = { name: string; text: string } | { name: string; tooLarge: string };

type PreviewRow = { line: number; cells: string[]; problems: string[] };

function previewOf(text: string, parsed: ParsedActuals): { header: string[]; rows: PreviewRow[]; total: number } {
  const csv = parseCsvText(text, { delimiter: parsed.delimiter ?? 'auto' });
  if (!csv.ok) return { header: [], rows: [], total: 0 };
  const records = csv.rows.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const first = records[0];
  const hasHeader = first !== undefined && parseMonthCell(first.fields[0] ?? '') === null;
  const header = hasHeader && first ? first.fields.map((f) => f.trim()) : ['Month', 'Line or category', 'Amount'];
  const data = hasHeader ? records.slice(1) : records;
  const byRow = new Map<number, string[]>();
  for (const p of parsed.problems) {
    if (p.row === 0 || (hasHeader && p.row === first?.line)) continue;
    byRow.set(p.row, [...(byRow.get(p.row) ?? []), `${p.field}: ${p.reason}`]);
  }
  const rows = data.map((r) => ({ line: r.line, cells: r.fields, problems: byRow.get(r.line) ?? [] }));
  const shown = rows.filter((r, i) => i < PREVIEW_ROWS || r.problems.length > 0);
  return { header, rows: shown, total: rows.length };
}

/** The preview-and-import dialog for one chosen file. */
export function ImportActualsDialog({
  ws,
  file,
  lines,
  years,
  initialYear,
  onChooseAnother,
  onClose,
}: {
  ws: WorkspaceRecord;
  file: ActualsFile;
  /** Every budget line of the workspace (any year). */
  lines: readonly BudgetLineRecord[];
  years: readonly number[];
  initialYear: number;
  onChooseAnother: () => void;
  onClose: () => void;
}) {
  const s = useServices();
  const [fiscalYear, setFiscalYear] = useState(initialYear);
  const [busy, setBusy] = useState(false);
  const [writeError, setWriteError] = useState<string | null>(null);
  const text = 'text' in file ? file.text : null;

  const parsed = useMemo(
    () =>
      text === null
        ? null
        : parseActualsCsv(text, lines, {
            fiscalYear,
            fiscalStartMonth: ws.fiscalYearStartMonth,
            currencyDigits: currencyDigits(ws.currency, ws.locale),
          }),
    [text, lines, fiscalYear, ws.fiscalYearStartMonth, ws.currency, ws.locale],
  );
  const preview = useMemo(() => (text !== null && parsed ? previewOf(text, parsed) : null), [text, parsed]);
  const fileProblems = parsed ? parsed.problems.filter((p) => !preview?.rows.some((r) => r.line === p.row)) : [];
  const problemCount = parsed ? parsed.problems.length : 1;
  const n = parsed?.changes.length ?? 0;
  const canImport = parsed !== null && problemCount === 0 && n > 0 && !busy && s.readOnlyReason === null;
  const fmt = { locale: ws.locale, currency: ws.currency };
  const money = (v: number | null) => (v === null ? 'empty' : formatMoney(v, fmt));

  const doImport = async () => {
    if (!parsed || !canImport) return;
    setBusy(true);
    setWriteError(null);
    try {
      const cs = await importActuals(s.db, ws.id, parsed, file.name);
      s.history.record(cs);
      useUi.getState().toast(`Imported ${n} actual${n === 1 ? '' : 's'} from ${file.name}`, 'success', true);
      onClose();
    } catch (err) {
      setWriteError(
        err instanceof ActualsImportError
          ? `Nothing was imported. ${err.problems.map((p) => p.message).join('; ')}`
          : `Nothing was imported: ${describeError(err)}`,
      );
    } finally {
      setBusy(false);
    }
  };

  const statusText =
    parsed === null
      ? 'The file was not read.'
      : problemCount > 0
        ? `${problemCount === 1 ? 'One problem' : `${problemCount} problems`} found: nothing will be imported. Fix the file and choose it again.`
        : n === 0
          ? 'The file has no actuals to import.'
          : `Ready: ${n} actual${n === 1 ? '' : 's'} on ${new Set(parsed.changes.map((c) => c.lineId)).size} line${
              new Set(parsed.changes.map((c) => c.lineId)).size === 1 ? '' : 's'
            } of FY${fiscalYear}.`;

  return (
    <AppDialog
      title={`Import actuals from ${file.name}`}
      onClose={onClose}
      size="lg"
      footer={
        <>
          <button type="button" className="btn" onClick={onChooseAnother}>
            Choose another file…
          </button>
          <span className="budget-spacer" />
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!canImport}
            aria-describedby="actuals-import-status"
            onClick={() => void doImport()}
          >
            {`Import ${n} actual${n === 1 ? '' : 's'}`}
          </button>
        </>
      }
    >
      <div className="import-head">
        <p className="dialog-text">
          {parsed
            ? `${parsed.rowCount} data row${parsed.rowCount === 1 ? '' : 's'} · ${
                parsed.delimiter === ';' ? 'semicolon' : parsed.delimiter === '\t' ? 'tab' : 'comma'
              }-separated${
                parsed.decimalSeparator ? ` · decimal ${parsed.decimalSeparator === ',' ? 'comma' : 'point'}` : ''
              }. The file sets the actuals it names; other months keep theirs.`
            : 'The file is too large to read.'}
        </p>
        {years.length > 1 ? (
          <div className="field field-inline">
            <label htmlFor="actuals-year">Into fiscal year</label>
            <select id="actuals-year" value={fiscalYear} onChange={(e) => setFiscalYear(Number(e.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  FY{y}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <p
        id="actuals-import-status"
        className={`notice ${problemCount > 0 || parsed === null ? 'notice-error' : n === 0 ? 'notice-warn' : 'notice-ok'}`}
        role="status"
      >
        {statusText}
      </p>
      {'tooLarge' in file ? (
        <p className="notice notice-error" role="alert">
          {file.tooLarge}
        </p>
      ) : null}
      {writeError ? (
        <p className="notice notice-error" role="alert">
          {writeError}
        </p>
      ) : null}
      {fileProblems.length > 0 ? (
        <ul className="import-file-problems" aria-label="Problems with the whole file">
          {fileProblems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      ) : null}
      {preview && preview.rows.length > 0 ? (
        <>
          <h3 className="subhead">
            Rows in the file
            {preview.rows.length < preview.total
              ? ` (first ${PREVIEW_ROWS} of ${preview.total} and every problem)`
              : ''}
          </h3>
          <TableWrap className="table-wrap-scroll import-table" label={`Rows in ${file.name}`}>
            <table className="data-table compact">
              <caption className="visually-hidden">Rows in {file.name} and their problems</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Row
                  </th>
                  {preview.header.map((h, i) => (
                    <th key={i} scope="col">
                      {h || `Column ${i + 1}`}
                    </th>
                  ))}
                  <th scope="col">Check</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.line} className={r.problems.length ? 'row-problem' : undefined}>
                    <th scope="row" className="num">
                      {r.line}
                    </th>
                    {preview.header.map((_, i) => (
                      <td key={i}>{r.cells[i] ?? ''}</td>
                    ))}
                    <td className="cell-wrap">
                      {r.problems.length ? (
                        <span className="text-red">
                          <span aria-hidden="true">✕ </span>
                          {r.problems.map((p) => `Row ${r.line}, ${p}`).join('; ')}
                        </span>
                      ) : (
                        <span className="text-green">
                          <span aria-hidden="true">✓ </span>OK
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      ) : null}
      {parsed && problemCount === 0 && n > 0 ? (
        <>
          <h3 className="subhead">What the import sets</h3>
          <TableWrap className="table-wrap-scroll import-table" label="Actuals the import sets">
            <table className="data-table compact">
              <caption className="visually-hidden">Actuals the import sets</caption>
              <thead>
                <tr>
                  <th scope="col">Budget line</th>
                  <th scope="col">Month</th>
                  <th scope="col" className="num">
                    Now
                  </th>
                  <th scope="col" className="num">
                    After import
                  </th>
                  <th scope="col">From rows</th>
                </tr>
              </thead>
              <tbody>
                {parsed.changes.map((c) => (
                  <tr key={`${c.lineId}:${c.month}`}>
                    <th scope="row">{c.lineName}</th>
                    <td className="nowrap">{formatMonth(c.month, ws.locale)}</td>
                    <td className="num">{money(c.previous)}</td>
                    <td className="num">{money(c.next)}</td>
                    <td>
                      {c.rows.join(', ')}
                      {c.allocated ? <span className="cell-sub">category amount shared by plan</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      ) : null}
    </AppDialog>
  );
}
