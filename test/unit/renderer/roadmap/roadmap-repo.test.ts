/**
 * Roadmap repo additions: reschedule through the shared `reschedule` (costs and budget baseline
 * move with the item, one change set), the editor keeping the budget baseline when it changes the
 * start month, and the recurring-cost window typed in the editor.
 */
import { describe, expect, it } from 'vitest';
import {
  createRoadmapItem,
  draftFromItem,
  rescheduleRoadmapItem,
  updateRoadmapItem,
  validateRoadmapDraft,
  type RoadmapDraft,
} from '../../../../renderer/src/db/repos/roadmap';
import { ValidationError, createWorkspace } from '../../../../renderer/src/db/repos/workspaces';
import { UndoHistory } from '../../../../renderer/src/db/undo';
import {
  NO_FILTER,
  activeFilterCount,
  hashForView,
  toRoadmapFilter,
  viewFromHash,
} from '../../../../renderer/src/features/roadmap/view-state';
import { makeTestDb, testContext } from '../../../helpers/test-db';

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
    capex: '12,000',
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

describe('rescheduleRoadmapItem', () => {
  it('moves start, end and the explicit recurring window together, records the baseline once, one undo step each', async () => {
    const { db, ctx, workspace, owner } = await setup();
    const { item } = await createRoadmapItem(
      db,
      workspace.id,
      draft(owner, { opexStartMonth: '2026-07', opexEndMonth: '2027-06' }),
      ctx,
    );
    expect([item.opexStartMonth, item.opexEndMonth]).toEqual(['2026-07', '2027-06']);
    const history = new UndoHistory();

    const first = await rescheduleRoadmapItem(db, item.id, 3, ctx);
    history.record(first.changes);
    expect(first.changes.label).toBe('Move “Replace core switches” 3 months later');
    expect(first.changes.changes).toHaveLength(1);
    const a = await db.rows('roadmapItems').get(item.id);
    expect([a?.startMonth, a?.endMonth, a?.opexStartMonth, a?.opexEndMonth, a?.baselineStartMonth]).toEqual([
      '2026-07',
      '2026-12',
      '2026-10',
      '2027-09',
      '2026-04',
    ]);

    // A second move keeps the first baseline: the budget was planned against April.
    history.record((await rescheduleRoadmapItem(db, item.id, -1, ctx)).changes);
    const b = await db.rows('roadmapItems').get(item.id);
    expect([b?.startMonth, b?.baselineStartMonth]).toEqual(['2026-06', '2026-04']);
    expect(history.getSnapshot().undoLabel).toBe('Move “Replace core switches” 1 month earlier');

    await history.undo(db);
    expect((await db.rows('roadmapItems').get(item.id))?.startMonth).toBe('2026-07');
    await history.undo(db);
    const back = await db.rows('roadmapItems').get(item.id);
    expect([back?.startMonth, back?.opexStartMonth, back?.baselineStartMonth ?? null]).toEqual([
      '2026-04',
      '2026-07',
      null,
    ]);
  });

  it.each([0, 1.5, Number.NaN])('refuses a move of %s months and writes nothing', async (delta) => {
    const { db, ctx, workspace, owner } = await setup();
    const { item } = await createRoadmapItem(db, workspace.id, draft(owner), ctx);
    await expect(rescheduleRoadmapItem(db, item.id, delta, ctx)).rejects.toBeInstanceOf(ValidationError);
    expect(await db.rows('roadmapItems').get(item.id)).toEqual(item);
  });

  it('refuses a move off the calendar (before year 0) and names the field', async () => {
    const { db, ctx, workspace, owner } = await setup();
    const { item } = await createRoadmapItem(db, workspace.id, draft(owner), ctx);
    const err = await rescheduleRoadmapItem(db, item.id, -3_000_000, ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).problems.map((p) => p.field)).toContain('startMonth');
    expect(await db.rows('roadmapItems').get(item.id)).toEqual(item);
  });

  it('says when the item no longer exists', async () => {
    const { db, ctx } = await setup();
    await expect(rescheduleRoadmapItem(db, 'gone', 1, ctx)).rejects.toThrow('roadmap item gone no longer exists');
  });
});

describe('the editor and the budget baseline', () => {
  it('a start month changed in the editor keeps the baseline, like a drag', async () => {
    const { db, ctx, workspace, owner } = await setup();
    const { item } = await createRoadmapItem(db, workspace.id, draft(owner), ctx);
    const edit = { ...draftFromItem(item, (m) => String(m / 100)), startMonth: '2026-06', endMonth: '2026-11' };
    await updateRoadmapItem(db, item.id, edit, ctx);
    const after = await db.rows('roadmapItems').get(item.id);
    expect([after?.startMonth, after?.baselineStartMonth]).toEqual(['2026-06', '2026-04']);
    // An edit that leaves the start month alone records no baseline.
    const { item: other } = await createRoadmapItem(db, workspace.id, draft(owner, { title: 'Other' }), ctx);
    await updateRoadmapItem(db, other.id, { ...draftFromItem(other, (m) => String(m / 100)), title: 'Renamed' }, ctx);
    expect((await db.rows('roadmapItems').get(other.id))?.baselineStartMonth ?? null).toBeNull();
  });

  it.each<[string, Partial<RoadmapDraft>, keyof RoadmapDraft, RegExp]>([
    ['a recurring start that is not a month', { opexStartMonth: '2026-13' }, 'opexStartMonth', /YYYY-MM/],
    ['a recurring end that is not a month', { opexEndMonth: 'June' }, 'opexEndMonth', /YYYY-MM/],
    [
      'a recurring end before its start',
      { opexStartMonth: '2026-08', opexEndMonth: '2026-07' },
      'opexEndMonth',
      /before/,
    ],
    ['a recurring end before the item starts', { opexEndMonth: '2026-03' }, 'opexEndMonth', /before/],
  ])('refuses %s', async (_case, patch, field, reason) => {
    const { db, ctx, workspace, owner } = await setup();
    expect(validateRoadmapDraft(draft(owner, patch), workspace, [owner])[field]).toMatch(reason);
    await expect(createRoadmapItem(db, workspace.id, draft(owner, patch), ctx)).rejects.toBeInstanceOf(ValidationError);
    expect(await db.rows('roadmapItems').count()).toBe(0);
  });

  it('an empty recurring window follows the item; the form round-trips it', async () => {
    const { db, ctx, workspace, owner } = await setup();
    const { item } = await createRoadmapItem(
      db,
      workspace.id,
      draft(owner, { opexStartMonth: '', opexEndMonth: '' }),
      ctx,
    );
    expect([item.opexStartMonth, item.opexEndMonth]).toEqual([null, null]);
    const d = draftFromItem({ ...item, opexEndMonth: '2027-03' }, (m) => String(m / 100));
    expect([d.opexStartMonth, d.opexEndMonth]).toEqual(['', '2027-03']);
  });
});

describe('roadmap view state', () => {
  it.each<[string, string]>([
    ['#/roadmap', 'list'],
    ['#/roadmap/timeline', 'timeline'],
    ['#/roadmap/horizons', 'horizons'],
    ['#/roadmap/nonsense', 'list'],
    ['', 'list'],
  ])('%s → %s, and back', (hash, view) => {
    const v = viewFromHash(hash);
    expect(v).toBe(view);
    expect(viewFromHash(hashForView(v))).toBe(view);
  });

  it('turns the toolbar fields into the shared filter and counts the active ones', () => {
    expect(toRoadmapFilter(NO_FILTER)).toEqual({ text: '' });
    const f = { ...NO_FILTER, bucket: 'protect', owner: 'p1', health: 'red', decision: 'no' } as const;
    expect(toRoadmapFilter(f)).toEqual({
      text: '',
      buckets: ['protect'],
      ownerPartyIds: ['p1'],
      healths: ['red'],
      needsDecision: false,
    });
    expect(activeFilterCount(f)).toBe(4);
    expect(activeFilterCount({ ...NO_FILTER, text: '  ' })).toBe(0);
  });
});
