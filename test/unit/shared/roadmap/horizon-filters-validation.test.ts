import { describe, expect, it } from 'vitest';
import { filterRoadmap, sortRoadmap, statusCounts, swimlanes } from '../../../../shared/domain/roadmap/filters';
import {
  groupByHorizon,
  horizonOf,
  isOverdue,
  timelineColumns,
  timelinePlacement,
} from '../../../../shared/domain/roadmap/horizon';
import { validateRoadmapItem } from '../../../../shared/domain/roadmap/validation';
import { makeItem } from './make-item';

describe('horizonOf', () => {
  // Reference month May 2026. July fiscal start: current quarter FY2026-Q4 = Apr–Jun 2026;
  // the next two quarters are Jul–Sep and Oct–Dec 2026. Calendar start: Q2 = Apr–Jun, next two Jul–Dec.
  const cases: [string, string, string, number, string | null][] = [
    ['started earlier, still open', '2025-09', '2026-08', 7, 'now'],
    ['overdue but open stays in Now', '2025-09', '2026-01', 7, 'now'],
    ['starts in the last month of the current quarter', '2026-06', '2026-09', 7, 'now'],
    ['starts the month after the current quarter', '2026-07', '2026-09', 7, 'next'],
    ['starts in the last month of the second next quarter', '2026-12', '2027-03', 7, 'next'],
    ['starts just beyond', '2027-01', '2027-03', 7, 'later'],
    ['calendar start: June is Now', '2026-06', '2026-06', 1, 'now'],
    ['calendar start: December is Next', '2026-12', '2026-12', 1, 'next'],
    ['calendar start: January 2027 is Later', '2027-01', '2027-01', 1, 'later'],
  ];
  it.each(cases)('%s', (_d, start, end, fiscalStart, expected) => {
    expect(horizonOf(makeItem({ startMonth: start, endMonth: end }), '2026-05', fiscalStart)).toBe(expected);
  });

  it('leaves done and cancelled items out and orders groups by start', () => {
    const items = [
      makeItem({ id: 'b', title: 'B', startMonth: '2026-08', endMonth: '2026-09' }),
      makeItem({ id: 'a', title: 'A', startMonth: '2026-07', endMonth: '2026-09' }),
      makeItem({ id: 'd', title: 'D', startMonth: '2026-05', endMonth: '2026-05', status: 'done' }),
      makeItem({ id: 'c', title: 'C', startMonth: '2026-05', endMonth: '2026-09', status: 'cancelled' }),
    ];
    const g = groupByHorizon(items, '2026-05', 1);
    expect([g.now.map((i) => i.id), g.next.map((i) => i.id), g.later.map((i) => i.id)]).toEqual([[], ['a', 'b'], []]);
    expect(horizonOf(items[2]!, '2026-05', 1)).toBeNull();
  });

  it('flags open items past their end month as overdue', () => {
    expect(isOverdue(makeItem({ endMonth: '2026-04' }), '2026-05')).toBe(true);
    expect(isOverdue(makeItem({ endMonth: '2026-05' }), '2026-05')).toBe(false);
    expect(isOverdue(makeItem({ endMonth: '2026-04', status: 'done' }), '2026-05')).toBe(false);
  });
});

describe('timeline', () => {
  it('spans the items in fiscal quarters and places bars by month offset', () => {
    // July start: Aug 2026 is FY2027-Q1 (Jul–Sep), Feb 2027 is FY2027-Q3 (Jan–Mar 2027).
    const item = makeItem({ startMonth: '2026-08', endMonth: '2027-02' });
    const cols = timelineColumns([item], '2026-08', 7, 2);
    expect(cols.map((c) => c.quarter)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3']);
    expect(cols[0]?.months).toEqual(['2026-07', '2026-08', '2026-09']);
    // Aug is month 1 after Jul; Aug..Feb = 7 months.
    expect(timelinePlacement(item, cols)).toEqual({ offset: 1, span: 7, clippedStart: false, clippedEnd: false });
  });

  it('widens to the minimum number of quarters and clips bars outside', () => {
    const cols = timelineColumns([], '2026-05', 1, 4);
    expect(cols.map((c) => c.quarter)).toEqual(['2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1']);
    const long = makeItem({ startMonth: '2026-01', endMonth: '2026-05' });
    // Visible from Apr 2026: Apr, May = 2 months, clipped at the start.
    expect(timelinePlacement(long, cols)).toEqual({ offset: 0, span: 2, clippedStart: true, clippedEnd: false });
    expect(timelinePlacement(makeItem({ startMonth: '2025-01', endMonth: '2025-02' }), cols)).toBeNull();
  });
});

describe('filters and sorts', () => {
  const items = [
    makeItem({
      id: '1',
      title: 'Zero trust',
      domain: 'security',
      bucket: 'protect',
      priority: 2,
      health: 'amber',
      needsDecision: true,
      decisionText: 'Pick a vendor',
    }),
    makeItem({
      id: '2',
      title: 'Cloud migration',
      domain: 'cloud',
      bucket: 'transform',
      priority: 1,
      health: 'red',
      ownerPartyId: 'party-msp',
      startMonth: '2026-04',
      endMonth: '2026-09',
    }),
    makeItem({
      id: '3',
      title: 'Laptop refresh',
      domain: 'end-user',
      bucket: 'run',
      priority: 3,
      health: 'green',
      status: 'in-progress',
      description: 'Replace cloud-era laptops',
    }),
  ];

  const cases: [string, Parameters<typeof filterRoadmap>[1], string[]][] = [
    ['no criteria', {}, ['1', '2', '3']],
    ['domain', { domains: ['security', 'cloud'] }, ['1', '2']],
    ['bucket', { buckets: ['run'] }, ['3']],
    ['status', { statuses: ['in-progress'] }, ['3']],
    ['owner party', { ownerPartyIds: ['party-msp'] }, ['2']],
    ['health', { healths: ['red', 'amber'] }, ['1', '2']],
    ['needs decision', { needsDecision: true }, ['1']],
    ['does not need decision', { needsDecision: false }, ['2', '3']],
    ['text in title or description', { text: 'CLOUD' }, ['2', '3']],
    ['criteria combine', { domains: ['cloud', 'end-user'], healths: ['green'] }, ['3']],
  ];
  it.each(cases)('filters by %s', (_d, filter, ids) => {
    expect(filterRoadmap(items, filter).map((i) => i.id)).toEqual(ids);
  });

  const sorts: [Parameters<typeof sortRoadmap>[1], 'asc' | 'desc', string[]][] = [
    ['priority', 'asc', ['2', '1', '3']],
    ['priority', 'desc', ['3', '1', '2']],
    ['health', 'asc', ['2', '1', '3']], // red, amber, green
    ['title', 'asc', ['2', '3', '1']],
    ['start', 'asc', ['3', '1', '2']], // ties on 2026-01 fall back to title: Laptop < Zero
    ['needsDecision', 'asc', ['1', '3', '2']],
    ['bucket', 'asc', ['3', '2', '1']], // run, transform, protect
  ];
  it.each(sorts)('sorts by %s %s', (key, dir, ids) => {
    expect(sortRoadmap(items, key, dir).map((i) => i.id)).toEqual(ids);
  });

  it('groups swimlanes in enum order and counts statuses', () => {
    expect(swimlanes(items, 'bucket').map((l) => l.key)).toEqual(['run', 'transform', 'protect']);
    expect(swimlanes(items, 'owner', ['party-msp', 'party-it']).map((l) => [l.key, l.items.length])).toEqual([
      ['party-msp', 1],
      ['party-it', 2],
    ]);
    expect(statusCounts(items)).toMatchObject({ approved: 2, 'in-progress': 1, done: 0 });
  });
});

describe('validateRoadmapItem', () => {
  const ctx = { items: [makeItem({ id: 'other', title: 'Other', dependsOn: [] })], partyIds: ['party-it'] };

  it('accepts a valid item', () => {
    expect(validateRoadmapItem(makeItem(), ctx)).toEqual({});
  });

  const cases: [string, Record<string, unknown>, string, string][] = [
    ['empty title', { title: '' }, 'title', 'Enter a title'],
    ['priority out of range', { priority: 7 }, 'priority', 'from 1 (highest) to 5'],
    ['bad month', { startMonth: '2026-13' }, 'startMonth', 'YYYY-MM'],
    ['end before start', { startMonth: '2026-05', endMonth: '2026-04' }, 'endMonth', 'before the start month'],
    ['negative capex', { capex: -1 }, 'capex', 'zero or more'],
    [
      'opex window inverted',
      { opexStartMonth: '2026-06', opexEndMonth: '2026-05' },
      'opexEndMonth',
      'ends before it starts',
    ],
    ['unknown owner', { ownerPartyId: 'nobody' }, 'ownerPartyId', 'owner party'],
    ['self dependency', { dependsOn: ['item-1'] }, 'dependsOn', 'itself'],
    ['unknown dependency', { dependsOn: ['ghost'] }, 'dependsOn', 'ghost'],
    ['decision without text', { needsDecision: true, decisionText: ' ' }, 'decisionText', 'what needs deciding'],
  ];
  it.each(cases)('%s', (_d, over, field, text) => {
    const errors = validateRoadmapItem({ ...makeItem(), ...over }, ctx);
    expect(errors[field as keyof typeof errors]).toContain(text);
  });

  it('refuses a dependency that closes a cycle', () => {
    const withBack = { items: [makeItem({ id: 'other', title: 'Other', dependsOn: ['item-1'] })] };
    const errors = validateRoadmapItem({ ...makeItem(), dependsOn: ['other'] }, withBack);
    expect(errors.dependsOn).toBe('This would make a circular dependency with "Other".');
  });

  it('does not crash on junk', () => {
    expect(Object.keys(validateRoadmapItem(null, ctx)).length).toBeGreaterThan(0);
    expect(validateRoadmapItem({ title: 5 }, ctx).title).toContain('Enter a title');
  });
});
