/**
 * Finds where and why a JSON text is invalid, so an import can say "line 3, column 14: expected ','"
 * instead of an engine-specific message (V8 does not always give a position). Iterative: deeply
 * nested input cannot overflow the stack.
 */

export type JsonSyntaxError = {
  /** 0-based offset into the text. */
  offset: number;
  line: number;
  column: number;
  reason: string;
  /** True when the text ends before the JSON value is complete (a truncated file). */
  truncated: boolean;
};

type State = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after';

/** The first syntax error of a JSON text, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const n = text.length;
  const stack: ('object' | 'array')[] = [];
  let state: State = 'value';
  let i = 0;
  const fail = (offset: number, reason: string, truncated = false): JsonSyntaxError => ({
    ...lineColumn(text, offset),
    offset,
    reason,
    truncated,
  });
  const end = (): JsonSyntaxError => fail(n, 'the text ends before the JSON is complete (truncated?)', true);

  for (;;) {
    while (i < n && isWhitespace(text.charCodeAt(i))) i++;
    if (i >= n) return state === 'after' && stack.length === 0 ? null : end();
    const c = text[i]!;
    switch (state) {
      case 'value':
      case 'value-or-close': {
        if (state === 'value-or-close' && c === ']') {
          stack.pop();
          state = 'after';
          i++;
        } else if (c === '{') {
          stack.push('object');
          state = 'key-or-close';
          i++;
        } else if (c === '[') {
          stack.push('array');
          state = 'value-or-close';
          i++;
        } else if (c === '"') {
          const r = scanString(text, i);
          if (typeof r !== 'number') return r.end ? end() : fail(r.offset, r.reason);
          i = r;
          state = 'after';
        } else if (c === '-' || (c >= '0' && c <= '9')) {
          const r = scanNumber(text, i);
          if (typeof r !== 'number') return r.end ? end() : fail(r.offset, r.reason);
          i = r;
          state = 'after';
        } else if (c === 't' || c === 'f' || c === 'n') {
          const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
          for (let k = 0; k < word.length; k++) {
            if (i + k >= n) return end();
            if (text[i + k] !== word[k]) return fail(i + k, `unexpected ${describe(text, i + k)} (expected "${word}")`);
          }
          i += word.length;
          state = 'after';
        } else {
          return fail(i, `unexpected ${describe(text, i)}, expected a value`);
        }
        break;
      }
      case 'key':
      case 'key-or-close': {
        if (state === 'key-or-close' && c === '}') {
          stack.pop();
          state = 'after';
          i++;
        } else if (c === '"') {
          const r = scanString(text, i);
          if (typeof r !== 'number') return r.end ? end() : fail(r.offset, r.reason);
          i = r;
          state = 'colon';
        } else {
          return fail(i, `unexpected ${describe(text, i)}, expected a property name in double quotes`);
        }
        break;
      }
      case 'colon':
        if (c !== ':') return fail(i, `unexpected ${describe(text, i)}, expected ':'`);
        state = 'value';
        i++;
        break;
      case 'after': {
        const top = stack[stack.length - 1];
        if (top === undefined) return fail(i, `unexpected ${describe(text, i)} after the end of the JSON value`);
        const close = top === 'object' ? '}' : ']';
        if (c === ',') state = top === 'object' ? 'key' : 'value';
        else if (c === close) stack.pop();
        else return fail(i, `unexpected ${describe(text, i)}, expected ',' or '${close}'`);
        i++;
        break;
      }
    }
  }
}

/** 1-based line and column of an offset (columns count UTF-16 code units). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

type ScanFail = { offset: number; reason: string; end: boolean };

function scanString(text: string, start: number): number | ScanFail {
  const n = text.length;
  for (let i = start + 1; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20)
      return { offset: i, reason: 'a control character (such as a line break) inside a string', end: false };
    if (code === 0x5c) {
      i++;
      if (i >= n) break;
      const e = text[i]!;
      if (e === 'u') {
        for (let k = 1; k <= 4; k++) {
          if (i + k >= n) return { offset: n, reason: '', end: true };
          if (!/[0-9a-fA-F]/.test(text[i + k]!))
            return { offset: i + k, reason: 'a bad \\u escape in a string', end: false };
        }
        i += 4;
      } else if (!'"\\/bfnrt'.includes(e)) {
        return { offset: i, reason: `a bad escape \\${e} in a string`, end: false };
      }
    }
  }
  return { offset: n, reason: '', end: true };
}

function scanNumber(text: string, start: number): number | ScanFail {
  const n = text.length;
  let i = start;
  const digits = (): number => {
    const from = i;
    while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    return i - from;
  };
  const bad = (): ScanFail =>
    i >= n ? { offset: n, reason: '', end: true } : { offset: i, reason: `a malformed number`, end: false };
  if (text[i] === '-') i++;
  if (text[i] === '0') i++;
  else if (digits() === 0) return bad();
  if (text[i] === '.') {
    i++;
    if (digits() === 0) return bad();
  }
  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    if (digits() === 0) return bad();
  }
  return i;
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function describe(text: string, i: number): string {
  const code = text.charCodeAt(i);
  if (code === 0x0a || code === 0x0d) return 'line break';
  if (code < 0x20 || code === 0x7f || code === 0xfffd)
    return `character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `character ${JSON.stringify(text[i])}`;
}
