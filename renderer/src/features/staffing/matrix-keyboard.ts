/**
 * The skills matrix keyboard model (an ARIA grid of proficiency cells): arrows move, Home/End go
 * to the row's ends (with Ctrl to the grid's corners), digits 0–4 set the level, + and − step it,
 * Delete/Backspace clear it, Enter or F2 open the level picker. Keys with Ctrl/Cmd/Alt are left
 * alone so Ctrl+Z reaches the app's undo. Pure, so the model is tested without a DOM.
 */

export type GridSize = { rows: number; cols: number };
export type GridPos = { row: number; col: number };

export type MatrixKeyAction =
  { kind: 'move'; row: number; col: number } | { kind: 'set'; level: number } | { kind: 'open-picker' } | null;

export const MIN_LEVEL = 0;
export const MAX_LEVEL = 4;

type KeyLike = { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean };

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** What a key press on the active cell asks for; null = not ours (let it through). */
export function matrixKeyAction(e: KeyLike, pos: GridPos, size: GridSize, level: number): MatrixKeyAction {
  if (size.rows <= 0 || size.cols <= 0) return null;
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  const move = (row: number, col: number): MatrixKeyAction => ({
    kind: 'move',
    row: clamp(row, 0, lastRow),
    col: clamp(col, 0, lastCol),
  });
  const mod = e.ctrlKey === true || e.metaKey === true;
  if (e.altKey) return null;
  if (mod) {
    if (e.key === 'Home') return move(0, 0);
    if (e.key === 'End') return move(lastRow, lastCol);
    return null;
  }
  switch (e.key) {
    case 'ArrowLeft':
      return move(pos.row, pos.col - 1);
    case 'ArrowRight':
      return move(pos.row, pos.col + 1);
    case 'ArrowUp':
      return move(pos.row - 1, pos.col);
    case 'ArrowDown':
      return move(pos.row + 1, pos.col);
    case 'Home':
      return move(pos.row, 0);
    case 'End':
      return move(pos.row, lastCol);
    case 'PageUp':
      return move(0, pos.col);
    case 'PageDown':
      return move(lastRow, pos.col);
    case '+':
    case '=':
    case 'Add':
      return { kind: 'set', level: clamp(level + 1, MIN_LEVEL, MAX_LEVEL) };
    case '-':
    case '_':
    case 'Subtract':
      return { kind: 'set', level: clamp(level - 1, MIN_LEVEL, MAX_LEVEL) };
    case 'Delete':
    case 'Backspace':
      return { kind: 'set', level: MIN_LEVEL };
    case 'Enter':
    case 'F2':
      return { kind: 'open-picker' };
    default:
      if (/^[0-4]$/.test(e.key)) return { kind: 'set', level: Number(e.key) };
      return null;
  }
}

export type PickerKeyAction =
  { kind: 'highlight'; level: number } | { kind: 'choose'; level: number } | { kind: 'cancel' } | null;

/** The level picker (a listbox of 0–4): arrows/Home/End highlight, Enter/Space or a digit choose, Escape/Tab cancel. */
export function pickerKeyAction(e: KeyLike, highlighted: number): PickerKeyAction {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'ArrowUp':
    case 'ArrowLeft':
      return { kind: 'highlight', level: clamp(highlighted - 1, MIN_LEVEL, MAX_LEVEL) };
    case 'ArrowDown':
    case 'ArrowRight':
      return { kind: 'highlight', level: clamp(highlighted + 1, MIN_LEVEL, MAX_LEVEL) };
    case 'Home':
      return { kind: 'highlight', level: MIN_LEVEL };
    case 'End':
      return { kind: 'highlight', level: MAX_LEVEL };
    case 'Enter':
    case ' ':
      return { kind: 'choose', level: highlighted };
    case 'Escape':
    case 'Tab':
      return { kind: 'cancel' };
    default:
      if (/^[0-4]$/.test(e.key)) return { kind: 'choose', level: Number(e.key) };
      return null;
  }
}
