/**
 * `dialog:save-file` and `dialog:open-file`: native dialogs, the renderer never sees a path it did
 * not get from the user. Opening checks the size with stat BEFORE reading (SEC-12) and answers
 * `tooLarge` instead of reading; the read itself is bounded too, in case the file grows meanwhile.
 */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type {
  FileFilter,
  OpenFileRequest,
  OpenFileResult,
  SaveFileRequest,
  SaveFileResult,
} from '../../../shared/ipc/contract';
import { writeFileAtomic, type WriteFn } from '../fs-atomic';

/** The dialog calls the handlers need; index.ts binds them to the focused window. */
export type DialogPort = {
  showSaveDialog(options: {
    defaultPath: string;
    filters: FileFilter[];
  }): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: {
    filters: FileFilter[];
    properties: Array<'openFile'>;
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
};

export type DialogDeps = {
  dialog: DialogPort;
  /** Folder the save dialog starts in (the user's Documents). */
  defaultDir: () => string;
  write?: WriteFn;
};

const utf8 = new TextDecoder('utf-8');

/**
 * Reads at most `expected + 1` bytes: one byte more than stat reported reveals a file that grew
 * after the size check, without reading the rest of it.
 */
async function readBounded(filePath: string, expected: number): Promise<Uint8Array> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = new Uint8Array(expected + 1);
    let total = 0;
    while (total < buffer.length) {
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    return buffer.subarray(0, total);
  } finally {
    await handle.close();
  }
}

/** Builds the two dialog handlers. */
export function createDialogHandlers(deps: DialogDeps): {
  saveFile(req: SaveFileRequest): Promise<SaveFileResult>;
  openFile(req: OpenFileRequest): Promise<OpenFileResult>;
} {
  return {
    async saveFile(req) {
      const result = await deps.dialog.showSaveDialog({
        defaultPath: path.join(deps.defaultDir(), req.suggestedName),
        filters: req.filters,
      });
      if (result.canceled || !result.filePath) return { saved: false };
      await writeFileAtomic(result.filePath, req.data, deps.write);
      return { saved: true, path: result.filePath };
    },

    async openFile(req) {
      const result = await deps.dialog.showOpenDialog({ filters: req.filters, properties: ['openFile'] });
      const filePath = result.filePaths[0];
      if (result.canceled || !filePath) return { canceled: true };
      const name = path.basename(filePath);
      const info = await stat(filePath);
      if (!info.isFile()) throw new Error(`${name} is not a regular file`);
      if (info.size > req.maxBytes) {
        return { canceled: false, tooLarge: true, name, size: info.size, maxBytes: req.maxBytes };
      }
      const bytes = await readBounded(filePath, info.size);
      if (bytes.byteLength > info.size) throw new Error(`${name} changed while it was being read; try again`);
      // TextDecoder drops a leading UTF-8 BOM (SEC-12: BOM accepted).
      return req.as === 'text'
        ? { canceled: false, name, size: bytes.byteLength, text: utf8.decode(bytes) }
        : { canceled: false, name, size: bytes.byteLength, bytes: new Uint8Array(bytes) };
    },
  };
}
