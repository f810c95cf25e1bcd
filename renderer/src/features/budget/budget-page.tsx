/** Budget: the lines of a fiscal year with plan, actual to date, variance and forecast. */
import { useMemo, useState } from 'react';
import { fiscalYearOf, quarterMonths } from '../../../../shared/domain/periods';
import { useWorkspaceTables } from '../../app/data-hooks';
import { useFocusQuarter } from '../../app/focus-quarter';
import { EmptyState } from '../../components/empty-state';
import { CATEGORY_LABELS } from '../../components/labels';
import { PageHeader } from '../../components/page-header';
import { budgetYears, budgetYtd } from '../../lib/budget-view';
import { formatMoney, formatPercent } from '../../lib/format';

export function BudgetPage() {
  const data = useWorkspaceTables(['budgetLines', 'roadmapItems']);
  const fq = useFocusQuarter();
  const [chosenYear, setChosenYear] = useState<number | null>(null);

  const years = useMemo(() => budgetYears(data?.tables.budgetLines ?? []), [data]);
  const ws = data?.workspace;
  const focusFy =
    ws && fq
      ? fiscalYearOf(quarterMonths(fq.quarter, ws.fiscalYearStartMonth)[0] ?? '', ws.fiscalYearStartMonth)
      : null;
  const year =
    chosenYear !== null && years.includes(chosenYear)
      ? chosenYear
      : focusFy !== null && years.includes(focusFy)
        ? focusFy
        : years[0];
  const summary = useMemo(
    () => (data && year !== undefined ? budgetYtd(data.tables.budgetLines, year) : null),
    [data, year],
  );
  const itemTitle = useMemo(() => new Map((data?.tables.roadmapItems ?? []).map((i) => [i.id, i.title])), [data]);

  const header = (
    <PageHeader
      title="Budget"
      subtitle={summary ? `FY${summary.fiscalYear} · actuals for ${summary.monthsElapsed} of 12 months` : ' '}
      actions={
        years.length > 1 ? (
          <div className="field field-inline">
            <label htmlFor="budget-year">Fiscal year</label>
            <select id="budget-year" value={year} onChange={(e) => setChosenYear(Number(e.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  FY{y}
                </option>
              ))}
            </select>
          </div>
        ) : null
      }
    />
  );
  if (!data || !ws) return header;
  const fmt = { locale: ws.locale, currency: ws.currency };
  if (!summary || summary.lines.length === 0) {
    return (
      <>
        {header}
        <EmptyState title="No budget lines yet">
          A budget line holds a fiscal year's monthly plan and actuals for one cost (personnel, partner services,
          licences, hardware, cloud, projects…). Import a backup with a budget or open the sample to see how it works.
        </EmptyState>
      </>
    );
  }
  const lines = [...summary.lines].sort(
    (a, b) => a.line.category.localeCompare(b.line.category) || a.line.name.localeCompare(b.line.name),
  );
  const money = (v: number) => formatMoney(v, fmt, { whole: true });
  const signed = (v: number) => (v > 0 ? `+${money(v)}` : money(v));
  return (
    <>
      {header}
      <dl className="summary-strip">
        <div>
          <dt>Full-year plan</dt>
          <dd className="num">{money(summary.planYear)}</dd>
        </div>
        <div>
          <dt>Plan to date</dt>
          <dd className="num">{money(summary.planYtd)}</dd>
        </div>
        <div>
          <dt>Actual to date</dt>
          <dd className="num">{money(summary.actualYtd)}</dd>
        </div>
        <div>
          <dt>Variance to date</dt>
          <dd className={`num ${summary.variance > 0 ? 'text-red' : 'text-green'}`}>
            {signed(summary.variance)} {summary.variance > 0 ? 'over' : 'under'}
          </dd>
        </div>
        <div>
          <dt>Forecast (actuals + remaining plan)</dt>
          <dd className="num">{money(summary.forecast)}</dd>
        </div>
      </dl>
      <section className="panel" aria-labelledby="budget-lines-title">
        <div className="panel-head">
          <h2 id="budget-lines-title">Budget lines FY{summary.fiscalYear}</h2>
          <span className="panel-meta">{lines.length} lines · variance = actual − plan; positive is over plan</span>
        </div>
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Category</th>
                <th scope="col">Type</th>
                <th scope="col">Vendor</th>
                <th scope="col" className="num">
                  Plan (year)
                </th>
                <th scope="col" className="num">
                  Plan to date
                </th>
                <th scope="col" className="num">
                  Actual to date
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
              </tr>
            </thead>
            <tbody>
              {lines.map((r) => (
                <tr key={r.line.id}>
                  <th scope="row" className="cell-title">
                    <span>{r.line.name}</span>
                    {r.line.roadmapItemId ? (
                      <span className="cell-sub">Roadmap: {itemTitle.get(r.line.roadmapItemId) ?? 'unknown item'}</span>
                    ) : null}
                  </th>
                  <td>{CATEGORY_LABELS[r.line.category]}</td>
                  <td>{r.line.kind === 'capex' ? 'Capex' : 'Opex'}</td>
                  <td>{r.line.vendor || '—'}</td>
                  <td className="num">{money(r.planYear)}</td>
                  <td className="num">{money(r.planYtd)}</td>
                  <td className="num">{money(r.actualYtd)}</td>
                  <td className={`num ${r.variance > 0 ? 'text-red' : r.variance < 0 ? 'text-green' : ''}`}>
                    {signed(r.variance)}
                  </td>
                  <td className="num">{r.variancePct === null ? '—' : formatPercent(r.variancePct, ws.locale)}</td>
                  <td className="num">{money(r.forecast)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>
                  Total
                </th>
                <td className="num">{money(summary.planYear)}</td>
                <td className="num">{money(summary.planYtd)}</td>
                <td className="num">{money(summary.actualYtd)}</td>
                <td className="num">{signed(summary.variance)}</td>
                <td className="num">
                  {summary.variancePct === null ? '—' : formatPercent(summary.variancePct, ws.locale)}
                </td>
                <td className="num">{money(summary.forecast)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
    </>
  );
}
