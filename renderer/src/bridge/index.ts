/**
 * The only module that touches `window.quarterdeck` (the Electron preload API). Everything else
 * asks `getBridge()`, which falls back to the browser implementation when the API is absent.
 */
import type { QuarterdeckApi } from '../../../shared/ipc/contract';
import { createBrowserBridge } from './browser-bridge';
import type { Bridge } from './types';

export type { Bridge } from './types';

/** Wrap the preload API; methods are bound lazily so a missing one fails loudly at call time. */
function electronBridge(api: QuarterdeckApi): Bridge {
  return {
    kind: 'electron',
    supportsBackups: true,
    getAppInfo: () => api.getAppInfo(),
    saveFile: (req) => api.saveFile(req),
    openFile: (req) => api.openFile(req),
    writeBackup: (req) => api.writeBackup(req),
    listBackups: (req) => api.listBackups(req),
    readBackup: (req) => api.readBackup(req),
    onMenuCommand: (listener) => api.onMenuCommand(listener),
  };
}

/** Pick the host for this window: Electron's preload API when exposed, else the browser fallback. */
export function selectBridge(win: Window): Bridge {
  const api = (win as unknown as { quarterdeck?: QuarterdeckApi }).quarterdeck;
  if (api && typeof api.getAppInfo === 'function') return electronBridge(api);
  return createBrowserBridge(win.document);
}

let current: Bridge | null = null;

/** The host bridge of this window (chosen once). */
export function getBridge(): Bridge {
  current ??= selectBridge(window);
  return current;
}
