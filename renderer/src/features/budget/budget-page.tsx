/**
 * Budget (SPEC §3.4): one fiscal year at a time — totals to date, quarters (plan, actual, variance,
 * forecast), the editable grid of lines × fiscal months (plan or actuals), variance by line with
 * notes, charts, the multi-year outlook and the renewals calendar; actuals import from CSV and the
 * budget export to CSV. Every edit goes through the undo history.
 */
import { useMemo, useState } from 'react';
import { ACTUALS_CSV_MAX_CHARS } from '../../../../shared/domain/budget/actuals-csv';
import { budgetToCsv } from '../../../../shared/domain/budget/export-csv';
import { multiYearPlan } from '../../../../shared/domain/budget/multi-year';
import { renewalsCalendar } from '../../../../shared/domain/budget/renewals';
import { budgetSummary, latestActuals, type BudgetContext } from '../../../../shared/domain/budget/summary';
import { fiscalYearMonths, fiscalYearOf, quarterLabel, quarterMonths } from '../../../../shared/domain/periods';
import { describeError } from '../../app/actions';
import { useWorkspaceTables } from '../../app/data-hooks';
import { useFocusQuarter } from '../../app/focus-quarter';
import { useServices } from '../../app/services';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { TableWrap } from '../../components/table-wrap';
import type { BudgetLineRecord } from '../../db/records';
import {
  budgetCsvFileName,
  setBudgetAmount,
  setVarianceNote,
  type Measure,
  type QuarterKey,
} from '../../db/repos/budget';
import { formatMoney, formatMonth, formatPercent } from '../../lib/format';
import { useUi } from '../../state/store';
import './budget.css';
import { CategorySplitFigure, PlanVsActualFigure } from './budget-chart-panels';
import { csvStyleFor, defaultQuarterIndex, unitCosts } from './budget-figures';
import { BudgetGrid } from './budget-grid';
import { ImportActualsDialog, type ActualsFile } from './import-dialog';
import { BudgetLineDialog } from './line-dialog';
import { MultiYearPanel, RenewalsPanel } from './outlook-panels';
import { VariancePanel } from './variance-panel';

type DialogState = { kind: 'none' } | { kind: 'line'; lineId: string | null } | { kind: 'import'; file: ActualsFile };

const EMPTY_LINES: BudgetLineRecord[] = [];

export function BudgetPage() {
  const s = useServices();
  const toast = useUi((st) => st.toast);
  const data = useWorkspaceTables(['budgetLines', 'roadmapItems']);
  const fq = useFocusQuarter();
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const [measure, setMeasure] = useState<Measure>('plan');
  const [varianceQ, setVarianceQ] = useState<number | null>(null);
  const [outlookYears, setOutlookYears] = useState<3 | 5>(3);
  const [dialog, setDialog] = useState<DialogState>({ kind: 'none' });

  const ws = data?.workspace;
  const allLines = data?.tables.budgetLines ?? EMPTY_LINES;
  const items = data?.tables.roadmapItems;
  const fs = ws?.fiscalYearStartMonth ?? 1;
  const today = s.ctx.now().slice(0, 10);

  const yearsWithLines = useMemo(
    () => [...new Set(allLines.map((l) => l.fiscalYear))].sort((a, b) => b - a),
    [allLines],
  );
  const todayFy = fiscalYearOf(today.slice(0, 7), fs);
  // Years with lines, plus this fiscal year and the next so a new year's budget can be started.
  const yearChoices = useMemo(
    () => [...new Set([...yearsWithLines, todayFy, todayFy + 1])].sort((a, b) => b - a),
    [yearsWithLines, todayFy],
  );
  const focusFy = ws && fq ? fiscalYearOf(quarterMonths(fq.quarter, fs)[0] ?? '', fs) : null;
  const latestFy = useMemo(() => latestActuals(allLines, fs)?.fiscalYear ?? null, [allLines, fs]);
  const year =
    chosenYear !== null
      ? chosenYear
      : focusFy !== null && yearsWithLines.includes(focusFy)
        ? focusFy
        : latestFy !== null
          ? latestFy
          : (yearsWithLines[0] ?? todayFy);

  const ctx = useMemo<BudgetContext | null>(
    () => (ws && items ? { fiscalStartMonth: fs, lines: allLines, items } : null),
    [ws, items, fs, allLines],
  );
  const summary = useMemo(() => (ctx ? budgetSummary(ctx, year) : null), [ctx, year]);
  const lines = useMemo(() => allLines.filter((l) => l.fiscalYear === year), [allLines, year]);
  const multiYear = useMemo(() => (ctx ? multiYearPlan(ctx, year, outlookYears) : []), [ctx, year, outlookYears]);
  const renewals = useMemo(() => renewalsCalendar(allLines, today), [allLines, today]);
  const itemTitles = useMemo(() => new Map((items ?? []).map((i) => [i.id, i.title])), [items]);
  const months = useMemo(() => fiscalYearMonths(year, fs), [year, fs]);
  const readOnly = s.readOnlyReason !== null;

  const pickActualsFile = async () => {
    try {
      const res = await s.bridge.openFile({
        filters: [{ name: 'CSV file', extensions: ['csv', 'txt'] }],
        maxBytes: ACTUALS_CSV_MAX_CHARS,
        as: 'text',
      });
      if (res.canceled) return;
      if ('tooLarge' in res) {
        const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
        setDialog({
          kind: 'import',
          file: {
            name: res.name,
            tooLarge: `${res.name} is ${mb(res.size)} MB; an actuals file may be at most ${mb(res.maxBytes)} MB (one row per line and month). Split the file or export fewer months.`,
          },
        });
        return;
      }
      setDialog({ kind: 'import', file: { name: res.name, text: res.text ?? '' } });
    } catch (err) {
      toast(`Could not read the file: ${describeError(err)}`, 'error');
    }
  };

  const exportCsv = async () => {
    if (!ctx || !ws) return;
    try {
      const text = budgetToCsv(ctx, year, { currency: ws.currency, ...csvStyleFor(ws.locale) });
      const res = await s.bridge.saveFile({
        suggestedName: budgetCsvFileName(ws.name, year),
        filters: [{ name: 'CSV file', extensions: ['csv'] }],
        data: text,
      });
      if (res.saved) {
        toast(
          s.bridge.kind === 'browser'
            ? `Budget FY${year} downloaded: ${res.path}`
            : `Budget FY${year} saved to ${res.path}`,
          'success',
        );
      }
    } catch (err) {
      toast(`Budget not exported: ${describeError(err)}`, 'error');
    }
  };

  const commitCell = async (lineId: string, index: number, value: number | null): Promise<boolean> => {
    try {
      const cs = await setBudgetAmount(s.db, lineId, measure, index, value, fs);
      if (cs) s.history.record(cs);
      return true;
    } catch (err) {
      toast(`Not saved: ${describeError(err)}`, 'error');
      return false;
    }
  };

  const saveNote = (lineId: string, q: QuarterKey, text: string) => {
    void (async () => {
      try {
        const cs = await setVarianceNote(s.db, lineId, q, text);
        if (cs) {
          s.history.record(cs);
          toast(cs.label, 'success', true);
        }
      } catch (err) {
        toast(`Note not saved: ${describeError(err)}`, 'error');
      }
    })();
  };

  const header = (
    <PageHeader
      title="Budget"
      subtitle={
        summary && ws
          ? `FY${year} (${formatMonth(months[0], ws.locale)} – ${formatMonth(months[11], ws.locale)}) · ${
              summary.ytd.throughMonth
                ? `actuals through ${formatMonth(summary.ytd.throughMonth, ws.locale)}`
                : 'no actuals yet'
            }`
          : ' '
      }
      actions={
        ws ? (
          <div className="budget-actions">
            <div className="field field-inline">
              <label htmlFor="budget-year">Fiscal year</label>
              <select id="budget-year" value={year} onChange={(e) => setChosenYear(Number(e.target.value))}>
                {yearChoices.map((y) => (
                  <option key={y} value={y}>
                    FY{y}
                    {yearsWithLines.includes(y) ? '' : ' (new)'}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="btn"
              onClick={() => void pickActualsFile()}
              disabled={readOnly || lines.length === 0}
            >
              Import actuals…
            </button>
            <button type="button" className="btn" onClick={() => void exportCsv()} disabled={lines.length === 0}>
              Export CSV
            </button>
          </div>
        ) : null
      }
    />
  );

  const dialogs =
    ws && items ? (
      dialog.kind === 'line' ? (
        <BudgetLineDialog
          ws={ws}
          fiscalYear={year}
          line={dialog.lineId ? (lines.find((l) => l.id === dialog.lineId) ?? null) : null}
          yearLines={lines}
          items={items}
          onClose={() => setDialog({ kind: 'none' })}
        />
      ) : dialog.kind === 'import' ? (
        <ImportActualsDialog
          ws={ws}
          file={dialog.file}
          lines={allLines}
          years={yearsWithLines}
          initialYear={year}
          onChooseAnother={() => {
            setDialog({ kind: 'none' });
            void pickActualsFile();
          }}
          onClose={() => setDialog({ kind: 'none' })}
        />
      ) : null
    ) : null;

  if (!data || !ws || !summary) return header;

  const addButton = (
    <button
      type="button"
      className="btn btn-primary"
      onClick={() => setDialog({ kind: 'line', lineId: null })}
      disabled={readOnly}
    >
      Add budget line
    </button>
  );

  if (lines.length === 0) {
    return (
      <>
        {header}
        <EmptyState title={`No budget lines in FY${year} yet`} action={addButton}>
          A budget line holds a fiscal year's monthly plan and actuals for one cost (personnel, partner services,
          licences, hardware, cloud, projects…). Add the first line, pick another fiscal year above, or import a backup
          with a budget.
        </EmptyState>
        {dialogs}
      </>
    );
  }

  const fmt = { locale: ws.locale, currency: ws.currency };
  const money = (v: number) => formatMoney(v, fmt, { whole: true });
  const cents = (v: number | null) => formatMoney(v, fmt);
  const signed = (v: number) => (v > 0 ? `+${money(v)}` : money(v));
  const tone = (v: number) => (v > 0 ? 'text-red' : v < 0 ? 'text-green' : '');
  const overUnder = (v: number) =>
    v === 0 ? null : <span className="visually-hidden">{v > 0 ? ' over plan' : ' under plan'}</span>;
  const pct = (v: number | null) => formatPercent(v, ws.locale);
  const gaps = summary.ytd.monthsWithoutActuals;
  const unit = unitCosts(summary, ws);
  const vq = varianceQ ?? defaultQuarterIndex(summary);
  const gridTitleId = 'budget-grid-title';

  return (
    <>
      {header}
      <dl className="summary-strip budget-strip">
        <div>
          <dt>Full-year plan</dt>
          <dd className="num">{money(summary.year.plan)}</dd>
        </div>
        <div>
          <dt>Plan to date</dt>
          <dd className="num">{money(summary.ytd.comparedPlan)}</dd>
        </div>
        <div>
          <dt>Actual to date</dt>
          <dd className="num">{money(summary.ytd.actual)}</dd>
        </div>
        <div>
          <dt>Variance to date</dt>
          <dd className={`num ${tone(summary.ytd.variance)}`}>
            {signed(summary.ytd.variance)}{' '}
            <span className="dd-note">
              {summary.ytd.variance > 0 ? 'over plan' : summary.ytd.variance < 0 ? 'under plan' : 'on plan'}
            </span>
          </dd>
        </div>
        <div>
          <dt>Forecast for the year</dt>
          <dd className="num" data-testid="year-forecast">
            {money(summary.year.forecast)}
          </dd>
        </div>
        <div>
          <dt>Per user / month</dt>
          <dd className="num">
            {cents(unit.perUser.forecast)}
            <span className="dd-sub">plan {cents(unit.perUser.plan)}</span>
          </dd>
        </div>
        <div>
          <dt>Per endpoint / month</dt>
          <dd className="num">
            {cents(unit.perEndpoint.forecast)}
            <span className="dd-sub">plan {cents(unit.perEndpoint.plan)}</span>
          </dd>
        </div>
      </dl>
      {gaps.length ? (
        <p className="notice notice-warn">
          No actuals yet for {gaps.map((m) => formatMonth(m, ws.locale)).join(', ')} although later months have them.
        </p>
      ) : null}

      <Panel
        id="budget-quarters"
        title="By quarter"
        meta="Variance compares actuals with the plan of the same months; forecast = actuals where known + plan for the rest"
      >
        <TableWrap label="Budget by quarter">
          <table className="data-table" aria-describedby="budget-quarters-title">
            <thead>
              <tr>
                <th scope="col">Quarter</th>
                <th scope="col" className="num">
                  Plan
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
                <th scope="col" className="num">
                  Forecast
                </th>
                <th scope="col" className="num">
                  Forecast vs plan
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.quarters.map((q) => (
                <tr key={q.quarter} data-quarter={q.quarter}>
                  <th scope="row" className="nowrap">
                    {quarterLabel(q.quarter)}
                    <span className="cell-sub">
                      {formatMonth(q.months[0], ws.locale)} – {formatMonth(q.months[2], ws.locale)}
                    </span>
                  </th>
                  <td className="num" data-col="plan">
                    {money(q.plan)}
                  </td>
                  <td className="num">{q.actual === null ? '—' : money(q.comparedPlan)}</td>
                  <td className="num">{q.actual === null ? '—' : money(q.actual)}</td>
                  <td className={`num ${q.actual === null ? '' : tone(q.variance)}`}>
                    {q.actual === null ? '—' : signed(q.variance)}
                    {q.actual === null ? null : overUnder(q.variance)}
                  </td>
                  <td className="num">{pct(q.variancePct)}</td>
                  <td className="num" data-col="forecast">
                    {money(q.forecast)}
                  </td>
                  <td className={`num ${tone(q.forecast - q.plan)}`}>{signed(q.forecast - q.plan)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">
                  Year to date
                  <span className="cell-sub">
                    {summary.ytd.throughMonth
                      ? `through ${formatMonth(summary.ytd.throughMonth, ws.locale)}`
                      : 'no actuals yet'}
                  </span>
                </th>
                <td className="num">—</td>
                <td className="num">{money(summary.ytd.comparedPlan)}</td>
                <td className="num">{money(summary.ytd.actual)}</td>
                <td className={`num ${tone(summary.ytd.variance)}`}>
                  {signed(summary.ytd.variance)}
                  {overUnder(summary.ytd.variance)}
                </td>
                <td className="num">{pct(summary.ytd.variancePct)}</td>
                <td className="num">—</td>
                <td className="num">—</td>
              </tr>
              <tr data-quarter="year">
                <th scope="row">FY{year}</th>
                <td className="num">{money(summary.year.plan)}</td>
                <td className="num">{money(summary.year.comparedPlan)}</td>
                <td className="num">{money(summary.year.actual)}</td>
                <td className={`num ${tone(summary.year.variance)}`}>
                  {signed(summary.year.variance)}
                  {overUnder(summary.year.variance)}
                </td>
                <td className="num">{pct(summary.year.variancePct)}</td>
                <td className="num" data-col="forecast">
                  {money(summary.year.forecast)}
                </td>
                <td className={`num ${tone(summary.year.forecast - summary.year.plan)}`}>
                  {signed(summary.year.forecast - summary.year.plan)}
                </td>
              </tr>
            </tfoot>
          </table>
        </TableWrap>
      </Panel>

      <section className="panel" aria-labelledby={gridTitleId}>
        <div className="panel-head">
          <h2 id={gridTitleId}>
            {measure === 'plan' ? 'Plan' : 'Actuals'} by line, FY{year}
          </h2>
          <span className="panel-meta">
            {lines.length} lines · {ws.currency}, whole units (the exact amount shows while editing)
            {measure === 'actual' ? ' · empty = not yet known' : ''}
          </span>
          <div className="panel-actions">
            <div className="segmented" role="group" aria-label="Amounts shown in the grid">
              <button
                type="button"
                className="segmented-btn"
                aria-pressed={measure === 'plan'}
                onClick={() => setMeasure('plan')}
              >
                Plan
              </button>
              <button
                type="button"
                className="segmented-btn"
                aria-pressed={measure === 'actual'}
                onClick={() => setMeasure('actual')}
              >
                Actuals
              </button>
            </div>
            {addButton}
          </div>
        </div>
        <div className="panel-body">
          <BudgetGrid
            lines={lines}
            measure={measure}
            months={months}
            locale={ws.locale}
            currency={ws.currency}
            itemTitles={itemTitles}
            readOnly={readOnly}
            totals={{
              plan: summary.months.map((m) => m.plan),
              actual: summary.months.map((m) => m.actual),
              forecast: summary.months.map((m) => m.forecast),
            }}
            labelledBy={gridTitleId}
            onCommit={commitCell}
            onOpenLine={(lineId) => setDialog({ kind: 'line', lineId })}
          />
        </div>
      </section>

      <VariancePanel
        summary={summary}
        lines={lines}
        fmt={fmt}
        quarter={vq}
        onQuarter={setVarianceQ}
        readOnly={readOnly}
        onSaveNote={saveNote}
      />

      <div className="grid-2">
        <Panel id="budget-chart-pva" title="Plan vs actual by quarter">
          <PlanVsActualFigure summary={summary} fmt={fmt} />
        </Panel>
        <Panel id="budget-chart-categories" title="By category">
          <CategorySplitFigure summary={summary} fmt={fmt} />
        </Panel>
      </div>

      <MultiYearPanel rows={multiYear} years={outlookYears} onYears={setOutlookYears} fmt={fmt} />
      <RenewalsPanel renewals={renewals} fmt={fmt} today={today} />
      {dialogs}
    </>
  );
}
