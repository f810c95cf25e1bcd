/** The roadmap filter bar (shared by the three views): text, domain, bucket, status, owner, health, decision. */
import { BUCKETS, DOMAINS, HEALTHS, ROADMAP_STATUSES } from '../../../../shared/domain/roadmap/schema';
import { BUCKET_LABELS, DOMAIN_LABELS, STATUS_LABELS, humanize } from '../../components/labels';
import { NO_FILTER, activeFilterCount, type FilterFields } from './view-state';

function Select<K extends keyof FilterFields>({
  id,
  label,
  field,
  filter,
  onChange,
  options,
}: {
  id: string;
  label: string;
  field: K;
  filter: FilterFields;
  onChange(patch: Partial<FilterFields>): void;
  options: { value: string; label: string }[];
}) {
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={filter[field]}
        onChange={(e) => onChange({ [field]: e.target.value } as Partial<FilterFields>)}
      >
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function RoadmapFilters({
  filter,
  onChange,
  parties,
  shown,
  total,
}: {
  filter: FilterFields;
  onChange(patch: Partial<FilterFields>): void;
  parties: readonly { id: string; name: string }[];
  shown: number;
  total: number;
}) {
  const active = activeFilterCount(filter);
  const common = { filter, onChange };
  return (
    <div className="toolbar rm-filters" role="search" aria-label="Filter roadmap items">
      <div className="field field-inline">
        <label htmlFor="rm-search">Search</label>
        <input
          id="rm-search"
          type="search"
          value={filter.text}
          placeholder="Title or description"
          onChange={(e) => onChange({ text: e.target.value })}
        />
      </div>
      <Select
        {...common}
        id="rm-domain"
        label="Domain"
        field="domain"
        options={DOMAINS.map((d) => ({ value: d, label: DOMAIN_LABELS[d] }))}
      />
      <Select
        {...common}
        id="rm-bucket"
        label="Bucket"
        field="bucket"
        options={BUCKETS.map((b) => ({ value: b, label: BUCKET_LABELS[b] }))}
      />
      <Select
        {...common}
        id="rm-status"
        label="Status"
        field="status"
        options={ROADMAP_STATUSES.map((st) => ({ value: st, label: STATUS_LABELS[st] }))}
      />
      <Select
        {...common}
        id="rm-owner"
        label="Owner"
        field="owner"
        options={parties.map((p) => ({ value: p.id, label: p.name }))}
      />
      <Select
        {...common}
        id="rm-health"
        label="Health"
        field="health"
        options={HEALTHS.map((h) => ({ value: h, label: humanize(h) }))}
      />
      <Select
        {...common}
        id="rm-decision"
        label="Decision"
        field="decision"
        options={[
          { value: 'yes', label: 'Needs a decision' },
          { value: 'no', label: 'No decision needed' },
        ]}
      />
      {active > 0 ? (
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange(NO_FILTER)}>
          Clear filters ({active})
        </button>
      ) : null}
      <span className="toolbar-count" role="status">
        Showing {shown} of {total}
      </span>
    </div>
  );
}
