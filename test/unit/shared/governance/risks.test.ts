import { describe, expect, it } from 'vitest';
import { riskBand, riskBandCounts, riskGrid, topRisks } from '../../../../shared/domain/governance/risks';
import type { Risk } from '../../../../shared/domain/governance/schema';

const risk = (id: string, likelihood: number, impact: number, extra: Partial<Risk> = {}): Risk => ({
  id,
  workspaceId: 'ws',
  title: id,
  description: '',
  likelihood,
  impact,
  owner: '',
  mitigation: '',
  dueDate: null,
  status: 'open',
  ...extra,
});

describe('risk bands', () => {
  it.each([
    [1, 'low'],
    [4, 'low'],
    [5, 'medium'],
    [9, 'medium'],
    [10, 'high'],
    [16, 'high'],
    [20, 'critical'],
    [25, 'critical'],
  ])('score %i → %s', (score, band) => expect(riskBand(score)).toBe(band));
});

describe('risk grid and top risks', () => {
  const risks = [
    risk('a', 5, 5),
    risk('b', 4, 3), // 12 high
    risk('c', 3, 4, { dueDate: '2026-09-01' }), // 12 high, more impact than b
    risk('d', 2, 2), // 4 low
    risk('e', 5, 5, { status: 'closed' }),
    risk('f', 3, 4, { dueDate: '2026-08-01' }), // same as c, due earlier
    risk('g', 1, 5, { status: 'accepted' }), // 5 medium
  ];

  it('places live risks in a 5×5 grid, likelihood 5 first, impact 1 → 5', () => {
    const grid = riskGrid(risks);
    expect(grid).toHaveLength(5);
    expect(grid.map((row) => row.map((c) => c.band[0]).join(''))).toEqual([
      'mhhcc', // L5: 5,10,15,20,25
      'lmhhc', // L4: 4,8,12,16,20
      'lmmhh', // L3: 3,6,9,12,15
      'llmmh', // L2: 2,4,6,8,10
      'llllm', // L1: 1..5
    ]);
    expect(grid[0]?.[4]).toMatchObject({ likelihood: 5, impact: 5, score: 25, riskIds: ['a'] });
    expect(grid[2]?.[3]?.riskIds).toEqual(['f', 'c']);
    expect(grid[4]?.[4]?.riskIds).toEqual(['g']);
    expect(riskGrid(risks, { includeClosed: true })[0]?.[4]?.riskIds).toEqual(['a', 'e']);
  });

  it('ranks by score, impact, due date', () => {
    expect(topRisks(risks, 4).map((r) => [r.id, r.score, r.band])).toEqual([
      ['a', 25, 'critical'],
      ['f', 12, 'high'],
      ['c', 12, 'high'],
      ['b', 12, 'high'],
    ]);
    expect(riskBandCounts(risks)).toEqual({ low: 1, medium: 1, high: 3, critical: 1 });
  });
});
