/**
 * Bytes → text for imports, decided from the bytes themselves (SPEC §3.6: UTF-8 with or without BOM,
 * Latin-1): a BOM decides (UTF-8, UTF-16 LE/BE); otherwise the first non-ASCII bytes decide — valid
 * UTF-8 sequences mean UTF-8, anything else means Latin-1. Until a non-ASCII byte appears both
 * readings agree, so streaming needs no look-ahead.
 *
 * "Latin-1" is decoded as Windows-1252 (its superset used by Excel and most Windows exports), as the
 * WHATWG Encoding standard does for the `latin1` label: 0x80–0x9F become €, ‚, ƒ, „, … instead of
 * invisible control characters.
 */

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** The part of the platform TextDecoder we use (shared/ is compiled without DOM or Node types). */
export type MinimalTextDecoder = { decode(input?: Uint8Array, options?: { stream?: boolean }): string };
export type DecoderFactory = (encoding: Exclude<TextEncodingName, 'windows-1252'>) => MinimalTextDecoder;

type TextDecoderCtor = new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => MinimalTextDecoder;

/** The platform TextDecoder (Node and browsers both have one); BOMs are handled here, not by it. */
export const platformDecoderFactory: DecoderFactory = (encoding) => {
  const Ctor = (globalThis as { TextDecoder?: TextDecoderCtor }).TextDecoder;
  if (!Ctor) throw new Error('TextDecoder is not available in this environment');
  return new Ctor(encoding, { ignoreBOM: true });
};

// Windows-1252 bytes 0x80–0x9F; undefined positions map to the C1 control of the same code, as WHATWG does.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
];
const CP1252 = new Uint16Array(256);
for (let b = 0; b < 256; b++) CP1252[b] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;

/** Decodes Windows-1252 ("Latin-1") bytes; every byte is one character, so there is no state. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const BLOCK = 8192;
  const units = new Uint16Array(Math.min(BLOCK, bytes.length));
  let out = '';
  for (let start = 0; start < bytes.length; start += BLOCK) {
    const end = Math.min(start + BLOCK, bytes.length);
    const n = end - start;
    for (let i = 0; i < n; i++) units[i] = CP1252[bytes[start + i]!]!;
    out += String.fromCharCode.apply(
      null,
      n === units.length ? (units as unknown as number[]) : (units.subarray(0, n) as unknown as number[]),
    );
  }
  return out;
}

/**
 * Whether bytes[from, to) are valid UTF-8, allowing a sequence cut off at `to` (it may continue in
 * the next chunk). Overlong forms and surrogates count as invalid.
 */
export function isValidUtf8(bytes: Uint8Array, from = 0, to = bytes.length): boolean {
  let i = from;
  while (i < to) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return false;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      if (i + k >= to) return true; // cut off by the chunk end
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

/**
 * Streaming decoder that detects the encoding from the bytes (or uses the one given). `decode` each
 * chunk in order, then `flush`. `encoding` is null while only ASCII has been seen.
 */
export class DetectingDecoder {
  private enc: TextEncodingName | null;
  private readonly forced: boolean;
  private readonly factory: DecoderFactory;
  private inner: MinimalTextDecoder | null = null;
  private head: Uint8Array | null = null;
  private ascii: MinimalTextDecoder | null | undefined = undefined;
  private started = false;
  /** A byte-order mark was found (and dropped). */
  bom = false;

  constructor(options: { encoding?: TextEncodingName | 'auto'; factory?: DecoderFactory } = {}) {
    const e = options.encoding ?? 'auto';
    this.enc = e === 'auto' ? null : e;
    this.forced = e !== 'auto';
    this.factory = options.factory ?? platformDecoderFactory;
  }

  /** The encoding decided so far (null = ASCII only so far; reads as UTF-8 and Latin-1 alike). */
  get encoding(): TextEncodingName | null {
    return this.enc;
  }

  /** Decodes the next chunk. */
  decode(chunk: Uint8Array): string {
    let bytes = chunk;
    if (!this.started) {
      // Hold back until 3 bytes are here, to see a BOM whole.
      const joined = this.head ? concat(this.head, bytes) : bytes;
      if (joined.length < 3) {
        this.head = joined;
        return '';
      }
      this.head = null;
      this.started = true;
      bytes = this.stripBom(joined);
    }
    return this.decodeBody(bytes, true);
  }

  /** Ends the input; returns any text still held back. */
  flush(): string {
    let out = '';
    if (!this.started) {
      this.started = true;
      const bytes = this.head ? this.stripBom(this.head) : new Uint8Array(0);
      this.head = null;
      out += this.decodeBody(bytes, true);
    }
    if (this.inner) out += this.inner.decode();
    return out;
  }

  private stripBom(b: Uint8Array): Uint8Array {
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
      this.bom = true;
      if (!this.forced) this.enc = 'utf-8';
      return b.subarray(3);
    }
    if (b[0] === 0xff && b[1] === 0xfe) {
      this.bom = true;
      if (!this.forced) this.enc = 'utf-16le';
      return b.subarray(2);
    }
    if (b[0] === 0xfe && b[1] === 0xff) {
      this.bom = true;
      if (!this.forced) this.enc = 'utf-16be';
      return b.subarray(2);
    }
    return b;
  }

  /** Pure ASCII reads the same in every candidate encoding: use the native decoder for speed. */
  private decodeAscii(bytes: Uint8Array): string {
    if (this.ascii === undefined) {
      try {
        this.ascii = this.factory('utf-8');
      } catch {
        this.ascii = null;
      }
    }
    return this.ascii ? this.ascii.decode(bytes) : decodeWindows1252(bytes);
  }

  private decodeBody(bytes: Uint8Array, stream: boolean): string {
    if (this.enc === null) {
      let i = 0;
      const n = bytes.length;
      while (i < n && bytes[i]! < 0x80) i++;
      if (i < n) this.enc = isValidUtf8(bytes, i, n) ? 'utf-8' : 'windows-1252';
      else return this.decodeAscii(bytes);
    }
    if (this.enc === 'windows-1252') return decodeWindows1252(bytes);
    if (!this.inner) this.inner = this.factory(this.enc);
    return this.inner.decode(bytes, { stream });
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
