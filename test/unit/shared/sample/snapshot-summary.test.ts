import { describe, expect, it } from 'vitest';
import { previousStateOf } from '../../../../shared/deck/snapshot';
import { buildSnapshotSummary, hashSnapshotData } from '../../../../shared/sample/snapshot-summary';
import { canonicalJson } from '../../../../shared/util/canonical-json';
import { sha256Hex } from '../../../../shared/util/sha256';
import { makeFullWorkspace } from '../backup/make-workspace';

/** The backup test workspace (fiscal year from July) with an overall MTTR for three months. */
function workspaceWithMttr() {
  const data = makeFullWorkspace();
  const base = data.tables.kpiSnapshots[0]!;
  for (const [period, value, weight] of [
    ['2026-07', 10, 100],
    ['2026-08', 20, 300],
    ['2026-09', 30, 100],
    ['2025-07', 40, 50],
  ] as const) {
    data.tables.kpiSnapshots.push({
      ...base,
      id: `ks-${period}`,
      period,
      value,
      weight,
      segment: '',
      provenance: null,
    });
  }
  return data;
}

describe('buildSnapshotSummary', () => {
  it('aggregates a KPI over the fiscal quarter with previous quarter and last year', () => {
    // July start: FY2027-Q1 = Jul–Sep 2026; (10×100 + 20×300 + 30×100) / 500 = 20.
    const s = buildSnapshotSummary(workspaceWithMttr(), '2027-Q1');
    expect(s.kpis).toEqual([
      {
        key: 'mttr_hours',
        name: 'Mean time to resolve',
        unit: 'hours',
        direction: 'lower',
        target: 24,
        value: 20,
        previousQuarter: null,
        lastYear: 40,
      },
    ]);
  });

  it('totals the budget year to date through the quarter', () => {
    // FY2026 with a July start: Q2 = fiscal months 1–6. Plan 1,000,000 + i (i = 0…5) = 6,000,015;
    // actuals 990,000 + 1,010,000 + 1,000,500 = 3,000,500 (the rest unknown).
    const s = buildSnapshotSummary(workspaceWithMttr(), '2026-Q2');
    expect(s.budget).toEqual({
      fiscalYear: 2026,
      throughFiscalMonth: 6,
      fullYearPlan: 12_000_066,
      ytdPlan: 6_000_015,
      ytdActual: 3_000_500,
      byCategory: [{ category: 'cloud', ytdPlan: 6_000_015, ytdActual: 3_000_500 }],
    });
  });

  it('keeps open risks by score, the RACI cells by name and the roadmap statuses', () => {
    const s = buildSnapshotSummary(workspaceWithMttr(), '2027-Q1');
    expect(s.risks).toEqual([{ title: 'Single NOC engineer', likelihood: 3, impact: 4, score: 12, status: 'open' }]);
    expect(s.raci).toEqual([
      { activity: 'Patching', party: 'Internal IT — Zürich 🏭', roles: ['R', 'A'] },
      { activity: 'Patching', party: 'Harborline Managed Services', roles: ['R'] },
    ]);
    expect(s.roadmap.map((r) => [r.title, r.status])).toEqual([
      ['Cloud migration', 'in-progress'],
      ['Décommission datacentre 🏢', 'in-progress'],
    ]);
  });

  it('hashes the canonical JSON, so key order does not matter and any change does', () => {
    const s = buildSnapshotSummary(workspaceWithMttr(), '2027-Q1');
    const h = hashSnapshotData(s);
    expect(h).toBe(sha256Hex(canonicalJson(s)));
    expect(hashSnapshotData(JSON.parse(JSON.stringify(s)))).toBe(h);
    expect(hashSnapshotData({ ...s, quarter: '2027-Q2' })).not.toBe(h);
  });

  it('an old backup’s summary snapshot still feeds “what changed” (roadmap, budget, KPIs, RACI)', () => {
    const data = workspaceWithMttr();
    const summary = buildSnapshotSummary(data, '2027-Q1');
    const prev = previousStateOf({ quarter: '2027-Q1', createdAt: '2027-04-10T10:00:00.000Z', data: summary });
    expect(prev.kind).toBe('snapshot');
    expect(prev.roadmap?.map((r) => r.title)).toEqual(summary.roadmap.map((r) => r.title));
    // Matched by title: the summary keeps no ids.
    expect(prev.roadmap?.every((r) => r.id === null)).toBe(true);
    expect(prev.budget?.variance).toBe(summary.budget.ytdActual - summary.budget.ytdPlan);
    // (10×100 + 20×300 + 30×100) / 500 = 20, as worked above.
    expect(prev.kpis).toEqual([{ key: 'mttr_hours', value: 20 }]);
    expect(prev.raci).toEqual(summary.raci);
  });
});
