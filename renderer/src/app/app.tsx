/**
 * Bootstraps the app: opens the database (read-only if a newer app wrote it), asks the browser to
 * keep the data (REL-08), picks the first-run screen or the shell, and provides the services.
 */
import { useEffect, useMemo, useState } from 'react';
import { getBridge, type Bridge } from '../bridge';
import { DB_NAME, openDatabase } from '../db/database';
import { liveContext, type RepoContext } from '../db/repos/workspaces';
import { UndoHistory } from '../db/undo';
import { useUi } from '../state/store';
import { describeError, ensureCurrentWorkspace, openSample } from './actions';
import { FirstRun } from './first-run';
import { ServicesContext, useServices, type AppServices } from './services';
import { Shell } from './shell';
import { useThemeEffect } from './theme';
import { useWorkspaceList } from './data-hooks';

export type AppProps = { dbName?: string; bridge?: Bridge; ctx?: RepoContext; search?: string };

async function requestPersistence(): Promise<boolean | null> {
  try {
    if (typeof navigator === 'undefined' || !navigator.storage?.persist) return null;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return null;
  }
}

/** The whole app (tests pass their own database name, bridge and clock). */
export function App({ dbName = DB_NAME, bridge, ctx = liveContext, search }: AppProps) {
  const [services, setServices] = useState<AppServices | null>(null);
  const [error, setError] = useState<string | null>(null);
  useThemeEffect();

  useEffect(() => {
    let cancelled = false;
    let opened: AppServices | null = null;
    (async () => {
      try {
        const { db, readOnlyReason } = await openDatabase(dbName);
        const persisted = await requestPersistence();
        if (cancelled) {
          db.close();
          return;
        }
        opened = { db, bridge: bridge ?? getBridge(), history: new UndoHistory(), ctx, readOnlyReason, persisted };
        setServices(opened);
      } catch (err) {
        if (!cancelled) setError(describeError(err));
      }
    })();
    return () => {
      cancelled = true;
      opened?.db.close();
    };
  }, [dbName, bridge, ctx]);

  if (error) {
    return (
      <main className="boot-message" id="main">
        <h1>Quarterdeck could not open its data</h1>
        <p>{error}</p>
        <p>Close other Quarterdeck windows or tabs and reload. Your data has not been changed.</p>
      </main>
    );
  }
  if (!services) {
    return (
      <main className="boot-message" id="main" aria-busy="true">
        <p role="status">Opening your data…</p>
      </main>
    );
  }
  return (
    <ServicesContext.Provider value={services}>
      <Root search={search ?? (typeof location !== 'undefined' ? location.search : '')} />
    </ServicesContext.Provider>
  );
}

/** First run (no workspace yet) or the shell; `?firstRun=sample` opens the sample directly. */
function Root({ search }: { search: string }) {
  const list = useWorkspaceList();
  const workspaceId = useUi((s) => s.workspaceId);
  const services = useServices();
  const wantsSample = useMemo(() => new URLSearchParams(search).get('firstRun') === 'sample', [search]);
  const [autoSample, setAutoSample] = useState<'idle' | 'running' | 'done'>('idle');

  useEffect(() => {
    if (!list) return;
    if (list.length === 0 && wantsSample && autoSample === 'idle' && !services.readOnlyReason) {
      setAutoSample('running');
      void openSample(services).finally(() => setAutoSample('done'));
      return;
    }
    if (list.length > 0 && (!workspaceId || !list.some((w) => w.id === workspaceId))) {
      void ensureCurrentWorkspace(services);
    }
  }, [list, workspaceId, wantsSample, autoSample, services]);

  if (!list || autoSample === 'running') {
    return (
      <main className="boot-message" id="main" aria-busy="true">
        <p role="status">{autoSample === 'running' ? 'Opening the sample workspace…' : 'Loading workspaces…'}</p>
      </main>
    );
  }
  if (list.length === 0) return <FirstRun />;
  return <Shell />;
}
