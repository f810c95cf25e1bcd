import { describe, expect, it } from 'vitest';
import {
  decisionDraftFromItem,
  pendingDecisions,
  requestedDecisions,
} from '../../../../shared/domain/governance/decisions';
import { Decision } from '../../../../shared/domain/governance/schema';
import type { RoadmapItem } from '../../../../shared/domain/roadmap/schema';

const item = (id: string, extra: Partial<RoadmapItem> = {}): RoadmapItem => ({
  id,
  workspaceId: 'ws',
  title: `Item ${id}`,
  description: '',
  domain: 'security',
  bucket: 'protect',
  status: 'proposed',
  health: 'green',
  priority: 3,
  startMonth: '2026-07',
  endMonth: '2026-12',
  progressPct: 0,
  ownerPartyId: 'it',
  skills: [],
  capex: 0,
  opexMonthly: 0,
  opexStartMonth: null,
  opexEndMonth: null,
  dependsOn: [],
  linkedKpis: [],
  needsDecision: true,
  decisionText: '',
  recommendedOption: '',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...extra,
});

describe('decisions', () => {
  const items = [
    item('a', { priority: 2, decisionText: 'Fund the SIEM upgrade?', recommendedOption: 'Co-manage with the partner' }),
    item('b', { priority: 1 }),
    item('c', { needsDecision: false }),
    item('d', { status: 'done' }),
  ];

  it('drafts a schema-valid requested decision from a flagged item', () => {
    const d = decisionDraftFromItem(items[0] as RoadmapItem, { id: 'dec1', date: '2026-06-30' });
    expect(Decision.safeParse(d).success).toBe(true);
    expect(d).toMatchObject({
      text: 'Fund the SIEM upgrade?',
      options: ['Co-manage with the partner'],
      recommendedOption: 'Co-manage with the partner',
      status: 'requested',
      linkedItemIds: ['a'],
    });
    const fallback = decisionDraftFromItem(items[1] as RoadmapItem, { id: 'dec2', date: '2026-06-30' });
    expect(fallback.text).toBe('Approve "Item b" (2026-07 to 2026-12)?');
    expect(fallback.options).toEqual([]);
  });

  it('pairs open flagged items with their latest decision, priority first', () => {
    const d1 = decisionDraftFromItem(items[0] as RoadmapItem, { id: 'old', date: '2026-01-10' });
    const d2 = { ...d1, id: 'new', date: '2026-04-10', status: 'deferred' as const };
    const p = pendingDecisions(items, [d1, d2]);
    expect(p.map((x) => [x.item.id, x.decision?.id ?? null])).toEqual([
      ['b', null],
      ['a', 'new'],
    ]);
    expect(requestedDecisions([d2, d1]).map((d) => d.id)).toEqual(['old']);
  });
});
