import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson } from '../../../../shared/util/canonical-json';

describe('canonicalJson', () => {
  it.each([
    [null, 'null'],
    [true, 'true'],
    [0, '0'],
    [-0, '0'],
    [1.5, '1.5'],
    [1e21, '1e+21'],
    ['a"b\n', '"a\\"b\\n"'],
    [[], '[]'],
    [{}, '{}'],
    [[1, 'two', null], '[1,"two",null]'],
  ])('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('sorts keys at every depth and writes no whitespace', () => {
    const value = { b: 1, a: { z: [3, { y: 1, x: 2 }], c: 'é' }, A: true };
    expect(canonicalJson(value)).toBe('{"A":true,"a":{"c":"é","z":[3,{"x":2,"y":1}]},"b":1}');
  });

  it('gives the same text for objects built in different key orders', () => {
    expect(canonicalJson({ x: 1, y: [{ p: 1, q: 2 }] })).toBe(canonicalJson({ y: [{ q: 2, p: 1 }], x: 1 }));
  });

  it('leaves out undefined properties like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  it.each([
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [{ a: [1, -Infinity] }, '-Infinity'],
    [[undefined], 'undefined in an array'],
    [{ f: () => 1 }, 'function'],
    [{ n: 10n }, 'bigint'],
  ])('rejects %s', (value, message) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
    expect(() => canonicalJson(value)).toThrow(message);
  });

  it('names the path of the bad value', () => {
    expect(() => canonicalJson({ kpis: [{ value: NaN }] })).toThrow('$.kpis[0].value');
  });

  it('rejects cycles but accepts a shared (non-cyclic) sub-object', () => {
    const shared = { k: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"k":1},"b":{"k":1}}');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow('circular');
  });

  it('parses back to an equal value', () => {
    const value = { name: 'Northwind 🚀', list: [1, 2.25, -3], nested: { ok: false, none: null } };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });
});
