import { describe, expect, it } from 'vitest';
import { ragLabel, ragStatus } from '../../../../shared/domain/kpis/rag';

const higher = { direction: 'higher' as const, target: 95, amberThreshold: 90 };
const lower = { direction: 'lower' as const, target: 24, amberThreshold: 36 };

describe('ragStatus', () => {
  it.each([
    [higher, 100, 'green'],
    [higher, 95, 'green'], // on the target: green
    [higher, 94.999, 'amber'],
    [higher, 90, 'amber'], // on the threshold: amber
    [higher, 89.999, 'red'],
    [lower, 0, 'green'],
    [lower, 24, 'green'],
    [lower, 24.001, 'amber'],
    [lower, 36, 'amber'],
    [lower, 36.001, 'red'],
  ] as const)('%j with %d → %s', (def, value, expected) => {
    expect(ragStatus(def, value)).toBe(expected);
  });

  it('has no amber band without a threshold or with one on the wrong side', () => {
    expect(ragStatus({ direction: 'higher', target: 95, amberThreshold: null }, 94)).toBe('red');
    expect(ragStatus({ direction: 'higher', target: 95, amberThreshold: 99 }, 94)).toBe('red');
    expect(ragStatus({ direction: 'lower', target: 24, amberThreshold: 20 }, 22)).toBe('green');
    expect(ragStatus({ direction: 'lower', target: 24, amberThreshold: 20 }, 25)).toBe('red');
  });

  it('is none without a value or a target', () => {
    expect(ragStatus(higher, null)).toBe('none');
    expect(ragStatus(higher, Number.NaN)).toBe('none');
    expect(ragStatus({ direction: 'higher', target: null, amberThreshold: 90 }, 99)).toBe('none');
    expect(ragLabel('none')).toBe('No target');
    expect(ragLabel('amber')).toBe('Near target');
  });
});
