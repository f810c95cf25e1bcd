/**
 * The app's injected services: the open database, the host bridge, the undo history and the
 * clock/id source. Components read them from context, so tests pass fakes instead of mocking.
 */
import { createContext, useContext } from 'react';
import type { Bridge } from '../bridge/types';
import type { QuarterdeckDb } from '../db/database';
import type { RepoContext } from '../db/repos/workspaces';
import type { UndoHistory } from '../db/undo';

export type AppServices = {
  db: QuarterdeckDb;
  bridge: Bridge;
  history: UndoHistory;
  ctx: RepoContext;
  /** Non-null when the database is read-only (written by a newer app). */
  readOnlyReason: string | null;
  /** Result of navigator.storage.persist(): true, false, or null when the browser lacks the API. */
  persisted: boolean | null;
};

export const ServicesContext = createContext<AppServices | null>(null);

/** The app services; throws outside the provider (a programming error, not a user one). */
export function useServices(): AppServices {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside ServicesContext');
  return s;
}
