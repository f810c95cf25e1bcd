/**
 * The one IPC contract between the renderer and the Electron main process (issue 2 item 4).
 *
 * This file is deliberately free of runtime dependencies (no zod): the sandboxed CommonJS preload
 * imports it for the channel names, and anything it imports would be bundled into the preload.
 * The runtime request schemas live in `./schemas.ts` (main-process validation only).
 *
 * The preload exposes `QuarterdeckApi` as `window.quarterdeck` (only in Electron; absent in the
 * browser build). The renderer's bridge reads it as
 * `(window as unknown as { quarterdeck?: QuarterdeckApi }).quarterdeck` — no global augmentation
 * lives here because shared/ has no DOM types.
 *
 * Adding a channel: add its name to `CHANNELS`, its request/response to `ChannelMap`, its schema to
 * `REQUEST_SCHEMAS` (schemas.ts), a method to `QuarterdeckApi` and the preload's api.ts, then a
 * handler in electron/main/handlers/ registered in electron/main/index.ts.
 */

/**
 * Commands the application menu sends to the focused window (channel `menu:command`).
 * `undo`/`redo`: edits live in IndexedDB, so the menu asks the app to undo. The menu accelerator
 * (Ctrl/Cmd+Z) reaches the page as this command, not as a key event: when a text field has focus
 * the renderer should undo the field's text instead (e.g. `document.execCommand('undo')`).
 */
export type MenuCommand =
  'new-workspace' | 'open-sample' | 'import-backup' | 'export-backup' | 'export-deck' | 'undo' | 'redo' | 'about';

/** Every menu command, in menu order (the preload drops anything not listed here). */
export const MENU_COMMANDS: readonly MenuCommand[] = [
  'new-workspace',
  'open-sample',
  'import-backup',
  'export-backup',
  'export-deck',
  'undo',
  'redo',
  'about',
];

export type FileFilter = { name: string; extensions: string[] };

export type AppInfo = {
  name: string;
  version: string;
  electron: string;
  chrome: string;
  node: string;
  platform: string;
  packaged: boolean;
};

/** `data`: text is written as UTF-8; bytes as-is (e.g. a PDF). */
export type SaveFileRequest = { suggestedName: string; filters: FileFilter[]; data: string | Uint8Array };
export type SaveFileResult = { saved: false } | { saved: true; path: string };

/** The size is checked (stat) before reading; a file above `maxBytes` is not read at all. */
export type OpenFileRequest = { filters: FileFilter[]; maxBytes: number; as: 'text' | 'bytes' };
/** `text` is UTF-8 with a leading BOM removed; `bytes` is the raw file. */
export type OpenFileResult =
  | { canceled: true }
  | { canceled: false; name: string; size: number; text?: string; bytes?: Uint8Array }
  | { canceled: false; tooLarge: true; name: string; size: number; maxBytes: number };

/**
 * One automatic backup in `<userData>/backups/<workspaceId>/<fileName>`.
 * `fileName` is `YYYY-MM-DDTHH-mm-ss-SSSZ.json` (UTC; optionally `-N` before `.json` when two
 * backups share a millisecond). `workspaceName` is the name given at the latest write, when known.
 */
export type BackupInfo = {
  fileName: string;
  workspaceId: string;
  createdAt: string;
  size: number;
  workspaceName?: string;
};

export type WriteBackupRequest = { workspaceId: string; workspaceName: string; json: string };
export type WriteBackupResult = BackupInfo & { pruned: number };
export type ListBackupsRequest = { workspaceId?: string };
/**
 * `workspaceId` is optional for compatibility, but pass it (it is in every `BackupInfo`): without it
 * the main process searches every workspace folder and refuses when the name is ambiguous.
 */
export type ReadBackupRequest = { fileName: string; workspaceId?: string };
export type ReadBackupResult = { json: string };

/** The API on `window.quarterdeck` (Electron only). Every method rejects with a clear Error on refusal. */
export type QuarterdeckApi = {
  getAppInfo(): Promise<AppInfo>;
  saveFile(req: SaveFileRequest): Promise<SaveFileResult>;
  openFile(req: OpenFileRequest): Promise<OpenFileResult>;
  writeBackup(req: WriteBackupRequest): Promise<WriteBackupResult>;
  listBackups(req: ListBackupsRequest): Promise<BackupInfo[]>;
  readBackup(req: ReadBackupRequest): Promise<ReadBackupResult>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};

/** Invoke channels (renderer → main, request/response), named `domain:verb-noun`. */
export const CHANNELS = {
  getAppInfo: 'app:get-info',
  saveFile: 'dialog:save-file',
  openFile: 'dialog:open-file',
  writeBackup: 'backup:write',
  listBackups: 'backup:list',
  readBackup: 'backup:read',
} as const;

/** Event channel (main → renderer) carrying one `MenuCommand`. */
export const MENU_COMMAND_CHANNEL = 'menu:command';

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];

/** Each invoke channel tied to its request and response types. */
export type ChannelMap = {
  'app:get-info': { request: void; response: AppInfo };
  'dialog:save-file': { request: SaveFileRequest; response: SaveFileResult };
  'dialog:open-file': { request: OpenFileRequest; response: OpenFileResult };
  'backup:write': { request: WriteBackupRequest; response: WriteBackupResult };
  'backup:list': { request: ListBackupsRequest; response: BackupInfo[] };
  'backup:read': { request: ReadBackupRequest; response: ReadBackupResult };
};

export type RequestOf<C extends Channel> = ChannelMap[C]['request'];
export type ResponseOf<C extends Channel> = ChannelMap[C]['response'];

/** The app's own origin: the only sender main accepts and the only place windows may navigate. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'quarterdeck';
export const APP_ORIGIN = 'app://quarterdeck';
export const APP_ENTRY_URL = 'app://quarterdeck/index.html';

/** Caps enforced by the request schemas (schemas.ts) and the handlers. */
export const IPC_LIMITS = {
  /** Backup JSON and save-file data (text characters or bytes). */
  maxDataLength: 60 * 1024 * 1024,
  /** File names, workspace names, filter names. */
  maxNameLength: 255,
  /** Largest file the open dialog may read (ticket CSVs are capped at 100 MB, SEC-12). */
  maxOpenBytes: 100 * 1024 * 1024,
  maxFilters: 20,
  maxExtensionsPerFilter: 20,
  /** Workspace ids become folder names: letters, digits, `_` and `-` only. */
  maxWorkspaceIdLength: 100,
} as const;
