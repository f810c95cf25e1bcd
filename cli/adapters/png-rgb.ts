/**
 * Opaque RGB PNG encoding. Canvas encoders write RGBA; pdfkit must then inflate the image and split
 * the alpha channel into a soft mask in JavaScript (slow: most of a deck's render time). An RGB
 * PNG without alpha is embedded as-is (FlateDecode with the PNG predictor), so charts — painted on
 * white and fully opaque — are stored as RGB.
 */
import { crc32, deflate } from 'node:zlib';
import { promisify } from 'node:util';
import { endianness } from 'node:os';

const LITTLE_ENDIAN = endianness() === 'LE';

const deflateAsync = promisify(deflate);

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td) >>> 0, 0);
  return Buffer.concat([len, td, crc]);
}

/** Encodes RGBA pixels (alpha ignored: the image is composited on white first) as an RGB PNG. */
export async function encodeRgbPng(
  rgba: Uint8ClampedArray | Uint8Array,
  width: number,
  height: number,
): Promise<Buffer> {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  // Read whole pixels (little-endian RGBA → 0xAABBGGRR) when the buffer is 4-byte aligned.
  const words =
    LITTLE_ENDIAN && rgba.byteOffset % 4 === 0 ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * height) : null;
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    // Filter "Sub" (1): each byte minus the byte 3 to the left; compresses flat chart areas well.
    raw[row] = 1;
    let src = y * width;
    let o = row + 1;
    let pr = 0;
    let pg = 0;
    let pb = 0;
    for (let x = 0; x < width; x++, src++, o += 3) {
      let r: number;
      let g: number;
      let b: number;
      const p = words ? (words[src] as number) : 0;
      if (words && p >>> 24 === 255) {
        r = p & 255;
        g = (p >>> 8) & 255;
        b = (p >>> 16) & 255;
      } else {
        const i = src * 4;
        r = rgba[i] as number;
        g = rgba[i + 1] as number;
        b = rgba[i + 2] as number;
        const a = rgba[i + 3] as number;
        if (a !== 255) {
          // Composite on white so any stray transparency matches the page.
          const k = a / 255;
          r = Math.round(r * k + 255 * (1 - k));
          g = Math.round(g * k + 255 * (1 - k));
          b = Math.round(b * k + 255 * (1 - k));
        }
      }
      raw[o] = r - pr;
      raw[o + 1] = g - pg;
      raw[o + 2] = b - pb;
      pr = r;
      pg = g;
      pb = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour, no alpha
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const idat = await deflateAsync(raw, { level: 6 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
