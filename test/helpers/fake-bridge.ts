/**
 * A typed fake host for renderer tests: records saved files, serves queued open-file results and
 * lets a test fire menu commands. Injected, never module-mocked (ARCHITECTURE.md habit 4).
 */
import type { Bridge } from '../../renderer/src/bridge/types';
import type { BackupInfo, MenuCommand, OpenFileResult, SaveFileRequest } from '../../shared/ipc/contract';

export type FakeBridge = Bridge & {
  saved: SaveFileRequest[];
  backups: { info: BackupInfo; json: string }[];
  /** The next results `openFile` returns, in order; empty → canceled. */
  openQueue: OpenFileResult[];
  fireMenu(command: MenuCommand): void;
  listenerCount(): number;
};

/** A fake bridge; `supportsBackups` mimics the desktop app when true. */
export function makeFakeBridge(opts: { supportsBackups?: boolean } = {}): FakeBridge {
  const listeners = new Set<(c: MenuCommand) => void>();
  const fake: FakeBridge = {
    kind: 'test',
    supportsBackups: opts.supportsBackups ?? false,
    saved: [],
    backups: [],
    openQueue: [],
    async getAppInfo() {
      return {
        name: 'Quarterdeck',
        version: '0.0.0-test',
        electron: '',
        chrome: '',
        node: '',
        platform: 'test',
        packaged: false,
      };
    },
    async saveFile(req) {
      fake.saved.push(req);
      return { saved: true, path: `/fake/${req.suggestedName}` };
    },
    async openFile() {
      return fake.openQueue.shift() ?? { canceled: true };
    },
    async writeBackup(req) {
      const info: BackupInfo = {
        fileName: `backup-${fake.backups.length + 1}.json`,
        workspaceId: req.workspaceId,
        createdAt: '2026-01-01T00:00:00.000Z',
        size: req.json.length,
        workspaceName: req.workspaceName,
      };
      fake.backups.push({ info, json: req.json });
      return { ...info, pruned: 0 };
    },
    async listBackups(req) {
      return fake.backups.filter((b) => !req.workspaceId || b.info.workspaceId === req.workspaceId).map((b) => b.info);
    },
    async readBackup(req) {
      const hit = fake.backups.find((b) => b.info.fileName === req.fileName);
      if (!hit) throw new Error(`no backup named ${req.fileName}`);
      return { json: hit.json };
    },
    onMenuCommand(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fireMenu(command) {
      for (const l of listeners) l(command);
    },
    listenerCount: () => listeners.size,
  };
  return fake;
}
