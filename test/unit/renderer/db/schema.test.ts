import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  QuarterdeckDb,
  ReadOnlyDatabaseError,
  newerVersionMessage,
  openDatabase,
  storeNames,
} from '../../../../renderer/src/db/database';
import { SCHEMA_VERSION, SCHEMA_VERSIONS, currentStoreNames } from '../../../../renderer/src/db/versions';
import { TABLE_NAMES } from '../../../../shared/domain/tables';
import { makeTestDb } from '../../../helpers/test-db';

describe('database schema v1', () => {
  it('opens at version 1 with a store for every domain table plus workspaces and meta', async () => {
    const { db, readOnlyReason } = await makeTestDb();
    expect(readOnlyReason).toBeNull();
    expect(SCHEMA_VERSION).toBe(1);
    expect(db.verno).toBe(1);
    const expected = [...TABLE_NAMES, 'workspaces', 'meta'].sort();
    expect(storeNames(db)).toEqual(expected);
    expect(currentStoreNames().sort()).toEqual(expected);
    expect(await db.meta.get('schemaVersion')).toEqual({ key: 'schemaVersion', value: 1 });
    db.close();
  });

  it('indexes every workspace table by id and workspaceId, plus the compound indexes screens query', async () => {
    const { db } = await makeTestDb();
    for (const name of TABLE_NAMES) {
      const schema = db.table(name).schema;
      expect(schema.primKey.name, name).toBe('id');
      expect(
        schema.indexes.map((i) => i.name),
        name,
      ).toContain('workspaceId');
    }
    const idx = (t: string) => db.table(t).schema.indexes.map((i) => i.name);
    expect(idx('kpiSnapshots')).toEqual(expect.arrayContaining(['[workspaceId+kpiKey]', '[workspaceId+period]']));
    expect(idx('budgetLines')).toContain('[workspaceId+fiscalYear]');
    expect(idx('qbrs')).toContain('[workspaceId+quarter]');
    expect(idx('partnerScorecards')).toContain('[workspaceId+quarter]');
    db.close();
  });

  it('lists each version once, in ascending order, each with a named upgrade function', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    for (const v of SCHEMA_VERSIONS) expect(v.upgrade?.name).toMatch(/^upgradeToV\d+$/);
  });

  it('reopens an existing v1 database without losing rows', async () => {
    const { db, name } = await makeTestDb();
    await db.workspaces.add({
      id: 'w1',
      name: 'Kept',
      currency: 'USD',
      locale: 'en-US',
      fiscalYearStartMonth: 1,
      userCount: 1,
      endpointCount: 1,
      serverCount: 0,
      logo: null,
      partnerName: '',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    db.close();
    const again = await openDatabase(name);
    expect(again.readOnlyReason).toBeNull();
    expect((await again.db.workspaces.get('w1'))?.name).toBe('Kept');
    again.db.close();
  });
});

describe('a database written by a newer app (REL-03)', () => {
  async function writeNewer(name: string, opts: { nativeVersion: number; metaVersion: number }): Promise<void> {
    const newer = new Dexie(name);
    const stores: Record<string, string> = { workspaces: 'id, name', meta: 'key', futureThings: 'id, workspaceId' };
    for (const t of TABLE_NAMES) stores[t] = 'id, workspaceId';
    newer.version(opts.nativeVersion).stores(stores);
    await newer.open();
    await newer.table('meta').put({ key: 'schemaVersion', value: opts.metaVersion });
    await newer.table('workspaces').put({ id: 'w-future', name: 'From the future' });
    newer.close();
  }

  it.each([
    { case: 'higher IndexedDB version', nativeVersion: 2, metaVersion: 2, found: 2 },
    { case: 'same IndexedDB version, newer meta version', nativeVersion: 1, metaVersion: 3, found: 3 },
  ])('opens read-only with a message when $case', async ({ nativeVersion, metaVersion, found }) => {
    const name = `qd-newer-${nativeVersion}-${metaVersion}-${Date.now()}`;
    await writeNewer(name, { nativeVersion, metaVersion });
    const { db, readOnlyReason, storedVersion } = await openDatabase(name);
    expect(storedVersion).toBe(found);
    expect(readOnlyReason).toBe(newerVersionMessage(found));
    expect(readOnlyReason).toContain('read-only');
    // Reading works…
    expect((await db.workspaces.get('w-future'))?.name).toBe('From the future');
    // …every kind of write is refused, and nothing changes.
    await expect(
      db.workspaces.put({ ...(await db.workspaces.get('w-future'))!, name: 'Overwritten' }),
    ).rejects.toBeInstanceOf(ReadOnlyDatabaseError);
    await expect(db.meta.put({ key: 'schemaVersion', value: 1 })).rejects.toBeInstanceOf(ReadOnlyDatabaseError);
    await expect(db.table('roadmapItems').bulkAdd([{ id: 'x', workspaceId: 'w-future' }])).rejects.toBeInstanceOf(
      ReadOnlyDatabaseError,
    );
    await expect(db.workspaces.clear()).rejects.toBeInstanceOf(ReadOnlyDatabaseError);
    expect((await db.workspaces.get('w-future'))?.name).toBe('From the future');
    expect((await db.meta.get('schemaVersion'))?.value).toBe(metaVersion);
    db.close();
  });

  it('a plain QuarterdeckDb (not read-only) still writes', async () => {
    const db = new QuarterdeckDb(`qd-plain-${Date.now()}`);
    await db.open();
    await db.meta.put({ key: 'k', value: 1 });
    expect((await db.meta.get('k'))?.value).toBe(1);
    db.close();
  });
});
