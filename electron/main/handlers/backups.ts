/**
 * `backup:write`, `backup:list`, `backup:read`: automatic backups in
 * `<userData>/backups/<workspaceId>/<timestamp>.json` (SPEC §3.9). Writes are atomic (temp file,
 * then rename) and followed by pruning with the shared rotation policy; reads accept only names
 * this module produces, inside the backups folder.
 */
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { backupsToPrune, DEFAULT_ROTATION, type RotationPolicy } from '../../../shared/backup/rotation';
import {
  IPC_LIMITS,
  type BackupInfo,
  type ListBackupsRequest,
  type ReadBackupRequest,
  type ReadBackupResult,
  type WriteBackupRequest,
  type WriteBackupResult,
} from '../../../shared/ipc/contract';
import { WorkspaceIdSchema } from '../../../shared/ipc/schemas';
import { writeFileAtomic, type WriteFn } from '../fs-atomic';

const FILE_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-(\d{1,4}))?\.json$/;
const META_FILE = 'workspace.json';

/** `2025-03-10T12:00:00.000Z` → `2025-03-10T12-00-00-000Z.json` (no colons: valid on Windows). */
export function backupFileName(at: Date, suffix = 0): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return suffix > 0 ? `${stamp.slice(0, -1)}Z-${suffix}.json` : `${stamp}.json`;
}

/** The creation time encoded in a backup file name, or null when the name is not one of ours. */
export function parseBackupFileName(fileName: string): string | null {
  const m = FILE_RE.exec(fileName);
  if (!m) return null;
  const iso = `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) && new Date(ms).toISOString() === iso ? iso : null;
}

export type BackupDeps = {
  /** `<userData>/backups`. */
  backupsDir: string;
  now: () => Date;
  /** Local offset from UTC in minutes, so "one per day" follows the user's days. */
  utcOffsetMinutes?: () => number;
  policy?: RotationPolicy;
  write?: WriteFn;
  log?: (message: string) => void;
};

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}

async function listNames(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

/** Builds the three backup handlers around one backups folder. */
export function createBackupHandlers(deps: BackupDeps): {
  writeBackup(req: WriteBackupRequest): Promise<WriteBackupResult>;
  listBackups(req: ListBackupsRequest): Promise<BackupInfo[]>;
  readBackup(req: ReadBackupRequest): Promise<ReadBackupResult>;
} {
  const root = path.resolve(deps.backupsDir);
  const policy = deps.policy ?? DEFAULT_ROTATION;
  if (policy.keepLast < 1) throw new RangeError('the rotation policy must keep at least the latest backup');

  const workspaceDir = (workspaceId: string): string => {
    // The schema already restricts ids; checked again because this turns input into a path.
    if (!WorkspaceIdSchema.safeParse(workspaceId).success) throw new Error(`invalid workspace id "${workspaceId}"`);
    const dir = path.join(root, workspaceId);
    if (path.dirname(dir) !== root) throw new Error(`invalid workspace id "${workspaceId}"`);
    return dir;
  };

  const readName = async (dir: string): Promise<string | undefined> => {
    try {
      const meta: unknown = JSON.parse(await readFile(path.join(dir, META_FILE), 'utf8'));
      if (
        typeof meta === 'object' &&
        meta !== null &&
        'workspaceName' in meta &&
        typeof meta.workspaceName === 'string'
      ) {
        return meta.workspaceName;
      }
    } catch {
      // No or unreadable metadata: the name is optional.
    }
    return undefined;
  };

  const listWorkspace = async (workspaceId: string): Promise<BackupInfo[]> => {
    const dir = workspaceDir(workspaceId);
    const workspaceName = await readName(dir);
    const infos: BackupInfo[] = [];
    for (const fileName of await listNames(dir)) {
      const createdAt = parseBackupFileName(fileName);
      if (!createdAt) continue;
      try {
        const info = await stat(path.join(dir, fileName));
        if (!info.isFile()) continue;
        infos.push({
          fileName,
          workspaceId,
          createdAt,
          size: info.size,
          ...(workspaceName !== undefined ? { workspaceName } : {}),
        });
      } catch (error) {
        if (!isMissing(error)) throw error; // pruned meanwhile
      }
    }
    return infos;
  };

  const newestFirst = (a: BackupInfo, b: BackupInfo): number =>
    b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName);

  return {
    async writeBackup(req) {
      try {
        JSON.parse(req.json);
      } catch (error) {
        // A backup that cannot be parsed would fail exactly when it is needed.
        throw new Error(`backup for workspace ${req.workspaceId} is not valid JSON (${(error as Error).message})`);
      }
      const dir = workspaceDir(req.workspaceId);
      await mkdir(dir, { recursive: true });
      const now = deps.now();
      const existing = new Set(await listNames(dir));
      let suffix = 0;
      while (existing.has(backupFileName(now, suffix))) suffix += 1;
      const fileName = backupFileName(now, suffix);
      await writeFileAtomic(path.join(dir, fileName), req.json, deps.write);
      await writeFileAtomic(
        path.join(dir, META_FILE),
        JSON.stringify({
          workspaceId: req.workspaceId,
          workspaceName: req.workspaceName,
          lastBackupAt: now.toISOString(),
        }),
        deps.write,
      ).catch((error: unknown) => deps.log?.(`could not update ${META_FILE}: ${String(error)}`));

      const all = await listWorkspace(req.workspaceId);
      const offset = deps.utcOffsetMinutes?.() ?? policy.utcOffsetMinutes;
      const prune = backupsToPrune(all, now, { ...policy, utcOffsetMinutes: offset }).filter((f) => f !== fileName);
      let pruned = 0;
      for (const name of prune) {
        try {
          await unlink(path.join(dir, name));
          pruned += 1;
        } catch (error) {
          if (!isMissing(error)) deps.log?.(`could not prune ${name}: ${String(error)}`);
        }
      }
      const written = all.find((b) => b.fileName === fileName);
      const size = written?.size ?? Buffer.byteLength(req.json, 'utf8');
      return {
        fileName,
        workspaceId: req.workspaceId,
        createdAt: now.toISOString(),
        size,
        workspaceName: req.workspaceName,
        pruned,
      };
    },

    async listBackups(req) {
      const ids =
        req.workspaceId !== undefined
          ? [req.workspaceId]
          : (await listNames(root)).filter((name) => WorkspaceIdSchema.safeParse(name).success);
      const all: BackupInfo[] = [];
      for (const id of ids) all.push(...(await listWorkspace(id)));
      return all.sort(newestFirst);
    },

    async readBackup(req) {
      if (!parseBackupFileName(req.fileName)) {
        throw new Error(
          `"${req.fileName.slice(0, 100)}" is not a backup file name (expected YYYY-MM-DDTHH-mm-ss-SSSZ.json)`,
        );
      }
      const ids =
        req.workspaceId !== undefined
          ? [req.workspaceId]
          : (await listNames(root)).filter((name) => WorkspaceIdSchema.safeParse(name).success);
      const matches: string[] = [];
      for (const id of ids) {
        const candidate = path.join(workspaceDir(id), req.fileName);
        try {
          if ((await stat(candidate)).isFile()) matches.push(candidate);
        } catch (error) {
          if (!isMissing(error)) throw error;
        }
      }
      if (matches.length === 0) throw new Error(`no backup named ${req.fileName}`);
      if (matches.length > 1) {
        throw new Error(`${req.fileName} exists for ${matches.length} workspaces; pass its workspaceId`);
      }
      const filePath = matches[0] as string;
      const size = (await stat(filePath)).size;
      if (size > IPC_LIMITS.maxDataLength) {
        throw new Error(
          `${req.fileName} is ${Math.ceil(size / 1048576)} MB, above the ${IPC_LIMITS.maxDataLength / 1048576} MB cap`,
        );
      }
      const json = await readFile(filePath, 'utf8');
      return { json: json.charCodeAt(0) === 0xfeff ? json.slice(1) : json };
    },
  };
}
