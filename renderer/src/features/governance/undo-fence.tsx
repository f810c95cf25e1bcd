/**
 * Keeps undo/redo keys inside an open governance editing dialog (see keepUndoInDialog). React
 * events bubble through the portal to this wrapper, so one fence covers the form and the footer
 * buttons alike.
 */
import type { ReactNode } from 'react';
import { keepUndoInDialog } from '../../components/form-dialog';

/** Wrap a dialog so undo keys pressed inside it stay inside it. */
export function UndoFence({ children }: { children: ReactNode }) {
  return (
    <div className="undo-fence" onKeyDown={keepUndoInDialog}>
      {children}
    </div>
  );
}
