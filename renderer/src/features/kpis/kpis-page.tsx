/**
 * KPIs: tiles for the quarter in focus, a trend chart with the target band, the dictionary (every
 * KPI vs target, vs last quarter and vs last year, with RAG as icon and word), ticket imports and
 * the assignment-group → party rules they split by, and every stored value. Values arrive from the
 * ticket import wizard, a snapshot CSV or by hand; every edit can be undone.
 */
import { useMemo, useState } from 'react';
import type { ChartSpec } from '../../../../shared/charts/base';
import { kpiTrendChart } from '../../../../shared/charts/kpi-trend';
import { BUILT_IN_KPIS } from '../../../../shared/domain/kpis/dictionary';
import { compareQuarter } from '../../../../shared/domain/kpis/compare';
import { quarterlyValues } from '../../../../shared/domain/kpis/aggregate';
import type { KpiDefinition, KpiSnapshot } from '../../../../shared/domain/kpis/schema';
import { addQuarters, quarterLabel, quarterRange } from '../../../../shared/domain/periods';
import type { PartyRule } from '../../../../shared/domain/workspace/schema';
import type { TicketImport } from '../../../../shared/domain/tickets/schema';
import { runEdit } from '../../app/actions';
import { useWorkspaceTables } from '../../app/data-hooks';
import { useFocusQuarter } from '../../app/focus-quarter';
import { useServices } from '../../app/services';
import { ChartFigure, type ChartTable } from '../../charts/chart-figure';
import { EmptyState } from '../../components/empty-state';
import { humanize } from '../../components/labels';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { RagBadge } from '../../components/status';
import { TableWrap } from '../../components/table-wrap';
import { VirtualTable, type VirtualColumn } from '../../components/virtual-table';
import { addPartyRule, deletePartyRule, deleteTicketImport } from '../../db/repos/kpis';
import { formatDateTime } from '../../lib/format';
import { formatDelta, formatKpiValue } from '../../lib/kpi-format';
import { kpiRows, type KpiRow } from '../../lib/kpi-view';
import { DeleteKpiDialog, KpiDialog, SnapshotCsvDialog, ValueDialog } from './kpi-dialogs';
import { TicketImportWizard } from './ticket-import-wizard';
import './kpis.css';

const SOURCE_LABEL: Record<KpiSnapshot['source'], string> = {
  manual: 'Manual',
  'ticket-import': 'Ticket import',
  csv: 'CSV',
};

const TILE_KEYS = ['mttr_hours', 'backlog', 'sla_attainment', 'tickets_resolved', 'fcr', 'reopen_rate'];

type Open =
  | { kind: 'wizard' }
  | { kind: 'kpi'; def: KpiDefinition | null }
  | { kind: 'delete-kpi'; def: KpiDefinition }
  | { kind: 'value' }
  | { kind: 'csv'; fileName: string; text: string }
  | null;

const BUILT_IN_ORDER = new Map(BUILT_IN_KPIS.map((k, i) => [k.key, i]));

/** Built-in KPIs in dictionary order, then custom ones by name. */
export function sortDefinitions(defs: readonly KpiDefinition[]): KpiDefinition[] {
  const rank = (d: KpiDefinition): number => BUILT_IN_ORDER.get(d.key) ?? Number.MAX_SAFE_INTEGER;
  return [...defs].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** Axis/tick text of a KPI's unit. */
function axisFormat(def: KpiDefinition, fmt: { locale: string; currency: string }): (v: number) => string {
  return (v) => formatKpiValue(def.unit, v, fmt);
}

export function KpisPage() {
  const s = useServices();
  const data = useWorkspaceTables([
    'kpiDefinitions',
    'kpiSnapshots',
    'parties',
    'partyRules',
    'ticketImports',
    'importMappings',
  ]);
  const fq = useFocusQuarter();
  const [open, setOpen] = useState<Open>(null);
  const [trendKey, setTrendKey] = useState<string | null>(null);
  const rows = useMemo(
    () =>
      data && fq
        ? kpiRows(
            sortDefinitions(data.tables.kpiDefinitions),
            data.tables.kpiSnapshots,
            fq.quarter,
            data.workspace.fiscalYearStartMonth,
          )
        : [],
    [data, fq],
  );
  const chooseCsv = async (): Promise<void> => {
    const res = await s.bridge.openFile({
      filters: [{ name: 'KPI values (CSV)', extensions: ['csv', 'txt'] }],
      maxBytes: 5 * 1024 * 1024,
      as: 'text',
    });
    if (res.canceled) return;
    if ('tooLarge' in res) {
      setOpen({ kind: 'csv', fileName: res.name, text: '' });
      return;
    }
    setOpen({ kind: 'csv', fileName: res.name, text: res.text ?? '' });
  };
  const header = (
    <PageHeader
      title="KPIs"
      subtitle={
        fq
          ? `${quarterLabel(fq.quarter)} vs target, vs ${quarterLabel(addQuarters(fq.quarter, -1))} and vs ${quarterLabel(addQuarters(fq.quarter, -4))}`
          : ' '
      }
      actions={
        data ? (
          <>
            <button type="button" className="btn" onClick={() => setOpen({ kind: 'value' })}>
              Enter a value…
            </button>
            <button type="button" className="btn" onClick={() => void chooseCsv()}>
              Import values (CSV)…
            </button>
            <button type="button" className="btn btn-primary" onClick={() => setOpen({ kind: 'wizard' })}>
              Import tickets…
            </button>
          </>
        ) : null
      }
    />
  );
  if (!data || !fq) return header;
  const ws = data.workspace;
  const fmt = { locale: ws.locale, currency: ws.currency };
  const defs = data.tables.kpiDefinitions;
  const defsByKey = new Map(defs.map((d) => [d.key, d]));
  const partyName = new Map(data.tables.parties.map((p) => [p.id, p.name]));
  const snapshots = [...data.tables.kpiSnapshots].sort(
    (a, b) =>
      b.period.localeCompare(a.period) || a.kpiKey.localeCompare(b.kpiKey) || a.segment.localeCompare(b.segment),
  );
  const segmentLabel = (seg: string): string => {
    if (!seg) return 'Overall';
    if (seg.startsWith('party:')) return `Party: ${partyName.get(seg.slice(6)) ?? seg.slice(6)}`;
    if (seg.startsWith('priority:')) return `Priority ${seg.slice(9)}`;
    return seg;
  };
  const columns: VirtualColumn<KpiSnapshot>[] = [
    { key: 'period', header: 'Period', width: '110px', cell: (x) => x.period },
    { key: 'kpi', header: 'KPI', width: 'minmax(200px, 2fr)', cell: (x) => defsByKey.get(x.kpiKey)?.name ?? x.kpiKey },
    { key: 'segment', header: 'Segment', width: 'minmax(120px, 1fr)', cell: (x) => segmentLabel(x.segment) },
    {
      key: 'value',
      header: 'Value',
      width: '130px',
      numeric: true,
      cell: (x) => formatKpiValue(defsByKey.get(x.kpiKey)?.unit ?? 'count', x.value, fmt),
    },
    {
      key: 'source',
      header: 'Source',
      width: 'minmax(160px, 1.5fr)',
      cell: (x) => (x.provenance ? `${SOURCE_LABEL[x.source]} · ${x.provenance.fileName}` : SOURCE_LABEL[x.source]),
    },
  ];
  const withData = rows.filter((r) => r.value !== null);
  const tiles = TILE_KEYS.map((k) => rows.find((r) => r.def.key === k)).filter((r): r is KpiRow => !!r);
  const trendDef =
    defsByKey.get(trendKey ?? '') ?? tiles.find((t) => t.value !== null)?.def ?? withData[0]?.def ?? rows[0]?.def;
  const valuesFor = (def: KpiDefinition) => quarterlyValues(def, data.tables.kpiSnapshots, ws.fiscalYearStartMonth);
  const snapshotCount = (key: string): number => data.tables.kpiSnapshots.filter((x) => x.kpiKey === key).length;

  return (
    <>
      {header}
      <section aria-labelledby="kpi-tiles-title" className="tiles-section">
        <div className="section-head">
          <h2 id="kpi-tiles-title">Service KPIs in {quarterLabel(fq.quarter)}</h2>
        </div>
        <ul className="tiles kpi-tiles">
          {tiles.map((k) => {
            const d = formatDelta(k.def, k.value, k.previous, fmt);
            return (
              <li key={k.def.id} className="tile" aria-label={k.def.name}>
                <p className="tile-label">{k.def.name}</p>
                <p className="tile-value" data-kpi={k.def.key}>
                  {formatKpiValue(k.def.unit, k.value, fmt)}
                </p>
                <p className="tile-meta">
                  <span>Target {k.def.target === null ? 'none' : formatKpiValue(k.def.unit, k.def.target, fmt)}</span>
                  <span className={`delta delta-${d.tone}`}>
                    {d.tone === 'none' ? '' : `${d.text} vs last quarter`}
                  </span>
                </p>
                {k.value === null ? <span className="muted">No data</span> : <RagBadge rag={k.rag} />}
              </li>
            );
          })}
        </ul>
      </section>

      {trendDef ? (
        <Panel
          id="kpi-trend"
          title="Trend"
          meta="Eight quarters to the quarter in focus, with the target and the amber band"
          actions={
            <label className="inline-select">
              <span>KPI</span>
              <select value={trendDef.key} onChange={(e) => setTrendKey(e.target.value)}>
                {rows.map(({ def: d }) => (
                  <option key={d.id} value={d.key}>
                    {d.name}
                  </option>
                ))}
              </select>
            </label>
          }
        >
          <TrendChart def={trendDef} values={valuesFor(trendDef)} quarter={fq.quarter} fmt={fmt} />
        </Panel>
      ) : null}

      <Panel
        id="kpi-dictionary"
        title="KPI dictionary"
        meta={`${rows.length} KPIs`}
        actions={
          <button type="button" className="btn btn-sm" onClick={() => setOpen({ kind: 'kpi', def: null })}>
            Add a KPI…
          </button>
        }
      >
        <TableWrap label="KPI dictionary">
          <table className="data-table kpi-dict">
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
                  vs target
                </th>
                <th scope="col" className="num">
                  vs last quarter
                </th>
                <th scope="col" className="num">
                  vs last year
                </th>
                <th scope="col">Benchmark</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const cmp = compareQuarter(r.def, valuesFor(r.def), fq.quarter);
                const dt = formatDelta(r.def, cmp.value, cmp.vsTarget?.reference ?? null, fmt);
                const dq = formatDelta(r.def, cmp.value, cmp.vsPrevious?.reference ?? null, fmt);
                const dy = formatDelta(r.def, cmp.value, cmp.vsLastYear?.reference ?? null, fmt);
                return (
                  <tr key={r.def.id}>
                    <th scope="row" className="cell-title">
                      <span>
                        {r.def.name}
                        {r.def.builtIn ? null : <span className="kpi-custom"> · custom</span>}
                      </span>
                      <span className="cell-sub">
                        {humanize(r.def.group)} · {r.def.unit} · quarter: {humanize(r.def.aggregation)} ·{' '}
                        {r.def.definition}
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
                      {r.def.amberThreshold !== null ? (
                        <span className="cell-sub">
                          amber to {formatKpiValue(r.def.unit, r.def.amberThreshold, fmt)}
                        </span>
                      ) : null}
                    </td>
                    <td>{r.value === null ? <span className="muted">No data</span> : <RagBadge rag={r.rag} />}</td>
                    <td className={`num delta-${dt.tone}`}>{dt.text}</td>
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
                    <td className="row-actions">
                      {r.def.builtIn ? null : (
                        <>
                          <button
                            type="button"
                            className="btn btn-ghost btn-sm"
                            onClick={() => setOpen({ kind: 'kpi', def: r.def })}
                          >
                            Edit<span className="visually-hidden"> {r.def.name}</span>
                          </button>
                          <button
                            type="button"
                            className="btn btn-ghost btn-sm btn-danger-text"
                            onClick={() => setOpen({ kind: 'delete-kpi', def: r.def })}
                          >
                            Delete<span className="visually-hidden"> {r.def.name}</span>
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      </Panel>

      <div className="kpi-columns">
        <Panel id="ticket-imports" title="Ticket imports" meta={`${data.tables.ticketImports.length} imports`}>
          <ImportList imports={data.tables.ticketImports} locale={ws.locale} />
        </Panel>
        <Panel id="party-rules" title="Assignment group → party" meta="First match wins; used by the next import">
          <PartyRules
            workspaceId={ws.id}
            rules={data.tables.partyRules}
            parties={data.tables.parties.map((p) => ({ id: p.id, name: p.name }))}
          />
        </Panel>
      </div>

      <Panel id="kpi-values" title="Stored values" meta={`${snapshots.length} values, newest first`}>
        {snapshots.length === 0 ? (
          <EmptyState title="No KPI values yet">
            Import a ticket export, import a CSV of values or enter a value by hand; each keeps where it came from.
          </EmptyState>
        ) : (
          <VirtualTable rows={snapshots} columns={columns} label="Stored KPI values" rowKey={(x) => x.id} />
        )}
      </Panel>

      {open?.kind === 'wizard' ? (
        <TicketImportWizard
          workspaceId={ws.id}
          fiscalStartMonth={ws.fiscalYearStartMonth}
          parties={data.tables.parties}
          partyRules={data.tables.partyRules}
          mappings={data.tables.importMappings}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open?.kind === 'kpi' ? (
        <KpiDialog
          workspaceId={ws.id}
          def={open.def}
          otherKeys={defs.filter((d) => d.id !== open.def?.id).map((d) => d.key)}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open?.kind === 'delete-kpi' ? (
        <DeleteKpiDialog def={open.def} values={snapshotCount(open.def.key)} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'value' ? (
        <ValueDialog workspaceId={ws.id} defs={defs} defaultPeriod={fq.quarter} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'csv' ? (
        <SnapshotCsvDialog
          workspaceId={ws.id}
          fileName={open.fileName}
          text={open.text}
          defs={defs}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </>
  );
}

function TrendChart({
  def,
  values,
  quarter,
  fmt,
}: {
  def: KpiDefinition;
  values: Map<string, { value: number }>;
  quarter: string;
  fmt: { locale: string; currency: string };
}) {
  const quarters = quarterRange(addQuarters(quarter, -7), quarter);
  const series = quarters.map((q) => values.get(q)?.value ?? null);
  const spec: ChartSpec = {
    id: `kpi-trend-${def.key}`,
    title: `${def.name} by quarter, ${quarterLabel(quarters[0]!)} to ${quarterLabel(quarter)}, with target`,
    config: kpiTrendChart({
      name: def.name,
      labels: quarters.map((q) => q.replace('-', ' ')),
      values: series,
      target: def.target,
      amberThreshold: def.amberThreshold,
      format: axisFormat(def, fmt),
      ...(def.unit === 'percent' ? { max: 100 } : {}),
    }),
    width: 760,
    height: 260,
  };
  const table: ChartTable = {
    columns: ['Quarter', def.name, 'Target'],
    rows: quarters.map((q, i) => [
      quarterLabel(q),
      series[i] === null ? null : formatKpiValue(def.unit, series[i]!, fmt),
      def.target === null ? null : formatKpiValue(def.unit, def.target, fmt),
    ]),
  };
  if (series.every((v) => v === null)) {
    return (
      <EmptyState title={`No values for ${def.name} in these quarters`}>
        Import tickets or values, or enter a value by hand.
      </EmptyState>
    );
  }
  return <ChartFigure spec={spec} table={table} />;
}

function ImportList({ imports, locale }: { imports: readonly TicketImport[]; locale: string }) {
  const s = useServices();
  if (imports.length === 0) {
    return (
      <EmptyState title="No ticket imports yet">
        Use “Import tickets…” with a CSV export of your ticket system; KPIs per month and quarter are computed from it.
      </EmptyState>
    );
  }
  const sorted = [...imports].sort((a, b) => b.importedAt.localeCompare(a.importedAt));
  return (
    <TableWrap label="Ticket imports">
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Imported</th>
            <th scope="col" className="num">
              Rows
            </th>
            <th scope="col" className="num">
              Tickets
            </th>
            <th scope="col" className="num">
              Rejected
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((imp) => {
            const issues = Object.entries(imp.dataIssues)
              .map(([k, v]) => `${humanize(k)}: ${v}`)
              .join(', ');
            return (
              <tr key={imp.id}>
                <th scope="row" className="cell-title">
                  <span>{imp.fileName}</span>
                  <span className="cell-sub">
                    {imp.preset}
                    {issues ? ` · ${issues}` : ''}
                  </span>
                </th>
                <td>{formatDateTime(imp.importedAt, locale)}</td>
                <td className="num">{imp.rowsRead.toLocaleString(locale)}</td>
                <td className="num">{imp.tickets.toLocaleString(locale)}</td>
                <td className="num">{imp.rowsRejected.toLocaleString(locale)}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="btn btn-ghost btn-sm btn-danger-text"
                    onClick={() => void runEdit(s, () => deleteTicketImport(s.db, imp), { undoable: true })}
                  >
                    Remove<span className="visually-hidden"> import {imp.fileName}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

function PartyRules({
  workspaceId,
  rules,
  parties,
}: {
  workspaceId: string;
  rules: readonly PartyRule[];
  parties: { id: string; name: string }[];
}) {
  const s = useServices();
  const [pattern, setPattern] = useState('');
  const [partyId, setPartyId] = useState(parties[0]?.id ?? '');
  const sorted = [...rules].sort((a, b) => a.order - b.order);
  const name = new Map(parties.map((p) => [p.id, p.name]));
  return (
    <>
      {sorted.length === 0 ? (
        <p className="muted">No rules: imported tickets are not split by party.</p>
      ) : (
        <TableWrap label="Party rules">
          <table className="data-table compact">
            <thead>
              <tr>
                <th scope="col">Group contains</th>
                <th scope="col">Party</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.pattern}</th>
                  <td>{name.get(r.partyId) ?? '—'}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm btn-danger-text"
                      onClick={() => void runEdit(s, () => deletePartyRule(s.db, r), { undoable: true })}
                    >
                      Remove<span className="visually-hidden"> rule {r.pattern}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <form
        className="party-rule-form"
        onSubmit={(e) => {
          e.preventDefault();
          void runEdit(s, () => addPartyRule(s.db, workspaceId, pattern, partyId, s.ctx), { undoable: true }).then(
            (ok) => ok && setPattern(''),
          );
        }}
      >
        <label>
          <span>Group contains</span>
          <input value={pattern} onChange={(e) => setPattern(e.target.value)} />
        </label>
        <label>
          <span>Party</span>
          <select value={partyId} onChange={(e) => setPartyId(e.target.value)}>
            {parties.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn-sm">
          Add rule
        </button>
      </form>
    </>
  );
}
