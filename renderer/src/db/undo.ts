/**
 * Undo/redo history of edits (REL-14). Entries are change sets (before/after rows), applied in one
 * transaction each. A new edit clears the redo side, as every editor does.
 */
import { applyChangeSet, type ChangeSet } from './changes';
import type { QuarterdeckDb } from './database';

export type UndoSnapshot = { undoLabel: string | null; redoLabel: string | null };

export class UndoHistory {
  private readonly undoStack: ChangeSet[] = [];
  private readonly redoStack: ChangeSet[] = [];
  private readonly listeners = new Set<() => void>();
  private snapshot: UndoSnapshot = { undoLabel: null, redoLabel: null };

  constructor(private readonly limit = 100) {}

  /** Remember an edit that has just been written. */
  record(cs: ChangeSet): void {
    if (cs.changes.length === 0) return;
    this.undoStack.push(cs);
    if (this.undoStack.length > this.limit) this.undoStack.shift();
    this.redoStack.length = 0;
    this.emit();
  }

  /** Revert the newest edit; returns its label, or null when there is nothing to undo. */
  async undo(db: QuarterdeckDb): Promise<string | null> {
    const cs = this.undoStack.pop();
    if (!cs) return null;
    try {
      await applyChangeSet(db, cs, 'undo');
    } catch (err) {
      this.undoStack.push(cs);
      throw err;
    }
    this.redoStack.push(cs);
    this.emit();
    return cs.label;
  }

  /** Re-apply the newest undone edit; returns its label, or null when there is nothing to redo. */
  async redo(db: QuarterdeckDb): Promise<string | null> {
    const cs = this.redoStack.pop();
    if (!cs) return null;
    try {
      await applyChangeSet(db, cs, 'redo');
    } catch (err) {
      this.redoStack.push(cs);
      throw err;
    }
    this.undoStack.push(cs);
    this.emit();
    return cs.label;
  }

  /** Forget everything (e.g. after the database is replaced). */
  clear(): void {
    this.undoStack.length = 0;
    this.redoStack.length = 0;
    this.emit();
  }

  /** Labels of the next undo and redo, stable between changes (for useSyncExternalStore). */
  getSnapshot = (): UndoSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    this.snapshot = {
      undoLabel: this.undoStack[this.undoStack.length - 1]?.label ?? null,
      redoLabel: this.redoStack[this.redoStack.length - 1]?.label ?? null,
    };
    for (const l of this.listeners) l();
  }
}
