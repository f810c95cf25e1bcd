import { inflateSync, deflateSync, crc32 as nodeCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, encodeRgbPng, rgbScanlines } from '../../../../shared/util/png-rgb';

const deflate = (raw: Uint8Array) => Promise.resolve(new Uint8Array(deflateSync(raw)));

describe('shared RGB PNG packing', () => {
  it('crc32 matches the PNG/zlib CRC', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const bytes = new Uint8Array(1000).map((_, i) => (i * 37) & 255);
    expect(crc32(bytes)).toBe(nodeCrc32(bytes) >>> 0);
  });

  it('Sub-filters RGB and composites transparency on white', () => {
    // 2×1: (10,20,30,255) then (0,0,0,0) → white.
    const raw = rgbScanlines(new Uint8Array([10, 20, 30, 255, 0, 0, 0, 0]), 2, 1);
    // filter byte 1, then 10,20,30, then 255−10, 255−20, 255−30.
    expect(Array.from(raw)).toEqual([1, 10, 20, 30, 245, 235, 225]);
  });

  it('reads unaligned buffers the slow way with the same result', () => {
    const px = new Uint8Array([9, 200, 1, 255, 4, 5, 6, 255, 7, 8, 9, 128]);
    const unaligned = new Uint8Array(px.length + 1).subarray(1);
    unaligned.set(px);
    expect(Array.from(rgbScanlines(unaligned, 3, 1))).toEqual(Array.from(rgbScanlines(px, 3, 1)));
  });

  it('writes signature, IHDR (RGB, 8-bit), IDAT, IEND with valid CRCs', async () => {
    const png = await encodeRgbPng(new Uint8Array(4 * 4 * 3).fill(255), 4, 3, deflate);
    expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    const types: string[] = [];
    let at = 8;
    while (at < png.length) {
      const len = view.getUint32(at);
      const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
      types.push(type);
      expect(view.getUint32(at + 8 + len), type).toBe(crc32(png.subarray(at + 4, at + 8 + len)));
      if (type === 'IHDR') {
        expect(view.getUint32(at + 8)).toBe(4);
        expect(view.getUint32(at + 12)).toBe(3);
        expect(png[at + 16]).toBe(8);
        expect(png[at + 17]).toBe(2);
      }
      if (type === 'IDAT') expect(inflateSync(png.subarray(at + 8, at + 8 + len)).length).toBe(3 * (4 * 3 + 1));
      at += 12 + len;
    }
    expect(types).toEqual(['IHDR', 'IDAT', 'IEND']);
  });
});
