/**
 * Electron main entry (out/main/index.js, ESM). The only main-process file that imports `electron`:
 * it wires the Electron objects into the modules next to it, which are unit-tested with fakes.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, session, shell } from 'electron';
import { APP_ENTRY_URL, APP_SCHEME, type MenuCommand } from '../../shared/ipc/contract';
import { attachNavigationGuards, attachPermissionGuards } from './guards';
import { createAppInfoHandler } from './handlers/app-info';
import { createBackupHandlers } from './handlers/backups';
import { createDialogHandlers } from './handlers/dialogs';
import { createIpcRegistry } from './ipc';
import { buildMenuTemplate, sendMenuCommand } from './menu';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { buildWindowOptions, setupSingleInstance } from './window';

/** Passed by `npm start` (scripts/launch-electron.mjs): the renderer opens the sample if no workspace exists. */
export const FIRST_RUN_SAMPLE_FLAG = '--open-sample-on-first-run';

const here = path.dirname(fileURLToPath(import.meta.url));
const preloadPath = path.join(here, '..', 'preload', 'index.cjs');
const rendererRoot = path.join(here, '..', 'renderer');
const log = (message: string): void => console.warn(`[quarterdeck] ${message}`);

let mainWindow: BrowserWindow | null = null;

function entryUrl(): string {
  return process.argv.includes(FIRST_RUN_SAMPLE_FLAG) ? `${APP_ENTRY_URL}?firstRun=sample` : APP_ENTRY_URL;
}

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow(
    buildWindowOptions({ preloadPath, isPackaged: app.isPackaged, darkBackground: nativeTheme.shouldUseDarkColors }),
  );
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  if (app.isPackaged) {
    // Belt and braces for SEC-17: devTools:false already blocks opening them.
    win.webContents.on('devtools-opened', () => win.webContents.closeDevTools());
  }
  void win.loadURL(entryUrl()).catch((error: unknown) => log(`could not load ${entryUrl()}: ${String(error)}`));
  return win;
}

function dispatchMenuCommand(command: MenuCommand): void {
  if (!sendMenuCommand(command, BrowserWindow.getFocusedWindow(), mainWindow)) log(`menu ${command}: no window`);
}

function registerIpc(): void {
  const registry = createIpcRegistry(ipcMain, log);
  const parentWindow = (): BrowserWindow | null => BrowserWindow.getFocusedWindow() ?? mainWindow;
  const appInfo = createAppInfoHandler({
    name: app.getName(),
    version: app.getVersion(),
    isPackaged: app.isPackaged,
    versions: process.versions,
    platform: process.platform,
  });
  const dialogs = createDialogHandlers({
    dialog: {
      showSaveDialog: (options) => {
        const win = parentWindow();
        return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
      },
      showOpenDialog: (options) => {
        const win = parentWindow();
        return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
      },
    },
    defaultDir: () => app.getPath('documents'),
  });
  const backups = createBackupHandlers({
    backupsDir: path.join(app.getPath('userData'), 'backups'),
    now: () => new Date(),
    utcOffsetMinutes: () => -new Date().getTimezoneOffset(),
    log,
  });
  registry.handle('app:get-info', appInfo);
  registry.handle('dialog:save-file', dialogs.saveFile);
  registry.handle('dialog:open-file', dialogs.openFile);
  registry.handle('backup:write', backups.writeBackup);
  registry.handle('backup:list', backups.listBackups);
  registry.handle('backup:read', backups.readBackup);
}

function main(): void {
  // Before ready: a standard, secure scheme gives the renderer a real origin with IndexedDB.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.setName('Quarterdeck');
  // Lets tests (test/e2e/electron.spec.ts) run against a throwaway profile instead of the user's data.
  const userDataOverride = process.env.QUARTERDECK_USER_DATA;
  if (userDataOverride) app.setPath('userData', path.resolve(userDataOverride));
  if (!setupSingleInstance(app, () => mainWindow)) return;

  app.on('web-contents-created', (_event, contents) => {
    attachNavigationGuards(contents, {
      openExternal: (url) => shell.openExternal(url),
      log,
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    attachPermissionGuards(session.defaultSession, log);
    protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler({ root: rendererRoot, readFile: (file) => readFile(file), log }),
    );
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          appName: 'Quarterdeck',
          platform: process.platform,
          isPackaged: app.isPackaged,
          dispatch: dispatchMenuCommand,
        }),
      ),
    );
    registerIpc();
    mainWindow = createMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
    });
  });
}

main();
