/** Opaque RGB PNG encoding in Node: the shared packer with zlib's deflate on libuv's thread pool. */
import { deflate } from 'node:zlib';
import { promisify } from 'node:util';
import { encodeRgbPng as encodeShared } from '../../shared/util/png-rgb';

const deflateAsync = promisify(deflate);

/** Encodes RGBA pixels (alpha composited on white) as an RGB PNG. */
export async function encodeRgbPng(
  rgba: Uint8ClampedArray | Uint8Array,
  width: number,
  height: number,
): Promise<Buffer> {
  const png = await encodeShared(rgba, width, height, (raw) => deflateAsync(raw, { level: 6 }));
  return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
}
