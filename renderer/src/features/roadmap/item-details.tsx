/**
 * Details of the selected roadmap item, beside the list or timeline: status and health in words,
 * dates, owner, dependencies and their warnings, the decision asked for, its cost per fiscal
 * quarter, and buttons to move it by a month or a quarter, edit or delete it.
 */
import type { DependencyConflict } from '../../../../shared/domain/roadmap/dependencies';
import { itemCostPerQuarter, itemTotalCost, opexWindow } from '../../../../shared/domain/roadmap/costs';
import { monthRange, quarterLabel } from '../../../../shared/domain/periods';
import { BUCKET_LABELS, DOMAIN_LABELS, STATUS_LABELS } from '../../components/labels';
import { HealthBadge, Pill } from '../../components/status';
import type { RoadmapItemRecord } from '../../db/records';
import { formatMoney, formatMonth, type MoneyFormat } from '../../lib/format';
import { STATUS_TONE } from './status-tone';

// Two columns: earlier on the left, later on the right; quarters above months.
const MOVES: { delta: number; text: string }[] = [
  { delta: -3, text: '1 quarter earlier' },
  { delta: 3, text: '1 quarter later' },
  { delta: -1, text: '1 month earlier' },
  { delta: 1, text: '1 month later' },
];

export function ItemDetails({
  id,
  item,
  items,
  conflicts,
  partyName,
  fiscalStartMonth,
  fmt,
  locale,
  readOnly,
  onClose,
  onMove,
  onEdit,
  onDelete,
  onSelect,
}: {
  id: string;
  item: RoadmapItemRecord;
  items: readonly RoadmapItemRecord[];
  conflicts: readonly DependencyConflict[];
  partyName: ReadonlyMap<string, string>;
  fiscalStartMonth: number;
  fmt: MoneyFormat;
  locale: string;
  readOnly: boolean;
  onClose(): void;
  onMove(item: RoadmapItemRecord, delta: number): void;
  onEdit(item: RoadmapItemRecord): void;
  onDelete(item: RoadmapItemRecord): void;
  onSelect(id: string): void;
}) {
  const money = (m: number) => formatMoney(m, fmt, { whole: true });
  const perQuarter = itemCostPerQuarter(item, fiscalStartMonth);
  const total = itemTotalCost(item);
  const titleOf = new Map(items.map((i) => [i.id, i.title]));
  const mine = conflicts.filter((c) => c.itemId === item.id);
  const dependents = items.filter((i) => i.dependsOn.includes(item.id));
  const opex = opexWindow(item);
  const months = monthRange(item.startMonth, item.endMonth).length;
  const headingId = `rm-details-${item.id}`;

  return (
    <aside
      id={id}
      className="rm-details"
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div className="rm-details-head">
        <h2 id={headingId}>{item.title}</h2>
        <button
          type="button"
          className="btn btn-ghost btn-sm btn-icon"
          onClick={onClose}
          aria-label={`Close details of “${item.title}”`}
        >
          ×
        </button>
      </div>
      <div className="rm-details-badges">
        <Pill tone={STATUS_TONE[item.status]}>{STATUS_LABELS[item.status]}</Pill>
        <HealthBadge health={item.health} />
        {item.needsDecision ? <Pill tone="amber">Decision needed</Pill> : null}
        {mine.length ? <Pill tone="red">Dependency warning</Pill> : null}
      </div>
      {item.description ? <p className="rm-details-desc">{item.description}</p> : null}

      <dl className="facts rm-details-facts">
        <dt>Runs</dt>
        <dd>
          {formatMonth(item.startMonth, locale)} – {formatMonth(item.endMonth, locale)} ({months} month
          {months === 1 ? '' : 's'})
        </dd>
        <dt>Owner</dt>
        <dd>{partyName.get(item.ownerPartyId) ?? '—'}</dd>
        <dt>Domain</dt>
        <dd>
          {DOMAIN_LABELS[item.domain]} · {BUCKET_LABELS[item.bucket]}
        </dd>
        <dt>Priority</dt>
        <dd>
          {item.priority} · {item.progressPct}% done
        </dd>
        {item.opexMonthly > 0 ? (
          <>
            <dt>Recurring</dt>
            <dd>
              {money(item.opexMonthly)} a month, {formatMonth(opex.from, locale)} – {formatMonth(opex.to, locale)}
            </dd>
          </>
        ) : null}
      </dl>

      <div className="rm-move" role="group" aria-label={`Move “${item.title}”`}>
        <span className="rm-move-label">Move</span>
        {MOVES.map((m) => (
          <button
            key={m.delta}
            type="button"
            className="btn btn-sm"
            disabled={readOnly}
            onClick={() => onMove(item, m.delta)}
            aria-label={`Move “${item.title}” ${m.text}`}
          >
            {m.delta < 0 ? '← ' : ''}
            {m.text}
            {m.delta > 0 ? ' →' : ''}
          </button>
        ))}
      </div>

      {item.needsDecision ? (
        <div className="rm-decision">
          <h3 className="subhead">Decision needed</h3>
          <p>{item.decisionText || '—'}</p>
          {item.recommendedOption ? (
            <p>
              <span className="strong">Recommended: </span>
              {item.recommendedOption}
            </p>
          ) : null}
        </div>
      ) : null}

      <h3 className="subhead">Cost per quarter</h3>
      {perQuarter.length === 0 ? (
        <p className="muted small">No costs: this item has no one-time or recurring amount.</p>
      ) : (
        <table className="data-table compact rm-cost-table">
          <caption className="visually-hidden">
            Cost of “{item.title}” per fiscal quarter: one-time capex and recurring opex
          </caption>
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              <th scope="col" className="num">
                <abbr title="One-time capital cost">Capex</abbr>
              </th>
              <th scope="col" className="num">
                <abbr title="Recurring operating cost">Opex</abbr>
              </th>
              <th scope="col" className="num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {perQuarter.map((q) => (
              <tr key={q.quarter}>
                <th scope="row">{quarterLabel(q.quarter)}</th>
                <td className="num">{q.capex ? money(q.capex) : '—'}</td>
                <td className="num">{q.opex ? money(q.opex) : '—'}</td>
                <td className="num">{money(q.total)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Lifetime</th>
              <td className="num">{money(total.capex)}</td>
              <td className="num">{money(total.opex)}</td>
              <td className="num">{money(total.total)}</td>
            </tr>
          </tfoot>
        </table>
      )}

      <h3 className="subhead">Dependencies</h3>
      {item.dependsOn.length === 0 && dependents.length === 0 ? (
        <p className="muted small">None.</p>
      ) : (
        <ul className="plain-list rm-deps">
          {item.dependsOn.map((d) => (
            <li key={d}>
              Depends on{' '}
              {titleOf.has(d) ? (
                <button type="button" className="rm-link" onClick={() => onSelect(d)}>
                  {titleOf.get(d)}
                </button>
              ) : (
                <span className="muted">a deleted item</span>
              )}
            </li>
          ))}
          {dependents.map((d) => (
            <li key={d.id}>
              Needed by{' '}
              <button type="button" className="rm-link" onClick={() => onSelect(d.id)}>
                {d.title}
              </button>
            </li>
          ))}
        </ul>
      )}
      {mine.map((c, i) => (
        <p key={i} className="notice notice-warn rm-details-warn">
          {c.message}
        </p>
      ))}

      <div className="rm-details-actions">
        <button type="button" className="btn btn-sm" onClick={() => onEdit(item)} disabled={readOnly}>
          Edit
        </button>
        <button type="button" className="btn btn-sm btn-danger-text" onClick={() => onDelete(item)} disabled={readOnly}>
          Delete
        </button>
      </div>
    </aside>
  );
}
