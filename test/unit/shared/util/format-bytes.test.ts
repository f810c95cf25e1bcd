import { describe, expect, it } from 'vitest';
import { formatBytes, utf8Length } from '../../../../shared/util/format-bytes';

describe('formatBytes', () => {
  it.each([
    [0, {}, '0 bytes'],
    [1, {}, '1 byte'],
    [1023, {}, '1023 bytes'],
    [1024, {}, '1.0 KB'],
    [1536, {}, '1.5 KB'],
    [50 * 1024 * 1024, {}, '50.0 MB'],
    [50 * 1024 * 1024, { whole: true }, '50 MB'],
    [1024 ** 3, {}, '1.0 GB'],
    [1.25 * 1024 ** 3, { whole: true }, '1.3 GB'],
  ])('%i %j → %s', (bytes, opts, expected) => {
    expect(formatBytes(bytes, opts)).toBe(expected);
  });
});

describe('utf8Length', () => {
  it.each(['', 'abc', 'é', '€', '🚀', 'a\ud800b', '\udc00', 'Zoë — 東京 🏭'])('%j matches TextEncoder', (s) => {
    expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
  });
});
