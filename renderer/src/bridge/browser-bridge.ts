/**
 * The browser build's host: downloads instead of the native save dialog, a hidden file input
 * instead of the open dialog (size checked before reading, SEC-12), and no file backups.
 */
import type { AppInfo, Bridge, OpenFileRequest, OpenFileResult, SaveFileRequest, SaveFileResult } from './types';

const UNSUPPORTED = 'Automatic backups exist only in the desktop app; use Settings → Export backup instead.';

/** Accept list for an <input type=file> from dialog filters (`json` → `.json`). */
export function acceptFromFilters(filters: OpenFileRequest['filters']): string {
  const exts = filters.flatMap((f) => f.extensions).filter((e) => e !== '*');
  return exts.map((e) => `.${e}`).join(',');
}

/** Start a download of `data` named `suggestedName`. */
export function downloadBlob(doc: Document, req: SaveFileRequest): SaveFileResult {
  const ext = req.suggestedName.toLowerCase().split('.').pop() ?? '';
  const type =
    ext === 'pdf'
      ? 'application/pdf'
      : ext === 'csv'
        ? 'text/csv;charset=utf-8'
        : typeof req.data === 'string'
          ? 'application/json;charset=utf-8'
          : 'application/octet-stream';
  const part: BlobPart = typeof req.data === 'string' ? req.data : new Uint8Array(req.data);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = req.suggestedName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoke later: Chromium reads the blob asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return { saved: true, path: req.suggestedName };
}

/** Read a picked file, refusing it before reading when it is above the cap. */
export async function readPickedFile(file: File, req: OpenFileRequest): Promise<OpenFileResult> {
  if (file.size > req.maxBytes) {
    return { canceled: false, tooLarge: true, name: file.name, size: file.size, maxBytes: req.maxBytes };
  }
  if (req.as === 'bytes') {
    return { canceled: false, name: file.name, size: file.size, bytes: new Uint8Array(await file.arrayBuffer()) };
  }
  const text = (await file.text()).replace(/^\uFEFF/, '');
  return { canceled: false, name: file.name, size: file.size, text };
}

function pickFile(doc: Document, req: OpenFileRequest): Promise<OpenFileResult> {
  return new Promise((resolve, reject) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = acceptFromFilters(req.filters);
    input.style.display = 'none';
    input.setAttribute('aria-hidden', 'true');
    input.tabIndex = -1;
    let settled = false;
    const finish = (result: Promise<OpenFileResult> | OpenFileResult): void => {
      if (settled) return;
      settled = true;
      input.remove();
      Promise.resolve(result).then(resolve, reject);
    };
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      finish(file ? readPickedFile(file, req) : { canceled: true });
    });
    input.addEventListener('cancel', () => finish({ canceled: true }));
    doc.body.append(input);
    input.click();
  });
}

/** The fallback used whenever `window.quarterdeck` is absent (the web build, plain tests). */
export function createBrowserBridge(doc: Document = document): Bridge {
  return {
    kind: 'browser',
    supportsBackups: false,
    async getAppInfo(): Promise<AppInfo> {
      return {
        name: 'Quarterdeck',
        version: import.meta.env.VITE_APP_VERSION ?? '0.1.0',
        electron: '',
        chrome: '',
        node: '',
        platform: 'web',
        packaged: false,
      };
    },
    async saveFile(req) {
      return downloadBlob(doc, req);
    },
    openFile(req) {
      return pickFile(doc, req);
    },
    async writeBackup() {
      throw new Error(UNSUPPORTED);
    },
    async listBackups() {
      return [];
    },
    async readBackup() {
      throw new Error(UNSUPPORTED);
    },
    onMenuCommand() {
      return () => {};
    },
  };
}
