/** Test builder: a valid roadmap item with zero costs, overridable field by field. */
import type { RoadmapItem } from '../../../../shared/domain/roadmap/schema';

export function makeItem(over: Partial<RoadmapItem> = {}): RoadmapItem {
  return {
    id: 'item-1',
    workspaceId: 'ws-1',
    title: 'Item',
    description: '',
    domain: 'cloud',
    bucket: 'transform',
    status: 'approved',
    health: 'green',
    priority: 3,
    startMonth: '2026-01',
    endMonth: '2026-03',
    progressPct: 0,
    ownerPartyId: 'party-it',
    skills: [],
    capex: 0,
    opexMonthly: 0,
    opexStartMonth: null,
    opexEndMonth: null,
    dependsOn: [],
    linkedKpis: [],
    needsDecision: false,
    decisionText: '',
    recommendedOption: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}
