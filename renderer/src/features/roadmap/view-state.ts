/**
 * Roadmap screen state that is not data: which view (kept in the URL hash, so a reload or a link
 * opens the same view), the filter fields as the toolbar holds them, and lane labels.
 */
import type { RoadmapFilter } from '../../../../shared/domain/roadmap/filters';
import type { SwimlaneKey } from '../../../../shared/domain/roadmap/filters';
import type { Bucket, Domain, Health, RoadmapStatus } from '../../../../shared/domain/roadmap/schema';
import { BUCKET_LABELS, DOMAIN_LABELS } from '../../components/labels';

export const ROADMAP_VIEWS = ['list', 'timeline', 'horizons'] as const;
export type RoadmapView = (typeof ROADMAP_VIEWS)[number];

export const VIEW_LABELS: Record<RoadmapView, string> = {
  list: 'List',
  timeline: 'Timeline',
  horizons: 'Now / Next / Later',
};

/** `#/roadmap/timeline` → 'timeline'; anything else → 'list'. */
export function viewFromHash(hash: string): RoadmapView {
  const sub = hash.replace(/^#\/?/, '').split(/[?]/)[0]?.split('/')[1] ?? '';
  return (ROADMAP_VIEWS as readonly string[]).includes(sub) ? (sub as RoadmapView) : 'list';
}

/** The hash of a roadmap view (the list is the plain section address). */
export function hashForView(view: RoadmapView): string {
  return view === 'list' ? '#/roadmap' : `#/roadmap/${view}`;
}

/** The toolbar's filter fields; '' = any. */
export type FilterFields = {
  text: string;
  domain: '' | Domain;
  bucket: '' | Bucket;
  status: '' | RoadmapStatus;
  owner: string;
  health: '' | Health;
  decision: '' | 'yes' | 'no';
};

export const NO_FILTER: FilterFields = {
  text: '',
  domain: '',
  bucket: '',
  status: '',
  owner: '',
  health: '',
  decision: '',
};

/** The shared filter for the toolbar's fields. */
export function toRoadmapFilter(f: FilterFields): RoadmapFilter {
  return {
    text: f.text,
    ...(f.domain ? { domains: [f.domain] } : {}),
    ...(f.bucket ? { buckets: [f.bucket] } : {}),
    ...(f.status ? { statuses: [f.status] } : {}),
    ...(f.owner ? { ownerPartyIds: [f.owner] } : {}),
    ...(f.health ? { healths: [f.health] } : {}),
    ...(f.decision ? { needsDecision: f.decision === 'yes' } : {}),
  };
}

/** How many filter fields narrow the list (for "Clear filters"). */
export function activeFilterCount(f: FilterFields): number {
  return (Object.keys(f) as (keyof FilterFields)[]).filter((k) => f[k].trim() !== '').length;
}

export const SWIMLANE_LABELS: Record<SwimlaneKey, string> = { domain: 'Domain', bucket: 'Bucket', owner: 'Owner' };

/** The heading of a swimlane. */
export function laneLabel(by: SwimlaneKey, key: string, partyName: ReadonlyMap<string, string>): string {
  if (by === 'domain') return DOMAIN_LABELS[key as Domain] ?? key;
  if (by === 'bucket') return BUCKET_LABELS[key as Bucket] ?? key;
  return partyName.get(key) ?? 'Unknown owner';
}
