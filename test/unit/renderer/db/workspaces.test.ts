import { describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup } from '../../../../shared/backup/format';
import { TABLE_NAMES, type TableName, type WorkspaceData } from '../../../../shared/domain/tables';
import {
  asNewWorkspace,
  backupFileName,
  duplicateWorkspace,
  exportWorkspace,
  importBackupText,
} from '../../../../renderer/src/db/repos/backup';
import {
  ValidationError,
  countRows,
  createWorkspace,
  deleteWorkspace,
  importWorkspace,
  listWorkspaces,
  loadWorkspaceData,
  renameWorkspace,
  updateWorkspace,
} from '../../../../renderer/src/db/repos/workspaces';
import type { QuarterdeckDb } from '../../../../renderer/src/db/database';
import { fixtureWorkspace, makeTestDb, testContext } from '../../../helpers/test-db';

const input = {
  name: 'Contoso',
  currency: 'EUR',
  locale: 'de-DE',
  fiscalYearStartMonth: 4,
  partnerName: 'Fabrikam MSP',
};

async function totalRows(db: QuarterdeckDb): Promise<number> {
  const counts = await Promise.all([db.workspaces.count(), ...TABLE_NAMES.map((n) => db.table(n).count())]);
  return counts.reduce((a, b) => a + b, 0);
}

function sortedTables(data: WorkspaceData): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const n of TABLE_NAMES) {
    out[n] = [...(data.tables[n] as { id: string }[])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return out;
}

describe('workspace repo', () => {
  it('creates a workspace with the two parties and the market defaults', async () => {
    const { db } = await makeTestDb();
    const ctx = testContext();
    const { workspace, changes } = await createWorkspace(db, input, ctx);
    expect(workspace).toMatchObject({ name: 'Contoso', currency: 'EUR', locale: 'de-DE', fiscalYearStartMonth: 4 });
    const counts = await countRows(db, workspace.id);
    expect(counts.parties).toBe(2);
    expect(counts.kpiDefinitions).toBe(17);
    expect(counts.skillAreas).toBe(12);
    expect(counts.costProfiles).toBeGreaterThan(0);
    expect(counts.raciActivities).toBeGreaterThan(0);
    expect(counts.escalationSteps).toBeGreaterThan(0);
    expect(counts.slaTargets).toBe(8);
    expect(counts.roadmapItems).toBe(0);
    const parties = await db.rows('parties').where('workspaceId').equals(workspace.id).toArray();
    expect(parties.map((p) => [p.kind, p.name]).sort()).toEqual([
      ['internal', 'Internal IT'],
      ['partner', 'Fabrikam MSP'],
    ]);
    // The change set lists every row written (1 workspace + all default rows).
    const written = Object.values(counts).reduce((a, b) => a + b, 0) + 1;
    expect(changes.changes).toHaveLength(written);
    expect(await totalRows(db)).toBe(written);
  });

  it('two empty workspaces never collide on default record ids', async () => {
    const { db } = await makeTestDb();
    const ctx = testContext();
    const a = await createWorkspace(db, input, ctx);
    const b = await createWorkspace(db, { ...input, name: 'Second' }, ctx);
    expect((await countRows(db, a.workspace.id)).kpiDefinitions).toBe(17);
    expect((await countRows(db, b.workspace.id)).kpiDefinitions).toBe(17);
    expect((await listWorkspaces(db)).map((w) => w.name)).toEqual(['Contoso', 'Second']);
  });

  it('refuses an invalid workspace and writes nothing', async () => {
    const { db } = await makeTestDb();
    await expect(createWorkspace(db, { ...input, currency: 'euro' }, testContext())).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await totalRows(db)).toBe(0);
  });

  it('renames (trimmed) and refuses an empty name', async () => {
    const { db } = await makeTestDb();
    const ctx = testContext();
    const { workspace } = await createWorkspace(db, input, ctx);
    await renameWorkspace(db, workspace.id, '  Contoso Europe  ', ctx);
    expect((await db.workspaces.get(workspace.id))?.name).toBe('Contoso Europe');
    const err = await renameWorkspace(db, workspace.id, '   ', ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).problems).toEqual([{ field: 'name', reason: 'a name is required' }]);
    expect((await db.workspaces.get(workspace.id))?.name).toBe('Contoso Europe');
  });

  it('updating the partner name renames the partner party too', async () => {
    const { db } = await makeTestDb();
    const ctx = testContext();
    const { workspace } = await createWorkspace(db, input, ctx);
    const cs = await updateWorkspace(db, workspace.id, { partnerName: 'Northwind Services', endpointCount: 1200 }, ctx);
    const partner = (await db.rows('parties').where('workspaceId').equals(workspace.id).toArray()).find(
      (p) => p.kind === 'partner',
    );
    expect(partner?.name).toBe('Northwind Services');
    expect((await db.workspaces.get(workspace.id))?.endpointCount).toBe(1200);
    expect(cs.changes.map((c) => c.table).sort()).toEqual(['parties', 'workspaces']);
  });

  it('deletes a workspace and every row it owns, leaving other workspaces untouched', async () => {
    const { db } = await makeTestDb();
    const ctx = testContext();
    const keep = await createWorkspace(db, { ...input, name: 'Keep' }, ctx);
    const fixture = fixtureWorkspace(testContext('fx'));
    await importWorkspace(db, fixture);
    const before = await countRows(db, keep.workspace.id);
    const doomed = await countRows(db, fixture.workspace.id);
    const doomedTotal = Object.values(doomed).reduce((a, b) => a + b, 0) + 1;
    const totalBefore = await totalRows(db);

    const cs = await deleteWorkspace(db, fixture.workspace.id);
    expect(cs.label).toBe('Delete workspace “Zürich Präzision AG 🏭”');
    expect(cs.changes).toHaveLength(doomedTotal);
    expect(await db.workspaces.get(fixture.workspace.id)).toBeUndefined();
    for (const n of TABLE_NAMES) expect((await countRows(db, fixture.workspace.id))[n], n).toBe(0);
    expect(await countRows(db, keep.workspace.id)).toEqual(before);
    expect(await totalRows(db)).toBe(totalBefore - doomedTotal);
  });

  it('duplicates with fresh ids for every record, every reference kept inside the copy', async () => {
    const { db } = await makeTestDb();
    const fixture = fixtureWorkspace();
    await importWorkspace(db, fixture);
    const { workspace: copy } = await duplicateWorkspace(db, fixture.workspace.id, 'What-if', testContext('dup'));
    expect(copy.name).toBe('What-if');
    expect(await countRows(db, copy.id)).toEqual(await countRows(db, fixture.workspace.id));
    const original = await loadWorkspaceData(db, fixture.workspace.id);
    const duplicate = await loadWorkspaceData(db, copy.id);
    const originalIds = new Set(TABLE_NAMES.flatMap((n) => (original?.tables[n] as { id: string }[]).map((r) => r.id)));
    for (const n of TABLE_NAMES) {
      for (const r of duplicate?.tables[n] as { id: string }[])
        expect(originalIds.has(r.id), `${n} ${r.id}`).toBe(false);
    }
    // References point inside the copy: the dependent item depends on the copied item, the
    // budget line links the copied item, owners are the copy's parties.
    const items = duplicate?.tables.roadmapItems ?? [];
    const itemIds = new Set(items.map((i) => i.id));
    const partyIds = new Set((duplicate?.tables.parties ?? []).map((p) => p.id));
    expect(items.flatMap((i) => i.dependsOn).every((d) => itemIds.has(d))).toBe(true);
    expect(items.every((i) => partyIds.has(i.ownerPartyId))).toBe(true);
    expect(itemIds.has(duplicate?.tables.budgetLines[0]?.roadmapItemId ?? '')).toBe(true);
    // And the copy validates as a backup of its own.
    const text = serializeBackup(duplicate as WorkspaceData, '2026-03-15T10:00:00.000Z');
    expect(parseBackup(text).ok).toBe(true);
  });
});

describe('importWorkspace is atomic (REL-04, REL-10)', () => {
  it('a failure half-way (an id that already exists, in a late table) leaves the database unchanged', async () => {
    const { db } = await makeTestDb();
    const existing = await createWorkspace(db, input, testContext('a'));
    const incoming = fixtureWorkspace(testContext('b'));
    const snap = incoming.tables.kpiSnapshots[0];
    if (!snap) throw new Error('fixture has a snapshot');
    // The existing workspace already holds a KPI value with the id the incoming one uses; the
    // kpiSnapshots table is written after parties, roadmap items and budget lines, so the
    // transaction fails midway.
    await db.rows('kpiSnapshots').add({ ...snap, id: 'snap-taken', workspaceId: existing.workspace.id });
    incoming.tables.kpiSnapshots = [{ ...snap, id: 'snap-taken' }];
    expect(TABLE_NAMES.indexOf('kpiSnapshots')).toBeGreaterThan(TABLE_NAMES.indexOf('roadmapItems'));
    const snapshot = await loadWorkspaceData(db, existing.workspace.id);
    const totalBefore = await totalRows(db);

    await expect(importWorkspace(db, incoming)).rejects.toThrow();
    expect(await totalRows(db)).toBe(totalBefore);
    expect(await db.workspaces.get(incoming.workspace.id)).toBeUndefined();
    for (const n of ['roadmapItems', 'budgetLines', 'parties'] as TableName[]) {
      expect(await db.table(n).where('workspaceId').equals(incoming.workspace.id).count(), n).toBe(0);
    }
    expect(await loadWorkspaceData(db, existing.workspace.id)).toEqual(snapshot);
  });

  it('rows that belong to another workspace are refused before anything is written', async () => {
    const { db } = await makeTestDb();
    const data = fixtureWorkspace();
    const item = data.tables.roadmapItems[0];
    if (!item) throw new Error('fixture has items');
    data.tables.roadmapItems[0] = { ...item, workspaceId: 'someone-else' };
    const err = await importWorkspace(db, data).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).record).toBe('roadmapItems');
    expect(await totalRows(db)).toBe(0);
  });
});

describe('backups (REL-05)', () => {
  it('round trip: export → wipe → import gives the same workspace, unicode and emoji intact', async () => {
    const { db } = await makeTestDb();
    const original = fixtureWorkspace();
    await importWorkspace(db, original);
    const text = await exportWorkspace(db, original.workspace.id, '2026-03-15T10:00:00.000Z');
    expect(text).toContain('"formatVersion": 1');

    await db.delete();
    const { db: fresh } = await makeTestDb();
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    await importWorkspace(fresh, parsed.data);
    const back = await loadWorkspaceData(fresh, original.workspace.id);
    expect(back?.workspace).toEqual(original.workspace);
    expect(sortedTables(back as WorkspaceData)).toEqual(sortedTables(original));
    expect(back?.tables.roadmapItems.map((i) => i.title).sort()).toEqual([
      '<script>alert(1)</script> SIEM tuning',
      'Cloud migration ☁️ — “Phase 1”',
    ]);
  });

  it('importBackupText imports as a NEW workspace next to the original', async () => {
    const { db } = await makeTestDb();
    const original = fixtureWorkspace();
    await importWorkspace(db, original);
    const text = await exportWorkspace(db, original.workspace.id, '2026-03-15T10:00:00.000Z');
    const outcome = await importBackupText(db, text, testContext('imp'));
    if (!outcome.ok) throw new Error('expected ok');
    expect(outcome.workspace.id).not.toBe(original.workspace.id);
    expect(outcome.workspace.name).toBe(original.workspace.name);
    expect(await countRows(db, outcome.workspace.id)).toEqual(await countRows(db, original.workspace.id));
    expect((await listWorkspaces(db)).length).toBe(2);
  });

  it('a backup with problems names record, field and reason, and writes nothing', async () => {
    const { db } = await makeTestDb();
    const data = fixtureWorkspace();
    const text = serializeBackup(data, '2026-03-15T10:00:00.000Z').replace('"priority":2', '"priority":"high"');
    const outcome = await importBackupText(db, text, testContext());
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems[0]?.record).toMatch(/^roadmapItems\[1\]/);
    expect(outcome.problems[0]?.field).toBe('priority');
    expect(outcome.problems[0]?.reason.length).toBeGreaterThan(0);
    expect(await totalRows(db)).toBe(0);
  });

  it('truncated JSON is reported with its position and nothing is written', async () => {
    const { db } = await makeTestDb();
    const text = serializeBackup(fixtureWorkspace(), '2026-03-15T10:00:00.000Z');
    const outcome = await importBackupText(db, text.slice(0, text.length / 2), testContext());
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems[0]?.reason).toMatch(/line \d+, column \d+/);
    expect(await totalRows(db)).toBe(0);
  });

  it('asNewWorkspace keeps the data but changes every id', () => {
    const data = fixtureWorkspace();
    const copy = asNewWorkspace(data, testContext('n'), 'Renamed');
    expect(copy.workspace.name).toBe('Renamed');
    expect(copy.workspace.id).not.toBe(data.workspace.id);
    expect(copy.tables.roadmapItems.map((i) => i.title)).toEqual(data.tables.roadmapItems.map((i) => i.title));
  });

  it.each([
    ['Contoso', '2026-03-15T10:00:00.000Z', 'Contoso-2026-03-15.quarterdeck.json'],
    ['Zürich Präzision AG 🏭', '2026-12-01T00:00:00.000Z', 'Zurich-Prazision-AG-2026-12-01.quarterdeck.json'],
    ['a/b\\c:d', '2026-01-02T00:00:00.000Z', 'abcd-2026-01-02.quarterdeck.json'],
    ['🏭', '2026-01-02T00:00:00.000Z', 'workspace-2026-01-02.quarterdeck.json'],
  ])('backup file name for %s', (name, now, expected) => {
    expect(backupFileName(name, now)).toBe(expected);
  });
});
