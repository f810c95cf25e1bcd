/** Roadmap list filters, sorts and swimlanes (SPEC §3.3): pure functions over items. */
import { BUCKETS, DOMAINS, ROADMAP_STATUSES, type RoadmapItem } from './schema';

export type RoadmapFilter = {
  domains?: readonly RoadmapItem['domain'][];
  buckets?: readonly RoadmapItem['bucket'][];
  statuses?: readonly RoadmapItem['status'][];
  ownerPartyIds?: readonly string[];
  healths?: readonly RoadmapItem['health'][];
  /** true = only items needing a decision; false = only items not needing one; undefined = all. */
  needsDecision?: boolean;
  /** Case-insensitive text found in the title or description. */
  text?: string;
};

/** Items matching every given criterion; an empty or missing list means "any". */
export function filterRoadmap<T extends RoadmapItem>(items: readonly T[], filter: RoadmapFilter): T[] {
  const text = filter.text?.trim().toLocaleLowerCase() ?? '';
  const any = <V>(list: readonly V[] | undefined, v: V): boolean => !list || list.length === 0 || list.includes(v);
  return items.filter(
    (i) =>
      any(filter.domains, i.domain) &&
      any(filter.buckets, i.bucket) &&
      any(filter.statuses, i.status) &&
      any(filter.ownerPartyIds, i.ownerPartyId) &&
      any(filter.healths, i.health) &&
      (filter.needsDecision === undefined || i.needsDecision === filter.needsDecision) &&
      (text === '' || i.title.toLocaleLowerCase().includes(text) || i.description.toLocaleLowerCase().includes(text)),
  );
}

export const ROADMAP_SORT_KEYS = [
  'start',
  'end',
  'priority',
  'title',
  'status',
  'health',
  'domain',
  'bucket',
  'progress',
  'needsDecision',
] as const;
export type RoadmapSortKey = (typeof ROADMAP_SORT_KEYS)[number];

// Enum fields sort in their declared (meaningful) order, not alphabetically; health worst first.
const HEALTH_ORDER: Record<RoadmapItem['health'], number> = { red: 0, amber: 1, green: 2 };
const rank = <V extends string>(list: readonly V[], v: V): number => list.indexOf(v);

function compareBy(key: RoadmapSortKey, a: RoadmapItem, b: RoadmapItem): number {
  switch (key) {
    case 'start':
      return cmp(a.startMonth, b.startMonth);
    case 'end':
      return cmp(a.endMonth, b.endMonth);
    case 'priority':
      // Priority 1 is the most important, so ascending puts it first.
      return a.priority - b.priority;
    case 'title':
      return a.title.localeCompare(b.title);
    case 'status':
      return rank(ROADMAP_STATUSES, a.status) - rank(ROADMAP_STATUSES, b.status);
    case 'health':
      return HEALTH_ORDER[a.health] - HEALTH_ORDER[b.health];
    case 'domain':
      return rank(DOMAINS, a.domain) - rank(DOMAINS, b.domain);
    case 'bucket':
      return rank(BUCKETS, a.bucket) - rank(BUCKETS, b.bucket);
    case 'progress':
      return a.progressPct - b.progressPct;
    case 'needsDecision':
      // Items needing a decision first when ascending.
      return Number(b.needsDecision) - Number(a.needsDecision);
  }
}

/** A sorted copy; ties fall back to start month, then title, then id, so the order is stable. */
export function sortRoadmap<T extends RoadmapItem>(
  items: readonly T[],
  key: RoadmapSortKey,
  direction: 'asc' | 'desc' = 'asc',
): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...items].sort(
    (a, b) =>
      sign * compareBy(key, a, b) ||
      cmp(a.startMonth, b.startMonth) ||
      a.title.localeCompare(b.title) ||
      cmp(a.id, b.id),
  );
}

export type SwimlaneKey = 'domain' | 'bucket' | 'owner';
export type Swimlane<T> = { key: string; items: T[] };

/**
 * Items grouped into swimlanes by domain, bucket or owner party, lanes in the declared order of
 * the enum (owner lanes in the order of `partyOrder`, unknown parties last); empty lanes omitted.
 */
export function swimlanes<T extends RoadmapItem>(
  items: readonly T[],
  by: SwimlaneKey,
  partyOrder: readonly string[] = [],
): Swimlane<T>[] {
  const keyOf = (i: T): string => (by === 'domain' ? i.domain : by === 'bucket' ? i.bucket : i.ownerPartyId);
  const order: readonly string[] = by === 'domain' ? DOMAINS : by === 'bucket' ? BUCKETS : partyOrder;
  const lanes = new Map<string, T[]>();
  for (const item of sortRoadmap(items, 'start')) {
    const k = keyOf(item);
    const lane = lanes.get(k) ?? [];
    lane.push(item);
    lanes.set(k, lane);
  }
  const pos = (k: string): number => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...lanes.entries()]
    .sort(([a], [b]) => pos(a) - pos(b) || cmp(a, b))
    .map(([key, laneItems]) => ({ key, items: laneItems }));
}

/** Counts per status, for the dashboard's roadmap tile. */
export function statusCounts(items: readonly Pick<RoadmapItem, 'status'>[]): Record<RoadmapItem['status'], number> {
  const out = Object.fromEntries(ROADMAP_STATUSES.map((s) => [s, 0])) as Record<RoadmapItem['status'], number>;
  for (const i of items) out[i.status] += 1;
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
