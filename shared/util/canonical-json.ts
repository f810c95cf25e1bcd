/**
 * Canonical JSON: object keys sorted (UTF-16 code-unit order, as RFC 8785), no whitespace, numbers in
 * ECMAScript shortest form. Two equal values always give the same text, so a hash of it is stable
 * (QBR snapshots are hashed this way).
 */

/** Thrown for values that have no canonical JSON form (NaN, Infinity, functions, cycles…). */
export class CanonicalJsonError extends Error {}

/** Canonical JSON text of a JSON-like value; throws CanonicalJsonError on non-JSON values. */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, parts, new Set<object>(), '$');
  return parts.join('');
}

function write(value: unknown, out: string[], seen: Set<object>, path: string): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${path}: ${String(value)} is not a finite number`);
      // JSON.stringify gives the ECMAScript shortest round-trip form and writes -0 as 0.
      out.push(JSON.stringify(value));
      return;
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`${path}: a ${typeof value} has no JSON form`);
  }
  const obj = value as object;
  if (seen.has(obj)) throw new CanonicalJsonError(`${path}: circular reference`);
  seen.add(obj);
  if (Array.isArray(obj)) {
    out.push('[');
    obj.forEach((item: unknown, i) => {
      if (i > 0) out.push(',');
      // An array hole or undefined would silently become null in JSON.stringify: refuse instead.
      if (item === undefined) throw new CanonicalJsonError(`${path}[${i}]: undefined in an array`);
      write(item, out, seen, `${path}[${i}]`);
    });
    out.push(']');
  } else {
    const record = obj as Record<string, unknown>;
    // Undefined properties are absent, as in JSON.stringify, so {a: undefined} equals {}.
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    out.push('{');
    keys.forEach((k, i) => {
      if (i > 0) out.push(',');
      out.push(JSON.stringify(k), ':');
      write(record[k], out, seen, `${path}.${k}`);
    });
    out.push('}');
  }
  seen.delete(obj);
}
