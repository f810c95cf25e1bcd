/**
 * Staffing & Sourcing: the skills matrix (people × skill areas), coverage per area with single
 * points of failure, cost profiles with their cited sources, partner contracts and scenarios.
 */
import { TableWrap } from '../../components/table-wrap';
import { useMemo } from 'react';
import { areaCoverage, skillsMatrix } from '../../../../shared/domain/staffing/coverage';
import { useWorkspaceTables } from '../../app/data-hooks';
import { EmptyState } from '../../components/empty-state';
import { PROFICIENCY_TEXT, humanize } from '../../components/labels';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { Pill, RagBadge } from '../../components/status';
import { formatMoney, formatNumber, formatPercent } from '../../lib/format';

const TABLES = ['people', 'skillAreas', 'costProfiles', 'partnerContracts', 'scenarios', 'parties'] as const;

export function StaffingPage() {
  const data = useWorkspaceTables(TABLES);
  const view = useMemo(() => {
    if (!data) return null;
    return { matrix: skillsMatrix(data), coverage: areaCoverage(data) };
  }, [data]);

  const header = (
    <PageHeader
      title="Staffing & Sourcing"
      subtitle={data ? `${data.tables.people.length} people · ${data.tables.skillAreas.length} skill areas` : ' '}
    />
  );
  if (!data || !view) return header;
  const ws = data.workspace;
  const fmt = { locale: ws.locale, currency: ws.currency };
  const t = data.tables;
  const areaName = new Map(t.skillAreas.map((a) => [a.id, a.name]));

  return (
    <>
      {header}
      <Panel id="skills" title="Skills matrix" meta="Proficiency 0 none · 1 learning · 2 working · 3 strong · 4 expert">
        {view.matrix.rows.length === 0 ? (
          <EmptyState title="No people in this workspace yet">
            With the internal team and their skills, this matrix shows who knows what; coverage, single points of
            failure and the hire vs co-manage comparison build on it.
          </EmptyState>
        ) : (
          <TableWrap label="Skills matrix">
            <table className="data-table matrix">
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col" className="num">
                    FTE
                  </th>
                  {view.matrix.areas.map((a) => (
                    <th key={a.areaId} scope="col" className="matrix-col">
                      <span>{a.name}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {view.matrix.rows.map((r) => (
                  <tr key={r.personId}>
                    <th scope="row" className="cell-title">
                      <span>{r.name}</span>
                      <span className="cell-sub">{r.role}</span>
                    </th>
                    <td className="num">{formatNumber(r.fte, ws.locale, 2)}</td>
                    {r.levels.map((lvl, i) => (
                      <td key={view.matrix.areas[i]?.areaId ?? i} className={`heat heat-${lvl}`}>
                        <span aria-hidden="true">{lvl > 0 ? lvl : '·'}</span>
                        <span className="visually-hidden">{PROFICIENCY_TEXT[lvl] ?? lvl}</span>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    People at level 2+
                  </th>
                  {view.matrix.depth.map((d, i) => (
                    <td key={view.matrix.areas[i]?.areaId ?? i} className="num">
                      {d}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </TableWrap>
        )}
      </Panel>

      <Panel
        id="coverage"
        title="Coverage per skill area"
        meta="Required hours from the coverage model vs internal hours; partner cover counts in full"
      >
        <TableWrap label="Coverage per skill area">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Skill area</th>
                <th scope="col">Coverage model</th>
                <th scope="col" className="num">
                  Required FTE
                </th>
                <th scope="col" className="num">
                  Internal FTE
                </th>
                <th scope="col" className="num">
                  Covered
                </th>
                <th scope="col">Partner cover</th>
                <th scope="col" className="num">
                  Depth (min.)
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {view.coverage.map((a) => (
                <tr key={a.areaId}>
                  <th scope="row">{a.name}</th>
                  <td>{a.coverageModel === 'on-demand' ? 'On demand' : a.coverageModel}</td>
                  <td className="num">{formatNumber(a.requiredFte, ws.locale, 2)}</td>
                  <td className="num">{formatNumber(a.internalFte, ws.locale, 2)}</td>
                  <td className="num">{formatPercent(a.coveredFraction * 100, ws.locale, 0)}</td>
                  <td>{a.partnerCover ? `${a.partnerCover.contractName} (${a.partnerCover.coverageModel})` : '—'}</td>
                  <td className="num">
                    {a.people.length} ({a.minimumDepth})
                  </td>
                  <td>
                    {a.singlePointOfFailure ? (
                      <RagBadge rag="red" label="Single point of failure" />
                    ) : a.coveredFraction < 1 ? (
                      <RagBadge rag="amber" label="Partly covered" />
                    ) : (
                      <RagBadge rag="green" label="Covered" />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </Panel>

      <div className="grid-2">
        <Panel id="profiles" title="Cost profiles" meta="Defaults cite their source; edit to match your market">
          {t.costProfiles.length === 0 ? (
            <EmptyState title="No cost profiles" />
          ) : (
            <table className="data-table compact">
              <thead>
                <tr>
                  <th scope="col">Role</th>
                  <th scope="col" className="num">
                    Base salary
                  </th>
                  <th scope="col" className="num">
                    Benefits
                  </th>
                  <th scope="col" className="num">
                    Turnover
                  </th>
                  <th scope="col">Sources</th>
                </tr>
              </thead>
              <tbody>
                {t.costProfiles.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.role}</th>
                    <td className="num">{formatMoney(c.baseSalary, fmt, { whole: true })}</td>
                    <td className="num">{formatPercent(c.benefitsLoadPct, ws.locale, 0)}</td>
                    <td className="num">{formatPercent(c.turnoverPct, ws.locale, 0)}</td>
                    <td className="sources">
                      {c.sources.length
                        ? c.sources.map((src, i) => (
                            <span key={i} className="source">
                              {humanize(src.field)}: {src.source} ({src.year})
                            </span>
                          ))
                        : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>

        <div className="stack">
          <Panel id="contracts" title="Partner contracts">
            {t.partnerContracts.length === 0 ? (
              <EmptyState title="No partner contract">
                Record the partner's prices and covered areas to compare sourcing options.
              </EmptyState>
            ) : (
              <ul className="plain-list">
                {t.partnerContracts.map((c) => (
                  <li key={c.id}>
                    <strong>{c.name}</strong> <Pill>{humanize(c.kind)}</Pill>
                    <div className="muted">
                      {formatMoney(c.perUserMonthly, fmt)} per user · {formatMoney(c.perEndpointMonthly, fmt)} per
                      endpoint · {formatMoney(c.fixedMonthly, fmt, { whole: true })} fixed, per month · covers{' '}
                      {c.coveredAreas.map((a) => areaName.get(a.skillAreaId) ?? '?').join(', ') || 'no areas'}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
          <Panel id="scenarios" title="Sourcing scenarios">
            {t.scenarios.length === 0 ? (
              <EmptyState title="No scenarios yet">
                Scenarios compare in-house, co-managed, hybrid and fully outsourced cost.
              </EmptyState>
            ) : (
              <table className="data-table compact">
                <thead>
                  <tr>
                    <th scope="col">Scenario</th>
                    <th scope="col">Kind</th>
                    <th scope="col" className="num">
                      Horizon
                    </th>
                    <th scope="col" className="num">
                      Discount rate
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...t.scenarios]
                    .sort((a, b) => a.order - b.order)
                    .map((sc) => (
                      <tr key={sc.id}>
                        <th scope="row">{sc.name}</th>
                        <td>{humanize(sc.kind)}</td>
                        <td className="num">{sc.horizonYears} yr</td>
                        <td className="num">{formatPercent(sc.discountRatePct, ws.locale, 1)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            )}
          </Panel>
        </div>
      </div>
    </>
  );
}
