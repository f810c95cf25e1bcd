/**
 * Settings: workspace fields (validated, undoable), theme, storage persistence (REL-08), backups
 * (export, import as a new workspace, automatic backups in the desktop app), shortcuts and About.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { AppInfo, BackupInfo } from '../../bridge/types';
import { exportBackup, importBackup, restoreAutomaticBackup, runEdit } from '../../app/actions';
import { useCurrentWorkspace } from '../../app/data-hooks';
import { AboutFacts } from '../../app/dialog-host';
import { ROUTE_LIST } from '../../app/routes';
import { useServices } from '../../app/services';
import { SelectField, TextField } from '../../components/field';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { updateWorkspace } from '../../db/repos/workspaces';
import type { WorkspaceRecord } from '../../db/records';
import { formatDateTime } from '../../lib/format';
import { useUi, type ThemeChoice } from '../../state/store';
import { CURRENCIES, MONTH_OPTIONS, validateWorkspaceValues } from '../workspaces/workspace-form';

type Values = {
  name: string;
  currency: string;
  locale: string;
  fiscalYearStartMonth: string;
  partnerName: string;
  userCount: string;
  endpointCount: string;
  serverCount: string;
};
type Errors = Partial<Record<keyof Values, string>>;

function valuesOf(ws: WorkspaceRecord): Values {
  return {
    name: ws.name,
    currency: ws.currency,
    locale: ws.locale,
    fiscalYearStartMonth: String(ws.fiscalYearStartMonth),
    partnerName: ws.partnerName,
    userCount: String(ws.userCount),
    endpointCount: String(ws.endpointCount),
    serverCount: String(ws.serverCount),
  };
}

function countError(v: string, what: string): string | undefined {
  if (!/^\d+$/.test(v.trim())) return `Enter the number of ${what} as a whole number (0 or more).`;
  if (Number(v) > 10_000_000) return `That is more ${what} than Quarterdeck supports (10 million).`;
  return undefined;
}

/** Check the settings form; empty object = valid. */
export function validateSettings(v: Values): Errors {
  const e: Errors = { ...validateWorkspaceValues(v) };
  const u = countError(v.userCount, 'users');
  if (u) e.userCount = u;
  const ep = countError(v.endpointCount, 'endpoints');
  if (ep) e.endpointCount = ep;
  const sv = countError(v.serverCount, 'servers');
  if (sv) e.serverCount = sv;
  return e;
}

function WorkspaceSettings({ ws }: { ws: WorkspaceRecord }) {
  const s = useServices();
  const [values, setValues] = useState<Values>(() => valuesOf(ws));
  const [errors, setErrors] = useState<Errors>({});
  // Follow outside changes (undo, another window) when the form has not been touched.
  const [baseline, setBaseline] = useState(ws);
  if (baseline !== ws && JSON.stringify(valuesOf(baseline)) === JSON.stringify(values)) {
    setBaseline(ws);
    setValues(valuesOf(ws));
  }
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  const dirty = JSON.stringify(valuesOf(ws)) !== JSON.stringify(values);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs = validateSettings(values);
    setErrors(errs);
    if (Object.keys(errs).length) return;
    await runEdit(
      s,
      () =>
        updateWorkspace(
          s.db,
          ws.id,
          {
            name: values.name.trim(),
            currency: values.currency,
            locale: values.locale.trim(),
            fiscalYearStartMonth: Number(values.fiscalYearStartMonth),
            partnerName: values.partnerName.trim(),
            userCount: Number(values.userCount),
            endpointCount: Number(values.endpointCount),
            serverCount: Number(values.serverCount),
          },
          s.ctx,
        ),
      { toast: 'Workspace settings saved', undoable: true },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="settings-ws-title">
      <div className="form-grid form-grid-4">
        <TextField
          className="span-2"
          label="Organisation name"
          value={values.name}
          onChange={(name) => set({ name })}
          error={errors.name}
          required
          maxLength={500}
        />
        <TextField
          className="span-2"
          label="Partner name"
          value={values.partnerName}
          onChange={(partnerName) => set({ partnerName })}
          error={errors.partnerName}
          maxLength={500}
        />
        <SelectField
          label="Currency"
          value={values.currency}
          onChange={(currency) => set({ currency })}
          options={(CURRENCIES.includes(values.currency) ? CURRENCIES : [values.currency, ...CURRENCIES]).map((c) => ({
            value: c,
            label: c,
          }))}
          error={errors.currency}
        />
        <TextField
          label="Locale"
          value={values.locale}
          onChange={(locale) => set({ locale })}
          error={errors.locale}
          hint="e.g. en-US, en-GB, de-DE"
        />
        <SelectField
          label="Fiscal year starts in"
          value={values.fiscalYearStartMonth}
          onChange={(fiscalYearStartMonth) => set({ fiscalYearStartMonth })}
          options={MONTH_OPTIONS}
          error={errors.fiscalYearStartMonth}
        />
        <div />
        <TextField
          label="Users"
          inputMode="numeric"
          value={values.userCount}
          onChange={(userCount) => set({ userCount })}
          error={errors.userCount}
        />
        <TextField
          label="Endpoints"
          inputMode="numeric"
          value={values.endpointCount}
          onChange={(endpointCount) => set({ endpointCount })}
          error={errors.endpointCount}
        />
        <TextField
          label="Servers"
          inputMode="numeric"
          value={values.serverCount}
          onChange={(serverCount) => set({ serverCount })}
          error={errors.serverCount}
        />
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="btn"
          disabled={!dirty}
          onClick={() => {
            setValues(valuesOf(ws));
            setErrors({});
          }}
        >
          Discard changes
        </button>
        <button type="submit" className="btn btn-primary" disabled={!dirty || !!s.readOnlyReason}>
          Save settings
        </button>
      </div>
    </form>
  );
}

function AutomaticBackups({ ws }: { ws: WorkspaceRecord }) {
  const s = useServices();
  const [list, setList] = useState<BackupInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    s.bridge.listBackups({ workspaceId: ws.id }).then(
      (l) => live && setList([...l].sort((a, b) => b.createdAt.localeCompare(a.createdAt))),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [s.bridge, ws.id]);
  if (error) return <p className="notice notice-error">Could not list automatic backups: {error}</p>;
  if (!list) return <p role="status">Loading automatic backups…</p>;
  if (list.length === 0)
    return (
      <p className="muted">
        No automatic backups of this workspace yet. They are written hourly while you make changes.
      </p>
    );
  return (
    <table className="data-table compact">
      <thead>
        <tr>
          <th scope="col">Backup</th>
          <th scope="col" className="num">
            Size
          </th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {list.slice(0, 20).map((b) => (
          <tr key={b.fileName}>
            <td>{formatDateTime(b.createdAt, ws.locale)}</td>
            <td className="num">{Math.max(1, Math.round(b.size / 1024))} KB</td>
            <td className="row-actions">
              <button
                type="button"
                className="btn btn-sm"
                onClick={() => void restoreAutomaticBackup(s, b.fileName, b.workspaceId)}
              >
                Restore as new workspace
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SettingsPage() {
  const s = useServices();
  const ws = useCurrentWorkspace();
  const theme = useUi((st) => st.theme);
  const setTheme = useUi((st) => st.setTheme);
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void s.bridge.getAppInfo().then(setInfo, () => setInfo(null));
  }, [s.bridge]);

  const header = <PageHeader title="Settings" subtitle={ws ? ws.name : ' '} />;
  if (!ws) return header;
  const persistText =
    s.persisted === true
      ? 'Persistent: the browser will not clear Quarterdeck’s data to free space.'
      : s.persisted === false
        ? 'Not persistent: the browser may clear this data when the disk is nearly full. Export backups regularly.'
        : 'This browser does not report whether storage is persistent. Export backups regularly.';

  return (
    <>
      {header}
      <Panel id="settings-ws" title="Workspace">
        <WorkspaceSettings key={ws.id} ws={ws} />
      </Panel>
      <div className="grid-2">
        <Panel id="settings-backups" title="Backups">
          <p className="muted">
            A backup is one JSON file holding everything in this workspace. Importing a backup always creates a new
            workspace; the file is checked first and nothing is written if anything is wrong.
          </p>
          <div className="button-row">
            <button type="button" className="btn btn-primary" onClick={() => void exportBackup(s, ws.id)}>
              Export backup
            </button>
            <button type="button" className="btn" onClick={() => void importBackup(s)} disabled={!!s.readOnlyReason}>
              Import backup…
            </button>
          </div>
          {s.bridge.supportsBackups ? (
            <>
              <h3 className="subhead">Automatic backups</h3>
              <AutomaticBackups ws={ws} />
            </>
          ) : (
            <p className="muted small">
              Automatic backups run in the desktop app; in the browser, export backups yourself.
            </p>
          )}
        </Panel>
        <div className="stack">
          <Panel id="settings-appearance" title="Appearance">
            <fieldset className="radio-group">
              <legend>Theme</legend>
              {(['system', 'light', 'dark'] as ThemeChoice[]).map((t) => (
                <label key={t} className="radio">
                  <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => setTheme(t)} />
                  <span>{t === 'system' ? 'Follow the system' : t === 'light' ? 'Light' : 'Dark'}</span>
                </label>
              ))}
            </fieldset>
          </Panel>
          <Panel id="settings-storage" title="Storage">
            <p>
              <span className={`badge rag rag-${s.persisted ? 'green' : 'amber'}`}>
                {s.persisted ? 'Persistent' : 'Best effort'}
              </span>{' '}
              {persistText}
            </p>
            {s.readOnlyReason ? <p className="notice notice-warn">{s.readOnlyReason}</p> : null}
          </Panel>
        </div>
      </div>
      <div className="grid-2">
        <Panel id="settings-keys" title="Keyboard shortcuts">
          <table className="data-table compact">
            <thead>
              <tr>
                <th scope="col">Keys</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {ROUTE_LIST.map((r) => (
                <tr key={r.route}>
                  <td>
                    <kbd>{r.shortcut}</kbd>
                  </td>
                  <td>Go to {r.label}</td>
                </tr>
              ))}
              <tr>
                <td>
                  <kbd>Ctrl+Z</kbd> / <kbd>⌘Z</kbd>
                </td>
                <td>Undo the last edit (outside text fields)</td>
              </tr>
              <tr>
                <td>
                  <kbd>Shift+Ctrl+Z</kbd> / <kbd>Ctrl+Y</kbd>
                </td>
                <td>Redo</td>
              </tr>
              <tr>
                <td>
                  <kbd>Tab</kbd>, <kbd>Enter</kbd>, <kbd>Esc</kbd>
                </td>
                <td>Move between controls, activate, close a dialog or menu</td>
              </tr>
            </tbody>
          </table>
        </Panel>
        <Panel id="settings-about" title="About">
          <AboutFacts info={info} />
        </Panel>
      </div>
    </>
  );
}
