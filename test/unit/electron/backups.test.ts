import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFileName, createBackupHandlers, parseBackupFileName } from '../../../electron/main/handlers/backups';

let root: string;
beforeEach(() => {
  root = path.join(mkdtempSync(path.join(tmpdir(), 'qd-backups-')), 'backups');
});
afterEach(() => rmSync(path.dirname(root), { recursive: true, force: true }));

/** A clock the test moves by hand. */
function clock(start: string) {
  let now = new Date(start);
  return { now: () => new Date(now), set: (iso: string) => (now = new Date(iso)) };
}

const doc = (n: number): string => JSON.stringify({ formatVersion: 1, n });

describe('backup file names', () => {
  it.each([
    ['2025-03-10T12:00:00.000Z', 0, '2025-03-10T12-00-00-000Z.json'],
    ['2025-03-10T12:34:56.789Z', 2, '2025-03-10T12-34-56-789Z-2.json'],
  ])('%s (suffix %i) → %s and back', (iso, suffix, name) => {
    expect(backupFileName(new Date(iso), suffix)).toBe(name);
    expect(parseBackupFileName(name)).toBe(iso);
  });

  it.each([
    '../x.json',
    '2025-13-10T12-00-00-000Z.json',
    '2025-03-10T12-00-00-000Z.json.tmp',
    'workspace.json',
    '.2025-03-10T12-00-00-000Z.json.ab.tmp',
  ])('rejects %s', (name) => expect(parseBackupFileName(name)).toBeNull());
});

describe('createBackupHandlers', () => {
  it('writes <backups>/<workspaceId>/<timestamp>.json atomically and lists it', async () => {
    const c = clock('2025-03-10T12:00:00.000Z');
    const h = createBackupHandlers({ backupsDir: root, now: c.now });
    const info = await h.writeBackup({ workspaceId: 'ws-acme', workspaceName: 'Acme', json: doc(1) });
    expect(info).toEqual({
      fileName: '2025-03-10T12-00-00-000Z.json',
      workspaceId: 'ws-acme',
      createdAt: '2025-03-10T12:00:00.000Z',
      size: doc(1).length,
      workspaceName: 'Acme',
      pruned: 0,
    });
    expect(readFileSync(path.join(root, 'ws-acme', info.fileName), 'utf8')).toBe(doc(1));
    // Only the backup and the name metadata: no temp files left behind.
    expect(readdirSync(path.join(root, 'ws-acme')).sort()).toEqual([info.fileName, 'workspace.json']);
    await expect(h.listBackups({})).resolves.toEqual([
      {
        fileName: info.fileName,
        workspaceId: 'ws-acme',
        createdAt: info.createdAt,
        size: info.size,
        workspaceName: 'Acme',
      },
    ]);
    await expect(h.readBackup({ fileName: info.fileName })).resolves.toEqual({ json: doc(1) });
  });

  it('two backups in the same millisecond get distinct names', async () => {
    const c = clock('2025-03-10T12:00:00.000Z');
    const h = createBackupHandlers({ backupsDir: root, now: c.now });
    const a = await h.writeBackup({ workspaceId: 'w', workspaceName: 'W', json: doc(1) });
    const b = await h.writeBackup({ workspaceId: 'w', workspaceName: 'W', json: doc(2) });
    expect([a.fileName, b.fileName]).toEqual(['2025-03-10T12-00-00-000Z.json', '2025-03-10T12-00-00-000Z-1.json']);
    await expect(h.readBackup({ fileName: b.fileName, workspaceId: 'w' })).resolves.toEqual({ json: doc(2) });
  });

  it('prunes with the rotation policy: 30 hourly backups keep the newest 24 (+ none older today)', async () => {
    const c = clock('2025-03-10T00:00:00.000Z');
    const h = createBackupHandlers({ backupsDir: root, now: c.now, utcOffsetMinutes: () => 0 });
    let prunedTotal = 0;
    for (let i = 0; i < 30; i += 1) {
      c.set(new Date(Date.UTC(2025, 2, 9, 0 + i)).toISOString());
      prunedTotal += (await h.writeBackup({ workspaceId: 'w', workspaceName: 'W', json: doc(i) })).pruned;
    }
    // Hours 00..23 on Mar 9, 00..05 on Mar 10. Last 24 = Mar 9 06:00 .. Mar 10 05:00; Mar 9's newest (23:00) is among them.
    const list = await h.listBackups({ workspaceId: 'w' });
    expect(list).toHaveLength(24);
    expect(list[0]?.createdAt).toBe('2025-03-10T05:00:00.000Z');
    expect(list.at(-1)?.createdAt).toBe('2025-03-09T06:00:00.000Z');
    expect(prunedTotal).toBe(6);
  });

  it('lists newest first across workspaces, or one workspace', async () => {
    const c = clock('2025-03-10T10:00:00.000Z');
    const h = createBackupHandlers({ backupsDir: root, now: c.now });
    await h.writeBackup({ workspaceId: 'a', workspaceName: 'A', json: doc(1) });
    c.set('2025-03-10T11:00:00.000Z');
    await h.writeBackup({ workspaceId: 'b', workspaceName: 'B', json: doc(2) });
    writeFileSync(path.join(root, 'b', 'notes.txt'), 'ignored');
    mkdirSync(path.join(root, '.hidden'));
    expect((await h.listBackups({})).map((b) => `${b.workspaceId}/${b.fileName}`)).toEqual([
      'b/2025-03-10T11-00-00-000Z.json',
      'a/2025-03-10T10-00-00-000Z.json',
    ]);
    expect((await h.listBackups({ workspaceId: 'a' })).map((b) => b.workspaceId)).toEqual(['a']);
    await expect(h.listBackups({ workspaceId: 'never' })).resolves.toEqual([]);
  });

  it('an empty or missing backups folder lists nothing', async () => {
    const h = createBackupHandlers({ backupsDir: root, now: () => new Date() });
    await expect(h.listBackups({})).resolves.toEqual([]);
  });

  it.each(['../x', '../../etc/passwd', '..', 'a/b', 'a\\b', '', '.git'])(
    'refuses workspace id %j before touching the disk',
    async (workspaceId) => {
      const h = createBackupHandlers({ backupsDir: root, now: () => new Date('2025-01-01T00:00:00.000Z') });
      await expect(h.writeBackup({ workspaceId, workspaceName: 'x', json: '{}' })).rejects.toThrow(
        /invalid workspace id/,
      );
      expect(() => readdirSync(path.dirname(root))).not.toThrow();
      expect(readdirSync(path.dirname(root))).toEqual([]);
    },
  );

  it.each(['../x', '../../secret.json', 'workspace.json', '2025-03-10T12-00-00-000Z.json/../../x', 'x.json'])(
    'readBackup refuses file name %j',
    async (fileName) => {
      const h = createBackupHandlers({ backupsDir: root, now: () => new Date() });
      await expect(h.readBackup({ fileName })).rejects.toThrow(/not a backup file name/);
    },
  );

  it('readBackup: missing, ambiguous without workspaceId, exact with it', async () => {
    const c = clock('2025-03-10T12:00:00.000Z');
    const h = createBackupHandlers({ backupsDir: root, now: c.now });
    await expect(h.readBackup({ fileName: '2025-03-10T12-00-00-000Z.json' })).rejects.toThrow(/no backup named/);
    await h.writeBackup({ workspaceId: 'a', workspaceName: 'A', json: doc(1) });
    await h.writeBackup({ workspaceId: 'b', workspaceName: 'B', json: doc(2) });
    await expect(h.readBackup({ fileName: '2025-03-10T12-00-00-000Z.json' })).rejects.toThrow(
      /exists for 2 workspaces/,
    );
    await expect(h.readBackup({ fileName: '2025-03-10T12-00-00-000Z.json', workspaceId: 'b' })).resolves.toEqual({
      json: doc(2),
    });
  });

  it('refuses JSON that does not parse, writing nothing', async () => {
    const h = createBackupHandlers({ backupsDir: root, now: () => new Date('2025-01-01T00:00:00.000Z') });
    await expect(h.writeBackup({ workspaceId: 'w', workspaceName: 'W', json: '{"truncated": ' })).rejects.toThrow(
      /workspace w is not valid JSON/,
    );
    await expect(h.listBackups({})).resolves.toEqual([]);
  });

  it('disk full during the write: nothing half-written, earlier backups untouched (REL-11)', async () => {
    const c = clock('2025-03-10T10:00:00.000Z');
    const good = createBackupHandlers({ backupsDir: root, now: c.now });
    await good.writeBackup({ workspaceId: 'w', workspaceName: 'W', json: doc(1) });
    c.set('2025-03-10T11:00:00.000Z');
    const full = createBackupHandlers({
      backupsDir: root,
      now: c.now,
      write: async (p, data) => {
        writeFileSync(p, String(data).slice(0, 5));
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    });
    await expect(full.writeBackup({ workspaceId: 'w', workspaceName: 'W', json: doc(2) })).rejects.toThrow(/ENOSPC/);
    expect(readdirSync(path.join(root, 'w')).sort()).toEqual(['2025-03-10T10-00-00-000Z.json', 'workspace.json']);
    await expect(good.readBackup({ fileName: '2025-03-10T10-00-00-000Z.json' })).resolves.toEqual({ json: doc(1) });
  });
});
