import { describe, expect, it } from 'vitest';
import {
  dependencyConflicts,
  dependencyCycles,
  earliestStartAfterDependencies,
} from '../../../../shared/domain/roadmap/dependencies';
import { makeItem } from './make-item';

const base = makeItem({ id: 'base', title: 'Network refresh', startMonth: '2026-01', endMonth: '2026-03' });

describe('dependencyConflicts', () => {
  // [description, dependent start month, expected conflict?]
  const cases: [string, string, boolean][] = [
    ['starts long before the dependency ends', '2026-01', true],
    ['starts in the month the dependency ends (months are whole)', '2026-03', true],
    ['starts the month after the dependency ends', '2026-04', false],
    ['starts later', '2026-09', false],
  ];
  it.each(cases)('%s', (_d, start, conflict) => {
    const item = makeItem({
      id: 'x',
      title: 'Cloud migration',
      startMonth: start,
      endMonth: '2026-12',
      dependsOn: ['base'],
    });
    const found = dependencyConflicts([base, item]);
    expect(found.length).toBe(conflict ? 1 : 0);
    if (conflict) {
      expect(found[0]).toMatchObject({
        itemId: 'x',
        dependsOnId: 'base',
        kind: 'starts-before-dependency-ends',
        earliestStart: '2026-04',
      });
      expect(found[0]?.message).toContain('"Cloud migration" starts');
      expect(found[0]?.message).toContain('"Network refresh" ends 2026-03');
    }
  });

  it('ignores done dependencies and done or cancelled dependants', () => {
    const doneDep = { ...base, status: 'done' as const };
    const early = makeItem({ id: 'x', startMonth: '2026-01', endMonth: '2026-02', dependsOn: ['base'] });
    expect(dependencyConflicts([doneDep, early])).toEqual([]);
    expect(dependencyConflicts([base, { ...early, status: 'done' }])).toEqual([]);
    expect(dependencyConflicts([base, { ...early, status: 'cancelled' }])).toEqual([]);
  });

  it('reports missing, cancelled and self dependencies by kind', () => {
    const item = makeItem({ id: 'x', startMonth: '2026-06', endMonth: '2026-07', dependsOn: ['gone', 'old', 'x'] });
    const old = makeItem({ id: 'old', status: 'cancelled' });
    expect(dependencyConflicts([item, old]).map((c) => [c.dependsOnId, c.kind])).toEqual([
      ['gone', 'missing-dependency'],
      ['old', 'cancelled-dependency'],
      ['x', 'self-dependency'],
    ]);
  });

  it('reports a cycle once, with the item titles in order', () => {
    const a = makeItem({ id: 'a', title: 'A', startMonth: '2026-01', endMonth: '2026-01', dependsOn: ['b'] });
    const b = makeItem({ id: 'b', title: 'B', startMonth: '2026-05', endMonth: '2026-05', dependsOn: ['c'] });
    const c = makeItem({ id: 'c', title: 'C', startMonth: '2026-09', endMonth: '2026-09', dependsOn: ['a'] });
    expect(dependencyCycles([a, b, c])).toEqual([['a', 'b', 'c']]);
    const cycles = dependencyConflicts([a, b, c]).filter((x) => x.kind === 'cycle');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.message).toBe('Circular dependency: "A" → "B" → "C" → "A".');
  });
});

describe('earliestStartAfterDependencies', () => {
  it('is the month after the latest open dependency ends', () => {
    const other = makeItem({ id: 'other', endMonth: '2026-07' });
    const finished = makeItem({ id: 'fin', endMonth: '2027-01', status: 'done' });
    const item = makeItem({ id: 'x', dependsOn: ['base', 'other', 'fin'] });
    expect(earliestStartAfterDependencies(item, [base, other, finished, item])).toBe('2026-08');
    expect(earliestStartAfterDependencies(makeItem({ id: 'y' }), [base])).toBeNull();
  });
});
