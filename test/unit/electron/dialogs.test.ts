import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDialogHandlers, type DialogPort } from '../../../electron/main/handlers/dialogs';
import type { FileFilter } from '../../../shared/ipc/contract';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'qd-dialogs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A fake dialog that answers with a fixed path (or cancels) and records what it was asked. */
function fakeDialog(answer: { save?: string; open?: string }) {
  const asked: Array<{ kind: string; defaultPath?: string; filters: FileFilter[] }> = [];
  const dialog: DialogPort = {
    showSaveDialog: async (o) => {
      asked.push({ kind: 'save', defaultPath: o.defaultPath, filters: o.filters });
      return answer.save ? { canceled: false, filePath: answer.save } : { canceled: true, filePath: '' };
    },
    showOpenDialog: async (o) => {
      asked.push({ kind: 'open', filters: o.filters });
      return answer.open ? { canceled: false, filePaths: [answer.open] } : { canceled: true, filePaths: [] };
    },
  };
  return { dialog, asked };
}

const filters = [{ name: 'Backup', extensions: ['json'] }];

describe('saveFile', () => {
  it('writes text through the save dialog, starting in the default folder', async () => {
    const target = path.join(dir, 'out.json');
    const { dialog, asked } = fakeDialog({ save: target });
    const h = createDialogHandlers({ dialog, defaultDir: () => '/home/u/Documents' });
    await expect(h.saveFile({ suggestedName: 'acme.json', filters, data: '{"a":"é"}' })).resolves.toEqual({
      saved: true,
      path: target,
    });
    expect(readFileSync(target, 'utf8')).toBe('{"a":"é"}');
    expect(asked).toEqual([{ kind: 'save', defaultPath: path.join('/home/u/Documents', 'acme.json'), filters }]);
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('writes bytes as-is and reports cancel without writing', async () => {
    const target = path.join(dir, 'deck.pdf');
    const h = createDialogHandlers({ dialog: fakeDialog({ save: target }).dialog, defaultDir: () => dir });
    await h.saveFile({ suggestedName: 'deck.pdf', filters, data: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0]) });
    expect([...readFileSync(target)]).toEqual([0x25, 0x50, 0x44, 0x46, 0]);
    const cancel = createDialogHandlers({ dialog: fakeDialog({}).dialog, defaultDir: () => dir });
    await expect(cancel.saveFile({ suggestedName: 'x.json', filters, data: 'x' })).resolves.toEqual({ saved: false });
  });

  it('a failing write leaves the existing file untouched and no temp file behind', async () => {
    const target = path.join(dir, 'keep.json');
    writeFileSync(target, 'original');
    const h = createDialogHandlers({
      dialog: fakeDialog({ save: target }).dialog,
      defaultDir: () => dir,
      write: async (p) => {
        writeFileSync(p, 'partial');
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    });
    await expect(h.saveFile({ suggestedName: 'keep.json', filters, data: 'new' })).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(target, 'utf8')).toBe('original');
    expect(readdirSync(dir)).toEqual(['keep.json']);
  });
});

describe('openFile (SEC-12: size checked before reading)', () => {
  it('reads text, dropping a UTF-8 BOM', async () => {
    const file = path.join(dir, 'tickets.csv');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id;group\n1;Desk\n')]));
    const h = createDialogHandlers({ dialog: fakeDialog({ open: file }).dialog, defaultDir: () => dir });
    await expect(h.openFile({ filters, maxBytes: 1000, as: 'text' })).resolves.toEqual({
      canceled: false,
      name: 'tickets.csv',
      size: 19,
      text: 'id;group\n1;Desk\n',
    });
  });

  it('returns bytes when asked', async () => {
    const file = path.join(dir, 'b.bin');
    writeFileSync(file, Buffer.from([1, 2, 3, 255]));
    const h = createDialogHandlers({ dialog: fakeDialog({ open: file }).dialog, defaultDir: () => dir });
    const result = await h.openFile({ filters, maxBytes: 4, as: 'bytes' });
    expect(result).toMatchObject({ canceled: false, name: 'b.bin', size: 4 });
    expect('bytes' in result && result.bytes ? [...result.bytes] : null).toEqual([1, 2, 3, 255]);
  });

  it('answers tooLarge from stat, without reading, when the file exceeds maxBytes', async () => {
    const file = path.join(dir, 'huge.csv');
    writeFileSync(file, 'x'.repeat(2048));
    const h = createDialogHandlers({ dialog: fakeDialog({ open: file }).dialog, defaultDir: () => dir });
    await expect(h.openFile({ filters, maxBytes: 2047, as: 'text' })).resolves.toEqual({
      canceled: false,
      tooLarge: true,
      name: 'huge.csv',
      size: 2048,
      maxBytes: 2047,
    });
    // Exactly at the cap is fine.
    await expect(h.openFile({ filters, maxBytes: 2048, as: 'text' })).resolves.toMatchObject({ size: 2048 });
  });

  it('a sparse 3 GB file is refused from its size alone (reading it would take seconds and GBs)', async () => {
    const file = path.join(dir, 'huge.bin');
    writeFileSync(file, '');
    truncateSync(file, 3 * 1024 ** 3);
    const h = createDialogHandlers({ dialog: fakeDialog({ open: file }).dialog, defaultDir: () => dir });
    const started = Date.now();
    await expect(h.openFile({ filters, maxBytes: 100 * 1024 * 1024, as: 'bytes' })).resolves.toEqual({
      canceled: false,
      tooLarge: true,
      name: 'huge.bin',
      size: 3 * 1024 ** 3,
      maxBytes: 100 * 1024 * 1024,
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('cancel, folders and missing files', async () => {
    const cancel = createDialogHandlers({ dialog: fakeDialog({}).dialog, defaultDir: () => dir });
    await expect(cancel.openFile({ filters, maxBytes: 10, as: 'text' })).resolves.toEqual({ canceled: true });
    const folder = createDialogHandlers({ dialog: fakeDialog({ open: dir }).dialog, defaultDir: () => dir });
    await expect(folder.openFile({ filters, maxBytes: 10, as: 'text' })).rejects.toThrow(/is not a regular file/);
    const missing = createDialogHandlers({
      dialog: fakeDialog({ open: path.join(dir, 'gone.csv') }).dialog,
      defaultDir: () => dir,
    });
    await expect(missing.openFile({ filters, maxBytes: 10, as: 'text' })).rejects.toThrow(/ENOENT/);
  });
});
