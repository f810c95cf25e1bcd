import { describe, expect, it } from 'vitest';
import { aggregateMonths, quarterlyValues } from '../../../../shared/domain/kpis/aggregate';

const m = (period: string, value: number, weight: number | null = null) => ({ period, value, weight });

describe('aggregateMonths', () => {
  const months = [m('2026-03', 30, 1), m('2026-01', 10, 2), m('2026-02', 20, 7)];
  it.each([
    ['sum', 60, 10],
    ['mean', 20, null],
    ['last', 30, 1], // March is last even though given first
    // (10×2 + 20×7 + 30×1) / 10 = 190 / 10
    ['weighted-mean', 19, 10],
    ['recompute', 30, 1], // nothing recomputed → last
  ] as const)('%s', (agg, value, weight) => {
    expect(aggregateMonths(agg, months)).toEqual({ value, weight, months: 3 });
  });

  it('uses the recomputed value for recompute', () => {
    expect(aggregateMonths('recompute', months, 17.5)?.value).toBe(17.5);
  });

  it('falls back to the plain mean when a weight is missing or all weights are 0', () => {
    expect(aggregateMonths('weighted-mean', [m('2026-01', 10, 5), m('2026-02', 20, null)])?.value).toBe(15);
    expect(aggregateMonths('weighted-mean', [m('2026-01', 10, 0), m('2026-02', 20, 0)])?.value).toBe(15);
    // A zero weight among positive ones just adds nothing: (10×0 + 20×4) / 4
    expect(aggregateMonths('weighted-mean', [m('2026-01', 10, 0), m('2026-02', 20, 4)])?.value).toBe(20);
  });

  it('is null for an empty quarter', () => {
    expect(aggregateMonths('sum', [])).toBeNull();
  });
});

describe('quarterlyValues', () => {
  const snap = (period: string, value: number, weight: number | null = null, kpiKey = 'mttr_hours', segment = '') => ({
    kpiKey,
    period,
    value,
    weight,
    segment,
  });
  it('groups months into fiscal quarters and lets a quarterly snapshot win', () => {
    const snaps = [
      snap('2026-06', 10, 1), // July start: June 2026 is FY2026-Q4
      snap('2026-07', 20, 1), // FY2027-Q1
      snap('2026-08', 40, 3), // FY2027-Q1 → (20 + 120) / 4 = 35
      snap('2026-09', 99, 1, 'fcr'), // other KPI: ignored
      snap('2026-10', 50, 1, 'mttr_hours', 'priority:P1'), // other segment: ignored
      snap('2026-11', 60, 1),
      snap('2027-Q2', 12.5), // direct quarter value replaces the November month
    ];
    const q = quarterlyValues({ key: 'mttr_hours', aggregation: 'weighted-mean' }, snaps, 7);
    expect([...q.keys()]).toEqual(['2026-Q4', '2027-Q1', '2027-Q2']);
    expect(q.get('2027-Q1')).toEqual({ value: 35, weight: 4, months: 2 });
    expect(q.get('2027-Q2')?.value).toBe(12.5);
    expect(q.get('2026-Q4')?.value).toBe(10);
  });
});
