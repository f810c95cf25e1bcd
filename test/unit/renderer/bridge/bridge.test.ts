import { describe, expect, it, vi } from 'vitest';
import { acceptFromFilters, createBrowserBridge, readPickedFile } from '../../../../renderer/src/bridge/browser-bridge';
import { selectBridge } from '../../../../renderer/src/bridge';
import type { QuarterdeckApi } from '../../../../shared/ipc/contract';
import { makeFakeBridge } from '../../../helpers/fake-bridge';

function fakeApi(): QuarterdeckApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    getAppInfo: async () => {
      calls.push('getAppInfo');
      return {
        name: 'Quarterdeck',
        version: '1.2.3',
        electron: '45',
        chrome: '140',
        node: '22',
        platform: 'linux',
        packaged: true,
      };
    },
    saveFile: async (req) => {
      calls.push(`saveFile:${req.suggestedName}`);
      return { saved: true, path: `/home/u/${req.suggestedName}` };
    },
    openFile: async () => ({ canceled: true }),
    writeBackup: async (req) => ({
      fileName: 'f.json',
      workspaceId: req.workspaceId,
      createdAt: 'x',
      size: 1,
      pruned: 0,
    }),
    listBackups: async () => [],
    readBackup: async () => ({ json: '{}' }),
    onMenuCommand: () => () => {},
  };
}

describe('bridge selection', () => {
  it('uses the preload API when window.quarterdeck exists (Electron)', async () => {
    const api = fakeApi();
    const win = { quarterdeck: api, document } as unknown as Window;
    const bridge = selectBridge(win);
    expect(bridge.kind).toBe('electron');
    expect(bridge.supportsBackups).toBe(true);
    expect((await bridge.getAppInfo()).version).toBe('1.2.3');
    await bridge.saveFile({ suggestedName: 'a.json', filters: [], data: '{}' });
    expect(api.calls).toEqual(['getAppInfo', 'saveFile:a.json']);
  });

  it('falls back to the browser implementation without it', async () => {
    const bridge = selectBridge({ document } as unknown as Window);
    expect(bridge.kind).toBe('browser');
    expect(bridge.supportsBackups).toBe(false);
    expect(await bridge.listBackups({})).toEqual([]);
    await expect(bridge.writeBackup({ workspaceId: 'w', workspaceName: 'W', json: '{}' })).rejects.toThrow(
      /desktop app/,
    );
    const unsubscribe = bridge.onMenuCommand(() => {});
    expect(typeof unsubscribe).toBe('function');
  });

  it('ignores a window.quarterdeck that is not the API', () => {
    expect(selectBridge({ quarterdeck: 'nope', document } as unknown as Window).kind).toBe('browser');
  });
});

describe('browser fallback', () => {
  it('checks the size cap BEFORE reading the file', async () => {
    const text = vi.fn(async () => 'never read');
    const arrayBuffer = vi.fn(async () => new ArrayBuffer(0));
    const big = { name: 'huge.json', size: 60 * 1024 * 1024, text, arrayBuffer } as unknown as File;
    const r = await readPickedFile(big, { filters: [], maxBytes: 50 * 1024 * 1024, as: 'text' });
    expect(r).toEqual({
      canceled: false,
      tooLarge: true,
      name: 'huge.json',
      size: 60 * 1024 * 1024,
      maxBytes: 50 * 1024 * 1024,
    });
    expect(text).not.toHaveBeenCalled();
    expect(arrayBuffer).not.toHaveBeenCalled();
  });

  it('reads text under the cap and drops a BOM', async () => {
    const file = new File(['\uFEFF{"a":1}'], 'b.json', { type: 'application/json' });
    const r = await readPickedFile(file, { filters: [], maxBytes: 1000, as: 'text' });
    expect(r).toMatchObject({ canceled: false, name: 'b.json', text: '{"a":1}' });
  });

  it('builds the accept list from dialog filters', () => {
    expect(
      acceptFromFilters([
        { name: 'Backup', extensions: ['json'] },
        { name: 'CSV', extensions: ['csv', 'txt'] },
      ]),
    ).toBe('.json,.csv,.txt');
    expect(acceptFromFilters([{ name: 'All', extensions: ['*'] }])).toBe('');
  });

  it('saves by clicking a download link named after the suggested file', async () => {
    const clicked: { download: string; href: string }[] = [];
    const spy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
    const bridge = createBrowserBridge(document);
    const r = await bridge.saveFile({ suggestedName: 'Contoso-2026-03-15.quarterdeck.json', filters: [], data: '{}' });
    spy.mockRestore();
    expect(r).toEqual({ saved: true, path: 'Contoso-2026-03-15.quarterdeck.json' });
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toBe('Contoso-2026-03-15.quarterdeck.json');
    expect(clicked[0]?.href).toMatch(/^blob:/);
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
  });
});

describe('fake bridge', () => {
  it('records saves, serves queued files and fires menu commands to listeners', async () => {
    const fake = makeFakeBridge();
    await fake.saveFile({ suggestedName: 'x.json', filters: [], data: 'y' });
    expect(fake.saved.map((s) => s.suggestedName)).toEqual(['x.json']);
    fake.openQueue.push({ canceled: false, name: 'q.json', size: 2, text: '{}' });
    expect(await fake.openFile({ filters: [], maxBytes: 10, as: 'text' })).toMatchObject({ name: 'q.json' });
    expect(await fake.openFile({ filters: [], maxBytes: 10, as: 'text' })).toEqual({ canceled: true });
    const seen: string[] = [];
    const off = fake.onMenuCommand((c) => seen.push(c));
    fake.fireMenu('about');
    off();
    fake.fireMenu('undo');
    expect(seen).toEqual(['about']);
  });
});
