/**
 * QBR: the reviews per quarter with their status, and the details of the one in focus (draft or
 * closed): date, attendees, agenda, summary, wins and pains, decisions requested, deck sections.
 */
import { useMemo, useState } from 'react';
import { quarterLabel } from '../../../../shared/domain/periods';
import type { Qbr } from '../../../../shared/domain/qbr/schema';
import { useWorkspaceTables } from '../../app/data-hooks';
import { useFocusQuarter } from '../../app/focus-quarter';
import { EmptyState } from '../../components/empty-state';
import { humanize } from '../../components/labels';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { Pill } from '../../components/status';
import { formatDate, formatDateTime } from '../../lib/format';
import { DeckExport } from './deck-export';

export function QbrPage() {
  const data = useWorkspaceTables(['qbrs', 'qbrSnapshots', 'decisions', 'parties']);
  const fq = useFocusQuarter();
  const [chosen, setChosen] = useState<string | null>(null);
  const qbrs = useMemo(
    () =>
      [...(data?.tables.qbrs ?? [])].sort((a, b) => b.quarter.localeCompare(a.quarter) || b.date.localeCompare(a.date)),
    [data],
  );
  const current: Qbr | undefined =
    qbrs.find((q) => q.id === chosen) ??
    qbrs.find((q) => q.quarter === fq?.quarter) ??
    qbrs.find((q) => q.status === 'draft') ??
    qbrs[0];

  const header = (
    <PageHeader
      title="QBR"
      subtitle="Quarterly business reviews with the partner: prepare, present, close and freeze the numbers"
      actions={current ? <DeckExport key={current.id} qbr={current} /> : null}
    />
  );
  if (!data) return header;
  const ws = data.workspace;
  const t = data.tables;
  const decisionText = new Map(t.decisions.map((d) => [d.id, d]));
  const partyName = new Map(t.parties.map((p) => [p.id, p.name]));
  const snapshotOf = new Map(t.qbrSnapshots.map((s) => [s.qbrId, s]));

  return (
    <>
      {header}
      <div className="grid-qbr">
        <Panel id="qbr-list" title="Reviews" meta={`${qbrs.length}`}>
          {qbrs.length === 0 ? (
            <EmptyState title="No QBRs yet">
              A QBR is prepared per quarter; closing it freezes every number the deck used.
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
          <div className="stack">
            <Panel
              id="qbr-detail"
              title={current.title}
              meta={`${quarterLabel(current.quarter)} · ${formatDate(current.date, ws.locale)} · ${humanize(current.preset)} preset`}
            >
              {current.status === 'closed' ? (
                <p className="notice">
                  Closed {formatDateTime(current.closedAt, ws.locale)}.{' '}
                  {snapshotOf.get(current.id)
                    ? `Its numbers are frozen (SHA-256 ${snapshotOf.get(current.id)?.sha256.slice(0, 12)}…).`
                    : 'No frozen snapshot is stored for it.'}
                </p>
              ) : null}
              <h3 className="subhead">Executive summary</h3>
              <p className="prose">{current.executiveSummary || <span className="muted">Not written yet.</span>}</p>
              <div className="grid-2 tight">
                <div>
                  <h3 className="subhead">Wins</h3>
                  {current.wins.length ? (
                    <ul className="bullets">
                      {current.wins.map((w, i) => (
                        <li key={i}>{w}</li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">None listed.</p>
                  )}
                </div>
                <div>
                  <h3 className="subhead">Pains</h3>
                  {current.pains.length ? (
                    <ul className="bullets">
                      {current.pains.map((w, i) => (
                        <li key={i}>{w}</li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">None listed.</p>
                  )}
                </div>
              </div>
            </Panel>
            <div className="grid-2">
              <Panel id="qbr-attendees" title="Attendees and agenda">
                {current.attendees.length ? (
                  <ul className="plain-list">
                    {current.attendees.map((a, i) => (
                      <li key={i}>
                        <strong>{a.name}</strong>
                        <span className="muted">
                          {' '}
                          — {a.role}
                          {a.partyId ? `, ${partyName.get(a.partyId) ?? ''}` : ''}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">No attendees yet.</p>
                )}
                <h3 className="subhead">Agenda</h3>
                {current.agenda.length ? (
                  <ol className="bullets">
                    {current.agenda.map((a, i) => (
                      <li key={i}>
                        {a.title} <span className="muted">({a.minutes} min)</span>
                      </li>
                    ))}
                  </ol>
                ) : (
                  <p className="muted">No agenda yet.</p>
                )}
              </Panel>
              <Panel id="qbr-decisions" title="Decisions requested">
                {current.decisionIds.length ? (
                  <ol className="bullets">
                    {current.decisionIds.map((id) => {
                      const d = decisionText.get(id);
                      return (
                        <li key={id}>
                          {d ? d.text : 'A decision that no longer exists'}
                          {d?.recommendedOption ? (
                            <span className="muted"> — recommended: {d.recommendedOption}</span>
                          ) : null}
                        </li>
                      );
                    })}
                  </ol>
                ) : (
                  <p className="muted">No decisions requested in this QBR.</p>
                )}
                <h3 className="subhead">Deck sections</h3>
                <p className="muted">
                  {current.sections
                    .filter((s) => s.enabled)
                    .map((s) => humanize(s.key))
                    .join(' · ') || 'None enabled'}
                </p>
              </Panel>
            </div>
          </div>
        ) : null}
      </div>
    </>
  );
}
