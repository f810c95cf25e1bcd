/**
 * The app frame: skip link, top bar (brand, workspace switcher, quarter in focus, undo/redo), left
 * navigation with the eight sections, the page, dialogs and toasts. Landmarks: header, nav, main.
 */
import { useEffect, useRef, useSyncExternalStore, type MouseEvent } from 'react';
import { BudgetPage } from '../features/budget/budget-page';
import { DashboardPage } from '../features/dashboard/dashboard-page';
import { GovernancePage } from '../features/governance/governance-page';
import { KpisPage } from '../features/kpis/kpis-page';
import { QbrPage } from '../features/qbr/qbr-page';
import { RoadmapPage } from '../features/roadmap/roadmap-page';
import { SettingsPage } from '../features/settings/settings-page';
import { StaffingPage } from '../features/staffing/staffing-page';
import { quarterLabel } from '../../../shared/domain/periods';
import { useUi, type Route } from '../state/store';
import { redoLast, undoLast } from './actions';
import { useCurrentWorkspace } from './data-hooks';
import { DialogHost } from './dialog-host';
import { useFocusQuarter } from './focus-quarter';
import { useAutoBackup } from './auto-backup';
import { useGlobalShortcuts, useMenuCommands } from './keyboard';
import { ROUTE_LIST, hrefFor, routeFromHash } from './routes';
import { useServices } from './services';
import { Toasts } from './toasts';
import { WorkspaceSwitcher } from './workspace-switcher';

function Page({ route }: { route: Route }) {
  switch (route) {
    case 'dashboard':
      return <DashboardPage />;
    case 'roadmap':
      return <RoadmapPage />;
    case 'budget':
      return <BudgetPage />;
    case 'staffing':
      return <StaffingPage />;
    case 'kpis':
      return <KpisPage />;
    case 'governance':
      return <GovernancePage />;
    case 'qbr':
      return <QbrPage />;
    case 'settings':
      return <SettingsPage />;
  }
}

/** Keep the store's route in step with `location.hash` (a hash router of a few lines). */
function useHashRoute(): void {
  const setRoute = useUi((s) => s.setRoute);
  useEffect(() => {
    const sync = () => {
      const r = routeFromHash(location.hash);
      if (r) setRoute(r);
      else if (!location.hash || location.hash === '#' || location.hash === '#/') setRoute('dashboard');
    };
    sync();
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, [setRoute]);
}

/** Move focus to the page heading after navigation (not on first paint, so the skip link stays first). */
function useFocusHeadingOnRouteChange(route: Route): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const h = document.querySelector<HTMLElement>('main [data-page-heading]');
    h?.focus();
  }, [route]);
}

function QuarterPicker() {
  const fq = useFocusQuarter();
  const setFocusQuarter = useUi((s) => s.setFocusQuarter);
  if (!fq) return null;
  return (
    <div className="quarter-picker">
      <label htmlFor="focus-quarter">Quarter in focus</label>
      <select
        id="focus-quarter"
        value={fq.quarter}
        onChange={(e) => setFocusQuarter(e.target.value)}
        title="The quarter the dashboard, KPIs and QBR show"
      >
        {fq.options.map((q) => (
          <option key={q} value={q}>
            {quarterLabel(q)}
          </option>
        ))}
      </select>
    </div>
  );
}

function UndoRedo() {
  const s = useServices();
  const snap = useSyncExternalStore(s.history.subscribe, s.history.getSnapshot);
  return (
    <div className="undo-redo" role="group" aria-label="Undo and redo">
      <button
        type="button"
        className="btn btn-ghost btn-icon"
        onClick={() => void undoLast(s)}
        disabled={!snap.undoLabel}
        aria-label={snap.undoLabel ? `Undo: ${snap.undoLabel}` : 'Undo'}
        title={snap.undoLabel ? `Undo: ${snap.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M5.5 3 2 6.5 5.5 10M2.5 6.5h7a4 4 0 0 1 0 8H7" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-icon"
        onClick={() => void redoLast(s)}
        disabled={!snap.redoLabel}
        aria-label={snap.redoLabel ? `Redo: ${snap.redoLabel}` : 'Redo'}
        title={snap.redoLabel ? `Redo: ${snap.redoLabel} (Shift+Ctrl+Z)` : 'Nothing to redo'}
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path
            d="M10.5 3 14 6.5 10.5 10M13.5 6.5h-7a4 4 0 0 0 0 8H9"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
          />
        </svg>
      </button>
    </div>
  );
}

const NAV_ICONS: Record<Route, string> = {
  dashboard: 'M2 2h5v6H2zM9 2h5v3H9zM9 7h5v7H9zM2 10h5v4H2z',
  roadmap: 'M2 3h8M4 8h9M2 13h6M2 3v0M10 3h0',
  budget: 'M2 13h12M3.5 11V7M6.5 11V4M9.5 11V6M12.5 11V3',
  staffing:
    'M5.5 6.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4ZM1.5 13.5c0-2.2 1.8-4 4-4s4 1.8 4 4M11 7a1.7 1.7 0 1 0 0-3.4M12 9.7c1.5.5 2.5 1.9 2.5 3.8',
  kpis: 'M2 12.5 6 8l3 2.5L14 4M10.5 4H14v3.5',
  governance: 'M8 1.8 13.5 4v4c0 3.2-2.3 5.4-5.5 6.4C4.8 13.4 2.5 11.2 2.5 8V4Z',
  qbr: 'M3 2.5h7l3 3v8H3zM10 2.5v3h3M5.5 8.5h5M5.5 11h5',
  settings:
    'M8 10.2a2.2 2.2 0 1 0 0-4.4 2.2 2.2 0 0 0 0 4.4ZM8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4',
};

function SideNav({ route }: { route: Route }) {
  return (
    <nav className="sidenav" aria-label="Sections">
      <ul>
        {ROUTE_LIST.map((r) => (
          <li key={r.route}>
            <a
              href={hrefFor(r.route)}
              aria-current={r.route === route ? 'page' : undefined}
              aria-keyshortcuts={r.shortcut}
              className="nav-link"
            >
              <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <path
                  d={NAV_ICONS[r.route]}
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.4"
                  strokeLinejoin="round"
                />
              </svg>
              <span>{r.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function skipToContent(e: MouseEvent<HTMLAnchorElement>): void {
  // The hash is the router's: focus the page heading instead of navigating to "#main".
  e.preventDefault();
  const target = document.querySelector<HTMLElement>('main [data-page-heading]') ?? document.getElementById('main');
  target?.focus();
}

export function Shell() {
  const s = useServices();
  const route = useUi((st) => st.route);
  const ws = useCurrentWorkspace();
  useHashRoute();
  useFocusHeadingOnRouteChange(route);
  useGlobalShortcuts();
  useMenuCommands();
  useAutoBackup();

  useEffect(() => {
    const section = ROUTE_LIST.find((r) => r.route === route)?.label ?? '';
    document.title = ws ? `${section} · ${ws.name} — Quarterdeck` : 'Quarterdeck';
  }, [route, ws]);

  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToContent}>
        Skip to content
      </a>
      <div className="app-frame">
        <header className="topbar">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              Q
            </span>
            <span className="brand-name">Quarterdeck</span>
          </div>
          <WorkspaceSwitcher />
          <QuarterPicker />
          <div className="topbar-spacer" />
          {s.readOnlyReason ? <span className="pill pill-amber">Read-only</span> : null}
          <UndoRedo />
        </header>
        <SideNav route={route} />
        <main id="main" className="content" tabIndex={-1}>
          {s.readOnlyReason ? (
            <p className="notice notice-warn" role="alert">
              {s.readOnlyReason}
            </p>
          ) : null}
          {ws ? <Page route={route} /> : null}
        </main>
      </div>
      <DialogHost />
      <Toasts />
    </>
  );
}
