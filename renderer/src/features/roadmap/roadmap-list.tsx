/**
 * List view: a sortable table of the filtered items. The title opens the item's details (cost
 * per quarter, dependencies, decision, move buttons); Edit and Delete act on the row (undoable).
 */
import { itemTotalCost } from '../../../../shared/domain/roadmap/costs';
import { BUCKET_LABELS, DOMAIN_LABELS, STATUS_LABELS } from '../../components/labels';
import { SortHeader } from '../../components/sort-header';
import { HealthBadge, Pill } from '../../components/status';
import { TableWrap } from '../../components/table-wrap';
import type { RoadmapItemRecord } from '../../db/records';
import { formatMoney, formatMonth, type MoneyFormat } from '../../lib/format';
import type { RoadmapSortKey, SortDir } from '../../state/store';
import { STATUS_TONE } from './status-tone';

export function RoadmapList({
  rows,
  sort,
  onSort,
  conflictIds,
  partyName,
  selectedId,
  detailsId,
  fmt,
  locale,
  readOnly,
  onSelect,
  onEdit,
  onDelete,
}: {
  rows: readonly RoadmapItemRecord[];
  sort: { key: RoadmapSortKey; dir: SortDir };
  onSort(key: RoadmapSortKey): void;
  conflictIds: ReadonlySet<string>;
  partyName: ReadonlyMap<string, string>;
  selectedId: string | null;
  detailsId: string;
  fmt: MoneyFormat;
  locale: string;
  readOnly: boolean;
  onSelect(id: string): void;
  onEdit(item: RoadmapItemRecord): void;
  onDelete(item: RoadmapItemRecord): void;
}) {
  // With the details panel open, the columns it repeats give way so the table still fits.
  const compact = selectedId !== null && rows.some((r) => r.id === selectedId);
  const th = (key: RoadmapSortKey, label: string, numeric = false) => (
    <SortHeader label={label} active={sort.key === key} dir={sort.dir} onSort={() => onSort(key)} numeric={numeric} />
  );
  return (
    <TableWrap label="Roadmap items">
      <table className="data-table rm-table">
        <caption className="visually-hidden">Roadmap items; choose a title to see its cost per quarter</caption>
        <thead>
          <tr>
            {th('title', 'Title')}
            {compact ? null : th('domain', 'Domain')}
            {compact ? null : th('bucket', 'Bucket')}
            {th('status', 'Status')}
            {th('health', 'Health')}
            {th('start', 'Start – end')}
            {compact ? null : th('owner', 'Owner')}
            {th('cost', 'Lifetime cost', true)}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={i.id} className={i.id === selectedId ? 'rm-row-selected' : undefined}>
              <th scope="row" className="cell-title">
                <button
                  type="button"
                  className="rm-link rm-title-button"
                  data-select-id={i.id}
                  onClick={() => onSelect(i.id)}
                  aria-expanded={i.id === selectedId}
                  aria-controls={i.id === selectedId ? detailsId : undefined}
                >
                  {i.title}
                </button>
                {i.needsDecision ? <Pill tone="amber">Decision needed</Pill> : null}
                {conflictIds.has(i.id) ? <Pill tone="red">Dependency</Pill> : null}
              </th>
              {compact ? null : <td>{DOMAIN_LABELS[i.domain]}</td>}
              {compact ? null : <td>{BUCKET_LABELS[i.bucket]}</td>}
              <td>
                <Pill tone={STATUS_TONE[i.status]}>{STATUS_LABELS[i.status]}</Pill>
              </td>
              <td>
                <HealthBadge health={i.health} />
              </td>
              <td className="nowrap">
                {formatMonth(i.startMonth, locale)} – {formatMonth(i.endMonth, locale)}
              </td>
              {compact ? null : <td>{partyName.get(i.ownerPartyId) ?? '—'}</td>}
              <td className="num">{formatMoney(itemTotalCost(i).total, fmt, { whole: true })}</td>
              <td className="row-actions">
                <button
                  type="button"
                  className="btn btn-ghost btn-sm"
                  onClick={() => onEdit(i)}
                  aria-label={`Edit “${i.title}”`}
                  disabled={readOnly}
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="btn btn-ghost btn-sm btn-danger-text"
                  onClick={() => onDelete(i)}
                  aria-label={`Delete “${i.title}”`}
                  disabled={readOnly}
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
  );
}
