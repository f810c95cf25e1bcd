/**
 * Dashboard: the quarter at a glance — KPI tiles vs target, budget burn, roadmap status and
 * decisions, staffing single points of failure, open actions, top risks and plan findings.
 */
import { useMemo } from 'react';
import { planFindings } from '../../../../shared/domain/findings';
import { fiscalYearOf, quarterLabel, quarterMonths } from '../../../../shared/domain/periods';
import { statusCounts } from '../../../../shared/domain/roadmap/filters';
import { ROADMAP_STATUSES } from '../../../../shared/domain/roadmap/schema';
import { singlePointsOfFailure } from '../../../../shared/domain/staffing/coverage';
import { ALL_BUT_TICKETS, useWorkspaceTables } from '../../app/data-hooks';
import { useFocusQuarter } from '../../app/focus-quarter';
import { hrefFor } from '../../app/routes';
import { useServices } from '../../app/services';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { STATUS_LABELS } from '../../components/labels';
import { Pill, RagBadge } from '../../components/status';
import { budgetYears } from '../../lib/budget-view';
import { budgetSummary } from '../../../../shared/domain/budget/summary';
import { topRisks } from '../../../../shared/domain/governance/risks';
import { riskBadge } from '../../lib/risk-view';
import { formatDate, formatMoneyCompact, formatMonth, formatPercent } from '../../lib/format';
import { formatDelta, formatKpiValue } from '../../lib/kpi-format';
import { kpiRows } from '../../lib/kpi-view';
import { FindingsList } from '../governance/findings-list';

export function DashboardPage() {
  const { ctx } = useServices();
  const data = useWorkspaceTables(ALL_BUT_TICKETS);
  const fq = useFocusQuarter();

  const view = useMemo(() => {
    if (!data || !fq) return null;
    const ws = data.workspace;
    const t = data.tables;
    const kpis = kpiRows(t.kpiDefinitions, t.kpiSnapshots, fq.quarter, ws.fiscalYearStartMonth)
      .filter((r) => r.value !== null)
      .sort((a, b) => Number(b.def.target !== null) - Number(a.def.target !== null));
    const focusFy = fiscalYearOf(quarterMonths(fq.quarter, ws.fiscalYearStartMonth)[0] ?? '', ws.fiscalYearStartMonth);
    const years = budgetYears(t.budgetLines);
    const fy = years.includes(focusFy) ? focusFy : years[0];
    const budget =
      fy !== undefined
        ? budgetSummary({ fiscalStartMonth: ws.fiscalYearStartMonth, lines: t.budgetLines, items: t.roadmapItems }, fy)
        : null;
    const today = ctx.now().slice(0, 10);
    const actions = t.actionItems
      .filter((a) => a.status === 'open' || a.status === 'in-progress')
      .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
    const risks = topRisks(t.risks, 5);
    return {
      ws,
      kpis,
      budget,
      counts: statusCounts(t.roadmapItems),
      decisions: t.roadmapItems.filter((i) => i.needsDecision && i.status !== 'done' && i.status !== 'cancelled'),
      spof: singlePointsOfFailure(data),
      actions,
      today,
      risks,
      // Overdue actions are judged against today; SPOFs have their own panel above.
      findings: planFindings(data, { asOf: today }).filter((f) => f.kind !== 'single-point-of-failure'),
      total: t.roadmapItems.length,
    };
  }, [data, fq, ctx]);

  const header = (
    <PageHeader title="Dashboard" subtitle={fq ? `${quarterLabel(fq.quarter)} · ${data?.workspace.name ?? ''}` : ' '} />
  );
  if (!view) return header;
  const { ws } = view;
  const fmt = { locale: ws.locale, currency: ws.currency };

  return (
    <>
      {header}
      <section aria-labelledby="kpi-tiles-title" className="tiles-section">
        <div className="section-head">
          <h2 id="kpi-tiles-title">KPIs in {quarterLabel(fq?.quarter ?? '')}</h2>
          <a href={hrefFor('kpis')} className="link-quiet">
            All KPIs
          </a>
        </div>
        {view.kpis.length === 0 ? (
          <EmptyState title="No KPI values for this quarter">
            Once KPI values are imported (ticket exports, CSV) or entered, each KPI shows here against its target, the
            quarter before and the same quarter last year.
          </EmptyState>
        ) : (
          <ul className="tiles">
            {view.kpis.slice(0, 8).map((k) => {
              const delta = formatDelta(k.def, k.value, k.previous, fmt);
              return (
                <li key={k.def.id} className="tile">
                  <p className="tile-label">{k.def.name}</p>
                  <p className="tile-value">{formatKpiValue(k.def.unit, k.value, fmt)}</p>
                  <p className="tile-meta">
                    <span>Target {k.def.target === null ? 'none' : formatKpiValue(k.def.unit, k.def.target, fmt)}</span>
                    <span className={`delta delta-${delta.tone}`}>
                      {delta.tone === 'none' ? '' : `${delta.text} vs last quarter`}
                    </span>
                  </p>
                  <RagBadge rag={k.rag} />
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <div className="grid-2">
        <Panel
          id="dash-budget"
          title={view.budget ? `Budget FY${view.budget.fiscalYear}` : 'Budget'}
          meta={
            view.budget?.ytd.throughMonth
              ? `Actuals through ${formatMonth(view.budget.ytd.throughMonth, ws.locale)}`
              : undefined
          }
          actions={
            <a href={hrefFor('budget')} className="link-quiet">
              Open budget
            </a>
          }
        >
          {view.budget && view.budget.lineCount ? (
            <>
              <dl className="kv-grid">
                <div>
                  <dt>Plan to date</dt>
                  <dd className="num">{formatMoneyCompact(view.budget.ytd.comparedPlan, fmt)}</dd>
                </div>
                <div>
                  <dt>Actual to date</dt>
                  <dd className="num">{formatMoneyCompact(view.budget.ytd.actual, fmt)}</dd>
                </div>
                <div>
                  <dt>Variance</dt>
                  <dd className={`num ${view.budget.ytd.variance > 0 ? 'text-red' : 'text-green'}`}>
                    {view.budget.ytd.variance > 0 ? '+' : ''}
                    {formatMoneyCompact(view.budget.ytd.variance, fmt)}
                    {view.budget.ytd.variancePct !== null
                      ? ` (${formatPercent(view.budget.ytd.variancePct, ws.locale)})`
                      : ''}
                    <span className="visually-hidden">
                      {view.budget.ytd.variance > 0 ? ' over plan' : ' under plan'}
                    </span>
                  </dd>
                </div>
                <div>
                  <dt>Full-year plan</dt>
                  <dd className="num">{formatMoneyCompact(view.budget.year.plan, fmt)}</dd>
                </div>
                <div>
                  <dt>Forecast</dt>
                  <dd className="num">{formatMoneyCompact(view.budget.year.forecast, fmt)}</dd>
                </div>
              </dl>
              <BurnBar
                plan={view.budget.year.plan}
                actual={view.budget.ytd.actual}
                planYtd={view.budget.ytd.comparedPlan}
              />
            </>
          ) : (
            <EmptyState title="No budget yet">
              Add budget lines for the fiscal year to see plan against actuals.
            </EmptyState>
          )}
        </Panel>

        <Panel
          id="dash-roadmap"
          title="Roadmap"
          meta={`${view.total} item${view.total === 1 ? '' : 's'}`}
          actions={
            <a href={hrefFor('roadmap')} className="link-quiet">
              Open roadmap
            </a>
          }
        >
          {view.total === 0 ? (
            <EmptyState title="No roadmap items yet">Add items on the Roadmap page.</EmptyState>
          ) : (
            <>
              <ul className="status-counts">
                {ROADMAP_STATUSES.map((st) => (
                  <li key={st}>
                    <span className="count">{view.counts[st]}</span>
                    <span className="count-label">{STATUS_LABELS[st]}</span>
                  </li>
                ))}
              </ul>
              <h3 className="subhead">Needs a decision ({view.decisions.length})</h3>
              {view.decisions.length ? (
                <ul className="plain-list">
                  {view.decisions.map((d) => (
                    <li key={d.id}>
                      <strong>{d.title}</strong>
                      {d.decisionText ? <span className="muted"> — {d.decisionText}</span> : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">No open items need a decision.</p>
              )}
            </>
          )}
        </Panel>

        <Panel id="dash-actions" title="Open actions" meta={`${view.actions.length} open`}>
          {view.actions.length ? (
            <table className="data-table compact">
              <thead>
                <tr>
                  <th scope="col">Action</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Due</th>
                </tr>
              </thead>
              <tbody>
                {view.actions.slice(0, 6).map((a) => {
                  const overdue = a.dueDate !== null && a.dueDate < view.today;
                  return (
                    <tr key={a.id}>
                      <td>{a.text}</td>
                      <td>{a.owner || '—'}</td>
                      <td className="nowrap">
                        {formatDate(a.dueDate, ws.locale)} {overdue ? <Pill tone="red">Overdue</Pill> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : (
            <EmptyState title="No open actions">Actions agreed in QBRs appear here until they are done.</EmptyState>
          )}
        </Panel>

        <Panel
          id="dash-risks"
          title="Top risks"
          actions={
            <a href={hrefFor('governance')} className="link-quiet">
              Risk register
            </a>
          }
        >
          {view.risks.length ? (
            <table className="data-table compact">
              <thead>
                <tr>
                  <th scope="col">Risk</th>
                  <th scope="col" className="num">
                    Score
                  </th>
                  <th scope="col">Owner</th>
                </tr>
              </thead>
              <tbody>
                {view.risks.map((r) => (
                  <tr key={r.id}>
                    <td>{r.title}</td>
                    <td className="num">
                      <RagBadge rag={riskBadge(r).rag} label={riskBadge(r).text} />
                    </td>
                    <td>{r.owner || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <EmptyState title="No open risks">Record risks on the Governance page.</EmptyState>
          )}
        </Panel>

        <Panel
          id="dash-staffing"
          title="Staffing: single points of failure"
          actions={
            <a href={hrefFor('staffing')} className="link-quiet">
              Staffing
            </a>
          }
        >
          {view.spof.length ? (
            <ul className="plain-list">
              {view.spof.map((s) => (
                <li key={s.areaId}>
                  <RagBadge rag="red" label={s.name} />{' '}
                  <span className="muted">{s.reason.replace(`${s.name}: `, '')}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Every skill area has enough people or partner cover.</p>
          )}
        </Panel>

        <Panel
          id="dash-findings"
          title="Plan findings"
          meta={`${view.findings.length} besides staffing`}
          actions={
            <a href={hrefFor('governance')} className="link-quiet">
              Governance
            </a>
          }
        >
          <FindingsList findings={view.findings} limit={8} />
        </Panel>
      </div>
    </>
  );
}

/** Spend to date against the full-year plan, with the plan-to-date mark; text carries the numbers. */
function BurnBar({ plan, actual, planYtd }: { plan: number; actual: number; planYtd: number }) {
  if (plan <= 0) return null;
  const a = Math.min(100, (actual / plan) * 100);
  const p = Math.min(100, (planYtd / plan) * 100);
  return (
    <div className="burn" aria-hidden="true">
      <div className="burn-track">
        <div className={`burn-fill ${actual > planYtd ? 'burn-over' : ''}`} style={{ width: `${a}%` }} />
        <div className="burn-mark" style={{ left: `${p}%` }} />
      </div>
      <div className="burn-legend">
        <span>Spent {Math.round(a)}% of the year's plan</span>
        <span>Plan to date {Math.round(p)}%</span>
      </div>
    </div>
  );
}
