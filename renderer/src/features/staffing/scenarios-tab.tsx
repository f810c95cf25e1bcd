/**
 * Scenario comparison (SPEC §3.5, §4): the plain sentence, scenarios side by side (totals, NPV,
 * cost per endpoint per month, hires, break-even), hires and coverage per area, stacked annual
 * cost, cumulative cost with the break-even marked, and the sensitivity tornado. Everything is
 * the shared engine's output, recomputed whenever a record changes.
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { compareScenarios, type ScenarioResult } from '../../../../shared/domain/scenarios/engine';
import { comparisonSentence } from '../../../../shared/domain/scenarios/summary';
import type { WorkspaceData } from '../../../../shared/domain/tables';
import { runEdit } from '../../app/actions';
import { useServices } from '../../app/services';
import { ChartFigure } from '../../charts/chart-figure';
import { EmptyState } from '../../components/empty-state';
import { Panel } from '../../components/panel';
import { Pill } from '../../components/status';
import { TableWrap } from '../../components/table-wrap';
import { createStandardScenarios, deleteScenario, duplicateScenario } from '../../db/repos/staffing';
import { formatMoney, formatNumber, formatPercent } from '../../lib/format';
import { KIND_LABELS, PLAN_LABELS, yearLabel } from './labels';
import {
  annualChart,
  breakEvenText,
  cumulativeChart,
  pickBreakEven,
  sensitivityChart,
  totalCost,
} from './scenario-view';
import type { OpenDialog } from './staffing-dialogs';

/** Width of an element, kept current (charts are drawn at a fixed pixel size). */
function useWidth<T extends HTMLElement>(fallback: number): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.clientWidth);
      if (w > 0) setWidth((old) => (Math.abs(old - w) > 4 ? w : old));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

export function ScenariosTab({ data, open }: { data: WorkspaceData; open: OpenDialog }) {
  const s = useServices();
  const ro = !!s.readOnlyReason;
  const ws = data.workspace;
  const t = data.tables;
  const fmt = useMemo(() => ({ locale: ws.locale, currency: ws.currency }), [ws.locale, ws.currency]);
  const cmp = useMemo(() => compareScenarios(data), [data]);
  const sentence = useMemo(() => comparisonSentence(data, cmp), [data, cmp]);
  const [pair, setPair] = useState<{ aId: string; bId: string } | null>(null);
  const be = pickBreakEven(cmp, pair);
  const [wideRef, wide] = useWidth<HTMLDivElement>(1000);
  const [halfRef, half] = useWidth<HTMLDivElement>(520);
  const annual = useMemo(() => annualChart(cmp, fmt, Math.max(320, wide - 16)), [cmp, fmt, wide]);
  const cumulative = useMemo(() => cumulativeChart(cmp, be, fmt, Math.max(300, half - 16)), [cmp, be, fmt, half]);
  const tornado = useMemo(() => sensitivityChart(cmp, fmt, Math.max(300, half - 16)), [cmp, fmt, half]);

  const onDuplicate = async (id: string, name: string) => {
    let newId: string | null = null;
    const ok = await runEdit(
      s,
      async () => {
        const r = await duplicateScenario(s.db, id, s.ctx);
        newId = r.scenario.id;
        return r.changes;
      },
      { toast: `Duplicated “${name}”: edit the copy for your what-if`, undoable: true },
    );
    if (ok && newId) open({ kind: 'scenario', id: newId });
  };

  const addStandard = () =>
    void runEdit(s, () => createStandardScenarios(s.db, ws.id, s.ctx), {
      toast: 'Added the standard scenarios',
      undoable: true,
    });

  if (t.scenarios.length === 0) {
    return (
      <Panel id="scenarios" title="Sourcing scenarios">
        <EmptyState
          title="No scenarios yet"
          action={
            <div className="button-row">
              <button type="button" className="btn btn-primary" onClick={addStandard} disabled={ro}>
                Add the standard scenarios
              </button>
              <button type="button" className="btn" onClick={() => open({ kind: 'scenario', id: null })} disabled={ro}>
                Add a scenario
              </button>
            </div>
          }
        >
          Scenarios cost the same skill gaps four ways — in-house, co-managed, hybrid and fully outsourced — over 1 to
          10 years. The standard set uses a 5-year horizon, 8 % discount rate and 3 % wage inflation; co-managed and
          hybrid need a partner contract (Costs & partner).
        </EmptyState>
      </Panel>
    );
  }

  const results = cmp.scenarios;
  const record = new Map(t.scenarios.map((x) => [x.id, x]));
  const inHouse = results.find((r) => r.kind === 'in-house') ?? null;
  const lowestNpv = results.reduce<ScenarioResult | null>((m, r) => (m === null || r.npv < m.npv ? r : m), null);
  const areas = results[0]?.areas ?? [];
  const failed = t.scenarios.filter((x) => !results.some((r) => r.scenarioId === x.id));
  const last = (r: ScenarioResult) => r.years.length - 1;

  return (
    <>
      <section className="sm-sentence" aria-labelledby="sm-sentence-title">
        <h2 id="sm-sentence-title" className="sm-sentence-title">
          In one sentence
        </h2>
        {sentence ? (
          <p className="sm-sentence-text" data-testid="comparison-sentence">
            {sentence}
          </p>
        ) : (
          <p className="sm-sentence-text muted">
            Add an in-house and a co-managed scenario to get the plain comparison the CFO asks for.
          </p>
        )}
      </section>

      {cmp.problems.length > 0 ? (
        <div className="notice notice-warn sm-problems" role="status">
          <p>
            <strong>
              {cmp.problems.length === 1 ? 'One scenario' : `${cmp.problems.length} scenarios`} could not be costed
            </strong>{' '}
            and {cmp.problems.length === 1 ? 'is' : 'are'} left out of the comparison:
          </p>
          <ul>
            {cmp.problems.map((p, i) => (
              <li key={i}>
                {p.record}: {p.field}: {p.reason}
              </li>
            ))}
          </ul>
          <div className="button-row">
            {failed.map((x) => (
              <button
                key={x.id}
                type="button"
                className="btn btn-sm"
                onClick={() => open({ kind: 'scenario', id: x.id })}
                disabled={ro}
              >
                Fix “{x.name}”
              </button>
            ))}
          </div>
        </div>
      ) : null}

      <Panel
        id="side-by-side"
        title="Scenarios side by side"
        meta={`Money in ${ws.currency}; years ${yearLabel(0)}… as in SPEC §4 (year 0 is the first year)`}
        actions={
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => open({ kind: 'scenario', id: null })}
            disabled={ro}
          >
            Add scenario
          </button>
        }
      >
        <TableWrap label="Scenarios side by side">
          <table className="data-table sm-compare">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Measure</span>
                </th>
                {results.map((r) => (
                  <th key={r.scenarioId} scope="col" className="num sm-compare-head">
                    <span className="sm-compare-name">{r.name}</span>
                    <span className="sm-compare-actions">
                      <button
                        type="button"
                        className="btn btn-ghost btn-sm"
                        onClick={() => open({ kind: 'scenario', id: r.scenarioId })}
                        aria-label={`Edit scenario ${r.name}`}
                        disabled={ro}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="btn btn-ghost btn-sm"
                        onClick={() => void onDuplicate(r.scenarioId, r.name)}
                        aria-label={`Duplicate scenario ${r.name}`}
                        disabled={ro}
                      >
                        Duplicate
                      </button>
                      <button
                        type="button"
                        className="btn btn-ghost btn-sm btn-danger-text"
                        onClick={() =>
                          void runEdit(s, () => deleteScenario(s.db, r.scenarioId), {
                            toast: `Deleted scenario “${r.name}”`,
                            undoable: true,
                          })
                        }
                        aria-label={`Delete scenario ${r.name}`}
                        disabled={ro}
                      >
                        Delete
                      </button>
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Kind</th>
                {results.map((r) => (
                  <td key={r.scenarioId} className="num">
                    {KIND_LABELS[r.kind]}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">Partner contract</th>
                {results.map((r) => (
                  <td key={r.scenarioId} className="num sm-wrap">
                    {r.contractName ?? '—'}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">Assumptions</th>
                {results.map((r) => {
                  const x = record.get(r.scenarioId);
                  return (
                    <td key={r.scenarioId} className="num sm-wrap">
                      {x
                        ? `${x.horizonYears} yr · disc. ${formatPercent(x.discountRatePct, ws.locale, 1)} · wages +${formatPercent(x.wageInflationPct, ws.locale, 1)} · ${formatNumber(x.productiveHoursPerFte, ws.locale, 0)} h/FTE`
                        : '—'}
                    </td>
                  );
                })}
              </tr>
              <tr className="sm-strong-row">
                <th scope="row">Total cost over the horizon</th>
                {results.map((r) => (
                  <td key={r.scenarioId} className="num" data-metric="total">
                    {formatMoney(totalCost(r), fmt, { whole: true })}
                  </td>
                ))}
              </tr>
              <tr className="sm-strong-row">
                <th scope="row">NPV</th>
                {results.map((r) => (
                  <td key={r.scenarioId} className="num" data-metric="npv">
                    {formatMoney(r.npv, fmt, { whole: true })}
                    {lowestNpv && lowestNpv.scenarioId === r.scenarioId && results.length > 1 ? (
                      <>
                        {' '}
                        <Pill tone="green">Lowest</Pill>
                      </>
                    ) : null}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">Cost per endpoint per month</th>
                {results.map((r) => {
                  const first = r.costPerEndpointMonth[0];
                  const end = r.costPerEndpointMonth[last(r)];
                  return (
                    <td key={r.scenarioId} className="num">
                      {first === null || first === undefined
                        ? 'No endpoints'
                        : `${yearLabel(0)} ${formatMoney(first, fmt)} → ${yearLabel(last(r))} ${formatMoney(end ?? null, fmt)}`}
                    </td>
                  );
                })}
              </tr>
              <tr>
                <th scope="row">New hires</th>
                {results.map((r) => (
                  <td key={r.scenarioId} className="num">
                    {r.totalHires}
                  </td>
                ))}
              </tr>
              {inHouse ? (
                <tr>
                  <th scope="row">Cheaper than {inHouse.name}</th>
                  {results.map((r) => {
                    const b = cmp.breakEven.find((x) => x.aId === r.scenarioId && x.bId === inHouse.scenarioId);
                    return (
                      <td key={r.scenarioId} className="num">
                        {r.scenarioId === inHouse.scenarioId
                          ? '—'
                          : !b || b.year === null
                            ? 'Never (cumulative)'
                            : b.year === 0
                              ? `From ${yearLabel(0)}`
                              : `From ${yearLabel(b.year)}`}
                      </td>
                    );
                  })}
                </tr>
              ) : null}
            </tbody>
          </table>
        </TableWrap>
      </Panel>

      <Panel id="annual" title="Annual cost" meta="Stacked by component; one bar per scenario in each year">
        <div ref={wideRef}>
          <ChartFigure
            spec={annual.spec}
            table={annual.table}
            caption={
              <>
                Annual cost by scenario and component
                <span className="sm-bar-order">
                  Bars in each year, left to right:{' '}
                  {results.map((r, i) => (
                    <span key={r.scenarioId}>
                      {i > 0 ? ' · ' : ''}
                      <strong>{i + 1}</strong> {r.name}
                    </span>
                  ))}
                </span>
              </>
            }
          />
        </div>
      </Panel>

      <div className="grid-2">
        <Panel id="cumulative" title="Cumulative cost and break-even">
          <div className="sm-pair" role="group" aria-label="Break-even pair">
            <label>
              <span>Break-even of</span>
              <select
                value={be?.aId ?? ''}
                onChange={(e) => {
                  const aId = e.target.value;
                  const keep = be && be.bId !== aId ? be.bId : results.find((r) => r.scenarioId !== aId)?.scenarioId;
                  setPair({ aId, bId: keep ?? '' });
                }}
              >
                {results.map((r) => (
                  <option key={r.scenarioId} value={r.scenarioId}>
                    {r.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>against</span>
              <select value={be?.bId ?? ''} onChange={(e) => setPair({ aId: be?.aId ?? '', bId: e.target.value })}>
                {results
                  .filter((r) => r.scenarioId !== be?.aId)
                  .map((r) => (
                    <option key={r.scenarioId} value={r.scenarioId}>
                      {r.name}
                    </option>
                  ))}
              </select>
            </label>
          </div>
          <p className="sm-be-text">{breakEvenText(be)}</p>
          <div ref={halfRef}>
            <ChartFigure spec={cumulative.spec} table={cumulative.table} caption="Cumulative cost by scenario" />
          </div>
        </Panel>
        <Panel id="sensitivity" title="What moves the answer" meta="Each input −20 % / +20 % alone">
          {tornado ? (
            <ChartFigure
              spec={tornado.spec}
              table={tornado.table}
              caption="Change in NPV(co-managed) − NPV(in-house); below zero favours co-managing"
            />
          ) : (
            <EmptyState title="No sensitivity yet">
              The tornado compares the first co-managed scenario with the first in-house one; add both to see it.
            </EmptyState>
          )}
        </Panel>
      </div>

      <Panel
        id="per-area"
        title="Hires and coverage per skill area"
        meta="Coverage 100 % where the paid contract covers the area at its model"
      >
        <TableWrap label="Hires and coverage per skill area">
          <table className="data-table compact sm-area-compare">
            <thead>
              <tr>
                <th scope="col">Skill area</th>
                {results.map((r) => (
                  <th key={r.scenarioId} scope="col" className="num">
                    {r.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {areas.map((a, i) => (
                <tr key={a.areaId}>
                  <th scope="row">
                    <span>{a.name}</span>
                    <span className="cell-sub">
                      Needs {formatNumber(a.requiredFte, ws.locale, 2)} FTE · has{' '}
                      {formatNumber(a.internalFte, ws.locale, 2)}
                    </span>
                  </th>
                  {results.map((r) => {
                    const o = r.areas[i];
                    if (!o) return <td key={r.scenarioId} className="num" />;
                    const low = o.coverage < 1;
                    return (
                      <td key={r.scenarioId} className={`num ${low ? 'sm-low' : ''}`}>
                        <span className="sm-cov">
                          {formatPercent(o.coverage * 100, ws.locale, 0)}
                          {o.partnerCovered ? ' · partner' : ''}
                        </span>
                        <span className="cell-sub">
                          {o.hires > 0 ? `+${o.hires} ${o.hires === 1 ? 'hire' : 'hires'}` : 'no hires'} ·{' '}
                          {PLAN_LABELS[o.choice].toLowerCase()}
                        </span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">All areas</th>
                {results.map((r) => (
                  <td key={r.scenarioId} className="num">
                    {r.totalHires} {r.totalHires === 1 ? 'hire' : 'hires'}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </TableWrap>
      </Panel>
    </>
  );
}
