import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex, utf8Bytes } from '../../../../shared/util/sha256';

const nodeSha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('FIPS 180-2 vector %j', (input, expected) => {
    expect(sha256Hex(input)).toBe(expected);
  });

  it('one million "a" (multi-block, FIPS vector)', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('matches node:crypto around every padding boundary (lengths 0–200)', () => {
    for (let len = 0; len <= 200; len++) {
      const s = 'x'.repeat(len);
      expect(sha256Hex(s), `length ${len}`).toBe(nodeSha(s));
    }
  });

  it('matches node:crypto for non-ASCII text (UTF-8: accents, CJK, emoji)', () => {
    for (const s of ['Café déjà vu', '東京の会議室', '🚀 launch 👩‍💻', '€'.repeat(100), 'Ωμέγα\u0000null']) {
      expect(sha256Hex(s)).toBe(nodeSha(s));
    }
  });

  it('encodes lone surrogates as U+FFFD like TextEncoder', () => {
    const s = 'a\ud800b\udc00';
    expect(Array.from(utf8Bytes(s))).toEqual(Array.from(new TextEncoder().encode(s)));
    expect(sha256Hex(s)).toBe(
      createHash('sha256')
        .update(Buffer.from(new TextEncoder().encode(s)))
        .digest('hex'),
    );
  });
});
