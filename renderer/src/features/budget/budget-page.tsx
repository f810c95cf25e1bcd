/**
 * Budget: one fiscal year — totals to date, quarters (plan, actual, variance, forecast) and every
 * line with plan, actual to date and variance. Variance compares the months that have actuals.
 */
import { TableWrap } from '../../components/table-wrap';
import { useMemo, useState } from 'react';
import { fiscalYearOf, quarterLabel, quarterMonths } from '../../../../shared/domain/periods';
import { useWorkspaceTables } from '../../app/data-hooks';
import { useFocusQuarter } from '../../app/focus-quarter';
import { EmptyState } from '../../components/empty-state';
import { CATEGORY_LABELS } from '../../components/labels';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { budgetView, budgetYears } from '../../lib/budget-view';
import { formatDate, formatMoney, formatMonth, formatPercent } from '../../lib/format';

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
  const view = useMemo(
    () =>
      data && year !== undefined
        ? budgetView(
            {
              fiscalStartMonth: data.workspace.fiscalYearStartMonth,
              lines: data.tables.budgetLines,
              items: data.tables.roadmapItems,
            },
            year,
          )
        : null,
    [data, year],
  );
  const itemTitle = useMemo(() => new Map((data?.tables.roadmapItems ?? []).map((i) => [i.id, i.title])), [data]);
  const s = view?.summary;

  const header = (
    <PageHeader
      title="Budget"
      subtitle={
        s && ws
          ? `FY${s.fiscalYear} · ${s.ytd.throughMonth ? `actuals through ${formatMonth(s.ytd.throughMonth, ws.locale)}` : 'no actuals yet'}`
          : ' '
      }
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
  if (!view || !s || view.lines.length === 0) {
    return (
      <>
        {header}
        <EmptyState title="No budget lines yet">
          A budget line holds a fiscal year's monthly plan and actuals for one cost (personnel, partner services,
          licences, hardware, cloud, projects…). Import a backup with a budget, or open the sample to see how it works.
        </EmptyState>
      </>
    );
  }
  const fmt = { locale: ws.locale, currency: ws.currency };
  const money = (v: number) => formatMoney(v, fmt, { whole: true });
  const signed = (v: number) => (v > 0 ? `+${money(v)}` : money(v));
  const tone = (v: number) => (v > 0 ? 'text-red' : v < 0 ? 'text-green' : '');
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v, ws.locale));
  const lines = [...view.lines].sort(
    (a, b) => a.line.category.localeCompare(b.line.category) || a.line.name.localeCompare(b.line.name),
  );
  const gaps = s.ytd.monthsWithoutActuals;

  return (
    <>
      {header}
      <dl className="summary-strip">
        <div>
          <dt>Full-year plan</dt>
          <dd className="num">{money(s.year.plan)}</dd>
        </div>
        <div>
          <dt>Plan to date</dt>
          <dd className="num">{money(s.ytd.comparedPlan)}</dd>
        </div>
        <div>
          <dt>Actual to date</dt>
          <dd className="num">{money(s.ytd.actual)}</dd>
        </div>
        <div>
          <dt>Variance to date</dt>
          <dd className={`num ${tone(s.ytd.variance)}`}>
            {signed(s.ytd.variance)} <span className="dd-note">{s.ytd.variance > 0 ? 'over plan' : 'under plan'}</span>
          </dd>
        </div>
        <div>
          <dt>Forecast for the year</dt>
          <dd className="num">{money(s.year.forecast)}</dd>
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
        meta="Forecast = actuals where known + plan (following committed roadmap items) for open months"
      >
        <TableWrap label="Budget by quarter">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Quarter</th>
                <th scope="col" className="num">
                  Plan
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
                <th scope="col">Variance notes</th>
              </tr>
            </thead>
            <tbody>
              {s.quarters.map((q) => (
                <tr key={q.quarter}>
                  <th scope="row" className="nowrap">
                    {quarterLabel(q.quarter)}
                    <span className="cell-sub">
                      {formatMonth(q.months[0], ws.locale)} – {formatMonth(q.months[2], ws.locale)}
                    </span>
                  </th>
                  <td className="num">{money(q.plan)}</td>
                  <td className="num">{q.actual === null ? '—' : money(q.actual)}</td>
                  <td className={`num ${q.actual === null ? '' : tone(q.variance)}`}>
                    {q.actual === null ? '—' : signed(q.variance)}
                  </td>
                  <td className="num">{pct(q.variancePct)}</td>
                  <td className="num">{money(q.forecast)}</td>
                  <td className="cell-wrap">
                    {q.notes.length
                      ? q.notes.map((n) => (
                          <span key={n.lineId} className="note">
                            <strong>{n.lineName}:</strong> {n.note}
                          </span>
                        ))
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">FY{s.fiscalYear}</th>
                <td className="num">{money(s.year.plan)}</td>
                <td className="num">{money(s.year.actual)}</td>
                <td className={`num ${tone(s.year.variance)}`}>{signed(s.year.variance)}</td>
                <td className="num">{pct(s.year.variancePct)}</td>
                <td className="num">{money(s.year.forecast)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </TableWrap>
      </Panel>

      <Panel
        id="budget-lines"
        title={`Budget lines FY${s.fiscalYear}`}
        meta={`${lines.length} lines · variance = actual − plan of the same months; positive is over plan`}
      >
        <TableWrap label="Budget lines">
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
                    {r.line.recurring && r.line.renewalDate ? (
                      <span className="cell-sub">Renews {formatDate(r.line.renewalDate, ws.locale)}</span>
                    ) : null}
                  </th>
                  <td>{CATEGORY_LABELS[r.line.category]}</td>
                  <td>{r.line.kind === 'capex' ? 'Capex' : 'Opex'}</td>
                  <td>{r.line.vendor || '—'}</td>
                  <td className="num">{money(r.planYear)}</td>
                  <td className="num">{money(r.comparedPlan)}</td>
                  <td className="num">{money(r.actual)}</td>
                  <td className={`num ${tone(r.variance)}`}>{signed(r.variance)}</td>
                  <td className="num">{pct(r.variancePct)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </Panel>
    </>
  );
}
