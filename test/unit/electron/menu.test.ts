import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, sendMenuCommand, type CommandTarget } from '../../../electron/main/menu';
import type { MenuCommand } from '../../../shared/ipc/contract';

type Row = { label?: string; accelerator?: string; role?: string };

function build(platform: string, isPackaged = false) {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate({
    appName: 'Quarterdeck',
    platform,
    isPackaged,
    dispatch: (c) => void sent.push(c),
  });
  const submenu = (label: string): MenuItemConstructorOptions[] => {
    const menu = template.find((m) => m.label === label);
    if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no menu ${label}`);
    return menu.submenu;
  };
  const rows = (label: string): Row[] =>
    submenu(label)
      .filter((i) => i.type !== 'separator')
      .map((i) => ({
        ...(i.label !== undefined ? { label: i.label } : {}),
        ...(i.accelerator !== undefined ? { accelerator: String(i.accelerator) } : {}),
        ...(i.role !== undefined ? { role: i.role } : {}),
      }));
  const click = (menu: string, label: string): void => {
    const item = submenu(menu).find((i) => i.label === label);
    if (!item?.click) throw new Error(`no clickable ${label}`);
    (item.click as () => void)();
  };
  return { template, rows, click, sent };
}

describe('buildMenuTemplate (Windows/Linux)', () => {
  it('has File, Edit, View, Help in that order', () => {
    expect(build('linux').template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('File: workspace and backup actions, then Quit', () => {
    expect(build('win32').rows('&File')).toEqual([
      { label: 'New workspace', accelerator: 'CmdOrCtrl+N' },
      { label: 'Open sample workspace' },
      { label: 'Import backup…', accelerator: 'CmdOrCtrl+O' },
      { label: 'Export backup…', accelerator: 'CmdOrCtrl+Shift+S' },
      { label: 'Export QBR deck…', accelerator: 'CmdOrCtrl+E' },
      { label: 'Quit', accelerator: 'Ctrl+Q', role: 'quit' },
    ]);
  });

  it.each([
    ['win32', 'Ctrl+Y'],
    ['linux', 'Shift+CmdOrCtrl+Z'],
  ])('Edit on %s: app undo/redo (redo %s) plus clipboard roles', (platform, redo) => {
    expect(build(platform).rows('&Edit')).toEqual([
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z' },
      { label: 'Redo', accelerator: redo },
      { label: 'Cut', accelerator: 'CmdOrCtrl+X', role: 'cut' },
      { label: 'Copy', accelerator: 'CmdOrCtrl+C', role: 'copy' },
      { label: 'Paste', accelerator: 'CmdOrCtrl+V', role: 'paste' },
      { label: 'Select all', accelerator: 'CmdOrCtrl+A', role: 'selectAll' },
    ]);
  });

  it('View: reload, zoom, full screen; developer tools only when not packaged (SEC-17)', () => {
    const dev = build('linux', false).rows('&View');
    expect(dev.map((r) => r.label)).toEqual([
      'Reload',
      'Zoom in',
      'Zoom out',
      'Reset zoom',
      'Toggle full screen',
      'Toggle developer tools',
    ]);
    expect(dev.find((r) => r.label === 'Toggle full screen')?.accelerator).toBe('F11');
    const packaged = build('linux', true).rows('&View');
    expect(packaged.map((r) => r.role)).not.toContain('toggleDevTools');
    expect(packaged).toHaveLength(5);
  });

  it('every app action sends its MenuCommand (Undo/Redo go to the app, not only the role)', () => {
    const { click, sent } = build('linux');
    click('&File', 'New workspace');
    click('&File', 'Open sample workspace');
    click('&File', 'Import backup…');
    click('&File', 'Export backup…');
    click('&File', 'Export QBR deck…');
    click('&Edit', 'Undo');
    click('&Edit', 'Redo');
    click('&Help', 'About Quarterdeck');
    expect(sent).toEqual([
      'new-workspace',
      'open-sample',
      'import-backup',
      'export-backup',
      'export-deck',
      'undo',
      'redo',
      'about',
    ]);
  });
});

describe('buildMenuTemplate (macOS)', () => {
  it('adds the app menu with About and Quit; File ends with Close window', () => {
    const { template, rows } = build('darwin');
    expect(template.map((m) => m.label)).toEqual(['Quarterdeck', '&File', '&Edit', '&View', '&Help']);
    expect(rows('Quarterdeck')[0]).toEqual({ label: 'About Quarterdeck' });
    expect(rows('Quarterdeck').at(-1)).toEqual({ label: 'Quit Quarterdeck', accelerator: 'Cmd+Q', role: 'quit' });
    expect(rows('&File').at(-1)).toEqual({ label: 'Close window', accelerator: 'Cmd+W', role: 'close' });
    expect(rows('&Edit')[1]).toEqual({ label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z' });
  });
});

describe('sendMenuCommand', () => {
  const target = (destroyed = false) => {
    const sent: unknown[][] = [];
    const t: CommandTarget = { isDestroyed: () => destroyed, webContents: { send: (...args) => void sent.push(args) } };
    return { t, sent };
  };

  it('sends to the focused window on menu:command', () => {
    const focused = target();
    const main = target();
    expect(sendMenuCommand('undo', focused.t, main.t)).toBe(true);
    expect(focused.sent).toEqual([['menu:command', 'undo']]);
    expect(main.sent).toEqual([]);
  });

  it('falls back to the main window, and drops the command when none is alive', () => {
    const main = target();
    expect(sendMenuCommand('about', null, main.t)).toBe(true);
    expect(main.sent).toEqual([['menu:command', 'about']]);
    expect(sendMenuCommand('about', target(true).t, null)).toBe(false);
  });
});
