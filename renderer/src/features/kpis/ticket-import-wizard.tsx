/**
 * Ticket import wizard (SPEC §3.6): file → how it reads and which columns mean what → date format
 * confirmed → preview with per-row errors → import in a Web Worker with progress and Cancel →
 * summary. Keyboard-only usable: every step is plain form controls; the dialog traps focus.
 */
import { useEffect, useReducer, useRef } from 'react';
import { PRESET_NAMES, TICKET_FIELDS, type PresetName, type TicketField } from '../../../../shared/import/presets';
import { partyForGroup } from '../../../../shared/domain/tickets/party-rules';
import type { PartyRule, Party } from '../../../../shared/domain/workspace/schema';
import type { ImportMapping } from '../../../../shared/domain/tickets/schema';
import { quarterLabel } from '../../../../shared/domain/periods';
import { describeError } from '../../app/actions';
import { humanize } from '../../components/labels';
import { useServices } from '../../app/services';
import { AppDialog } from '../../components/dialog';
import { CheckboxField, SelectField } from '../../components/field';
import { TableWrap } from '../../components/table-wrap';
import { saveTicketImport } from '../../db/repos/kpis';
import { useUi } from '../../state/store';
import { ImportCancelledError, runTicketImport, type WorkerLike } from '../../workers/run-ticket-import';
import { analyseTicketBytes, headerColumns, type WizardOptions } from './import-analysis';
import {
  initialWizardState,
  nextBlocker,
  STEP_LABELS,
  WIZARD_STEPS,
  wizardReducer,
  type WizardState,
} from './import-wizard-state';

export const MAX_TICKET_FILE_BYTES = 100 * 1024 * 1024;

const FIELD_LABELS: Record<TicketField, string> = {
  ticketId: 'Ticket id',
  openedAt: 'Opened at',
  resolvedAt: 'Resolved at',
  closedAt: 'Closed at',
  updatedAt: 'Updated at',
  reopenedAt: 'Reopened at',
  priority: 'Priority',
  status: 'Status',
  category: 'Category',
  assignmentGroup: 'Assignment group',
  slaMet: 'SLA met',
  firstContactResolved: 'First-contact resolved',
  reopenCount: 'Reopen count',
};

const PRESET_LABELS: Record<PresetName, string> = {
  servicenow: 'ServiceNow',
  jira: 'Jira Service Management',
  zendesk: 'Zendesk',
  freshservice: 'Freshservice',
  connectwise: 'ConnectWise',
  autotask: 'Autotask',
  halopsa: 'HaloPSA',
  hpsm: 'HP Service Manager',
  'hpsm-interactions': 'HP Service Manager interactions',
  generic: 'Generic',
};

const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  ascii: 'ASCII',
  'windows-1252': 'Latin-1 (Windows-1252)',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};
const DELIMITER_LABELS: Record<string, string> = { ',': 'Comma', ';': 'Semicolon', '\t': 'Tab' };

/** "1.2 MB" style size. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** Options remembered from the workspace's last import, limited to columns this file has. */
export function savedOptionsFor(
  mapping: ImportMapping | undefined,
  columns: readonly string[],
): Partial<WizardOptions> {
  if (!mapping) return {};
  const map: Partial<Record<TicketField, string>> = {};
  for (const [field, col] of Object.entries(mapping.columns)) {
    if ((TICKET_FIELDS as readonly string[]).includes(field) && columns.includes(col)) map[field as TicketField] = col;
  }
  // Only when the file has the remembered id and opened columns is it the same kind of export.
  if (!map.ticketId || !map.openedAt) return {};
  return { map };
}

export function TicketImportWizard({
  workspaceId,
  fiscalStartMonth,
  parties,
  partyRules,
  mappings,
  onClose,
  createWorker,
}: {
  workspaceId: string;
  fiscalStartMonth: number;
  parties: readonly Party[];
  partyRules: readonly PartyRule[];
  mappings: readonly ImportMapping[];
  onClose: () => void;
  createWorker?: () => WorkerLike;
}) {
  const s = useServices();
  const [state, dispatch] = useReducer(wizardReducer, initialWizardState);
  const bytesRef = useRef<Uint8Array | null>(null);
  const cancelRef = useRef<(() => void) | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const lastPaint = useRef(0);

  // Re-read the first rows whenever the file or a reading option changes (after a paint).
  useEffect(() => {
    const bytes = bytesRef.current;
    if (!bytes || state.analysis !== null || !state.file) return;
    const t = setTimeout(() => dispatch({ type: 'analysed', analysis: analyseTicketBytes(bytes, state.options) }), 0);
    return () => clearTimeout(t);
  }, [state.file, state.options, state.analysis]);

  // Never leave a worker running behind a closed dialog.
  useEffect(() => () => cancelRef.current?.(), []);

  const running = state.phase === 'reading' || state.phase === 'saving';

  const chooseFile = async (): Promise<void> => {
    try {
      const res = await s.bridge.openFile({
        filters: [{ name: 'Ticket export (CSV)', extensions: ['csv', 'txt', 'tsv'] }],
        maxBytes: MAX_TICKET_FILE_BYTES,
        as: 'bytes',
      });
      if (res.canceled) return;
      if ('tooLarge' in res) {
        dispatch({
          type: 'file-rejected',
          message: `“${res.name}” is ${formatBytes(res.size)}; the limit is ${formatBytes(res.maxBytes)}. Export a shorter date range, or split the export into several files and import each.`,
        });
        return;
      }
      const bytes = res.bytes ?? (res.text !== undefined ? new TextEncoder().encode(res.text) : null);
      if (!bytes || bytes.length === 0) {
        dispatch({
          type: 'file-rejected',
          message: `“${res.name}” is empty. Export the tickets again and choose that file.`,
        });
        return;
      }
      bytesRef.current = bytes;
      const saved = mappings.find((m) => m.name === 'Last ticket import');
      dispatch({
        type: 'file-chosen',
        name: res.name,
        size: bytes.length,
        savedOptions: savedOptionsFor(saved, headerColumns(bytes, 'auto', 'auto')),
      });
    } catch (err) {
      dispatch({ type: 'file-rejected', message: `The file could not be read: ${describeError(err)}` });
    }
  };

  const start = (): void => {
    const bytes = bytesRef.current;
    const a = state.analysis;
    if (!bytes || !a?.ok || !state.file) return;
    dispatch({ type: 'start' });
    const fileName = state.file.name;
    const settings = a.settings;
    const run = runTicketImport({
      bytes,
      options: {
        encoding: state.options.encoding,
        delimiter: settings.delimiter,
        preset: settings.preset,
        map: { ...settings.mapping, ...state.options.map },
        ...(state.options.dateOrder ? { dateOrder: state.options.dateOrder } : {}),
        decimalSeparator: state.options.decimalSeparator,
        partyRules: partyRules.map((r) => ({ pattern: r.pattern, partyId: r.partyId, order: r.order })),
      },
      fiscalStartMonth,
      ...(createWorker ? { createWorker } : {}),
      onProgress: (p) => {
        // Repaint at most every 100 ms (and on the last chunk): updates stay well inside 250 ms.
        const now = performance.now();
        if (now - lastPaint.current >= 100 || p.bytesRead >= p.totalBytes) {
          lastPaint.current = now;
          dispatch({ type: 'progress', progress: p });
        }
      },
    });
    cancelRef.current = run.cancel;
    void run.done.then(
      async (result) => {
        cancelRef.current = null;
        dispatch({ type: 'saving' });
        const abort = new AbortController();
        abortRef.current = abort;
        try {
          const saved = await saveTicketImport(
            s.db,
            workspaceId,
            {
              fileName,
              result,
              mapping: {
                preset: settings.preset,
                columns: { ...settings.mapping, ...state.options.map } as Record<string, string>,
                dateFormat: state.options.dateOrder,
                delimiter: settings.delimiter,
              },
              signal: abort.signal,
            },
            s.ctx,
          );
          abortRef.current = null;
          s.history.record(saved.changes);
          useUi
            .getState()
            .toast(`Imported ${result.tickets.length.toLocaleString()} tickets from “${fileName}”`, 'success', true);
          dispatch({
            type: 'completed',
            summary: {
              fileName,
              rowsRead: result.rowsRead,
              tickets: result.tickets.length,
              rejectedRows: result.rejectedRows,
              dataIssues: result.dataIssues,
              snapshotsAdded: saved.snapshotsAdded,
              snapshotsReplaced: saved.snapshotsReplaced,
              quarters: [...result.quarterly.periods.keys()],
            },
          });
        } catch (err) {
          abortRef.current = null;
          if (abort.signal.aborted) dispatch({ type: 'cancelled' });
          else dispatch({ type: 'failed', message: `Nothing was saved: ${describeError(err)}` });
        }
      },
      (err: unknown) => {
        cancelRef.current = null;
        if (err instanceof ImportCancelledError) dispatch({ type: 'cancelled' });
        else dispatch({ type: 'failed', message: `Nothing was saved: ${describeError(err)}` });
      },
    );
  };

  const cancel = (): void => {
    if (cancelRef.current) {
      cancelRef.current();
      cancelRef.current = null;
    }
    abortRef.current?.abort();
  };

  const close = (): void => {
    if (running) cancel();
    onClose();
  };

  const blocker = nextBlocker(state);
  const footer = (
    <>
      {state.step !== 'file' && state.phase !== 'done' ? (
        <button type="button" className="btn" onClick={() => dispatch({ type: 'back' })} disabled={running}>
          Back
        </button>
      ) : null}
      <span className="wizard-foot-gap" />
      {running ? (
        <button type="button" className="btn btn-danger" onClick={cancel}>
          Cancel import
        </button>
      ) : (
        <button type="button" className="btn" onClick={close}>
          {state.phase === 'done' ? 'Close' : 'Cancel'}
        </button>
      )}
      {state.step !== 'import' ? (
        <button
          type="button"
          className="btn btn-primary"
          aria-disabled={blocker !== null}
          aria-describedby={blocker ? 'wizard-blocker' : undefined}
          onClick={() => dispatch({ type: 'next' })}
        >
          Next
        </button>
      ) : state.phase === 'idle' || state.phase === 'cancelled' || state.phase === 'failed' ? (
        <button
          type="button"
          className="btn btn-primary"
          onClick={state.phase === 'idle' ? start : () => dispatch({ type: 'retry' })}
        >
          {state.phase === 'idle' ? 'Start import' : 'Try again'}
        </button>
      ) : null}
    </>
  );

  return (
    <AppDialog title="Import tickets" onClose={close} size="lg" footer={footer}>
      <ol className="wizard-steps" aria-label="Steps">
        {WIZARD_STEPS.map((step, i) => (
          <li
            key={step}
            aria-current={state.step === step ? 'step' : undefined}
            className={WIZARD_STEPS.indexOf(state.step) > i ? 'wizard-step-done' : undefined}
          >
            <span className="wizard-step-num" aria-hidden="true">
              {i + 1}
            </span>
            {STEP_LABELS[step]}
          </li>
        ))}
      </ol>
      <div className="wizard-body">
        <StepBody state={state} dispatch={dispatch} chooseFile={chooseFile} parties={parties} partyRules={partyRules} />
      </div>
      {blocker && state.step !== 'import' ? (
        <p id="wizard-blocker" className="field-hint wizard-blocker">
          {blocker}
        </p>
      ) : null}
    </AppDialog>
  );
}

function StepBody({
  state,
  dispatch,
  chooseFile,
  parties,
  partyRules,
}: {
  state: WizardState;
  dispatch: (e: Parameters<typeof wizardReducer>[1]) => void;
  chooseFile: () => Promise<void>;
  parties: readonly Party[];
  partyRules: readonly PartyRule[];
}) {
  const a = state.analysis;
  switch (state.step) {
    case 'file':
      return (
        <section aria-labelledby="wizard-file-title">
          <h3 id="wizard-file-title" className="wizard-title">
            Choose the ticket export
          </h3>
          <p>
            A CSV export from ServiceNow (list or audit log), Jira Service Management, Zendesk, Freshservice,
            ConnectWise, Autotask, HaloPSA or HP Service Manager, or any CSV with a ticket id and an opened date. Up to
            100 MB; it is read on this computer only.
          </p>
          <button type="button" className="btn btn-primary" onClick={() => void chooseFile()} autoFocus>
            Choose a file…
          </button>
          {state.fileError ? (
            <p className="notice notice-error" role="alert">
              {state.fileError}
            </p>
          ) : null}
        </section>
      );
    case 'settings': {
      const settings = a?.ok ? a.settings : null;
      const columns = a?.columns ?? [];
      return (
        <section aria-labelledby="wizard-settings-title">
          <h3 id="wizard-settings-title" className="wizard-title">
            How “{state.file?.name}” reads ({formatBytes(state.file?.size ?? 0)})
          </h3>
          <div className="form-grid form-grid-4">
            <SelectField
              label="Encoding"
              value={state.options.encoding}
              onChange={(v) => dispatch({ type: 'set-options', patch: { encoding: v } })}
              options={[
                {
                  value: 'auto',
                  label: `Detect${settings ? ` (${ENCODING_LABELS[settings.encoding] ?? settings.encoding}${settings.bom ? ', BOM' : ''})` : ''}`,
                },
                { value: 'utf-8', label: 'UTF-8' },
                { value: 'windows-1252', label: 'Latin-1 (Windows-1252)' },
                { value: 'utf-16le', label: 'UTF-16 LE' },
                { value: 'utf-16be', label: 'UTF-16 BE' },
              ]}
            />
            <SelectField
              label="Delimiter"
              value={state.options.delimiter}
              onChange={(v) => dispatch({ type: 'set-options', patch: { delimiter: v } })}
              options={[
                { value: 'auto', label: `Detect${settings ? ` (${DELIMITER_LABELS[settings.delimiter]})` : ''}` },
                { value: ',', label: 'Comma' },
                { value: ';', label: 'Semicolon' },
                { value: '\t', label: 'Tab' },
              ]}
            />
            <SelectField
              label="System (preset)"
              value={state.options.preset}
              onChange={(v) => dispatch({ type: 'set-options', patch: { preset: v, map: {} } })}
              options={[
                { value: 'auto', label: `Detect${settings ? ` (${PRESET_LABELS[settings.preset]})` : ''}` },
                ...PRESET_NAMES.map((p) => ({ value: p, label: PRESET_LABELS[p] })),
              ]}
            />
            <SelectField
              label="Decimal separator"
              value={state.options.decimalSeparator}
              onChange={(v) => dispatch({ type: 'set-options', patch: { decimalSeparator: v } })}
              options={[
                {
                  value: 'auto',
                  // "Detect (…)" like the controls beside it, and short enough not to be cut off.
                  label: `Detect${settings ? ` (${settings.detectedDecimalComma ? 'Comma' : 'Point'})` : ''}`,
                },
                { value: '.', label: 'Point (1.5)' },
                { value: ',', label: 'Comma (1,5)' },
              ]}
            />
          </div>
          {a === null ? (
            <p className="muted" role="status">
              Reading the first rows…
            </p>
          ) : !a.ok && !a.ambiguous ? (
            <p className="notice notice-error" role="alert">
              {a.message}. Choose the column below, or another encoding, delimiter or system.
            </p>
          ) : null}
          {settings?.headerWarnings.length ? (
            <ul className="notice notice-warn">
              {settings.headerWarnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : null}
          <h4 className="wizard-subtitle">Columns</h4>
          <p className="field-hint">
            Chosen by the preset; change any by hand. Your choices are saved for the next import into this workspace.
          </p>
          <div className="form-grid form-grid-3">
            {TICKET_FIELDS.map((f) => (
              <SelectField
                key={f}
                label={FIELD_LABELS[f]}
                value={state.options.map[f] ?? settings?.mapping[f] ?? ''}
                onChange={(v) =>
                  dispatch({
                    type: 'set-options',
                    patch: { map: { ...withoutField(state.options.map, f), ...(v ? { [f]: v } : {}) } },
                  })
                }
                options={[
                  {
                    value: '',
                    label: settings?.mapping[f] ? `As the preset (${settings.mapping[f]})` : 'Not in this file',
                  },
                  ...columns.map((c) => ({ value: c, label: c })),
                ]}
              />
            ))}
          </div>
        </section>
      );
    }
    case 'dates':
      return (
        <section aria-labelledby="wizard-dates-title">
          <h3 id="wizard-dates-title" className="wizard-title">
            Date format
          </h3>
          {a && !a.ok && a.ambiguous ? (
            <p className="notice notice-warn">
              The dates in column “{a.ambiguous.column}” could be day/month or month/day: no day above 12 in the first
              rows (e.g. “{a.ambiguous.sample}”). Choose how to read them.
            </p>
          ) : null}
          {a && (state.options.dateOrder !== null || (!a.ok && a.ambiguous)) ? (
            <fieldset className="radio-group">
              <legend>Day and month order</legend>
              {(['dmy', 'mdy'] as const).map((o) => (
                <label key={o} className="radio">
                  <input
                    type="radio"
                    name="date-order"
                    value={o}
                    checked={state.options.dateOrder === o}
                    onChange={() => dispatch({ type: 'set-options', patch: { dateOrder: o } })}
                  />
                  {o === 'dmy' ? 'Day first' : 'Month first'}
                  {!a.ok && a.ambiguous ? ` (${a.ambiguous.labels[o]})` : ''}
                </label>
              ))}
            </fieldset>
          ) : null}
          {a === null ? (
            <p className="muted" role="status">
              Reading the first rows…
            </p>
          ) : a.ok ? (
            <>
              <TableWrap label="Detected date formats">
                <table className="data-table compact">
                  <caption className="visually-hidden">Detected date formats with a sample value</caption>
                  <thead>
                    <tr>
                      <th scope="col">Field</th>
                      <th scope="col">Column</th>
                      <th scope="col">Format</th>
                      <th scope="col">In the file</th>
                      <th scope="col">Read as</th>
                    </tr>
                  </thead>
                  <tbody>
                    {a.dates.map((d) => (
                      <tr key={d.field}>
                        <th scope="row">{FIELD_LABELS[d.field]}</th>
                        <td>{d.column}</td>
                        <td>{d.label || '—'}</td>
                        <td className="mono">{d.raw || '—'}</td>
                        <td className="mono">{d.parsed || '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              {state.options.dateOrder === null ? (
                <button
                  type="button"
                  className="btn btn-ghost btn-sm"
                  onClick={() =>
                    dispatch({
                      type: 'set-options',
                      patch: { dateOrder: a.dates.some((d) => /^m/.test(d.label)) ? 'dmy' : 'mdy' },
                    })
                  }
                >
                  Read day and month the other way
                </button>
              ) : null}
              <CheckboxField
                label="These dates read correctly"
                checked={state.datesConfirmed}
                onChange={(v) => dispatch({ type: 'confirm-dates', confirmed: v })}
                hint="Times are kept as written in the export (no time-zone shift)."
              />
            </>
          ) : !a.ambiguous ? (
            <p className="notice notice-error" role="alert">
              {a.message}
            </p>
          ) : null}
        </section>
      );
    case 'preview':
      if (!a?.ok) return null;
      return (
        <section aria-labelledby="wizard-preview-title">
          <h3 id="wizard-preview-title" className="wizard-title">
            Preview
          </h3>
          <p>
            {a.rowsRead.toLocaleString()} rows read for the preview, {a.rejectedRows.toLocaleString()} with errors (left
            out of the import). {PRESET_LABELS[a.settings.preset]} columns, dates as {a.dates[0]?.label ?? '—'}.
          </p>
          <TableWrap label="First tickets">
            <table className="data-table compact">
              <caption className="visually-hidden">First tickets as they will be imported</caption>
              <thead>
                <tr>
                  <th scope="col">Ticket</th>
                  <th scope="col">Opened</th>
                  <th scope="col">Resolved</th>
                  <th scope="col">Priority</th>
                  <th scope="col">Assignment group</th>
                  <th scope="col">Party</th>
                  <th scope="col">SLA met</th>
                  {a.settings.mapping.reopenCount !== undefined ? (
                    <th scope="col" className="num">
                      Reopens
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {a.preview.map((t) => {
                  const party = partyForGroup(partyRules, t.assignmentGroup);
                  return (
                    <tr key={t.ticketId}>
                      <th scope="row">{t.ticketId}</th>
                      <td className="mono nowrap">{t.openedAt?.replace('T', ' ') ?? '—'}</td>
                      <td className="mono nowrap">{(t.resolvedAt ?? t.closedAt)?.replace('T', ' ') ?? '—'}</td>
                      <td>{t.priority || '—'}</td>
                      <td>{t.assignmentGroup || '—'}</td>
                      <td>{party ? (parties.find((p) => p.id === party)?.name ?? party) : 'Unmatched'}</td>
                      <td>{t.slaMet === null ? '—' : t.slaMet ? 'Yes' : 'No'}</td>
                      {a.settings.mapping.reopenCount !== undefined ? (
                        <td className="num">{t.reopenCount === null ? '—' : t.reopenCount.toLocaleString()}</td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
          <h4 className="wizard-subtitle">Rows with errors</h4>
          {a.rejected.length === 0 ? (
            <p className="muted">None in the rows read.</p>
          ) : (
            <TableWrap label="Rows with errors">
              <table className="data-table compact">
                <caption className="visually-hidden">Rows that will not be imported and why</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Row
                    </th>
                    <th scope="col">Column</th>
                    <th scope="col">Problem</th>
                  </tr>
                </thead>
                <tbody>
                  {a.rejected.slice(0, 20).map((p) => (
                    <tr key={`${p.row}-${p.field}`}>
                      <th scope="row" className="num">
                        {p.row}
                      </th>
                      <td>{p.column || p.field}</td>
                      <td>{p.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </section>
      );
    case 'import':
      return <ImportStep state={state} />;
  }
}

function withoutField(map: Partial<Record<TicketField, string>>, f: TicketField): Partial<Record<TicketField, string>> {
  const out = { ...map };
  delete out[f];
  return out;
}

/** Plain words for the importer's and the KPI maths' data-quality counters. */
export const ISSUE_LABELS: Record<string, string> = {
  negativeDurations: 'Negative durations (left out of MTTR and median)',
  missingOpenedAt: 'Tickets without an opened date',
  unreadableTimestamps: 'Unreadable timestamps',
  collapsedRows: 'Event-log rows merged into their ticket',
  closedUsedAsResolved: 'Closed date used where resolved was empty',
  emptyRows: 'Empty rows skipped',
  nullDatePlaceholders: 'Null-date placeholders (e.g. 1899-12-30) read as empty',
  placeholderValues: 'Placeholder values read as empty',
  shortRows: 'Rows with fewer fields than the header',
  unparseableDates: 'Dates that could not be read',
  unrecognisedFlags: 'Yes/no values not recognised',
  unrecognisedNumbers: 'Numbers not recognised',
  wrongDecimalSeparator: 'Numbers written with the other decimal separator (rows left out)',
};

function ImportStep({ state }: { state: WizardState }) {
  const p = state.progress;
  const pct = p && p.totalBytes > 0 ? Math.min(100, Math.round((100 * p.bytesRead) / p.totalBytes)) : 0;
  const sum = state.summary;
  return (
    <section aria-labelledby="wizard-import-title">
      <h3 id="wizard-import-title" className="wizard-title">
        {state.phase === 'done' ? 'Imported' : 'Import'}
      </h3>
      {state.phase === 'idle' ? (
        <p>
          “{state.file?.name}” ({formatBytes(state.file?.size ?? 0)}) will be read in the background. KPIs per month and
          per quarter — overall, by priority and by party — are saved with where they came from, and replace values
          stored for the same periods. You can cancel at any time; nothing is saved until the end. Undo removes the
          import.
        </p>
      ) : null}
      {state.phase === 'reading' || state.phase === 'saving' ? (
        <div className="import-progress">
          <div
            role="progressbar"
            aria-label="Import progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={state.phase === 'saving' ? 100 : pct}
            aria-valuetext={
              state.phase === 'saving'
                ? 'Saving'
                : `${pct}% — ${(p?.rowsRead ?? 0).toLocaleString()} rows, ${formatBytes(p?.bytesRead ?? 0)} of ${formatBytes(p?.totalBytes ?? 0)}`
            }
            className="progress"
          >
            <div className="progress-fill" style={{ width: `${state.phase === 'saving' ? 100 : pct}%` }} />
          </div>
          <p className="progress-text" aria-live="polite">
            {state.phase === 'saving'
              ? `Saving ${(p?.tickets ?? 0).toLocaleString()} tickets and their KPIs…`
              : `${(p?.rowsRead ?? 0).toLocaleString()} rows · ${(p?.tickets ?? 0).toLocaleString()} tickets · ${formatBytes(p?.bytesRead ?? 0)} of ${formatBytes(p?.totalBytes ?? 0)}`}
          </p>
        </div>
      ) : null}
      {state.phase === 'cancelled' ? (
        <p className="notice" role="status">
          Import cancelled. Nothing was saved.
        </p>
      ) : null}
      {state.phase === 'failed' ? (
        <p className="notice notice-error" role="alert">
          {state.error}
        </p>
      ) : null}
      {sum ? (
        <div role="status">
          <dl className="summary-list">
            <div>
              <dt>File</dt>
              <dd>{sum.fileName}</dd>
            </div>
            <div>
              <dt>Rows read</dt>
              <dd>{sum.rowsRead.toLocaleString()}</dd>
            </div>
            <div>
              <dt>Tickets</dt>
              <dd>{sum.tickets.toLocaleString()}</dd>
            </div>
            <div>
              <dt>Rows rejected</dt>
              <dd>{sum.rejectedRows.toLocaleString()}</dd>
            </div>
            <div>
              <dt>KPI values saved</dt>
              <dd>
                {sum.snapshotsAdded.toLocaleString()}
                {sum.snapshotsReplaced ? ` (replacing ${sum.snapshotsReplaced.toLocaleString()})` : ''}
              </dd>
            </div>
            <div>
              <dt>Quarters</dt>
              <dd>
                {sum.quarters.length === 0
                  ? '—'
                  : sum.quarters.length === 1
                    ? quarterLabel(sum.quarters[0]!)
                    : `${quarterLabel(sum.quarters[0]!)} to ${quarterLabel(sum.quarters[sum.quarters.length - 1]!)}`}
              </dd>
            </div>
          </dl>
          <h4 className="wizard-subtitle">Data quality</h4>
          {Object.keys(sum.dataIssues).length === 0 ? (
            <p className="muted">No data issues found.</p>
          ) : (
            <ul className="plain-list">
              {Object.entries(sum.dataIssues).map(([k, v]) => (
                <li key={k}>
                  {ISSUE_LABELS[k] ?? humanize(k)}: <strong>{v.toLocaleString()}</strong>
                </li>
              ))}
            </ul>
          )}
          <p className="field-hint">Undo (Ctrl+Z) removes this import and brings back the values it replaced.</p>
        </div>
      ) : null}
    </section>
  );
}
