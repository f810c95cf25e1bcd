/**
 * Global keyboard shortcuts and Electron menu commands. Alt+1…8 open the sections; Ctrl/Cmd+Z and
 * Shift+Ctrl/Cmd+Z (or Ctrl+Y) undo and redo edits — except inside a text field, where the field's
 * own text undo wins.
 */
import { useEffect } from 'react';
import type { MenuCommand } from '../bridge/types';
import { useUi } from '../state/store';
import { exportBackup, importBackup, openSample, redoLast, undoLast } from './actions';
import { ROUTE_LIST, hrefFor } from './routes';
import { useServices, type AppServices } from './services';

/** True when the element edits text (so Ctrl+Z belongs to it). */
export function isTextEditing(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement) return !el.readOnly;
  if (el instanceof HTMLInputElement) {
    return (
      !el.readOnly && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(el.type)
    );
  }
  return (el as HTMLElement).isContentEditable === true;
}

export type ShortcutAction = { kind: 'route'; index: number } | { kind: 'undo' } | { kind: 'redo' } | null;

/** Which app action a key event asks for (pure, for tests). */
export function shortcutFor(
  e: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
): ShortcutAction {
  const digit = /^Digit([1-8])$/.exec(e.code);
  if (digit && e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey)
    return { kind: 'route', index: Number(digit[1]) - 1 };
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.altKey && e.key.toLowerCase() === 'z') return e.shiftKey ? { kind: 'redo' } : { kind: 'undo' };
  if (e.ctrlKey && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'y') return { kind: 'redo' };
  return null;
}

/** Install the global shortcuts while the shell is mounted. */
export function useGlobalShortcuts(): void {
  const s = useServices();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutFor(e);
      if (!action) return;
      if (action.kind === 'route') {
        const r = ROUTE_LIST[action.index];
        if (!r) return;
        e.preventDefault();
        if (useUi.getState().dialog.kind !== 'none') return;
        location.hash = hrefFor(r.route);
        return;
      }
      if (isTextEditing(document.activeElement) || useUi.getState().dialog.kind !== 'none') return;
      e.preventDefault();
      void (action.kind === 'undo' ? undoLast(s) : redoLast(s));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [s]);
}

/** Carry out one menu command from the Electron application menu. */
export function handleMenuCommand(s: AppServices, command: MenuCommand): void {
  const ui = useUi.getState();
  switch (command) {
    case 'new-workspace':
      ui.openDialog({ kind: 'workspace-new' });
      return;
    case 'open-sample':
      void openSample(s);
      return;
    case 'import-backup':
      void importBackup(s);
      return;
    case 'export-backup':
      if (ui.workspaceId) void exportBackup(s, ui.workspaceId);
      else ui.toast('Choose a workspace to export first.', 'error');
      return;
    case 'export-deck':
      location.hash = hrefFor('qbr');
      return;
    case 'undo':
    case 'redo':
      // The menu's accelerator swallows the key: give text fields their own undo back.
      if (isTextEditing(document.activeElement)) {
        document.execCommand(command);
        return;
      }
      if (ui.dialog.kind !== 'none') return;
      void (command === 'undo' ? undoLast(s) : redoLast(s));
      return;
    case 'about':
      ui.openDialog({ kind: 'about' });
      return;
  }
}

/** Subscribe to the host's menu commands (a no-op in the browser). */
export function useMenuCommands(): void {
  const s = useServices();
  useEffect(() => s.bridge.onMenuCommand((c) => handleMenuCommand(s, c)), [s]);
}
