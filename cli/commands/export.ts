/**
 * `quarterdeck export --sample --out FILE` writes the sample workspace as a backup file;
 * `quarterdeck export --workspace IN --out FILE` reads, validates and upgrades a backup and writes
 * it back in the current format. Writes atomically (a temporary file beside the target, then a
 * rename), so a failure never leaves half a file; refuses to write over a folder.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { serializeBackup } from '../../shared/backup/format';
import { formatBytes } from '../../shared/util/format-bytes';
import { CliError, type CliCommand, type CliIo } from '../io';
import { loadWorkspaceArg } from '../workspace-file';

const USAGE = [
  'Usage: quarterdeck export --sample --out FILE',
  '       quarterdeck export --workspace IN --out FILE',
  '',
  'Writes a workspace backup file (current format version). With --workspace the input is',
  'validated and upgraded first; nothing is written when it is invalid.',
  '',
  '  --sample          the built-in sample workspace',
  '  --workspace IN    a workspace backup to normalise or upgrade',
  '  --out FILE        where to write the backup (.json); an existing file is replaced',
].join('\n');

function parseArgs(argv: readonly string[]): { out: string } {
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--out') {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new CliError('--out needs a file name', 2);
      out = next;
      i++;
    } else if (a.startsWith('--out=')) out = a.slice('--out='.length);
    else if (a === '--sample' || a.startsWith('--workspace=')) continue;
    else if (a === '--workspace') i++;
    else throw new CliError(`unknown argument "${a}". ${USAGE.split('\n')[0]}`, 2);
  }
  if (!out) throw new CliError(`--out FILE is required. ${USAGE.split('\n')[0]}`, 2);
  return { out };
}

/** Writes text to `path` through a temporary sibling and a rename; removes the temporary file on failure. */
export async function writeFileAtomic(path: string, text: string, label: string): Promise<void> {
  const dir = dirname(path);
  try {
    const info = await stat(path);
    if (info.isDirectory())
      throw new CliError(`${label} is a folder; give a file name, e.g. ${join(label, 'workspace.json')}`);
    if (!info.isFile()) throw new CliError(`${label} exists and is not a regular file; refusing to replace it`);
  } catch (e) {
    if (e instanceof CliError) throw e;
    if (!(e && typeof e === 'object' && 'code' in e && e.code === 'ENOENT')) {
      throw new CliError(`${label}: cannot be written (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  try {
    const d = await stat(dir);
    if (!d.isDirectory()) throw new CliError(`${label}: ${dir} is not a folder`);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${label}: the folder ${dir} does not exist`);
  }
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text, { encoding: 'utf8', flag: 'wx' });
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    const code = e && typeof e === 'object' && 'code' in e ? String(e.code) : '';
    const why =
      code === 'ENOSPC'
        ? 'the disk is full'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : e instanceof Error
            ? e.message
            : String(e);
    throw new CliError(`${label}: not written (${why}); nothing was changed`);
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { out } = parseArgs(argv);
  const data = await loadWorkspaceArg(argv, io);
  const text = serializeBackup(data, new Date().toISOString());
  const path = isAbsolute(out) ? out : resolve(io.cwd, out);
  await writeFileAtomic(path, text, out);
  io.out(`wrote ${out}: "${data.workspace.name}", backup format 1, ${formatBytes(Buffer.byteLength(text, 'utf8'))}`);
  return 0;
}

export const command: CliCommand = {
  summary: 'write a workspace (or the sample) as a backup file in the current format',
  usage: USAGE,
  run,
};
