import { describe, expect, it } from 'vitest';
import { CHANNELS, IPC_LIMITS, type Channel } from '../../../../shared/ipc/contract';
import {
  findForbiddenKey,
  OpenFileRequestSchema,
  ReadBackupRequestSchema,
  REQUEST_SCHEMAS,
  SaveFileRequestSchema,
  WriteBackupRequestSchema,
} from '../../../../shared/ipc/schemas';

describe('contract', () => {
  it('every channel is named domain:verb-noun and has a schema', () => {
    const channels = Object.values(CHANNELS) as Channel[];
    expect(channels).toHaveLength(6);
    for (const channel of channels) {
      expect(channel).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/);
      expect(REQUEST_SCHEMAS[channel]).toBeDefined();
    }
    expect(Object.keys(REQUEST_SCHEMAS).sort()).toEqual([...channels].sort());
  });
});

describe('findForbiddenKey', () => {
  it.each([
    [{ a: 1, b: [1, { c: 2 }] }, null],
    [JSON.parse('{"__proto__": {"polluted": true}}'), 'payload.__proto__'],
    [{ a: [{ ok: 1 }, JSON.parse('{"b":{"constructor":{"prototype":{}}}}')] }, 'payload.a[1].b.constructor'],
    [{ prototype: 1 }, 'payload.prototype'],
    [{ data: new Uint8Array([1, 2]) }, null],
    ['text', null],
    [null, null],
  ])('%j → %s', (value, expected) => {
    expect(findForbiddenKey(value)).toBe(expected);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('flags absurd nesting instead of recursing forever', () => {
    let deep: unknown = {};
    for (let i = 0; i < 50; i += 1) deep = { next: deep };
    expect(findForbiddenKey(deep)).toMatch(/nested deeper than 8 levels/);
  });
});

describe('request schemas', () => {
  const filters = [{ name: 'Backup', extensions: ['json'] }];

  it.each([
    ['plain name', 'acme-backup.json', true],
    ['unicode name', 'Übersicht Q3 2025.pdf', true],
    ['slash', 'a/b.json', false],
    ['backslash', 'a\\b.json', false],
    ['dot dot', '..', false],
    ['hidden traversal', '..json', false],
    ['control char', 'a\u0007.json', false],
    ['empty', '', false],
    ['256 chars', 'a'.repeat(256), false],
    ['255 chars', 'a'.repeat(255), true],
  ])('save suggestedName: %s', (_n, suggestedName, ok) => {
    expect(SaveFileRequestSchema.safeParse({ suggestedName, filters, data: 'x' }).success).toBe(ok);
  });

  it('save data: text or bytes up to 60 MB', () => {
    const at = (data: unknown) => SaveFileRequestSchema.safeParse({ suggestedName: 'a.pdf', filters, data }).success;
    expect(at('x'.repeat(IPC_LIMITS.maxDataLength))).toBe(true);
    expect(at('x'.repeat(IPC_LIMITS.maxDataLength + 1))).toBe(false);
    expect(at(new Uint8Array(10))).toBe(true);
    expect(at(new Uint8Array(IPC_LIMITS.maxDataLength + 1))).toBe(false);
    expect(at(42)).toBe(false);
    expect(at({ length: 1 })).toBe(false);
  });

  it.each([
    [{ filters, maxBytes: 1024, as: 'text' }, true],
    [{ filters: [{ name: 'All', extensions: ['*'] }], maxBytes: IPC_LIMITS.maxOpenBytes, as: 'bytes' }, true],
    [{ filters, maxBytes: IPC_LIMITS.maxOpenBytes + 1, as: 'text' }, false],
    [{ filters, maxBytes: 0, as: 'text' }, false],
    [{ filters, maxBytes: 1.5, as: 'text' }, false],
    [{ filters, maxBytes: 10, as: 'html' }, false],
    [{ filters: [{ name: 'x', extensions: ['.json'] }], maxBytes: 10, as: 'text' }, false],
    [{ filters, maxBytes: 10, as: 'text', defaultPath: '/etc' }, false],
  ])('open request %j → %s', (req, ok) => {
    expect(OpenFileRequestSchema.safeParse(req).success).toBe(ok);
  });

  it.each([
    [{ workspaceId: 'ws-1', workspaceName: 'Acme', json: '{}' }, true],
    [{ workspaceId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479', workspaceName: '', json: '[]' }, true],
    [{ workspaceId: '../ws', workspaceName: 'A', json: '{}' }, false],
    [{ workspaceId: '-ws', workspaceName: 'A', json: '{}' }, false],
    [{ workspaceId: 'a'.repeat(101), workspaceName: 'A', json: '{}' }, false],
    [{ workspaceId: 'ws', workspaceName: 'A'.repeat(256), json: '{}' }, false],
    [{ workspaceId: 'ws', workspaceName: 'A', json: 7 }, false],
  ])('write backup %j → %s', (req, ok) => {
    expect(WriteBackupRequestSchema.safeParse(req).success).toBe(ok);
  });

  it.each([
    [{ fileName: '2025-03-10T12-00-00-000Z.json' }, true],
    [{ fileName: '2025-03-10T12-00-00-000Z.json', workspaceId: 'ws' }, true],
    [{ fileName: '../x' }, false],
    [{ fileName: 'a/b.json' }, false],
    [{ fileName: '..\\..\\x' }, false],
    [{ fileName: 'x.json', workspaceId: '../../' }, false],
  ])('read backup %j → %s', (req, ok) => {
    expect(ReadBackupRequestSchema.safeParse(req).success).toBe(ok);
  });
});
