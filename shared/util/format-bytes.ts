/** Byte sizes for messages ("1.0 GB", "50 MB"), in binary units as file managers show them. */

/**
 * A byte count as a short label with one decimal ("1.0 GB", "60.4 MB"); `whole: true` drops a
 * trailing ".0" for round limits ("50 MB").
 */
export function formatBytes(bytes: number, opts: { whole?: boolean } = {}): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;
  let value = bytes;
  let u = 0;
  while (value >= 1024 && u < units.length - 1) {
    value /= 1024;
    u++;
  }
  if (u === 0) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const fixed = value.toFixed(1);
  const text = opts.whole && fixed.endsWith('.0') ? fixed.slice(0, -2) : fixed;
  return `${text} ${units[u]}`;
}

/** Length of a string's UTF-8 encoding, without allocating it (lone surrogates count as U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
