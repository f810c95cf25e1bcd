import { describe, expect, it } from 'vitest';
import { matrixKeyAction, pickerKeyAction } from '../../../../renderer/src/features/staffing/matrix-keyboard';

// A 3 × 4 grid (3 people, 4 areas); positions are { row, col }.
const size = { rows: 3, cols: 4 };

describe('matrixKeyAction', () => {
  it.each([
    // key, from, level → expected
    ['ArrowRight', { row: 1, col: 1 }, 0, { kind: 'move', row: 1, col: 2 }],
    ['ArrowLeft', { row: 1, col: 1 }, 0, { kind: 'move', row: 1, col: 0 }],
    ['ArrowDown', { row: 1, col: 1 }, 0, { kind: 'move', row: 2, col: 1 }],
    ['ArrowUp', { row: 1, col: 1 }, 0, { kind: 'move', row: 0, col: 1 }],
    // Edges clamp: the grid does not wrap, so the user always knows where an arrow lands.
    ['ArrowRight', { row: 0, col: 3 }, 0, { kind: 'move', row: 0, col: 3 }],
    ['ArrowLeft', { row: 0, col: 0 }, 0, { kind: 'move', row: 0, col: 0 }],
    ['ArrowDown', { row: 2, col: 2 }, 0, { kind: 'move', row: 2, col: 2 }],
    ['ArrowUp', { row: 0, col: 2 }, 0, { kind: 'move', row: 0, col: 2 }],
    ['Home', { row: 2, col: 2 }, 0, { kind: 'move', row: 2, col: 0 }],
    ['End', { row: 1, col: 0 }, 0, { kind: 'move', row: 1, col: 3 }],
    ['PageUp', { row: 2, col: 2 }, 0, { kind: 'move', row: 0, col: 2 }],
    ['PageDown', { row: 0, col: 1 }, 0, { kind: 'move', row: 2, col: 1 }],
    ['0', { row: 1, col: 1 }, 3, { kind: 'set', level: 0 }],
    ['4', { row: 1, col: 1 }, 0, { kind: 'set', level: 4 }],
    ['2', { row: 1, col: 1 }, 2, { kind: 'set', level: 2 }],
    ['+', { row: 1, col: 1 }, 2, { kind: 'set', level: 3 }],
    ['=', { row: 1, col: 1 }, 1, { kind: 'set', level: 2 }],
    ['+', { row: 1, col: 1 }, 4, { kind: 'set', level: 4 }],
    ['-', { row: 1, col: 1 }, 2, { kind: 'set', level: 1 }],
    ['-', { row: 1, col: 1 }, 0, { kind: 'set', level: 0 }],
    ['Delete', { row: 1, col: 1 }, 3, { kind: 'set', level: 0 }],
    ['Backspace', { row: 1, col: 1 }, 3, { kind: 'set', level: 0 }],
    ['Enter', { row: 1, col: 1 }, 3, { kind: 'open-picker' }],
    ['F2', { row: 1, col: 1 }, 3, { kind: 'open-picker' }],
  ] as const)('%s at %o (level %i) → %o', (key, pos, level, expected) => {
    expect(matrixKeyAction({ key }, pos, size, level)).toEqual(expected);
  });

  it.each(['5', '9', 'a', 'Tab', 'Escape', ' ', 'z'])('leaves %j alone (digits above 4 are not levels)', (key) => {
    expect(matrixKeyAction({ key }, { row: 0, col: 0 }, size, 1)).toBeNull();
  });

  it('leaves Ctrl/Cmd shortcuts to the app (Ctrl+Z undoes), except Ctrl+Home/End', () => {
    expect(matrixKeyAction({ key: 'z', ctrlKey: true }, { row: 1, col: 1 }, size, 1)).toBeNull();
    expect(matrixKeyAction({ key: 'z', metaKey: true }, { row: 1, col: 1 }, size, 1)).toBeNull();
    expect(matrixKeyAction({ key: '3', ctrlKey: true }, { row: 1, col: 1 }, size, 1)).toBeNull();
    expect(matrixKeyAction({ key: 'ArrowRight', altKey: true }, { row: 1, col: 1 }, size, 1)).toBeNull();
    expect(matrixKeyAction({ key: 'Home', ctrlKey: true }, { row: 2, col: 3 }, size, 1)).toEqual({
      kind: 'move',
      row: 0,
      col: 0,
    });
    expect(matrixKeyAction({ key: 'End', ctrlKey: true }, { row: 0, col: 0 }, size, 1)).toEqual({
      kind: 'move',
      row: 2,
      col: 3,
    });
  });

  it('does nothing on an empty grid', () => {
    expect(matrixKeyAction({ key: 'ArrowDown' }, { row: 0, col: 0 }, { rows: 0, cols: 4 }, 0)).toBeNull();
  });
});

describe('pickerKeyAction', () => {
  it.each([
    ['ArrowDown', 1, { kind: 'highlight', level: 2 }],
    ['ArrowRight', 1, { kind: 'highlight', level: 2 }],
    ['ArrowUp', 1, { kind: 'highlight', level: 0 }],
    ['ArrowUp', 0, { kind: 'highlight', level: 0 }],
    ['ArrowDown', 4, { kind: 'highlight', level: 4 }],
    ['Home', 3, { kind: 'highlight', level: 0 }],
    ['End', 1, { kind: 'highlight', level: 4 }],
    ['Enter', 3, { kind: 'choose', level: 3 }],
    [' ', 2, { kind: 'choose', level: 2 }],
    ['1', 4, { kind: 'choose', level: 1 }],
    ['Escape', 2, { kind: 'cancel' }],
    ['Tab', 2, { kind: 'cancel' }],
    ['7', 2, null],
  ] as const)('%j with %i highlighted → %o', (key, highlighted, expected) => {
    expect(pickerKeyAction({ key }, highlighted)).toEqual(expected);
  });
});
