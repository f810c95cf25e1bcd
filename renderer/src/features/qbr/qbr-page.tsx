/**
 * QBR: the reviews per quarter, the editor of the one in focus (created from defaults for the
 * focus quarter), its deck (preview, export) and closing the quarter, which freezes the deck's
 * numbers in a hashed snapshot and makes the QBR read-only.
 */
import { useEffect, useMemo, useState } from 'react';
import { quarterLabel } from '../../../../shared/domain/periods';
import type { Qbr } from '../../../../shared/domain/qbr/schema';
import type { WorkspaceData } from '../../../../shared/domain/tables';
import { modelForQbr } from '../../../../shared/deck/snapshot';
import type { DeckModel } from '../../../../shared/deck/model';
import { runEdit } from '../../app/actions';
import { ALL_BUT_TICKETS, useWorkspaceTables } from '../../app/data-hooks';
import { useFocusQuarter } from '../../app/focus-quarter';
import { useServices } from '../../app/services';
import { AppDialog } from '../../components/dialog';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { Pill } from '../../components/status';
import { closeQbr, createQbrForQuarter, type QbrEdit } from '../../db/repos/qbr';
import { formatDate, formatDateTime } from '../../lib/format';
import { DeckPanel } from './deck-export';
import { QbrEditor, saveDraft } from './qbr-editor';
import { draftFromQbr, isDirty } from './qbr-editor-state';
import './qbr.css';

function WhatChanged({ data, qbrId }: { data: WorkspaceData; qbrId: string }) {
  const wc = useMemo((): DeckModel['whatChanged'] | string => {
    try {
      return modelForQbr(data, qbrId).whatChanged;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  }, [data, qbrId]);
  if (typeof wc === 'string') return <p className="notice notice-error">{wc}</p>;
  if (wc.baseline.kind === 'none') {
    return <p className="muted">No earlier quarter was closed, so there is nothing to compare with yet.</p>;
  }
  const r = wc.roadmap;
  return (
    <div>
      <p className="muted">
        Compared with {wc.baseline.quarter ? quarterLabel(wc.baseline.quarter) : 'the last QBR'}
        {wc.baseline.kind === 'raci-version' ? ' (RACI version only)' : ' (its frozen snapshot)'}.
      </p>
      <ul className="plain-list qbr-changes">
        {r ? (
          <li>
            Roadmap: {r.added.length} added, {r.done.length} done, {r.slipped.length} slipped
            {r.slipped.length
              ? ` (${r.slipped.map((x) => `${x.title}: ${x.fromMonth} → ${x.toMonth}`).join('; ')})`
              : ''}
          </li>
        ) : null}
        {wc.budget ? (
          <li>
            Budget variance:{' '}
            {wc.budget.previousVariancePct === null ? '—' : `${wc.budget.previousVariancePct.toFixed(1)} %`} →{' '}
            {wc.budget.currentVariancePct === null ? '—' : `${wc.budget.currentVariancePct.toFixed(1)} %`}
          </li>
        ) : null}
        {wc.kpis.length ? (
          <li>
            KPIs: {wc.kpis.filter((k) => k.verdict === 'better').length} better,{' '}
            {wc.kpis.filter((k) => k.verdict === 'worse').length} worse,{' '}
            {wc.kpis.filter((k) => k.verdict === 'same').length} unchanged
          </li>
        ) : null}
        {wc.raci ? (
          <li>
            RACI: {wc.raci.added.length} added, {wc.raci.removed.length} removed, {wc.raci.changed.length} changed
          </li>
        ) : null}
      </ul>
    </div>
  );
}

function QbrDetail({ qbr, data, snapshotHash }: { qbr: Qbr; data: WorkspaceData; snapshotHash: string | null }) {
  const s = useServices();
  const closed = qbr.status === 'closed';
  const [draft, setDraft] = useState<QbrEdit>(() => draftFromQbr(qbr));
  const [confirming, setConfirming] = useState(false);
  const [closing, setClosing] = useState(false);
  const dirty = !closed && isDirty(draft, qbr);
  // A stored change from elsewhere (undo, redo, close) replaces a draft that has no edits of its own.
  const stored = JSON.stringify(draftFromQbr(qbr));
  const [lastStored, setLastStored] = useState(stored);
  useEffect(() => {
    if (stored !== lastStored) {
      setLastStored(stored);
      setDraft(draftFromQbr(qbr));
    }
  }, [stored, lastStored, qbr]);
  const ws = data.workspace;

  return (
    <div className="stack">
      <Panel
        id="qbr-status"
        title={qbr.title}
        meta={
          <>
            {quarterLabel(qbr.quarter)} · {formatDate(qbr.date, ws.locale)} ·{' '}
            <Pill tone={closed ? 'neutral' : 'accent'}>{closed ? 'Closed' : 'Draft'}</Pill>
          </>
        }
        actions={
          closed ? null : (
            <>
              <button type="button" className="btn" disabled={!dirty} onClick={() => setDraft(draftFromQbr(qbr))}>
                Discard changes
              </button>
              <button
                type="button"
                className="btn btn-primary"
                disabled={!dirty}
                onClick={() => void saveDraft(s, qbr.id, draft)}
              >
                Save changes
              </button>
              <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>
                Close the quarter…
              </button>
            </>
          )
        }
      >
        {closed ? (
          <div className="notice" id="qbr-readonly-reason">
            <p>
              <strong>Closed {formatDateTime(qbr.closedAt, ws.locale)}.</strong> The fields are read-only: the deck’s
              numbers were frozen when the quarter closed, so the deck always regenerates with the same content.
            </p>
            <p>
              Snapshot SHA-256:{' '}
              <code className="mono qbr-hash" aria-label="Snapshot SHA-256">
                {snapshotHash ?? 'no snapshot stored'}
              </code>
            </p>
          </div>
        ) : (
          <p className="muted">
            {dirty
              ? 'You have unsaved changes. Save them to keep them (Undo reverts a save).'
              : 'All changes saved. Closing the quarter freezes every number the deck uses.'}
          </p>
        )}
      </Panel>

      <QbrEditor
        qbr={qbr}
        data={data}
        draft={closed ? draftFromQbr(qbr) : draft}
        setDraft={setDraft}
        readOnly={closed}
      />

      <Panel id="qbr-what-changed" title="What changed since last QBR">
        <WhatChanged data={data} qbrId={qbr.id} />
      </Panel>

      <DeckPanel qbr={qbr} draft={draft} workspaceName={ws.name} />

      {confirming ? (
        <AppDialog
          title={`Close the quarter ${quarterLabel(qbr.quarter)}?`}
          role="alertdialog"
          onClose={() => setConfirming(false)}
          footer={
            <>
              <button type="button" className="btn" onClick={() => setConfirming(false)}>
                Cancel
              </button>
              <button
                type="button"
                className="btn btn-danger"
                disabled={dirty || closing}
                onClick={async () => {
                  setClosing(true);
                  const ok = await runEdit(s, async () => (await closeQbr(s.db, qbr.id, s.ctx)).changes, {
                    toast: `Closed ${quarterLabel(qbr.quarter)}: the deck’s numbers are frozen`,
                    undoable: true,
                  });
                  setClosing(false);
                  if (ok) setConfirming(false);
                }}
              >
                Close the quarter
              </button>
            </>
          }
        >
          <p>
            Closing freezes every number of this QBR’s deck in a snapshot with its SHA-256, marks the QBR closed and
            carries its open actions over to the next QBR. The QBR becomes read-only; Undo reverts the close.
          </p>
          {dirty ? (
            <p className="notice notice-warn">You have unsaved changes. Save or discard them before closing.</p>
          ) : null}
        </AppDialog>
      ) : null}
    </div>
  );
}

export function QbrPage() {
  const s = useServices();
  const data = useWorkspaceTables(ALL_BUT_TICKETS);
  const fq = useFocusQuarter();
  const [chosen, setChosen] = useState<string | null>(null);
  const qbrs = useMemo(
    () =>
      [...(data?.tables.qbrs ?? [])].sort((a, b) => b.quarter.localeCompare(a.quarter) || b.date.localeCompare(a.date)),
    [data],
  );
  const header = (
    <PageHeader
      title="QBR"
      subtitle="Quarterly business reviews with the partner: prepare, present, close and freeze the numbers"
    />
  );
  if (!data) return header;
  const focusQbr = fq ? qbrs.find((q) => q.quarter === fq.quarter) : undefined;
  const current: Qbr | undefined = qbrs.find((q) => q.id === chosen) ?? focusQbr ?? qbrs[0];
  const ws = data.workspace;
  const snapshotOf = new Map(
    [...data.tables.qbrSnapshots].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((x) => [x.qbrId, x]),
  );

  const create = async () => {
    if (!fq) return;
    let id: string | null = null;
    const ok = await runEdit(s, async () => {
      const r = await createQbrForQuarter(s.db, ws.id, fq.quarter, s.ctx);
      id = r.qbr.id;
      return r.changes;
    });
    if (ok && id) setChosen(id);
  };

  return (
    <>
      {header}
      <div className="grid-qbr">
        <Panel id="qbr-list" title="Reviews" meta={`${qbrs.length}`}>
          {fq && !focusQbr ? (
            <div className="qbr-create">
              <p>{quarterLabel(fq.quarter)} (the quarter in focus) has no QBR yet.</p>
              <button type="button" className="btn btn-primary" onClick={() => void create()}>
                Prepare the QBR for {quarterLabel(fq.quarter)}
              </button>
            </div>
          ) : null}
          {qbrs.length === 0 ? (
            <EmptyState title="No QBRs yet">
              Prepare one for the quarter in focus; closing it later freezes every number the deck used.
            </EmptyState>
          ) : (
            <ul className="qbr-list">
              {qbrs.map((q) => (
                <li key={q.id}>
                  <button
                    type="button"
                    className={`qbr-item ${q.id === current?.id ? 'is-current' : ''}`}
                    aria-pressed={q.id === current?.id}
                    onClick={() => setChosen(q.id)}
                  >
                    <span className="qbr-item-q">{quarterLabel(q.quarter)}</span>
                    <span className="qbr-item-title">{q.title}</span>
                    <span className="qbr-item-meta">
                      {formatDate(q.date, ws.locale)} ·{' '}
                      <Pill tone={q.status === 'closed' ? 'neutral' : 'accent'}>
                        {q.status === 'closed' ? 'Closed' : 'Draft'}
                      </Pill>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </Panel>

        {current ? (
          <QbrDetail
            key={`${current.id}:${current.status}`}
            qbr={current}
            data={data}
            snapshotHash={snapshotOf.get(current.id)?.sha256 ?? null}
          />
        ) : null}
      </div>
    </>
  );
}
