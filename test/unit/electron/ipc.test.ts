import { describe, expect, it } from 'vitest';
import { createIpcRegistry, type InvokeEvent, type IpcMainLike } from '../../../electron/main/ipc';
import type { Channel } from '../../../shared/ipc/contract';

type Listener = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const invoke = (channel: Channel, event: InvokeEvent, ...args: unknown[]): Promise<unknown> => {
    const h = handlers.get(channel);
    if (!h) throw new Error(`no handler for ${channel}`);
    return h(event, ...args);
  };
  return { ipcMain, handlers, invoke };
}

const APP_FRAME: InvokeEvent = { senderFrame: { url: 'app://quarterdeck/index.html', parent: null } };
const validBackup = { workspaceId: 'ws-1', workspaceName: 'Acme', json: '{"formatVersion":1}' };

function setup() {
  const fake = fakeIpcMain();
  const logs: string[] = [];
  const registry = createIpcRegistry(fake.ipcMain, (m) => void logs.push(m));
  const received: unknown[] = [];
  registry.handle('backup:write', (req) => {
    received.push(req);
    return {
      fileName: 'f.json',
      workspaceId: req.workspaceId,
      createdAt: '2025-01-01T00:00:00.000Z',
      size: 1,
      pruned: 0,
    };
  });
  registry.handle('app:get-info', () => ({
    name: 'Quarterdeck',
    version: '0.1.0',
    electron: '45',
    chrome: '1',
    node: '22',
    platform: 'linux',
    packaged: false,
  }));
  registry.handle('backup:read', () => {
    throw new Error('disk on fire');
  });
  return { ...fake, registry, logs, received };
}

describe('createIpcRegistry (SEC-04)', () => {
  it('passes a valid payload from the app main frame to the handler', async () => {
    const { invoke, received } = setup();
    await expect(invoke('backup:write', APP_FRAME, validBackup)).resolves.toMatchObject({ workspaceId: 'ws-1' });
    expect(received).toEqual([validBackup]);
    await expect(invoke('app:get-info', APP_FRAME)).resolves.toMatchObject({ name: 'Quarterdeck' });
  });

  it.each([
    [{ senderFrame: { url: 'https://evil.example/', parent: null } }, /foreign origin https:\/\/evil\.example/],
    [{ senderFrame: { url: 'file:///home/u/index.html', parent: null } }, /foreign origin file:/],
    [{ senderFrame: { url: 'app://quarterdeck.evil/index.html', parent: null } }, /foreign origin/],
    [{ senderFrame: { url: 'app://quarterdeck/index.html', parent: { url: 'app://quarterdeck/' } } }, /sub-frames/],
    [{ senderFrame: null }, /frame is gone/],
  ])('rejects sender %j', async (event, reason) => {
    const { invoke, received, logs } = setup();
    await expect(invoke('backup:write', event as InvokeEvent, validBackup)).rejects.toThrow(reason);
    expect(received).toEqual([]);
    expect(logs).toHaveLength(1);
  });

  it.each([
    ['missing payload', undefined, /payload/],
    ['wrong type', { ...validBackup, json: 42 }, /json/],
    ['extra key', { ...validBackup, path: '/etc/passwd' }, /path|Unrecognized/i],
    ['path in workspace id', { ...validBackup, workspaceId: '../x' }, /workspaceId/],
    ['10 MB workspace name', { ...validBackup, workspaceName: 'x'.repeat(10 * 1024 * 1024) }, /workspaceName/],
    [
      '61 MB backup json',
      { ...validBackup, json: 'x'.repeat(61 * 1024 * 1024) },
      /json: backup JSON must be at most 60 MB/,
    ],
    [
      '__proto__ via JSON.parse',
      JSON.parse('{"workspaceId":"a","workspaceName":"b","json":"{}","__proto__":{"x":1}}'),
      /forbidden key at payload\.__proto__/,
    ],
    [
      'nested constructor',
      { ...validBackup, extra: { constructor: { prototype: {} } } },
      /forbidden key at payload\.extra\.constructor/,
    ],
  ])('rejects %s', async (_name, payload, reason) => {
    const { invoke, received } = setup();
    await expect(invoke('backup:write', APP_FRAME, payload)).rejects.toThrow(reason);
    expect(received).toEqual([]);
    expect(Object.prototype).not.toHaveProperty('x');
  });

  it('rejects a payload on a no-payload channel and extra arguments', async () => {
    const { invoke } = setup();
    await expect(invoke('app:get-info', APP_FRAME, { sneaky: true })).rejects.toThrow(/app:get-info refused/);
    await expect(invoke('backup:write', APP_FRAME, validBackup, 'second')).rejects.toThrow(/one argument, got 2/);
  });

  it('a throwing handler becomes a clear rejection naming the channel', async () => {
    const { invoke, logs } = setup();
    await expect(invoke('backup:read', APP_FRAME, { fileName: '2025-01-01T00-00-00-000Z.json' })).rejects.toThrow(
      'backup:read failed: disk on fire',
    );
    expect(logs.join()).toContain('disk on fire');
  });

  it('dispose removes every handler', () => {
    const { registry, handlers } = setup();
    expect(handlers.size).toBe(3);
    registry.dispose();
    expect(handlers.size).toBe(0);
  });
});
