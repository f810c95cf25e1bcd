import { describe, expect, it } from 'vitest';
import {
  dragDeltaMonths,
  keyMoveDelta,
  movedSpan,
  moveWords,
  type MoveKey,
} from '../../../../shared/domain/roadmap/timeline-moves';

const key = (k: string, mods: Partial<MoveKey> = {}): MoveKey => ({
  key: k,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('keyMoveDelta', () => {
  it.each<[string, MoveKey, number | null]>([
    ['→ one month later', key('ArrowRight'), 1],
    ['← one month earlier', key('ArrowLeft'), -1],
    ['Shift+→ one quarter later', key('ArrowRight', { shiftKey: true }), 3],
    ['Shift+← one quarter earlier', key('ArrowLeft', { shiftKey: true }), -3],
    ['Ctrl+→ belongs to the browser', key('ArrowRight', { ctrlKey: true }), null],
    ['Alt+← is history navigation', key('ArrowLeft', { altKey: true }), null],
    ['Meta+→ is not a move', key('ArrowRight', { metaKey: true }), null],
    ['↑ moves focus, not the item', key('ArrowUp'), null],
    ['Enter opens details', key('Enter'), null],
    ['a letter', key('l'), null],
  ])('%s', (_name, e, expected) => {
    expect(keyMoveDelta(e)).toBe(expected);
  });
});

describe('dragDeltaMonths (snap to months)', () => {
  // 30 px per month: a drag snaps to the nearest whole month; half a month rounds away from zero.
  it.each<[number, number, number]>([
    [0, 30, 0],
    [14, 30, 0],
    [15, 30, 1],
    [-15, 30, -1],
    [44, 30, 1],
    [45, 30, 2],
    [90, 30, 3],
    [-90, 30, -3],
    [-104, 30, -3],
    [271, 30, 9],
    [7, 7, 1],
  ])('dx %d px at %d px/month → %d months', (dx, width, months) => {
    expect(dragDeltaMonths(dx, width)).toBe(months);
  });

  it('asks for no move on a broken scale or distance, and never returns −0', () => {
    expect(dragDeltaMonths(Number.NaN, 30)).toBe(0);
    expect(dragDeltaMonths(Number.POSITIVE_INFINITY, 30)).toBe(0);
    expect(dragDeltaMonths(60, 0)).toBe(0);
    expect(dragDeltaMonths(60, -30)).toBe(0);
    expect(Object.is(dragDeltaMonths(-5, 30), 0)).toBe(true);
  });
});

describe('moveWords and movedSpan', () => {
  it.each<[number, string]>([
    [1, '1 month later'],
    [-1, '1 month earlier'],
    [3, '3 months later'],
    [-3, '3 months earlier'],
  ])('%d → %s', (delta, words) => {
    expect(moveWords(delta)).toBe(words);
  });

  it('moves start and end together across a year boundary', () => {
    expect(movedSpan({ startMonth: '2026-11', endMonth: '2027-02' }, 3)).toEqual({
      startMonth: '2027-02',
      endMonth: '2027-05',
    });
    expect(movedSpan({ startMonth: '2026-01', endMonth: '2026-01' }, -1)).toEqual({
      startMonth: '2025-12',
      endMonth: '2025-12',
    });
  });
});
