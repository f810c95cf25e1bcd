/** Atomic file writes: a temp file in the same folder, then a rename, so readers never see half a file. */
import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type WriteFn = (filePath: string, data: string | Uint8Array) => Promise<void>;

const defaultWrite: WriteFn = (filePath, data) => writeFile(filePath, data, { flag: 'wx' });

/**
 * Writes `data` to `filePath` atomically. The temp name starts with a dot and ends `.tmp` so
 * listings skip it; on any failure (disk full, permissions) the temp file is removed and the
 * target is untouched (REL-11).
 */
export async function writeFileAtomic(
  filePath: string,
  data: string | Uint8Array,
  write: WriteFn = defaultWrite,
): Promise<void> {
  const dir = path.dirname(filePath);
  const temp = path.join(dir, `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await write(temp, data);
    await rename(temp, filePath);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
