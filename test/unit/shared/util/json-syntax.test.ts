import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineColumn } from '../../../../shared/util/json-syntax';

describe('findJsonSyntaxError', () => {
  it.each([
    '{}',
    '[]',
    ' 0 ',
    '-1.5e+10',
    '"a\\u00e9\\n"',
    '{"a":[1,true,false,null,{"b":"c"}]}',
    '\n\t{ "x" : [ ] }\r\n',
  ])('accepts valid JSON %j', (text) => {
    expect(findJsonSyntaxError(text)).toBeNull();
  });

  it.each([
    ['', 1, 1, 'the text ends before the JSON is complete (truncated?)', true],
    ['{"a":1', 1, 7, 'the text ends before the JSON is complete (truncated?)', true],
    ['{"a":"xy', 1, 9, 'the text ends before the JSON is complete (truncated?)', true],
    ['{"a":1,}', 1, 8, 'unexpected character "}", expected a property name in double quotes', false],
    ['{"a" 1}', 1, 6, 'unexpected character "1", expected \':\'', false],
    ['[1 2]', 1, 4, "unexpected character \"2\", expected ',' or ']'", false],
    ['{\n  "a": tru\n}', 2, 11, 'unexpected line break (expected "true")', false],
    ['[01]', 1, 3, "unexpected character \"1\", expected ',' or ']'", false],
    ['[1.]', 1, 4, 'a malformed number', false],
    ['["a\nb"]', 1, 4, 'a control character (such as a line break) inside a string', false],
    ['["\\x"]', 1, 4, 'a bad escape \\x in a string', false],
    ['{} {}', 1, 4, 'unexpected character "{" after the end of the JSON value', false],
    ["{'a':1}", 1, 2, 'unexpected character "\'", expected a property name in double quotes', false],
    ['\u0000', 1, 1, 'unexpected character U+0000, expected a value', false],
  ])('%j → line %i, column %i: %s', (text, line, column, reason, truncated) => {
    expect(findJsonSyntaxError(text)).toMatchObject({ line, column, reason, truncated });
  });

  it('agrees with JSON.parse on thousands of random mutations of a valid document', () => {
    const base = JSON.stringify({ a: [1, -2.5e3, true, null, 'x\\"y'], b: { c: 'é🚀', d: [] }, e: 0 });
    const alphabet = '{}[]",:0123456789.eE+-tfnrul \\\n';
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let k = 0; k < 5000; k++) {
      let text = base;
      for (let m = 0; m <= rand(3); m++) {
        const at = rand(text.length + 1);
        const op = rand(3);
        const ch = alphabet[rand(alphabet.length)]!;
        if (op === 0) text = text.slice(0, at) + text.slice(at + 1);
        else if (op === 1) text = text.slice(0, at) + ch + text.slice(at);
        else text = text.slice(0, at) + ch + text.slice(at + 1);
      }
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(findJsonSyntaxError(text) === null, text).toBe(valid);
    }
  });

  it('handles 1,000,000 levels of nesting without a stack overflow', () => {
    const n = 1_000_000;
    expect(findJsonSyntaxError('['.repeat(n) + ']'.repeat(n))).toBeNull();
    expect(findJsonSyntaxError('['.repeat(n))).toMatchObject({ truncated: true, column: n + 1 });
  });
});

describe('lineColumn', () => {
  it.each([
    ['abc', 0, 1, 1],
    ['abc', 2, 1, 3],
    ['a\nbc', 2, 2, 1],
    ['a\nbc\n', 5, 3, 1],
  ])('%j offset %i → line %i, column %i', (text, offset, line, column) => {
    expect(lineColumn(text, offset)).toEqual({ line, column });
  });
});
