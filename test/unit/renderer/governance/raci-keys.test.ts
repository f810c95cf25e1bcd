import { describe, expect, it } from 'vitest';
import { isLetterColumn, raciGridKey, type KeyLike } from '../../../../renderer/src/features/governance/raci-keys';

// A matrix of 16 lanes × 3 parties: columns 0 lane, 1–3 parties, 4 check.
const SIZE = { rows: 16, cols: 5 };
const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('raciGridKey', () => {
  it.each([
    ['ArrowDown', { row: 3, col: 2 }, { row: 4, col: 2 }],
    ['ArrowUp', { row: 3, col: 2 }, { row: 2, col: 2 }],
    ['ArrowRight', { row: 3, col: 2 }, { row: 3, col: 3 }],
    ['ArrowLeft', { row: 3, col: 2 }, { row: 3, col: 1 }],
    // Clamped at the edges: no wrapping to the next row.
    ['ArrowUp', { row: 0, col: 1 }, { row: 0, col: 1 }],
    ['ArrowDown', { row: 15, col: 1 }, { row: 15, col: 1 }],
    ['ArrowLeft', { row: 5, col: 0 }, { row: 5, col: 0 }],
    ['ArrowRight', { row: 5, col: 4 }, { row: 5, col: 4 }],
    ['Home', { row: 7, col: 3 }, { row: 7, col: 0 }],
    ['End', { row: 7, col: 1 }, { row: 7, col: 4 }],
    ['PageDown', { row: 3, col: 2 }, { row: 8, col: 2 }],
    ['PageDown', { row: 13, col: 2 }, { row: 15, col: 2 }],
    ['PageUp', { row: 3, col: 2 }, { row: 0, col: 2 }],
  ])('%s from %o moves to %o', (k, from, to) => {
    expect(raciGridKey(key(k), from, SIZE)).toEqual({ kind: 'move', to });
  });

  it('Ctrl+Home and Ctrl+End go to the corners', () => {
    expect(raciGridKey(key('Home', { ctrlKey: true }), { row: 9, col: 2 }, SIZE)).toEqual({
      kind: 'move',
      to: { row: 0, col: 0 },
    });
    expect(raciGridKey(key('End', { ctrlKey: true }), { row: 0, col: 0 }, SIZE)).toEqual({
      kind: 'move',
      to: { row: 15, col: 4 },
    });
  });

  it.each(['r', 'R', 'a', 'A', 'c', 'C', 'i', 'I'])('letter %s toggles on a party cell', (k) => {
    expect(raciGridKey(key(k), { row: 3, col: 2 }, SIZE)).toEqual({ kind: 'toggle', letter: k.toUpperCase() });
  });

  it('letters and Delete do nothing on the lane and check columns, or with a modifier', () => {
    for (const col of [0, 4]) {
      expect(raciGridKey(key('a'), { row: 3, col }, SIZE)).toBeNull();
      expect(raciGridKey(key('Delete'), { row: 3, col }, SIZE)).toBeNull();
    }
    expect(raciGridKey(key('a', { altKey: true }), { row: 3, col: 2 }, SIZE)).toBeNull();
    expect(raciGridKey(key('a', { ctrlKey: true }), { row: 3, col: 2 }, SIZE)).toBeNull();
    expect(raciGridKey(key('x'), { row: 3, col: 2 }, SIZE)).toBeNull();
    // Named keys whose first letter is a RACI letter are not letters.
    expect(raciGridKey(key('Insert'), { row: 3, col: 2 }, SIZE)).toBeNull();
    expect(raciGridKey(key('Control', { ctrlKey: true }), { row: 3, col: 2 }, SIZE)).toBeNull();
  });

  it('Delete and Backspace clear a party cell', () => {
    expect(raciGridKey(key('Delete'), { row: 0, col: 1 }, SIZE)).toEqual({ kind: 'clear' });
    expect(raciGridKey(key('Backspace'), { row: 0, col: 3 }, SIZE)).toEqual({ kind: 'clear' });
  });

  it('undo and redo anywhere in the grid (Ctrl or Cmd)', () => {
    expect(raciGridKey(key('z', { ctrlKey: true }), { row: 1, col: 0 }, SIZE)).toEqual({ kind: 'undo' });
    expect(raciGridKey(key('Z', { metaKey: true }), { row: 1, col: 4 }, SIZE)).toEqual({ kind: 'undo' });
    expect(raciGridKey(key('Z', { ctrlKey: true, shiftKey: true }), { row: 1, col: 2 }, SIZE)).toEqual({
      kind: 'redo',
    });
    expect(raciGridKey(key('y', { ctrlKey: true }), { row: 1, col: 2 }, SIZE)).toEqual({ kind: 'redo' });
  });

  it('Alt+↑/↓ moves the lane and F2 edits it, only from the lane column', () => {
    expect(raciGridKey(key('ArrowUp', { altKey: true }), { row: 4, col: 0 }, SIZE)).toEqual({
      kind: 'move-lane',
      delta: -1,
    });
    expect(raciGridKey(key('ArrowDown', { altKey: true }), { row: 4, col: 0 }, SIZE)).toEqual({
      kind: 'move-lane',
      delta: 1,
    });
    expect(raciGridKey(key('ArrowDown', { altKey: true }), { row: 4, col: 2 }, SIZE)).toBeNull();
    expect(raciGridKey(key('F2'), { row: 4, col: 0 }, SIZE)).toEqual({ kind: 'edit-lane' });
    expect(raciGridKey(key('F2'), { row: 4, col: 1 }, SIZE)).toBeNull();
    // Enter and Tab are left to the browser (Enter activates the lane button; Tab leaves the grid).
    expect(raciGridKey(key('Enter'), { row: 4, col: 0 }, SIZE)).toBeNull();
    expect(raciGridKey(key('Tab'), { row: 4, col: 2 }, SIZE)).toBeNull();
  });

  it('letter columns are the party columns only', () => {
    expect([0, 1, 2, 3, 4].map((c) => isLetterColumn(c, SIZE))).toEqual([false, true, true, true, false]);
  });
});
