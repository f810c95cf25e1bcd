/**
 * Opaque RGB PNG packing, shared by the CLI (Node zlib) and the app (CompressionStream), with the
 * deflate step injected so this module stays pure.
 *
 * Why: canvas encoders write RGBA PNGs; pdfkit must then inflate each image and split the alpha
 * channel into a soft mask in JavaScript — slower than laying out the whole deck. An RGB PNG
 * without alpha is embedded as it is (FlateDecode with the PNG predictor). Charts are painted on
 * white and fully opaque, so nothing is lost; any stray transparency is composited on white.
 */

/** zlib-wrapped deflate (RFC 1950), as PNG's IDAT requires. */
export type Deflate = (raw: Uint8Array) => Promise<Uint8Array>;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (ISO 3309 / PNG) of the bytes. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 255] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The PNG "Sub"-filtered RGB scanlines of RGBA pixels (alpha composited on white): the bytes the
 * IDAT chunk compresses. Sub (each byte minus the one 3 to the left) compresses flat chart areas well.
 */
export function rgbScanlines(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Uint8Array {
  if (rgba.length < width * height * 4) throw new Error(`expected ${width}×${height} RGBA pixels`);
  const stride = width * 3 + 1;
  const raw = new Uint8Array(stride * height);
  // Read whole pixels (little-endian RGBA → 0xAABBGGRR) when the buffer is 4-byte aligned.
  const words =
    LITTLE_ENDIAN && rgba.byteOffset % 4 === 0 ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * height) : null;
  for (let y = 0; y < height; y++) {
    const row = y * stride;
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
          const k = a / 255;
          r = Math.round(r * k + 255 * (1 - k));
          g = Math.round(g * k + 255 * (1 - k));
          b = Math.round(b * k + 255 * (1 - k));
        }
      }
      // Uint8Array stores modulo 256, which is the filter's arithmetic.
      raw[o] = r - pr;
      raw[o + 1] = g - pg;
      raw[o + 2] = b - pb;
      pr = r;
      pg = g;
      pb = b;
    }
  }
  return raw;
}

const SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encodes RGBA pixels as an 8-bit RGB PNG (colour type 2, no alpha). */
export async function encodeRgbPng(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  deflate: Deflate,
): Promise<Uint8Array> {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour, no alpha
  const idat = await deflate(rgbScanlines(rgba, width, height));
  const parts = [SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
