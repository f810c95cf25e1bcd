/**
 * Builds the object the preload exposes as `window.quarterdeck` (SEC-03). It receives three narrow
 * transport functions instead of `ipcRenderer`, so nothing here can hand the page an IPC object or
 * an event, and so it is unit-tested without Electron. Imports only the zod-free contract.
 */
import {
  CHANNELS,
  MENU_COMMANDS,
  MENU_COMMAND_CHANNEL,
  type Channel,
  type MenuCommand,
  type QuarterdeckApi,
  type RequestOf,
  type ResponseOf,
} from '../../shared/ipc/contract';

/** The only IPC abilities the API needs; index.ts adapts ipcRenderer to this. */
export type PreloadTransport = {
  invoke(channel: Channel, payload?: unknown): Promise<unknown>;
  /** Subscribes to an event channel; the listener receives the payload only (never the event). */
  subscribe(channel: typeof MENU_COMMAND_CHANNEL, listener: (payload: unknown) => void): () => void;
};

function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** Builds the allow-listed API: one method per contract channel, plus the menu subscription. */
export function buildQuarterdeckApi(transport: PreloadTransport): QuarterdeckApi {
  const call = <C extends Channel>(channel: C, payload?: RequestOf<C>): Promise<ResponseOf<C>> =>
    transport.invoke(channel, payload) as Promise<ResponseOf<C>>;
  const api: QuarterdeckApi = {
    getAppInfo: () => call(CHANNELS.getAppInfo),
    saveFile: (req) => call(CHANNELS.saveFile, req),
    openFile: (req) => call(CHANNELS.openFile, req),
    writeBackup: (req) => call(CHANNELS.writeBackup, req),
    listBackups: (req) => call(CHANNELS.listBackups, req),
    readBackup: (req) => call(CHANNELS.readBackup, req),
    onMenuCommand: (listener) => {
      if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function');
      // Unknown values are dropped so the page only ever sees a MenuCommand string.
      const unsubscribe = transport.subscribe(MENU_COMMAND_CHANNEL, (payload) => {
        if (isMenuCommand(payload)) listener(payload);
      });
      let active = true;
      return () => {
        if (active) unsubscribe();
        active = false;
      };
    },
  };
  return Object.freeze(api);
}
