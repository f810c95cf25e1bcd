import { describe, expect, it } from 'vitest';
import {
  createRoadmapItem,
  deleteRoadmapItem,
  updateRoadmapItem,
  validateRoadmapDraft,
  type RoadmapDraft,
} from '../../../../renderer/src/db/repos/roadmap';
import {
  ValidationError,
  createWorkspace,
  deleteWorkspace,
  importWorkspace,
  loadWorkspaceData,
  renameWorkspace,
} from '../../../../renderer/src/db/repos/workspaces';
import { UndoHistory } from '../../../../renderer/src/db/undo';
import { fixtureWorkspace, makeTestDb, testContext } from '../../../helpers/test-db';

function draft(ownerPartyId: string, patch: Partial<RoadmapDraft> = {}): RoadmapDraft {
  return {
    title: 'Replace core switches',
    description: '',
    domain: 'network',
    bucket: 'run',
    status: 'approved',
    health: 'green',
    priority: 2,
    startMonth: '2026-04',
    endMonth: '2026-09',
    progressPct: 0,
    ownerPartyId,
    capex: '12,500.50',
    opexMonthly: '300',
    needsDecision: false,
    decisionText: '',
    recommendedOption: '',
    ...patch,
  };
}

async function setup() {
  const { db } = await makeTestDb();
  const ctx = testContext();
  const { workspace } = await createWorkspace(
    db,
    { name: 'Contoso', currency: 'USD', locale: 'en-US', fiscalYearStartMonth: 1 },
    ctx,
  );
  const parties = await db.rows('parties').where('workspaceId').equals(workspace.id).toArray();
  const owner = parties.find((p) => p.kind === 'internal')?.id ?? '';
  return { db, ctx, workspace, owner };
}

describe('roadmap repo', () => {
  it('stores money typed in major units as integer cents', async () => {
    const { db, ctx, workspace, owner } = await setup();
    const { item } = await createRoadmapItem(db, workspace.id, draft(owner), ctx);
    expect(item.capex).toBe(1_250_050);
    expect(item.opexMonthly).toBe(30_000);
    expect(await db.rows('roadmapItems').get(item.id)).toEqual(item);
  });

  it.each<[string, Partial<RoadmapDraft>, keyof RoadmapDraft, RegExp]>([
    ['empty title', { title: '   ' }, 'title', /title/i],
    ['end before start', { startMonth: '2026-09', endMonth: '2026-04' }, 'endMonth', /before the start/],
    ['not a month', { startMonth: '2026-13' }, 'startMonth', /YYYY-MM/],
    ['negative capex', { capex: '-5' }, 'capex', /negative/],
    ['three decimals', { opexMonthly: '1.234' }, 'opexMonthly', /2 decimal/],
    ['letters in money', { capex: '12k' }, 'capex', /amount/],
    ['unknown owner', { ownerPartyId: 'nobody' }, 'ownerPartyId', /owns/],
    ['decision without text', { needsDecision: true }, 'decisionText', /deciding/],
    ['progress over 100', { progressPct: 120 }, 'progressPct', /100/],
  ])('refuses %s (field %s) and writes nothing', async (_case, patch, field, reason) => {
    const { db, ctx, workspace, owner } = await setup();
    const errors = validateRoadmapDraft(draft(owner, patch), workspace, [owner]);
    expect(errors[field]).toMatch(reason);
    const err = await createRoadmapItem(db, workspace.id, draft(owner, patch), ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).problems.map((p) => p.field)).toContain(field);
    expect(await db.rows('roadmapItems').count()).toBe(0);
  });

  it('refuses a dependency cycle through the shared editor rules', async () => {
    const { db, ctx, workspace, owner } = await setup();
    const a = (await createRoadmapItem(db, workspace.id, draft(owner, { title: 'A' }), ctx)).item;
    const b = (await createRoadmapItem(db, workspace.id, draft(owner, { title: 'B' }), ctx)).item;
    await db.rows('roadmapItems').put({ ...b, dependsOn: [a.id] });
    await db.rows('roadmapItems').put({ ...a, dependsOn: [b.id] });
    // Editing A now checks its (cyclic) dependencies.
    const err = await updateRoadmapItem(db, a.id, draft(owner, { title: 'A2' }), ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).problems[0]?.field).toBe('dependsOn');
    expect((await db.rows('roadmapItems').get(a.id))?.title).toBe('A');
  });

  it('deleting an item unhooks dependents and budget links; undo restores all of them', async () => {
    const { db } = await makeTestDb();
    const data = fixtureWorkspace();
    await importWorkspace(db, data);
    const before = await loadWorkspaceData(db, data.workspace.id);
    const target = data.tables.roadmapItems[0];
    if (!target) throw new Error('fixture');
    const history = new UndoHistory();
    const cs = await deleteRoadmapItem(db, target.id);
    history.record(cs);
    const after = await loadWorkspaceData(db, data.workspace.id);
    expect(after?.tables.roadmapItems.map((i) => i.id)).not.toContain(target.id);
    expect(after?.tables.roadmapItems.flatMap((i) => i.dependsOn)).not.toContain(target.id);
    expect(after?.tables.budgetLines[0]?.roadmapItemId).toBeNull();
    expect(cs.changes.map((c) => c.table).sort()).toEqual(['budgetLines', 'roadmapItems', 'roadmapItems']);

    expect(await history.undo(db)).toBe(`Delete roadmap item “${target.title}”`);
    const restored = await loadWorkspaceData(db, data.workspace.id);
    expect(restored?.tables.roadmapItems.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      before?.tables.roadmapItems.sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(restored?.tables.budgetLines).toEqual(before?.tables.budgetLines);
  });
});

describe('undo / redo (REL-14)', () => {
  it('undoes and redoes create, edit and delete of a roadmap item in order', async () => {
    const { db, ctx, workspace, owner } = await setup();
    const h = new UndoHistory();
    const { item, changes } = await createRoadmapItem(db, workspace.id, draft(owner), ctx);
    h.record(changes);
    h.record(await updateRoadmapItem(db, item.id, draft(owner, { title: 'Replace core and edge switches' }), ctx));
    h.record(await deleteRoadmapItem(db, item.id));
    expect(h.getSnapshot()).toEqual({
      undoLabel: 'Delete roadmap item “Replace core and edge switches”',
      redoLabel: null,
    });

    await h.undo(db); // the delete
    expect((await db.rows('roadmapItems').get(item.id))?.title).toBe('Replace core and edge switches');
    await h.undo(db); // the edit
    expect((await db.rows('roadmapItems').get(item.id))?.title).toBe('Replace core switches');
    await h.undo(db); // the create
    expect(await db.rows('roadmapItems').get(item.id)).toBeUndefined();
    expect(await h.undo(db)).toBeNull();

    await h.redo(db);
    expect((await db.rows('roadmapItems').get(item.id))?.title).toBe('Replace core switches');
    await h.redo(db);
    expect((await db.rows('roadmapItems').get(item.id))?.title).toBe('Replace core and edge switches');
    await h.redo(db);
    expect(await db.rows('roadmapItems').get(item.id)).toBeUndefined();
    expect(await h.redo(db)).toBeNull();
  });

  it('undoes a workspace rename and a cascading workspace delete', async () => {
    const { db } = await makeTestDb();
    const ctx = testContext();
    const data = fixtureWorkspace();
    await importWorkspace(db, data);
    const original = await loadWorkspaceData(db, data.workspace.id);
    const h = new UndoHistory();
    h.record(await renameWorkspace(db, data.workspace.id, 'Renamed', ctx));
    h.record(await deleteWorkspace(db, data.workspace.id));
    expect(await db.workspaces.count()).toBe(0);

    await h.undo(db);
    const back = await loadWorkspaceData(db, data.workspace.id);
    expect(back?.workspace.name).toBe('Renamed');
    expect(back?.tables.kpiSnapshots).toEqual(original?.tables.kpiSnapshots);
    await h.undo(db);
    expect(await loadWorkspaceData(db, data.workspace.id)).toEqual(original);

    await h.redo(db);
    await h.redo(db);
    expect(await db.workspaces.count()).toBe(0);
    expect(await db.rows('roadmapItems').count()).toBe(0);
  });

  it('a new edit clears the redo side; the history keeps at most its limit', async () => {
    const { db, ctx, workspace } = await setup();
    const h = new UndoHistory(2);
    h.record(await renameWorkspace(db, workspace.id, 'One', ctx));
    h.record(await renameWorkspace(db, workspace.id, 'Two', ctx));
    h.record(await renameWorkspace(db, workspace.id, 'Three', ctx));
    await h.undo(db);
    await h.undo(db);
    expect(await h.undo(db)).toBeNull(); // the first rename fell off the 2-entry history
    expect((await db.workspaces.get(workspace.id))?.name).toBe('One');
    h.record(await renameWorkspace(db, workspace.id, 'Four', ctx));
    expect(h.getSnapshot().redoLabel).toBeNull();
    expect(await h.redo(db)).toBeNull();
  });

  it('notifies subscribers with stable snapshots', async () => {
    const { db, ctx, workspace } = await setup();
    const h = new UndoHistory();
    let calls = 0;
    const unsubscribe = h.subscribe(() => calls++);
    const first = h.getSnapshot();
    expect(h.getSnapshot()).toBe(first);
    h.record(await renameWorkspace(db, workspace.id, 'One', ctx));
    await h.undo(db);
    unsubscribe();
    h.record(await renameWorkspace(db, workspace.id, 'Two', ctx));
    expect(calls).toBe(2);
  });
});
