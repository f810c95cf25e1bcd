/** What the app needs from its host: the Electron preload API or the browser fallback. */
import type { QuarterdeckApi } from '../../../shared/ipc/contract';

export type {
  AppInfo,
  BackupInfo,
  FileFilter,
  MenuCommand,
  OpenFileRequest,
  OpenFileResult,
  QuarterdeckApi,
  SaveFileRequest,
  SaveFileResult,
} from '../../../shared/ipc/contract';

/** The host API plus what the UI needs to know to hide features the host cannot offer. */
export type Bridge = QuarterdeckApi & {
  kind: 'electron' | 'browser' | 'test';
  /** Automatic file backups exist only in the desktop app. */
  supportsBackups: boolean;
};
