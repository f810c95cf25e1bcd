/**
 * Sandboxed CommonJS preload (out/preload/index.cjs). It imports only `electron` (plus the zod-free
 * contract and api.ts, bundled in) and exposes exactly the contract's API as `window.quarterdeck`.
 * Validation happens in main; this file only forwards.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildQuarterdeckApi, type PreloadTransport } from './api';

const transport: PreloadTransport = {
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  subscribe: (channel, listener) => {
    // The event object stays here: the page's listener gets the payload only (SEC-03).
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('quarterdeck', buildQuarterdeckApi(transport));
