/**
 * KPIs: the dictionary with each KPI's value in the quarter in focus, compared with its target, the
 * quarter before and the same quarter last year; then every stored value (virtualised).
 */
import { TableWrap } from '../../components/table-wrap';
import { useMemo } from 'react';
import { addQuarters, quarterLabel } from '../../../../shared/domain/periods';
import type { KpiSnapshot } from '../../../../shared/domain/kpis/schema';
import { useWorkspaceTables } from '../../app/data-hooks';
import { useFocusQuarter } from '../../app/focus-quarter';
import { EmptyState } from '../../components/empty-state';
import { humanize } from '../../components/labels';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { RagBadge } from '../../components/status';
import { VirtualTable, type VirtualColumn } from '../../components/virtual-table';
import { formatKpiValue, formatDelta } from '../../lib/kpi-format';
import { kpiRows } from '../../lib/kpi-view';

const SOURCE_LABEL: Record<KpiSnapshot['source'], string> = {
  manual: 'Manual',
  'ticket-import': 'Ticket import',
  csv: 'CSV',
};

export function KpisPage() {
  const data = useWorkspaceTables(['kpiDefinitions', 'kpiSnapshots']);
  const fq = useFocusQuarter();
  const rows = useMemo(
    () =>
      data && fq
        ? kpiRows(data.tables.kpiDefinitions, data.tables.kpiSnapshots, fq.quarter, data.workspace.fiscalYearStartMonth)
        : [],
    [data, fq],
  );
  const header = (
    <PageHeader
      title="KPIs"
      subtitle={
        fq
          ? `${quarterLabel(fq.quarter)} vs target, vs ${quarterLabel(addQuarters(fq.quarter, -1))} and vs ${quarterLabel(addQuarters(fq.quarter, -4))}`
          : ' '
      }
    />
  );
  if (!data || !fq) return header;
  const ws = data.workspace;
  const fmt = { locale: ws.locale, currency: ws.currency };
  const defsByKey = new Map(data.tables.kpiDefinitions.map((d) => [d.key, d]));
  const snapshots = [...data.tables.kpiSnapshots].sort(
    (a, b) =>
      b.period.localeCompare(a.period) || a.kpiKey.localeCompare(b.kpiKey) || a.segment.localeCompare(b.segment),
  );
  const columns: VirtualColumn<KpiSnapshot>[] = [
    { key: 'period', header: 'Period', width: '110px', cell: (s) => s.period },
    { key: 'kpi', header: 'KPI', width: 'minmax(200px, 2fr)', cell: (s) => defsByKey.get(s.kpiKey)?.name ?? s.kpiKey },
    { key: 'segment', header: 'Segment', width: 'minmax(100px, 1fr)', cell: (s) => s.segment || 'Overall' },
    {
      key: 'value',
      header: 'Value',
      width: '130px',
      numeric: true,
      cell: (s) => formatKpiValue(defsByKey.get(s.kpiKey)?.unit ?? 'count', s.value, fmt),
    },
    { key: 'source', header: 'Source', width: '130px', cell: (s) => SOURCE_LABEL[s.source] },
  ];

  return (
    <>
      {header}
      <Panel id="kpi-dictionary" title="KPI dictionary" meta={`${rows.length} KPIs`}>
        {rows.length === 0 ? (
          <EmptyState title="No KPIs defined" />
        ) : (
          <TableWrap label="KPI dictionary">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">KPI</th>
                  <th scope="col">Better</th>
                  <th scope="col" className="num">
                    {quarterLabel(fq.quarter)}
                  </th>
                  <th scope="col" className="num">
                    Target
                  </th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    vs last quarter
                  </th>
                  <th scope="col" className="num">
                    vs last year
                  </th>
                  <th scope="col">Benchmark</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const dq = formatDelta(r.def, r.value, r.previous, fmt);
                  const dy = formatDelta(r.def, r.value, r.lastYear, fmt);
                  return (
                    <tr key={r.def.id}>
                      <th scope="row" className="cell-title">
                        <span>{r.def.name}</span>
                        <span className="cell-sub">
                          {humanize(r.def.group)} · {r.def.definition}
                        </span>
                      </th>
                      <td>{r.def.direction === 'higher' ? 'Higher' : 'Lower'}</td>
                      <td className="num strong">
                        {formatKpiValue(r.def.unit, r.value, fmt)}
                        {r.value !== null && r.months < 3 && r.months > 0 ? (
                          <span className="cell-sub">{r.months} of 3 months</span>
                        ) : null}
                      </td>
                      <td className="num">
                        {r.def.target === null ? '—' : formatKpiValue(r.def.unit, r.def.target, fmt)}
                      </td>
                      <td>{r.value === null ? <span className="muted">No data</span> : <RagBadge rag={r.rag} />}</td>
                      <td className={`num delta-${dq.tone}`}>{dq.text}</td>
                      <td className={`num delta-${dy.tone}`}>{dy.text}</td>
                      <td className="cell-benchmark">
                        {r.def.benchmark ? (
                          <>
                            <span>{r.def.benchmark.text}</span>
                            <span className="cell-sub">Source: {r.def.benchmark.source}</span>
                          </>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Panel>
      <Panel id="kpi-values" title="Stored values" meta={`${snapshots.length} values, newest first`}>
        {snapshots.length === 0 ? (
          <EmptyState title="No KPI values yet">
            Values come from ticket imports, CSV files or manual entry; each keeps where it came from.
          </EmptyState>
        ) : (
          <VirtualTable rows={snapshots} columns={columns} label="Stored KPI values" rowKey={(s) => s.id} />
        )}
      </Panel>
    </>
  );
}
