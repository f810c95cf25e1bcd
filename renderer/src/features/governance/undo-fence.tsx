/**
 * Keeps Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl+Y inside an open editing dialog. Outside a text field
 * the app-wide shortcut would otherwise undo an edit behind the dialog (even the record being
 * edited). React events bubble through the portal to this wrapper, so one fence covers the form
 * and the footer buttons alike.
 */
import type { KeyboardEvent, ReactNode } from 'react';
import { isTextEditing } from '../../app/keyboard';

/** Stop undo/redo keys from leaving the dialog; a text field keeps its own text undo. */
export function keepUndoInDialog(e: KeyboardEvent<HTMLElement>): void {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && !e.altKey && (key === 'z' || key === 'y') && !isTextEditing(e.target as Element)) {
    e.preventDefault();
    e.stopPropagation();
  }
}

/** Wrap a dialog so undo keys pressed inside it stay inside it. */
export function UndoFence({ children }: { children: ReactNode }) {
  return (
    <div className="undo-fence" onKeyDown={keepUndoInDialog}>
      {children}
    </div>
  );
}
