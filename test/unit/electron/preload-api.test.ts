import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildQuarterdeckApi, type PreloadTransport } from '../../../electron/preload/api';
import { CHANNELS, type MenuCommand } from '../../../shared/ipc/contract';

function fakeTransport() {
  const invoked: Array<[string, unknown]> = [];
  const subscribers = new Set<(payload: unknown) => void>();
  const transport: PreloadTransport = {
    invoke: async (channel, payload) => {
      invoked.push([channel, payload]);
      return { echoed: channel };
    },
    subscribe: (_channel, listener) => {
      subscribers.add(listener);
      return () => subscribers.delete(listener);
    },
  };
  const emit = (payload: unknown): void => subscribers.forEach((s) => s(payload));
  return { transport, invoked, subscribers, emit };
}

describe('buildQuarterdeckApi (SEC-03)', () => {
  it('exposes exactly the contract methods, frozen', () => {
    const api = buildQuarterdeckApi(fakeTransport().transport);
    expect(Object.keys(api).sort()).toEqual(
      ['getAppInfo', 'listBackups', 'onMenuCommand', 'openFile', 'readBackup', 'saveFile', 'writeBackup'].sort(),
    );
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('each method invokes its own channel with the request and returns only the response', async () => {
    const { transport, invoked } = fakeTransport();
    const api = buildQuarterdeckApi(transport);
    const save = { suggestedName: 'a.json', filters: [], data: '{}' };
    const open = { filters: [], maxBytes: 10, as: 'text' as const };
    const write = { workspaceId: 'w', workspaceName: 'W', json: '{}' };
    await expect(api.getAppInfo()).resolves.toEqual({ echoed: 'app:get-info' });
    await api.saveFile(save);
    await api.openFile(open);
    await api.writeBackup(write);
    await api.listBackups({});
    await api.readBackup({ fileName: 'x.json' });
    expect(invoked).toEqual([
      [CHANNELS.getAppInfo, undefined],
      [CHANNELS.saveFile, save],
      [CHANNELS.openFile, open],
      [CHANNELS.writeBackup, write],
      [CHANNELS.listBackups, {}],
      [CHANNELS.readBackup, { fileName: 'x.json' }],
    ]);
  });

  it('onMenuCommand passes only known commands, never an event, and unsubscribes once', () => {
    const { transport, emit, subscribers } = fakeTransport();
    const api = buildQuarterdeckApi(transport);
    const got: unknown[][] = [];
    const unsubscribe = api.onMenuCommand((...args: unknown[]) => void got.push(args as [MenuCommand]));
    emit('undo');
    emit('rm -rf');
    emit({ sender: 'event-like' });
    emit('about');
    expect(got).toEqual([['undo'], ['about']]);
    expect(typeof unsubscribe).toBe('function');
    unsubscribe();
    unsubscribe();
    expect(subscribers.size).toBe(0);
    emit('redo');
    expect(got).toHaveLength(2);
  });

  it('refuses a non-function listener', () => {
    const api = buildQuarterdeckApi(fakeTransport().transport);
    expect(() => api.onMenuCommand('x' as unknown as (c: MenuCommand) => void)).toThrow(TypeError);
  });
});

describe('preload sources stay bundle-safe', () => {
  const importsOf = (file: string): string[] =>
    [...readFileSync(path.resolve(file), 'utf8').matchAll(/^import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? '');

  it('the preload imports only electron, its api and the zod-free contract', () => {
    expect(importsOf('electron/preload/index.ts').sort()).toEqual(['./api', 'electron']);
    expect(importsOf('electron/preload/api.ts')).toEqual(['../../shared/ipc/contract']);
    expect(importsOf('shared/ipc/contract.ts')).toEqual([]);
  });
});
