import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../../../renderer/src/db/changes';
import {
  ClosedQbrError,
  closeQbr,
  createQbrForQuarter,
  decisionFromRoadmapItem,
  updateQbr,
} from '../../../../renderer/src/db/repos/qbr';
import { importWorkspace, loadWorkspaceData } from '../../../../renderer/src/db/repos/workspaces';
import { draftFromQbr } from '../../../../renderer/src/features/qbr/qbr-editor-state';
import { buildSampleWorkspace } from '../../../../shared/sample/build-sample';
import { modelForQbr } from '../../../../shared/deck/snapshot';
import { canonicalJson } from '../../../../shared/util/canonical-json';
import { sha256Hex } from '../../../../shared/util/sha256';
import { makeTestDb, testContext } from '../../../helpers/test-db';

async function sampleDb() {
  const { db } = await makeTestDb();
  const data = buildSampleWorkspace();
  await importWorkspace(db, data);
  const draft = data.tables.qbrs.find((q) => q.status === 'draft');
  if (!draft) throw new Error('sample: no draft QBR');
  return { db, data, draft, ctx: testContext('t', '2026-11-27T21:00:00.000Z') };
}

describe('QBR repo', () => {
  it('creates the QBR of a quarter from defaults, once', async () => {
    const { db, data, ctx } = await sampleDb();
    const { qbr, changes } = await createQbrForQuarter(db, data.workspace.id, '2026-Q4', ctx);
    expect(qbr.status).toBe('draft');
    expect(qbr.sections).toHaveLength(15);
    expect(qbr.sections.every((s) => s.enabled)).toBe(true);
    expect(qbr.agenda.reduce((t, a) => t + a.minutes, 0)).toBe(90);
    // The sample's three requested decisions share a date (2026-10-15), so they sort by text:
    // "Certify…", "Fund…", "Go live…".
    expect(qbr.decisionIds).toEqual([
      'northwind-sample:decision:iso-27001-scope',
      'northwind-sample:decision:copilot-pilot',
      'northwind-sample:decision:erp-go-live',
    ]);
    expect(qbr.attendees.map((a) => a.role)).toEqual(['Internal IT', 'Partner']);
    expect(changes.changes).toHaveLength(1);
    await expect(createQbrForQuarter(db, data.workspace.id, '2026-Q4', ctx)).rejects.toThrow(
      /2026-Q4 already has a QBR/,
    );
  });

  it('saves an edit as one undoable change set and rejects invalid fields without writing', async () => {
    const { db, draft } = await sampleDb();
    const edit = { ...draftFromQbr(draft), executiveSummary: 'Edited summary' };
    const cs = await updateQbr(db, draft.id, edit);
    expect((await db.rows('qbrs').get(draft.id))?.executiveSummary).toBe('Edited summary');
    await applyChangeSet(db, cs, 'undo');
    expect((await db.rows('qbrs').get(draft.id))?.executiveSummary).toBe(draft.executiveSummary);
    await expect(updateQbr(db, draft.id, { ...edit, theme: { ...edit.theme, accentColor: 'blue' } })).rejects.toThrow(
      /theme\.accentColor/,
    );
    expect((await db.rows('qbrs').get(draft.id))?.theme.accentColor).toBe(draft.theme.accentColor);
  });

  it('turns a flagged roadmap item into a requested decision appended to the QBR', async () => {
    const { db, data, draft, ctx } = await sampleDb();
    const item = data.tables.roadmapItems.find((i) => i.needsDecision);
    if (!item) throw new Error('sample: no flagged item');
    const { decision, changes } = await decisionFromRoadmapItem(db, draft.id, item.id, ctx);
    expect(decision.status).toBe('requested');
    expect(decision.linkedItemIds).toEqual([item.id]);
    expect((await db.rows('qbrs').get(draft.id))?.decisionIds.at(-1)).toBe(decision.id);
    expect(changes.changes.map((c) => c.table)).toEqual(['decisions', 'qbrs']);
  });

  it('closes the quarter in one transaction: snapshot hash = sha256Hex(canonicalJson(model)), read-only after', async () => {
    const { db, data, draft, ctx } = await sampleDb();
    const openBefore = data.tables.actionItems.filter((a) => a.status === 'open' || a.status === 'in-progress');
    const { snapshot, changes } = await closeQbr(db, draft.id, ctx);
    expect(snapshot.sha256).toBe(sha256Hex(canonicalJson(snapshot.data)));
    expect(snapshot.sha256).toMatch(/^[0-9a-f]{64}$/);
    const stored = await db.rows('qbrSnapshots').get(snapshot.id);
    expect(stored?.sha256).toBe(snapshot.sha256);
    expect(sha256Hex(canonicalJson(stored?.data))).toBe(snapshot.sha256);
    const closed = await db.rows('qbrs').get(draft.id);
    expect(closed?.status).toBe('closed');
    expect(closed?.closedAt).toBe('2026-11-27T21:00:00.000Z');
    expect(changes.changes[0]?.table).toBe('qbrSnapshots');
    expect(changes.changes[1]?.table).toBe('qbrs');
    // Carried-over actions are written in the same change set.
    const carried = changes.changes.filter((c) => c.table === 'actionItems');
    expect(carried.length).toBeLessThanOrEqual(openBefore.length);
    for (const c of carried) {
      expect((c.after as { carriedOver: number }).carriedOver).toBe(
        (c.before as { carriedOver: number }).carriedOver + 1,
      );
    }

    // The closed deck renders from the snapshot: the same model as frozen, whatever changes later.
    const after = await loadWorkspaceData(db, draft.workspaceId);
    if (!after) throw new Error('workspace vanished');
    const roadmapEdited = {
      ...after,
      tables: {
        ...after.tables,
        roadmapItems: after.tables.roadmapItems.map((i) => ({ ...i, title: `${i.title} (renamed)` })),
      },
    };
    expect(canonicalJson(modelForQbr(roadmapEdited, draft.id))).toBe(canonicalJson(snapshot.data));

    // Read-only: edits and a second close are refused and write nothing.
    await expect(updateQbr(db, draft.id, { ...draftFromQbr(draft), title: 'x' })).rejects.toBeInstanceOf(
      ClosedQbrError,
    );
    await expect(closeQbr(db, draft.id, ctx)).rejects.toBeInstanceOf(ClosedQbrError);
    expect(await db.rows('qbrSnapshots').where('qbrId').equals(draft.id).count()).toBe(1);

    // Undo reopens the quarter and removes the snapshot.
    await applyChangeSet(db, changes, 'undo');
    expect((await db.rows('qbrs').get(draft.id))?.status).toBe('draft');
    expect(await db.rows('qbrSnapshots').get(snapshot.id)).toBeUndefined();
  });
});
