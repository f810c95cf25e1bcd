/**
 * The QBR editor: meeting details, attendees, agenda with timings, summary, wins and pains,
 * decisions requested, deck sections (toggles, order, presets) and theme. Edits collect in a
 * draft; "Save changes" writes them as one undoable change set. A closed QBR shows the same form
 * disabled, with the reason.
 */
import { useState, type ReactNode } from 'react';
import type { Qbr } from '../../../../shared/domain/qbr/schema';
import type { WorkspaceData } from '../../../../shared/domain/tables';
import { SECTION_TITLES, type DeckPreset } from '../../../../shared/deck/sections';
import { runEdit } from '../../app/actions';
import { useServices } from '../../app/services';
import { Panel } from '../../components/panel';
import { decisionFromRoadmapItem, updateDecisionText, updateQbr, type QbrEdit } from '../../db/repos/qbr';
import { useUi } from '../../state/store';
import {
  agendaTimings,
  applyPreset,
  formatMinutes,
  imageAssetFromBytes,
  MAX_LOGO_BYTES,
  moveAt,
  removeAt,
} from './qbr-editor-state';

type Props = {
  qbr: Qbr;
  data: WorkspaceData;
  draft: QbrEdit;
  setDraft: (next: QbrEdit) => void;
  readOnly: boolean;
};

function MoveButtons({
  label,
  index,
  count,
  onMove,
  onRemove,
}: {
  label: string;
  index: number;
  count: number;
  onMove: (delta: -1 | 1) => void;
  onRemove?: () => void;
}) {
  return (
    <span className="qbr-row-actions">
      <button
        type="button"
        className="btn btn-sm btn-ghost btn-icon"
        aria-label={`Move ${label} up`}
        title="Move up"
        disabled={index === 0}
        onClick={() => onMove(-1)}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        className="btn btn-sm btn-ghost btn-icon"
        aria-label={`Move ${label} down`}
        title="Move down"
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      >
        <span aria-hidden="true">↓</span>
      </button>
      {onRemove ? (
        <button
          type="button"
          className="btn btn-sm btn-ghost btn-icon"
          aria-label={`Remove ${label}`}
          title="Remove"
          onClick={onRemove}
        >
          <span aria-hidden="true">✕</span>
        </button>
      ) : null}
    </span>
  );
}

function TextList({
  id,
  noun,
  items,
  onChange,
}: {
  id: string;
  noun: string;
  items: string[];
  onChange: (next: string[]) => void;
}) {
  return (
    <div className="qbr-list-edit">
      {items.length === 0 ? <p className="muted">None yet.</p> : null}
      <ol className="qbr-rows">
        {items.map((text, i) => (
          <li key={i} className="qbr-row">
            <label className="visually-hidden" htmlFor={`${id}-${i}`}>
              {`${noun} ${i + 1}`}
            </label>
            <textarea
              id={`${id}-${i}`}
              rows={2}
              value={text}
              maxLength={2000}
              onChange={(e) => onChange(items.map((x, j) => (j === i ? e.target.value : x)))}
            />
            <MoveButtons
              label={`${noun.toLowerCase()} ${i + 1}`}
              index={i}
              count={items.length}
              onMove={(d) => onChange(moveAt(items, i, d))}
              onRemove={() => onChange(removeAt(items, i))}
            />
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-sm" onClick={() => onChange([...items, ''])}>
        Add {noun.toLowerCase()}
      </button>
    </div>
  );
}

function Field({ id, label, children, hint }: { id: string; label: string; children: ReactNode; hint?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? <p className="field-hint">{hint}</p> : null}
    </div>
  );
}

export function QbrEditor({ qbr, data, draft, setDraft, readOnly }: Props) {
  const s = useServices();
  const set = <K extends keyof QbrEdit>(key: K, value: QbrEdit[K]) => setDraft({ ...draft, [key]: value });
  const parties = data.tables.parties;
  const timings = agendaTimings(draft.agenda);
  const decisions = new Map(data.tables.decisions.map((d) => [d.id, d]));
  const requestable = data.tables.decisions.filter(
    (d) => d.status === 'requested' && !draft.decisionIds.includes(d.id),
  );
  const linked = new Set(data.tables.decisions.flatMap((d) => d.linkedItemIds));
  const flagged = data.tables.roadmapItems.filter((i) => i.needsDecision && !linked.has(i.id));
  const [pick, setPick] = useState('');
  const [editing, setEditing] = useState<{ id: string; text: string; rec: string } | null>(null);
  const p = `qbr-${qbr.id}`;

  const chooseLogo = async (key: 'orgLogo' | 'partnerLogo') => {
    const ui = useUi.getState();
    try {
      const res = await s.bridge.openFile({
        filters: [{ name: 'PNG or JPEG image', extensions: ['png', 'jpg', 'jpeg'] }],
        maxBytes: MAX_LOGO_BYTES,
        as: 'bytes',
      });
      if (res.canceled) return;
      if ('tooLarge' in res) {
        ui.toast(`${res.name} is too large for a logo (at most 1 MB). Export a smaller PNG or JPEG.`, 'error');
        return;
      }
      const out = imageAssetFromBytes(res.name, res.bytes ?? new Uint8Array());
      if (!out.ok) {
        ui.toast(out.reason, 'error');
        return;
      }
      setDraft({ ...draft, theme: { ...draft.theme, [key]: out.asset } });
    } catch (err) {
      ui.toast(`The logo was not read: ${err instanceof Error ? err.message : String(err)}`, 'error');
    }
  };

  const requestFromItem = async (itemId: string) => {
    let newId: string | null = null;
    const ok = await runEdit(s, async () => {
      const r = await decisionFromRoadmapItem(s.db, qbr.id, itemId, s.ctx);
      newId = r.decision.id;
      return r.changes;
    });
    if (ok && newId) setDraft({ ...draft, decisionIds: [...draft.decisionIds, newId] });
  };

  return (
    <fieldset
      className="qbr-fieldset"
      disabled={readOnly}
      aria-describedby={readOnly ? 'qbr-readonly-reason' : undefined}
    >
      <legend className="visually-hidden">QBR details</legend>
      <div className="stack">
        <Panel id={`${p}-meeting`} title="Meeting">
          <div className="form-grid form-grid-3">
            <Field id={`${p}-title`} label="Title">
              <input
                id={`${p}-title`}
                value={draft.title}
                maxLength={500}
                onChange={(e) => set('title', e.target.value)}
              />
            </Field>
            <Field id={`${p}-date`} label="Meeting date">
              <input id={`${p}-date`} type="date" value={draft.date} onChange={(e) => set('date', e.target.value)} />
            </Field>
            <Field id={`${p}-next`} label="Next QBR date">
              <input
                id={`${p}-next`}
                type="date"
                value={draft.nextQbrDate ?? ''}
                onChange={(e) => set('nextQbrDate', e.target.value || null)}
              />
            </Field>
          </div>
          <Field id={`${p}-summary`} label="Executive summary">
            <textarea
              id={`${p}-summary`}
              rows={4}
              value={draft.executiveSummary}
              onChange={(e) => set('executiveSummary', e.target.value)}
            />
          </Field>
          <div className="grid-2 tight">
            <div>
              <h3 className="subhead">Wins</h3>
              <TextList id={`${p}-wins`} noun="Win" items={draft.wins} onChange={(v) => set('wins', v)} />
            </div>
            <div>
              <h3 className="subhead">Pains</h3>
              <TextList id={`${p}-pains`} noun="Pain" items={draft.pains} onChange={(v) => set('pains', v)} />
            </div>
          </div>
        </Panel>

        <div className="stack">
          <Panel id={`${p}-attendees`} title="Attendees" meta={`${draft.attendees.length}`}>
            {draft.attendees.length === 0 ? <p className="muted">Add who attends from each party.</p> : null}
            <ol className="qbr-rows">
              {draft.attendees.map((a, i) => (
                <li key={i} className="qbr-row qbr-row-attendee">
                  <input
                    aria-label={`Attendee ${i + 1} name`}
                    value={a.name}
                    maxLength={500}
                    placeholder="Name"
                    onChange={(e) =>
                      set(
                        'attendees',
                        draft.attendees.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)),
                      )
                    }
                  />
                  <input
                    aria-label={`Attendee ${i + 1} role`}
                    value={a.role}
                    maxLength={500}
                    placeholder="Role"
                    onChange={(e) =>
                      set(
                        'attendees',
                        draft.attendees.map((x, j) => (j === i ? { ...x, role: e.target.value } : x)),
                      )
                    }
                  />
                  <select
                    aria-label={`Attendee ${i + 1} party`}
                    value={a.partyId ?? ''}
                    onChange={(e) =>
                      set(
                        'attendees',
                        draft.attendees.map((x, j) => (j === i ? { ...x, partyId: e.target.value || null } : x)),
                      )
                    }
                  >
                    <option value="">Business</option>
                    {parties.map((pt) => (
                      <option key={pt.id} value={pt.id}>
                        {pt.name}
                      </option>
                    ))}
                  </select>
                  <MoveButtons
                    label={`attendee ${a.name || i + 1}`}
                    index={i}
                    count={draft.attendees.length}
                    onMove={(d) => set('attendees', moveAt(draft.attendees, i, d))}
                    onRemove={() => set('attendees', removeAt(draft.attendees, i))}
                  />
                </li>
              ))}
            </ol>
            <button
              type="button"
              className="btn btn-sm"
              onClick={() =>
                set('attendees', [...draft.attendees, { name: '', role: '', partyId: parties[0]?.id ?? null }])
              }
            >
              Add attendee
            </button>
          </Panel>

          <Panel id={`${p}-agenda`} title="Agenda" meta={`Total ${formatMinutes(timings.total)}`}>
            {draft.agenda.length === 0 ? <p className="muted">Add the agenda items with their minutes.</p> : null}
            <ol className="qbr-rows">
              {draft.agenda.map((a, i) => (
                <li key={i} className="qbr-row qbr-row-agenda">
                  <span className="qbr-start mono" aria-label={`starts at minute ${timings.starts[i] ?? 0}`}>
                    +{timings.starts[i] ?? 0}′
                  </span>
                  <input
                    aria-label={`Agenda item ${i + 1} title`}
                    value={a.title}
                    maxLength={500}
                    onChange={(e) =>
                      set(
                        'agenda',
                        draft.agenda.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)),
                      )
                    }
                  />
                  <input
                    aria-label={`Agenda item ${i + 1} minutes`}
                    className="qbr-minutes"
                    type="number"
                    min={0}
                    max={600}
                    value={a.minutes}
                    onChange={(e) =>
                      set(
                        'agenda',
                        draft.agenda.map((x, j) =>
                          j === i
                            ? { ...x, minutes: Math.max(0, Math.min(600, Math.round(Number(e.target.value) || 0))) }
                            : x,
                        ),
                      )
                    }
                  />
                  <MoveButtons
                    label={`agenda item ${a.title || i + 1}`}
                    index={i}
                    count={draft.agenda.length}
                    onMove={(d) => set('agenda', moveAt(draft.agenda, i, d))}
                    onRemove={() => set('agenda', removeAt(draft.agenda, i))}
                  />
                </li>
              ))}
            </ol>
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => set('agenda', [...draft.agenda, { title: '', minutes: 10 }])}
            >
              Add agenda item
            </button>
          </Panel>
        </div>

        <Panel id={`${p}-decisions`} title="Decisions requested" meta={`${draft.decisionIds.length}`}>
          {draft.decisionIds.length === 0 ? (
            <p className="muted">
              None chosen: the deck lists every requested decision and every roadmap item flagged “needs decision”.
            </p>
          ) : null}
          <ol className="qbr-rows">
            {draft.decisionIds.map((id, i) => {
              const d = decisions.get(id);
              const isEditing = editing?.id === id;
              return (
                <li key={id} className="qbr-row qbr-row-decision">
                  {isEditing && editing ? (
                    <span className="qbr-decision-edit">
                      <input
                        aria-label="Decision wording"
                        value={editing.text}
                        onChange={(e) => setEditing({ ...editing, text: e.target.value })}
                      />
                      <input
                        aria-label="Recommended option"
                        value={editing.rec}
                        onChange={(e) => setEditing({ ...editing, rec: e.target.value })}
                      />
                      <button
                        type="button"
                        className="btn btn-sm btn-primary"
                        onClick={async () => {
                          const ok = await runEdit(s, () =>
                            updateDecisionText(s.db, id, { text: editing.text, recommendedOption: editing.rec }),
                          );
                          if (ok) setEditing(null);
                        }}
                      >
                        Save wording
                      </button>
                      <button type="button" className="btn btn-sm btn-ghost" onClick={() => setEditing(null)}>
                        Cancel
                      </button>
                    </span>
                  ) : (
                    <span className="qbr-decision-text">
                      {d ? d.text : 'A decision that no longer exists'}
                      {d?.recommendedOption ? (
                        <span className="muted"> — recommended: {d.recommendedOption}</span>
                      ) : null}
                    </span>
                  )}
                  {!isEditing && d ? (
                    <button
                      type="button"
                      className="btn btn-sm btn-ghost"
                      aria-label={`Edit the wording of decision ${i + 1}`}
                      onClick={() => setEditing({ id, text: d.text, rec: d.recommendedOption })}
                    >
                      Edit
                    </button>
                  ) : null}
                  <MoveButtons
                    label={`decision ${i + 1}`}
                    index={i}
                    count={draft.decisionIds.length}
                    onMove={(dl) => set('decisionIds', moveAt(draft.decisionIds, i, dl))}
                    onRemove={() => set('decisionIds', removeAt(draft.decisionIds, i))}
                  />
                </li>
              );
            })}
          </ol>
          <div className="qbr-inline-form">
            <label htmlFor={`${p}-add-decision`}>Add a requested decision</label>
            <select id={`${p}-add-decision`} value={pick} onChange={(e) => setPick(e.target.value)}>
              <option value="">{requestable.length ? 'Choose…' : 'No other requested decisions'}</option>
              {requestable.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.text.length > 90 ? `${d.text.slice(0, 89)}…` : d.text}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="btn btn-sm"
              disabled={!pick}
              onClick={() => {
                set('decisionIds', [...draft.decisionIds, pick]);
                setPick('');
              }}
            >
              Add
            </button>
          </div>
          {flagged.length ? (
            <>
              <h3 className="subhead">Roadmap items flagged “needs decision”</h3>
              <ul className="plain-list">
                {flagged.map((item) => (
                  <li key={item.id} className="qbr-flagged">
                    <span>
                      <strong>{item.title}</strong>
                      {item.decisionText ? <span className="muted"> — {item.decisionText}</span> : null}
                    </span>
                    <button type="button" className="btn btn-sm" onClick={() => void requestFromItem(item.id)}>
                      Request decision
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Panel>

        <div className="grid-2">
          <Panel id={`${p}-sections`} title="Deck sections">
            <div className="field field-inline">
              <label htmlFor={`${p}-preset`}>Preset</label>
              <select
                id={`${p}-preset`}
                value={draft.preset}
                onChange={(e) => setDraft(applyPreset(draft, e.target.value as DeckPreset))}
              >
                <option value="executive">Executive (≤ 8 pages)</option>
                <option value="full">Full (12–20 pages)</option>
              </select>
            </div>
            <p className="field-hint">
              A preset sets the toggles; cover, agenda and decisions always open the deck. Executive prints only its
              one-page sections.
            </p>
            <ol className="qbr-rows">
              {draft.sections.map((sec, i) => (
                <li key={sec.key} className="qbr-row qbr-row-section">
                  <input
                    id={`${p}-sec-${sec.key}`}
                    type="checkbox"
                    checked={sec.enabled}
                    onChange={(e) =>
                      set(
                        'sections',
                        draft.sections.map((x, j) => (j === i ? { ...x, enabled: e.target.checked } : x)),
                      )
                    }
                  />
                  <label htmlFor={`${p}-sec-${sec.key}`}>{SECTION_TITLES[sec.key]}</label>
                  <MoveButtons
                    label={SECTION_TITLES[sec.key]}
                    index={i}
                    count={draft.sections.length}
                    onMove={(d) => set('sections', moveAt(draft.sections, i, d))}
                  />
                </li>
              ))}
            </ol>
          </Panel>

          <Panel id={`${p}-theme`} title="Theme">
            <div className="field field-inline">
              <label htmlFor={`${p}-accent`}>Accent colour</label>
              <input
                id={`${p}-accent`}
                type="color"
                value={draft.theme.accentColor}
                onChange={(e) => set('theme', { ...draft.theme, accentColor: e.target.value })}
              />
              <span className="mono">{draft.theme.accentColor}</span>
            </div>
            {(['orgLogo', 'partnerLogo'] as const).map((key) => {
              const name = key === 'orgLogo' ? 'Organisation logo' : 'Partner logo';
              const logo = draft.theme[key];
              return (
                <div key={key} className="qbr-logo">
                  <span className="qbr-logo-name">{name}</span>
                  <span className="qbr-logo-box">
                    {logo ? <img src={logo.dataUrl} alt={name} /> : <span className="muted">None</span>}
                  </span>
                  <button type="button" className="btn btn-sm" onClick={() => void chooseLogo(key)}>
                    {logo ? `Replace ${name.toLowerCase()}…` : `Choose ${name.toLowerCase()}…`}
                  </button>
                  {logo ? (
                    <button
                      type="button"
                      className="btn btn-sm btn-ghost"
                      onClick={() => set('theme', { ...draft.theme, [key]: null })}
                    >
                      Remove
                    </button>
                  ) : null}
                </div>
              );
            })}
            <p className="field-hint">
              PNG or JPEG, at most 1 MB. Without an organisation logo the workspace logo is used.
            </p>
          </Panel>
        </div>
      </div>
    </fieldset>
  );
}

/** Save the draft as one undoable edit; returns whether it was written. */
export async function saveDraft(s: ReturnType<typeof useServices>, qbrId: string, draft: QbrEdit): Promise<boolean> {
  return runEdit(s, () => updateQbr(s.db, qbrId, draft));
}
