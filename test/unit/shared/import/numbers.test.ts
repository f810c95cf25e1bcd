import { describe, expect, it } from 'vitest';
import { detectDecimalComma, parseDecimal } from '../../../../shared/import/numbers';

describe('parseDecimal', () => {
  it.each([
    ['3871,691111', true, 3871.691111],
    ['1.234,5', true, 1234.5],
    ['-0,5', true, -0.5],
    ['12', true, 12],
    ['1,2,3', true, null],
    ['3871.5', false, 3871.5],
    ['1,234.5', false, 1234.5],
    ['1 234', false, 1234],
    ['63.9 %', false, 63.9],
    ['', false, null],
    ['12abc', false, null],
    ['1e3', false, 1000],
  ] as const)('%j (comma=%s) → %s', (text, comma, expected) => {
    expect(parseDecimal(text, comma)).toBe(expected);
  });
});

describe('detectDecimalComma', () => {
  it('needs a comma decimal and no point decimal', () => {
    expect(detectDecimalComma(['3871,691111', '12', ''])).toBe(true);
    expect(detectDecimalComma(['3871,69', '1.5'])).toBe(false);
    expect(detectDecimalComma(['1,234', '12'])).toBe(false); // a thousands group alone does not decide
    expect(detectDecimalComma(['abc'])).toBe(false);
  });
});
