/**
 * Dependency warnings (SPEC §3.3): an item must not start before an item it depends on ends.
 * Months are whole: a dependency ending in March occupies all of March, so a dependent item
 * starting in March starts before it ends. Done and cancelled items raise no schedule warnings
 * (history, or not happening); a dependency on a cancelled or missing item is reported as such.
 */
import { addMonths } from '../periods';
import type { RoadmapItem } from './schema';

export type DependencyConflictKind =
  'starts-before-dependency-ends' | 'missing-dependency' | 'cancelled-dependency' | 'self-dependency' | 'cycle';

export type DependencyConflict = {
  itemId: string;
  dependsOnId: string;
  kind: DependencyConflictKind;
  message: string;
  /** For a schedule conflict: the earliest month the item could start. */
  earliestStart?: string;
};

type DepItem = Pick<RoadmapItem, 'id' | 'title' | 'status' | 'startMonth' | 'endMonth' | 'dependsOn'>;

const isClosed = (i: DepItem): boolean => i.status === 'done' || i.status === 'cancelled';

/** Every dependency problem of the roadmap, in item order then dependency order. */
export function dependencyConflicts(items: readonly DepItem[]): DependencyConflict[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const out: DependencyConflict[] = [];
  for (const item of items) {
    if (isClosed(item)) continue;
    for (const depId of new Set(item.dependsOn)) {
      if (depId === item.id) {
        out.push({
          itemId: item.id,
          dependsOnId: depId,
          kind: 'self-dependency',
          message: `"${item.title}" depends on itself.`,
        });
        continue;
      }
      const dep = byId.get(depId);
      if (!dep) {
        out.push({
          itemId: item.id,
          dependsOnId: depId,
          kind: 'missing-dependency',
          message: `"${item.title}" depends on an item that no longer exists (${depId}).`,
        });
        continue;
      }
      if (dep.status === 'cancelled') {
        out.push({
          itemId: item.id,
          dependsOnId: depId,
          kind: 'cancelled-dependency',
          message: `"${item.title}" depends on "${dep.title}", which is cancelled.`,
        });
        continue;
      }
      // A finished dependency no longer constrains anything.
      if (dep.status === 'done') continue;
      if (item.startMonth <= dep.endMonth) {
        const earliestStart = addMonths(dep.endMonth, 1);
        out.push({
          itemId: item.id,
          dependsOnId: depId,
          kind: 'starts-before-dependency-ends',
          message: `"${item.title}" starts ${item.startMonth}, before "${dep.title}" ends ${dep.endMonth} (earliest start ${earliestStart}).`,
          earliestStart,
        });
      }
    }
  }
  for (const cycle of dependencyCycles(items)) {
    const first = cycle[0] ?? '';
    const names = cycle.map((id) => `"${byId.get(id)?.title ?? id}"`);
    out.push({
      itemId: first,
      dependsOnId: cycle[1] ?? first,
      kind: 'cycle',
      message: `Circular dependency: ${[...names, names[0]].join(' → ')}.`,
    });
  }
  return out;
}

/**
 * Dependency cycles (length ≥ 2), each reported once as a list of item ids starting at the cycle's
 * first item in input order. Self-dependencies are reported separately by dependencyConflicts.
 */
export function dependencyCycles(items: readonly Pick<RoadmapItem, 'id' | 'dependsOn'>[]): string[][] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const order = new Map(items.map((i, k) => [i.id, k]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const seen = new Set<string>();
  const cycles: string[][] = [];

  const visit = (id: string): void => {
    state.set(id, 'visiting');
    stack.push(id);
    for (const dep of byId.get(id)?.dependsOn ?? []) {
      if (dep === id || !byId.has(dep)) continue;
      const s = state.get(dep);
      if (s === 'visiting') {
        const cycle = stack.slice(stack.indexOf(dep));
        // Rotate so the earliest item in input order comes first: one key per cycle.
        let min = 0;
        cycle.forEach((c, k) => {
          if ((order.get(c) ?? 0) < (order.get(cycle[min] ?? '') ?? 0)) min = k;
        });
        const rotated = [...cycle.slice(min), ...cycle.slice(0, min)];
        const key = rotated.join('\u0000');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(rotated);
        }
      } else if (s === undefined) {
        visit(dep);
      }
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const item of items) if (!state.has(item.id)) visit(item.id);
  return cycles;
}

/** The earliest month an item may start given its open dependencies (null when nothing constrains it). */
export function earliestStartAfterDependencies(item: DepItem, items: readonly DepItem[]): string | null {
  let latestEnd: string | null = null;
  for (const dep of items) {
    if (!item.dependsOn.includes(dep.id) || dep.id === item.id || isClosed(dep)) continue;
    if (latestEnd === null || dep.endMonth > latestEnd) latestEnd = dep.endMonth;
  }
  return latestEnd === null ? null : addMonths(latestEnd, 1);
}
