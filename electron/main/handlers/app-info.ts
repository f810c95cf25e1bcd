/** `app:get-info`: names and versions for the About dialog and diagnostics. */
import type { AppInfo } from '../../../shared/ipc/contract';

export type AppInfoDeps = {
  name: string;
  version: string;
  isPackaged: boolean;
  /** process.versions of the main process (electron and chrome are set under Electron). */
  versions: { electron?: string; chrome?: string; node?: string };
  platform: string;
};

/** Builds the handler; values are read once because none of them change while the app runs. */
export function createAppInfoHandler(deps: AppInfoDeps): () => AppInfo {
  const info: AppInfo = Object.freeze({
    name: deps.name,
    version: deps.version,
    electron: deps.versions.electron ?? 'unknown',
    chrome: deps.versions.chrome ?? 'unknown',
    node: deps.versions.node ?? 'unknown',
    platform: deps.platform,
    packaged: deps.isPackaged,
  });
  return () => ({ ...info });
}
