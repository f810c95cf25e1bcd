/**
 * The RACI grid's keyboard model (WAI-ARIA grid pattern), as a pure function so it can be tested
 * without a DOM. Columns: 0 = the lane (row header), 1…parties = the letter cells, last = the
 * check. Arrows move one cell, Home/End to the row's ends, Ctrl+Home/End to the grid's corners,
 * PageUp/PageDown five rows. On a letter cell R, A, C or I toggles that letter and Delete or
 * Backspace clears the cell. On the lane cell Alt+↑/↓ moves the lane and F2 edits it.
 * Ctrl/Cmd+Z undoes and Shift+Ctrl/Cmd+Z or Ctrl+Y redoes.
 */
import { RACI_LETTERS, type RaciLetter } from '../../../../shared/domain/governance/schema';

export type GridPos = { row: number; col: number };
export type GridSize = { rows: number; cols: number };
export type KeyLike = { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean };

export type GridAction =
  | { kind: 'move'; to: GridPos }
  | { kind: 'toggle'; letter: RaciLetter }
  | { kind: 'clear' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'move-lane'; delta: -1 | 1 }
  | { kind: 'edit-lane' };

const PAGE = 5;

/** Whether a column holds letters (not the lane name or the check). */
export function isLetterColumn(col: number, size: GridSize): boolean {
  return col >= 1 && col <= size.cols - 2;
}

/** What a key press asks for at `pos`; null = not the grid's key (let it through). */
export function raciGridKey(e: KeyLike, pos: GridPos, size: GridSize): GridAction | null {
  const mod = e.ctrlKey || e.metaKey;
  const clamp = (row: number, col: number): GridAction => ({
    kind: 'move',
    to: { row: Math.max(0, Math.min(size.rows - 1, row)), col: Math.max(0, Math.min(size.cols - 1, col)) },
  });
  if (mod && !e.altKey) {
    const k = e.key.toLowerCase();
    if (k === 'z') return e.shiftKey ? { kind: 'redo' } : { kind: 'undo' };
    if (k === 'y' && !e.shiftKey) return { kind: 'redo' };
    if (e.key === 'Home') return clamp(0, 0);
    if (e.key === 'End') return clamp(size.rows - 1, size.cols - 1);
    return null;
  }
  if (e.altKey) {
    if (pos.col === 0 && !e.shiftKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      return { kind: 'move-lane', delta: e.key === 'ArrowUp' ? -1 : 1 };
    }
    return null;
  }
  switch (e.key) {
    case 'ArrowUp':
      return clamp(pos.row - 1, pos.col);
    case 'ArrowDown':
      return clamp(pos.row + 1, pos.col);
    case 'ArrowLeft':
      return clamp(pos.row, pos.col - 1);
    case 'ArrowRight':
      return clamp(pos.row, pos.col + 1);
    case 'Home':
      return clamp(pos.row, 0);
    case 'End':
      return clamp(pos.row, size.cols - 1);
    case 'PageUp':
      return clamp(pos.row - PAGE, pos.col);
    case 'PageDown':
      return clamp(pos.row + PAGE, pos.col);
    case 'F2':
      return pos.col === 0 ? { kind: 'edit-lane' } : null;
  }
  if (!isLetterColumn(pos.col, size)) return null;
  if (e.key === 'Delete' || e.key === 'Backspace') return { kind: 'clear' };
  const letter = RACI_LETTERS.find((l) => l === e.key.toUpperCase());
  return letter && e.key.length === 1 ? { kind: 'toggle', letter } : null;
}
