import { describe, expect, it } from 'vitest';
import { compareQuarter, delta } from '../../../../shared/domain/kpis/compare';

describe('delta', () => {
  it.each([
    ['higher', 80, 70, 10, 'better'],
    ['higher', 60, 70, -10, 'worse'],
    ['lower', 20, 24, -4, 'better'],
    ['lower', 30, 24, 6, 'worse'],
    ['lower', 24, 24, 0, 'same'],
  ] as const)('%s: %d vs %d', (dir, v, ref, d, verdict) => {
    const r = delta(dir, v, ref);
    expect(r?.delta).toBe(d);
    expect(r?.verdict).toBe(verdict);
  });
  it('gives a percentage change except against zero, and null without data', () => {
    expect(delta('higher', 75, 60)?.deltaPct).toBe(25);
    expect(delta('higher', 5, 0)?.deltaPct).toBeNull();
    expect(delta('higher', null, 3)).toBeNull();
    expect(delta('higher', 3, null)).toBeNull();
  });
});

describe('compareQuarter', () => {
  it('compares with target, the previous quarter and the same quarter last year', () => {
    const values = new Map<string, number>([
      ['2025-Q2', 30],
      ['2026-Q1', 28],
      ['2026-Q2', 21],
    ]);
    const c = compareQuarter({ direction: 'lower', target: 24 }, values, '2026-Q2');
    expect(c.value).toBe(21);
    expect(c.vsTarget).toMatchObject({ reference: 24, delta: -3, verdict: 'better' });
    expect(c.vsPrevious).toMatchObject({ period: '2026-Q1', reference: 28, delta: -7, verdict: 'better' });
    expect(c.vsLastYear).toMatchObject({ period: '2025-Q2', reference: 30, delta: -9, verdict: 'better' });
    expect(c.vsLastYear?.deltaPct).toBeCloseTo(-30, 10);
  });
  it('crosses a year boundary for the previous quarter and has nulls where data is missing', () => {
    const c = compareQuarter(
      { direction: 'higher', target: null },
      new Map([
        ['2025-Q4', 60],
        ['2026-Q1', 63.9],
      ]),
      '2026-Q1',
    );
    expect(c.vsPrevious?.period).toBe('2025-Q4');
    expect(c.vsPrevious?.delta).toBeCloseTo(3.9, 10);
    expect(c.vsTarget).toBeNull();
    expect(c.vsLastYear).toBeNull();
  });
});
