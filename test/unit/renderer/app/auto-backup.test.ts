import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../../../shared/backup/format';
import { AutoBackup } from '../../../../renderer/src/app/auto-backup';
import { createWorkspace, deleteWorkspace, renameWorkspace } from '../../../../renderer/src/db/repos/workspaces';
import { makeFakeBridge } from '../../../helpers/fake-bridge';
import { makeTestDb, testContext } from '../../../helpers/test-db';

describe('automatic backups (desktop)', () => {
  it('backs up only changed workspaces, at most once per interval, and again after the interval', async () => {
    const { db } = await makeTestDb();
    const bridge = makeFakeBridge({ supportsBackups: true });
    let now = '2026-03-15T10:00:00.000Z';
    const ctx = testContext();
    const a = await createWorkspace(db, { name: 'A', currency: 'USD', locale: 'en-US', fiscalYearStartMonth: 1 }, ctx);
    const b = await createWorkspace(db, { name: 'B', currency: 'USD', locale: 'en-US', fiscalYearStartMonth: 1 }, ctx);
    const auto = new AutoBackup({ db, bridge, now: () => now, intervalMs: 60 * 60 * 1000 });
    const off = db.onWorkspaceChange((ids) => auto.markDirty(ids, null));

    await renameWorkspace(db, a.workspace.id, 'A2', ctx);
    expect(auto.pending()).toEqual([a.workspace.id]);
    expect(await auto.tick()).toEqual([a.workspace.id]);
    expect(bridge.backups).toHaveLength(1);
    expect(bridge.backups[0]?.info.workspaceName).toBe('A2');
    const parsed = parseBackup(bridge.backups[0]?.json ?? '');
    expect(parsed.ok && parsed.data.workspace.name).toBe('A2');

    // Another change 10 minutes later: not due yet, stays pending.
    now = '2026-03-15T10:10:00.000Z';
    await renameWorkspace(db, a.workspace.id, 'A3', ctx);
    expect(await auto.tick()).toEqual([]);
    expect(auto.pending()).toEqual([a.workspace.id]);
    // An hour after the first backup it is written.
    now = '2026-03-15T11:00:00.000Z';
    expect(await auto.tick()).toEqual([a.workspace.id]);
    expect(bridge.backups.map((x) => x.info.workspaceName)).toEqual(['A2', 'A3']);
    // Nothing changed since: nothing written.
    now = '2026-03-15T13:00:00.000Z';
    expect(await auto.tick()).toEqual([]);
    // B never changed after creation (listener attached later): never backed up.
    expect(bridge.backups.every((x) => x.info.workspaceId === a.workspace.id)).toBe(true);

    // A deleted workspace is dropped from the pending list, not backed up.
    await deleteWorkspace(db, b.workspace.id);
    auto.markDirty([b.workspace.id], null);
    expect(await auto.tick()).toEqual([]);
    expect(auto.pending()).toEqual([]);
    off();
  });

  it('respects the newest existing backup on disk before the first write', async () => {
    const { db } = await makeTestDb();
    const bridge = makeFakeBridge({ supportsBackups: true });
    const ctx = testContext();
    const a = await createWorkspace(db, { name: 'A', currency: 'USD', locale: 'en-US', fiscalYearStartMonth: 1 }, ctx);
    await bridge.writeBackup({ workspaceId: a.workspace.id, workspaceName: 'A', json: '{}' });
    // The fake stamps 2026-01-01T00:00:00.000Z; 30 minutes later nothing is due.
    const auto = new AutoBackup({ db, bridge, now: () => '2026-01-01T00:30:00.000Z' });
    auto.markDirty([a.workspace.id], null);
    expect(await auto.tick()).toEqual([]);
    expect(bridge.backups).toHaveLength(1);
  });

  it('a change of unknown workspace counts for the current one', () => {
    const auto = new AutoBackup({ db: {} as never, bridge: makeFakeBridge(), now: () => '' });
    auto.markDirty(null, 'current');
    auto.markDirty(null, null);
    expect(auto.pending()).toEqual(['current']);
  });
});
