/**
 * `--workspace FILE | --sample` for every command that reads a workspace: stat before reading
 * (size cap, regular files only — a FIFO or device would hang or never end), a bounded read, then
 * the backup parser. Every failure is a CliError whose message names the file and says what is
 * wrong, one problem per line; never a stack trace.
 */
import { open, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_BACKUP_BYTES, parseBackup, type ParseBackupResult, type Problem } from '../shared/backup/format';
import type { WorkspaceData } from '../shared/domain/tables';
import { formatBytes } from '../shared/util/format-bytes';
import { CliError, type CliIo } from './io';

/** Where the committed sample workspace lives (resolved from this file, not from the cwd). */
export const SAMPLE_WORKSPACE_PATH = fileURLToPath(new URL('../resources/sample-workspace.json', import.meta.url));

/** How many problems a CliError message lists before summarising. */
const MAX_LISTED = 20;

export type WorkspaceSource = { kind: 'sample'; label: string } | { kind: 'file'; label: string; path: string };

/**
 * Which workspace the arguments ask for. Other flags are left to the command. Throws a usage
 * CliError (exit 2) when neither or both are given, or FILE is missing.
 */
export function workspaceSourceArg(argv: readonly string[], io: Pick<CliIo, 'cwd'>): WorkspaceSource {
  let file: string | null = null;
  let sample = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--sample') sample = true;
    else if (a === '--workspace') {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new CliError('--workspace needs a file name', 2);
      file = next;
      i++;
    } else if (a.startsWith('--workspace=')) {
      file = a.slice('--workspace='.length);
      if (file === '') throw new CliError('--workspace needs a file name', 2);
    }
  }
  if (file !== null && sample) throw new CliError('give either --workspace FILE or --sample, not both', 2);
  if (file === null && !sample) throw new CliError('give --workspace FILE (a workspace backup) or --sample', 2);
  if (file === null) return { kind: 'sample', label: 'sample workspace' };
  return { kind: 'file', label: file, path: isAbsolute(file) ? file : resolve(io.cwd, file) };
}

/** A one-line reason why a path cannot be read as a backup, from a Node error. */
function fsReason(label: string, e: unknown): string {
  const code = e && typeof e === 'object' && 'code' in e ? String(e.code) : '';
  switch (code) {
    case 'ENOENT':
      return `${label}: no such file`;
    case 'ENOTDIR':
      return `${label}: a part of the path is not a folder`;
    case 'EACCES':
    case 'EPERM':
      return `${label}: permission denied`;
    case 'EISDIR':
      return `${label} is a folder, not a workspace backup file`;
    case 'ENAMETOOLONG':
      return `${label}: the file name is too long`;
    default:
      return `${label}: cannot be read (${code || (e instanceof Error ? e.message : String(e))})`;
  }
}

/**
 * Reads a file of at most `maxBytes` bytes: refuses folders, devices and pipes, checks the size
 * on disk first, and stops reading past the cap even if the file grows meanwhile.
 */
export async function readCappedFile(path: string, label: string, maxBytes = MAX_BACKUP_BYTES): Promise<Buffer> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw new CliError(fsReason(label, e));
  }
  if (info.isDirectory()) throw new CliError(`${label} is a folder, not a workspace backup file`);
  if (!info.isFile()) throw new CliError(`${label} is not a regular file (a device, pipe or socket)`);
  const cap = () =>
    `${label} is ${formatBytes(info.size)}; the limit for a workspace backup is ${formatBytes(maxBytes, { whole: true })}`;
  if (info.size > maxBytes) throw new CliError(cap());

  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw new CliError(fsReason(label, e));
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes)
        throw new CliError(
          `${label} grew past the limit for a workspace backup (${formatBytes(maxBytes, { whole: true })})`,
        );
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(fsReason(label, e));
  } finally {
    await handle.close();
  }
}

/** Text of a backup file; UTF-16 is named rather than reported as binary. */
function decode(bytes: Buffer): ParseBackupResult | string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    return {
      ok: false,
      problems: [{ record: 'file', field: '', reason: 'the file is UTF-16 text; save it as UTF-8 and try again' }],
    };
  }
  return bytes.toString('utf8');
}

/** Reads and validates the workspace the arguments name: file-level failures throw CliError. */
export async function readWorkspaceSource(
  source: WorkspaceSource,
  opts: { maxBytes?: number } = {},
): Promise<ParseBackupResult> {
  if (source.kind === 'sample') {
    let bytes: Buffer;
    try {
      bytes = await readCappedFile(SAMPLE_WORKSPACE_PATH, SAMPLE_WORKSPACE_PATH);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new CliError(
        `the sample workspace could not be read (${why}); rebuild it with npx tsx scripts/build-sample.ts`,
      );
    }
    return parseBackup(bytes.toString('utf8'));
  }
  const maxBytes = opts.maxBytes ?? MAX_BACKUP_BYTES;
  const decoded = decode(await readCappedFile(source.path, source.label, maxBytes));
  return typeof decoded === 'string' ? parseBackup(decoded, { maxBytes }) : decoded;
}

/** One problem as the CLI prints it: `record · field · reason` (no empty field). */
export function formatProblem(p: Problem): string {
  return [p.record, p.field, p.reason].filter((s) => s !== '').join(' · ');
}

/** The CliError message for an invalid backup: a header and one line per problem. */
export function invalidBackupMessage(label: string, problems: readonly Problem[]): string {
  const first = problems[0];
  if (problems.length === 1 && first && first.record === 'file' && first.field === '') {
    return `${label}: ${first.reason}`;
  }
  const listed = problems.slice(0, MAX_LISTED).map((p) => `  ${formatProblem(p)}`);
  const more = problems.length > MAX_LISTED ? [`  … and ${problems.length - MAX_LISTED} more`] : [];
  const n = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return [`${label} is not a valid workspace backup (${n}):`, ...listed, ...more].join('\n');
}

/**
 * The workspace named by `--workspace FILE | --sample`, validated. Throws CliError (exit 1) with
 * the file and every problem, or (exit 2) for missing arguments.
 */
export async function loadWorkspaceArg(argv: readonly string[], io: Pick<CliIo, 'cwd'>): Promise<WorkspaceData> {
  const source = workspaceSourceArg(argv, io);
  const result = await readWorkspaceSource(source);
  if (!result.ok) throw new CliError(invalidBackupMessage(source.label, result.problems));
  return result.data;
}
