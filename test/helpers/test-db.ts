/**
 * Test databases and builders for renderer tests: a fresh fake-indexeddb database per test, a
 * deterministic clock and id source, and a small but complete workspace fixture.
 */
import { openDatabase, type OpenResult } from '../../renderer/src/db/database';
import { newWorkspaceData, type RepoContext } from '../../renderer/src/db/repos/workspaces';
import type { WorkspaceData } from '../../shared/domain/tables';

let seq = 0;

/** A fresh, uniquely named database (fake-indexeddb is global in the DOM project). */
export async function makeTestDb(): Promise<OpenResult & { name: string }> {
  const name = `qd-test-${Date.now()}-${++seq}`;
  const opened = await openDatabase(name);
  return { ...opened, name };
}

/** Ids `id-1`, `id-2`, … and a clock fixed at 2026-03-15T10:00:00.000Z. */
export function testContext(prefix = 'id', now = '2026-03-15T10:00:00.000Z'): RepoContext & { count(): number } {
  let n = 0;
  return { now: () => now, newId: () => `${prefix}-${++n}`, count: () => n };
}

/**
 * A workspace with defaults plus one row of each kind the screens show, including unicode, emoji
 * and text that looks like HTML (it must stay text).
 */
export function fixtureWorkspace(ctx: RepoContext = testContext('fx')): WorkspaceData {
  const data = newWorkspaceData(
    {
      name: 'Zürich Präzision AG 🏭',
      currency: 'CHF',
      locale: 'de-CH',
      fiscalYearStartMonth: 7,
      partnerName: 'Alpine MSP <b>GmbH</b>',
      userCount: 850,
      endpointCount: 1100,
      serverCount: 64,
    },
    ctx,
  );
  const ws = data.workspace.id;
  const [internal, partner] = data.tables.parties;
  if (!internal || !partner) throw new Error('fixture: parties missing');
  const now = ctx.now();
  const itemA = ctx.newId();
  const itemB = ctx.newId();
  const base = {
    workspaceId: ws,
    description: '',
    skills: [],
    opexStartMonth: null,
    opexEndMonth: null,
    linkedKpis: [],
    needsDecision: false,
    decisionText: '',
    recommendedOption: '',
    createdAt: now,
    updatedAt: now,
  };
  data.tables.roadmapItems.push(
    {
      ...base,
      id: itemA,
      title: 'Cloud migration ☁️ — “Phase 1”',
      domain: 'cloud',
      bucket: 'transform',
      status: 'in-progress',
      health: 'amber',
      priority: 1,
      startMonth: '2025-09',
      endMonth: '2026-06',
      progressPct: 35,
      ownerPartyId: internal.id,
      capex: 25_000_000,
      opexMonthly: 120_000,
      dependsOn: [],
    },
    {
      ...base,
      id: itemB,
      title: '<script>alert(1)</script> SIEM tuning',
      domain: 'security',
      bucket: 'protect',
      status: 'approved',
      health: 'green',
      priority: 2,
      startMonth: '2026-07',
      endMonth: '2026-09',
      progressPct: 0,
      ownerPartyId: partner.id,
      capex: 0,
      opexMonthly: 0,
      dependsOn: [itemA],
    },
  );
  data.tables.budgetLines.push({
    id: ctx.newId(),
    workspaceId: ws,
    fiscalYear: 2026,
    name: 'Cloud migration',
    category: 'projects',
    kind: 'capex',
    vendor: 'Azure',
    roadmapItemId: itemA,
    plan: Array.from({ length: 12 }, () => 2_000_000),
    actual: [1_900_000, 2_100_000, 2_000_000, null, null, null, null, null, null, null, null, null],
    recurring: false,
    renewalDate: null,
    escalatorPct: 0,
    varianceNotes: { Q1: 'Licences bought early', Q2: '', Q3: '', Q4: '' },
  });
  data.tables.kpiSnapshots.push({
    id: ctx.newId(),
    workspaceId: ws,
    kpiKey: 'mttr_hours',
    period: '2025-12',
    value: 21.5,
    weight: 412,
    segment: '',
    source: 'manual',
    provenance: null,
    note: 'Ünïcödé note ✓',
  });
  return data;
}
