import { describe, expect, it } from 'vitest';
import { decodeWindows1252, DetectingDecoder, isValidUtf8 } from '../../../../shared/import/encoding';

function decodeAll(chunks: number[][], options?: ConstructorParameters<typeof DetectingDecoder>[0]) {
  const d = new DetectingDecoder(options);
  let text = '';
  for (const c of chunks) text += d.decode(new Uint8Array(c));
  text += d.flush();
  return { text, encoding: d.encoding, bom: d.bom };
}

const bytes = (s: string): number[] => [...new TextEncoder().encode(s)];

describe('DetectingDecoder', () => {
  it('takes a UTF-8 BOM as UTF-8 and drops it', () => {
    expect(decodeAll([[0xef, 0xbb, 0xbf, ...bytes('a;é')]])).toEqual({ text: 'a;é', encoding: 'utf-8', bom: true });
  });

  it('holds back a BOM split over chunks', () => {
    expect(decodeAll([[0xef], [0xbb], [0xbf, 0x61]])).toEqual({ text: 'a', encoding: 'utf-8', bom: true });
  });

  it('detects UTF-8 without a BOM from the first non-ASCII bytes, even split across chunks', () => {
    const b = bytes('id;naam\n1;Zoë\n');
    const cut = b.indexOf(0xc3) + 1; // between the two bytes of ë
    expect(decodeAll([b.slice(0, cut), b.slice(cut)])).toEqual({
      text: 'id;naam\n1;Zoë\n',
      encoding: 'utf-8',
      bom: false,
    });
  });

  it('detects Latin-1 (read as Windows-1252) when the bytes are not UTF-8', () => {
    expect(decodeAll([bytes('x;'), [0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x20, 0x93, 0x71, 0x94]])).toEqual({
      text: 'x;Café € “q”',
      encoding: 'windows-1252',
      bom: false,
    });
  });

  it('stays undecided (null) while everything is ASCII', () => {
    expect(decodeAll([bytes('plain,ascii\n')])).toEqual({ text: 'plain,ascii\n', encoding: null, bom: false });
  });

  it('reads UTF-16 LE with its BOM (Excel "Unicode text")', () => {
    expect(decodeAll([[0xff, 0xfe, 0x61, 0x00, 0x09, 0x00, 0xe9, 0x00]])).toMatchObject({
      text: 'a\té',
      encoding: 'utf-16le',
    });
  });

  it('uses an injected decoder and a forced encoding', () => {
    const calls: string[] = [];
    const factory = (enc: string) => {
      calls.push(enc);
      return { decode: (b?: Uint8Array) => (b ? `[${b.length}]` : '') };
    };
    expect(decodeAll([[0xc3, 0xa9, 0x61]], { encoding: 'utf-8', factory }).text).toBe('[3]');
    expect(calls).toEqual(['utf-8']);
    expect(decodeAll([[0xc3, 0xa9]], { encoding: 'windows-1252' }).text).toBe('Ã©');
  });
});

describe('isValidUtf8', () => {
  it.each([
    [[0x61, 0xc3, 0xa9], true],
    [[0xe2, 0x82, 0xac], true], // €
    [[0xe2, 0x82], true], // cut off at the end: may continue in the next chunk
    [[0xe9, 0x20], false], // Latin-1 é
    [[0xc0, 0xaf], false], // overlong
    [[0xed, 0xa0, 0x80], false], // surrogate
    [[0xf5, 0x80, 0x80, 0x80], false],
  ])('%j → %s', (b, ok) => {
    expect(isValidUtf8(new Uint8Array(b))).toBe(ok);
  });
});

describe('decodeWindows1252', () => {
  it('maps 0x80–0x9F to the Windows-1252 characters and the rest to Latin-1', () => {
    expect(decodeWindows1252(new Uint8Array([0x80, 0x8a, 0x9f, 0xa0, 0xff, 0x41]))).toBe('€ŠŸ\u00a0ÿA');
    const long = new Uint8Array(20_000).fill(0x41);
    expect(decodeWindows1252(long)).toBe('A'.repeat(20_000));
  });
});
