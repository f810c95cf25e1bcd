/**
 * The application menu (issue 2 item 3), built by a pure function so labels and accelerators are
 * unit-tested. App actions (including Undo/Redo, whose edits live in IndexedDB) are sent to the
 * focused window as a MenuCommand; clipboard, zoom and full screen use Electron's roles.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../../shared/ipc/contract';

export type MenuInput = {
  appName: string;
  platform: string;
  /** Packaged builds have no developer tools entry (SEC-17). */
  isPackaged: boolean;
  dispatch: (command: MenuCommand) => void;
};

/** Builds the menu template: File, Edit, View, Help (plus the app menu on macOS). */
export function buildMenuTemplate(input: MenuInput): MenuItemConstructorOptions[] {
  const mac = input.platform === 'darwin';
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => input.dispatch(cmd),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: input.appName,
          submenu: [
            command(`About ${input.appName}`, 'about'),
            separator,
            { role: 'services' },
            separator,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            separator,
            { role: 'quit', label: `Quit ${input.appName}`, accelerator: 'Cmd+Q' },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('New workspace', 'new-workspace', 'CmdOrCtrl+N'),
      command('Open sample workspace', 'open-sample'),
      separator,
      command('Import backup…', 'import-backup', 'CmdOrCtrl+O'),
      command('Export backup…', 'export-backup', 'CmdOrCtrl+Shift+S'),
      command('Export QBR deck…', 'export-deck', 'CmdOrCtrl+E'),
      separator,
      mac
        ? { role: 'close', label: 'Close window', accelerator: 'Cmd+W' }
        : { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      command('Undo', 'undo', 'CmdOrCtrl+Z'),
      command('Redo', 'redo', input.platform === 'win32' ? 'Ctrl+Y' : 'Shift+CmdOrCtrl+Z'),
      separator,
      { role: 'cut', label: 'Cut', accelerator: 'CmdOrCtrl+X' },
      { role: 'copy', label: 'Copy', accelerator: 'CmdOrCtrl+C' },
      { role: 'paste', label: 'Paste', accelerator: 'CmdOrCtrl+V' },
      { role: 'selectAll', label: 'Select all', accelerator: 'CmdOrCtrl+A' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'reload', label: 'Reload', accelerator: 'CmdOrCtrl+R' },
      separator,
      { role: 'zoomIn', label: 'Zoom in', accelerator: 'CmdOrCtrl+Plus' },
      { role: 'zoomOut', label: 'Zoom out', accelerator: 'CmdOrCtrl+-' },
      { role: 'resetZoom', label: 'Reset zoom', accelerator: 'CmdOrCtrl+0' },
      separator,
      { role: 'togglefullscreen', label: 'Toggle full screen', accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
      ...(input.isPackaged
        ? []
        : [
            separator,
            {
              role: 'toggleDevTools',
              label: 'Toggle developer tools',
              accelerator: mac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I',
            } satisfies MenuItemConstructorOptions,
          ]),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [command(`About ${input.appName}`, 'about')],
  };

  return [...appMenu, file, edit, view, help];
}

/** The part of a BrowserWindow the dispatcher sends through. */
export type CommandTarget = {
  isDestroyed(): boolean;
  webContents: { send(channel: string, ...args: unknown[]): void };
};

/**
 * Sends a menu command to the focused window, else to the main window; returns whether it was sent.
 * With no window (macOS, all closed) the command is dropped rather than queued.
 */
export function sendMenuCommand(
  command: MenuCommand,
  focused: CommandTarget | null,
  fallback: CommandTarget | null,
): boolean {
  const target = [focused, fallback].find((w): w is CommandTarget => w !== null && !w.isDestroyed());
  if (!target) return false;
  target.webContents.send(MENU_COMMAND_CHANNEL, command);
  return true;
}
