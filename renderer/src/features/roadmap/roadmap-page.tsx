/**
 * Roadmap: a sortable, filterable table of the workspace's items (domain, bucket, status, health,
 * start–end, owner, lifetime cost), with create, edit and delete (undoable).
 */
import { TableWrap } from '../../components/table-wrap';
import { useMemo } from 'react';
import { dependencyConflicts } from '../../../../shared/domain/roadmap/dependencies';
import { itemTotalCost } from '../../../../shared/domain/roadmap/costs';
import { filterRoadmap, sortRoadmap, statusCounts } from '../../../../shared/domain/roadmap/filters';
import { DOMAINS, ROADMAP_STATUSES, type RoadmapItem } from '../../../../shared/domain/roadmap/schema';
import { runEdit } from '../../app/actions';
import { useWorkspaceTables } from '../../app/data-hooks';
import { useServices } from '../../app/services';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { BUCKET_LABELS, DOMAIN_LABELS, STATUS_LABELS } from '../../components/labels';
import { HealthBadge, Pill } from '../../components/status';
import { SortHeader } from '../../components/sort-header';
import { deleteRoadmapItem } from '../../db/repos/roadmap';
import { formatMoney, formatMonth } from '../../lib/format';
import { useUi, type RoadmapSortKey } from '../../state/store';

const STATUS_TONE: Record<RoadmapItem['status'], 'neutral' | 'accent' | 'green' | 'amber' | 'red'> = {
  proposed: 'neutral',
  approved: 'accent',
  'in-progress': 'accent',
  blocked: 'red',
  done: 'green',
  cancelled: 'neutral',
};

export function RoadmapPage() {
  const s = useServices();
  const data = useWorkspaceTables(['roadmapItems', 'parties']);
  const sort = useUi((st) => st.roadmapSort);
  const setSort = useUi((st) => st.setRoadmapSort);
  const filter = useUi((st) => st.roadmapFilter);
  const setFilter = useUi((st) => st.setRoadmapFilter);
  const openDialog = useUi((st) => st.openDialog);

  const items = data?.tables.roadmapItems;
  const parties = data?.tables.parties;
  // Long party names take their short form in the dense table (e.g. "Harborline").
  const partyName = useMemo(
    () => new Map((parties ?? []).map((p) => [p.id, p.name.length <= 18 || !p.shortName ? p.name : p.shortName])),
    [parties],
  );
  const conflicts = useMemo(() => (items ? dependencyConflicts(items) : []), [items]);
  const conflictIds = useMemo(() => new Set(conflicts.map((c) => c.itemId)), [conflicts]);

  const rows = useMemo(() => {
    if (!items) return [];
    const filtered = filterRoadmap(items, {
      text: filter.text,
      ...(filter.status ? { statuses: [filter.status as RoadmapItem['status']] } : {}),
      ...(filter.domain ? { domains: [filter.domain as RoadmapItem['domain']] } : {}),
    });
    if (sort.key === 'owner' || sort.key === 'cost') {
      const sign = sort.dir === 'asc' ? 1 : -1;
      const val = (i: RoadmapItem) =>
        sort.key === 'owner' ? (partyName.get(i.ownerPartyId) ?? '') : itemTotalCost(i).total;
      return [...filtered].sort((a, b) => {
        const va = val(a);
        const vb = val(b);
        const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
        return sign * c || a.startMonth.localeCompare(b.startMonth) || a.title.localeCompare(b.title);
      });
    }
    return sortRoadmap(filtered, sort.key, sort.dir);
  }, [items, filter, sort, partyName]);

  const header = (
    <PageHeader
      title="Roadmap"
      subtitle={
        items
          ? `${items.length} item${items.length === 1 ? '' : 's'} · Run, Grow, Transform and Protect work across domains`
          : ' '
      }
      actions={
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => openDialog({ kind: 'roadmap-item', itemId: null })}
          disabled={!!s.readOnlyReason}
        >
          New roadmap item
        </button>
      }
    />
  );
  if (!data) return header;
  const ws = data.workspace;
  const fmt = { locale: ws.locale, currency: ws.currency };
  const counts = statusCounts(items ?? []);

  const onDelete = (item: RoadmapItem) =>
    void runEdit(s, () => deleteRoadmapItem(s.db, item.id), { toast: `Deleted “${item.title}”`, undoable: true });

  const th = (key: RoadmapSortKey, label: string, numeric = false) => (
    <SortHeader label={label} active={sort.key === key} dir={sort.dir} onSort={() => setSort(key)} numeric={numeric} />
  );

  return (
    <>
      {header}
      {items && items.length === 0 ? (
        <EmptyState
          title="No roadmap items yet"
          action={
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => openDialog({ kind: 'roadmap-item', itemId: null })}
              disabled={!!s.readOnlyReason}
            >
              New roadmap item
            </button>
          }
        >
          Add the projects and recurring work you plan: each item carries its domain, bucket, dates, owner and cost, and
          feeds the budget forecast and the QBR deck.
        </EmptyState>
      ) : (
        <section className="panel" aria-labelledby="roadmap-list-title">
          <div className="panel-head">
            <h2 id="roadmap-list-title">Items</h2>
            <span className="panel-meta">
              {ROADMAP_STATUSES.filter((st) => counts[st] > 0)
                .map((st) => `${counts[st]} ${STATUS_LABELS[st].toLowerCase()}`)
                .join(' · ')}
            </span>
          </div>
          <div className="toolbar" role="search" aria-label="Filter roadmap items">
            <div className="field field-inline">
              <label htmlFor="rm-search">Search</label>
              <input
                id="rm-search"
                type="search"
                value={filter.text}
                placeholder="Title or description"
                onChange={(e) => setFilter({ text: e.target.value })}
              />
            </div>
            <div className="field field-inline">
              <label htmlFor="rm-status">Status</label>
              <select id="rm-status" value={filter.status} onChange={(e) => setFilter({ status: e.target.value })}>
                <option value="">All</option>
                {ROADMAP_STATUSES.map((st) => (
                  <option key={st} value={st}>
                    {STATUS_LABELS[st]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field field-inline">
              <label htmlFor="rm-domain">Domain</label>
              <select id="rm-domain" value={filter.domain} onChange={(e) => setFilter({ domain: e.target.value })}>
                <option value="">All</option>
                {DOMAINS.map((d) => (
                  <option key={d} value={d}>
                    {DOMAIN_LABELS[d]}
                  </option>
                ))}
              </select>
            </div>
            <span className="toolbar-count" role="status">
              Showing {rows.length} of {items?.length ?? 0}
            </span>
          </div>
          {conflicts.length ? (
            <p className="notice notice-warn">
              {conflicts.length} dependency warning{conflicts.length === 1 ? '' : 's'}: an item starts before something
              it depends on ends. Affected items are marked “Dependency”.
            </p>
          ) : null}
          <TableWrap label="Roadmap items">
            <table className="data-table" aria-describedby="roadmap-list-title">
              <thead>
                <tr>
                  {th('title', 'Title')}
                  {th('domain', 'Domain')}
                  {th('bucket', 'Bucket')}
                  {th('status', 'Status')}
                  {th('health', 'Health')}
                  {th('start', 'Start – end')}
                  {th('owner', 'Owner')}
                  {th('cost', 'Lifetime cost', true)}
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((i) => (
                  <tr key={i.id}>
                    <th scope="row" className="cell-title">
                      <span>{i.title}</span>
                      {i.needsDecision ? <Pill tone="amber">Decision needed</Pill> : null}
                      {conflictIds.has(i.id) ? <Pill tone="red">Dependency</Pill> : null}
                    </th>
                    <td>{DOMAIN_LABELS[i.domain]}</td>
                    <td>{BUCKET_LABELS[i.bucket]}</td>
                    <td>
                      <Pill tone={STATUS_TONE[i.status]}>{STATUS_LABELS[i.status]}</Pill>
                    </td>
                    <td>
                      <HealthBadge health={i.health} />
                    </td>
                    <td className="nowrap">
                      {formatMonth(i.startMonth, ws.locale)} – {formatMonth(i.endMonth, ws.locale)}
                    </td>
                    <td>{partyName.get(i.ownerPartyId) ?? '—'}</td>
                    <td className="num">{formatMoney(itemTotalCost(i).total, fmt, { whole: true })}</td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="btn btn-ghost btn-sm"
                        onClick={() => openDialog({ kind: 'roadmap-item', itemId: i.id })}
                        aria-label={`Edit “${i.title}”`}
                        disabled={!!s.readOnlyReason}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="btn btn-ghost btn-sm btn-danger-text"
                        onClick={() => onDelete(i)}
                        aria-label={`Delete “${i.title}”`}
                        disabled={!!s.readOnlyReason}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length === 0 ? <p className="table-empty">No items match these filters.</p> : null}
          </TableWrap>
        </section>
      )}
    </>
  );
}
