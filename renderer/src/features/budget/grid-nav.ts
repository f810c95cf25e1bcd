/**
 * The budget grid's keyboard model (ARIA grid pattern, spreadsheet habits), as pure functions so
 * the rules read in one place: which key moves the active cell where, and which key starts editing.
 */

export type CellPos = { r: number; c: number };
export type GridSize = { rows: number; cols: number };

type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

const PAGE = 10;

/**
 * Where a navigation key moves the active cell; null when the key is not a navigation key, or when
 * Tab / Shift+Tab at the row's end should leave the grid (the browser's own focus move).
 */
export function navTarget(pos: CellPos, e: KeyLike, size: GridSize): CellPos | null {
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  const clampR = (r: number) => Math.max(0, Math.min(lastRow, r));
  const clampC = (c: number) => Math.max(0, Math.min(lastCol, c));
  const ctrl = e.ctrlKey || e.metaKey;
  if (e.altKey) return null;
  switch (e.key) {
    case 'ArrowUp':
      return { r: clampR(pos.r - 1), c: pos.c };
    case 'ArrowDown':
      return { r: clampR(pos.r + 1), c: pos.c };
    case 'ArrowLeft':
      return { r: pos.r, c: clampC(pos.c - 1) };
    case 'ArrowRight':
      return { r: pos.r, c: clampC(pos.c + 1) };
    case 'Home':
      return ctrl ? { r: 0, c: 0 } : { r: pos.r, c: 0 };
    case 'End':
      return ctrl ? { r: lastRow, c: lastCol } : { r: pos.r, c: lastCol };
    case 'PageUp':
      return { r: clampR(pos.r - PAGE), c: pos.c };
    case 'PageDown':
      return { r: clampR(pos.r + PAGE), c: pos.c };
    case 'Tab':
      if (ctrl) return null;
      if (e.shiftKey) return pos.c > 0 ? { r: pos.r, c: pos.c - 1 } : null;
      return pos.c < lastCol ? { r: pos.r, c: pos.c + 1 } : null;
    default:
      return null;
  }
}

/**
 * The text a printable key starts an edit with (Excel's "type to replace"): digits, the decimal
 * separators and a minus sign; null for every other key or with a modifier held.
 */
export function typedStart(e: KeyLike): string | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  return /^[0-9.,\-−]$/.test(e.key) ? e.key : null;
}

/** Keys that open the focused cell for editing with its current value. */
export function isEditKey(e: KeyLike): boolean {
  return (e.key === 'Enter' || e.key === 'F2') && !e.ctrlKey && !e.metaKey && !e.altKey;
}

/** Keys that clear the focused amount (an actual back to "not yet known"; a plan to 0). */
export function isClearKey(e: KeyLike): boolean {
  return (e.key === 'Delete' || e.key === 'Backspace') && !e.ctrlKey && !e.metaKey && !e.altKey;
}
