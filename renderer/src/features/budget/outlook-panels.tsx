/**
 * Looking ahead: the multi-year plan (3 or 5 fiscal years from shared multi-year.ts: the year's
 * own lines where a year has them, recurring lines escalated where it has not, plus roadmap money)
 * and the renewals calendar (recurring lines with a renewal date, soonest first, days to go).
 */
import type { MultiYearRow } from '../../../../shared/domain/budget/multi-year';
import type { Renewal } from '../../../../shared/domain/budget/renewals';
import { EmptyState } from '../../components/empty-state';
import { CATEGORY_LABELS } from '../../components/labels';
import { Panel } from '../../components/panel';
import { TableWrap } from '../../components/table-wrap';
import { formatDate, formatMoney, formatNumber, type MoneyFormat } from '../../lib/format';
import { MultiYearFigure } from './budget-chart-panels';

export function MultiYearPanel({
  rows,
  years,
  onYears,
  fmt,
}: {
  rows: readonly MultiYearRow[];
  years: 3 | 5;
  onYears: (n: 3 | 5) => void;
  fmt: MoneyFormat;
}) {
  const money = (v: number) => formatMoney(v, fmt, { whole: true });
  const source = (r: MultiYearRow) =>
    r.source === 'budget' ? 'Budget' : r.source === 'projected' ? `Projected from FY${r.baseYear}` : 'No lines';
  const components: [string, (r: MultiYearRow) => number][] = [
    ['Recurring run costs', (r) => r.recurring],
    ['One-off', (r) => r.oneOff],
    ['Roadmap capex', (r) => r.roadmapCapex],
    ['Roadmap opex', (r) => r.roadmapOpex],
  ];
  return (
    <Panel
      id="budget-multi-year"
      title="Multi-year outlook"
      meta="Later years: recurring lines with their escalators, plus committed roadmap costs"
      actions={
        <div className="segmented" role="group" aria-label="Years shown">
          {([3, 5] as const).map((n) => (
            <button
              key={n}
              type="button"
              className="segmented-btn"
              aria-pressed={years === n}
              onClick={() => onYears(n)}
            >
              {n} years
            </button>
          ))}
        </div>
      }
    >
      <div className="grid-2 budget-outlook">
        <TableWrap label="Multi-year plan">
          <table className="data-table compact">
            <caption className="visually-hidden">Multi-year plan by component</caption>
            <thead>
              <tr>
                <th scope="col">Component</th>
                {rows.map((r) => (
                  <th key={r.fiscalYear} scope="col" className="num">
                    FY{r.fiscalYear}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Basis</th>
                {rows.map((r) => (
                  <td key={r.fiscalYear} className="num muted small">
                    {source(r)}
                  </td>
                ))}
              </tr>
              {components.map(([label, get]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {rows.map((r) => (
                    <td key={r.fiscalYear} className="num">
                      {money(get(r))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Plan</th>
                {rows.map((r) => (
                  <td key={r.fiscalYear} className="num">
                    {money(r.plan)}
                  </td>
                ))}
              </tr>
              <tr className="muted-row">
                <th scope="row">Proposed items (not in plan)</th>
                {rows.map((r) => (
                  <td key={r.fiscalYear} className="num">
                    {money(r.proposedRoadmap)}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </TableWrap>
        <MultiYearFigure rows={rows} fmt={fmt} />
      </div>
    </Panel>
  );
}

export function RenewalsPanel({
  renewals,
  fmt,
  today,
}: {
  renewals: readonly Renewal[];
  fmt: MoneyFormat;
  today: string;
}) {
  return (
    <Panel id="budget-renewals" title="Renewals" meta={`Upcoming from ${formatDate(today, fmt.locale)}, soonest first`}>
      {renewals.length === 0 ? (
        <EmptyState title="No upcoming renewals">
          Mark a line as recurring and give it a renewal date (Edit line) to see it here ahead of time.
        </EmptyState>
      ) : (
        <TableWrap label="Upcoming renewals">
          <table className="data-table compact">
            <caption className="visually-hidden">Upcoming renewals, soonest first</caption>
            <thead>
              <tr>
                <th scope="col">Renews</th>
                <th scope="col" className="num">
                  Days to go
                </th>
                <th scope="col">Line</th>
                <th scope="col">Vendor</th>
                <th scope="col" className="num">
                  Annual plan
                </th>
              </tr>
            </thead>
            <tbody>
              {renewals.map((r) => (
                <tr key={r.lineId}>
                  <td className="nowrap">{formatDate(r.renewalDate, fmt.locale)}</td>
                  <td className="num">
                    {formatNumber(r.daysUntil, fmt.locale, 0)}
                    {r.daysUntil <= 90 ? <span className="pill pill-amber renewal-soon">soon</span> : null}
                  </td>
                  <th scope="row" className="cell-title">
                    <span>{r.name}</span>
                    <span className="cell-sub">
                      {CATEGORY_LABELS[r.category]} · FY{r.fiscalYear}
                    </span>
                  </th>
                  <td>{r.vendor || '—'}</td>
                  <td className="num">{formatMoney(r.annualPlan, fmt, { whole: true })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Panel>
  );
}
