/**
 * New / edit roadmap item: an accessible dialog form. Errors show next to each field (and the
 * first invalid field takes focus); money is typed in major units and stored in cents.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { BUCKETS, DOMAINS, HEALTHS, ROADMAP_STATUSES } from '../../../../shared/domain/roadmap/schema';
import { runEdit } from '../../app/actions';
import { useCurrentWorkspace } from '../../app/data-hooks';
import { useServices } from '../../app/services';
import { AppDialog } from '../../components/dialog';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/field';
import { BUCKET_LABELS, DOMAIN_LABELS, STATUS_LABELS, humanize } from '../../components/labels';
import {
  createRoadmapItem,
  draftFromItem,
  updateRoadmapItem,
  validateRoadmapDraft,
  type DraftErrors,
  type RoadmapDraft,
} from '../../db/repos/roadmap';
import { ValidationError } from '../../db/repos/workspaces';
import type { PartyRecord, RoadmapItemRecord, WorkspaceRecord } from '../../db/records';
import { moneyToInput } from '../../lib/money-input';

function blankDraft(today: string, owner: string): RoadmapDraft {
  const month = today.slice(0, 7);
  return {
    title: '',
    description: '',
    domain: 'infrastructure',
    bucket: 'run',
    status: 'proposed',
    health: 'green',
    priority: 3,
    startMonth: month,
    endMonth: month,
    progressPct: 0,
    ownerPartyId: owner,
    capex: '',
    opexMonthly: '',
    needsDecision: false,
    decisionText: '',
    recommendedOption: '',
    opexStartMonth: '',
    opexEndMonth: '',
  };
}

function Form({
  ws,
  parties,
  item,
  onClose,
}: {
  ws: WorkspaceRecord;
  parties: PartyRecord[];
  item: RoadmapItemRecord | null;
  onClose: () => void;
}) {
  const s = useServices();
  const [draft, setDraft] = useState<RoadmapDraft>(() =>
    item
      ? draftFromItem(item, (m) => moneyToInput(m, ws.currency, ws.locale))
      : blankDraft(s.ctx.now(), parties.find((p) => p.kind === 'internal')?.id ?? parties[0]?.id ?? ''),
  );
  const [errors, setErrors] = useState<DraftErrors & { form?: string }>({});
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const set = (patch: Partial<RoadmapDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submitted = useRef(0);

  useEffect(() => {
    // After a failed submit, put focus on the first field that needs fixing.
    if (submitted.current === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    submitted.current += 1;
    const errs = validateRoadmapDraft(
      draft,
      ws,
      parties.map((p) => p.id),
    );
    if (Object.keys(errs).length) {
      setErrors(errs);
      return;
    }
    setBusy(true);
    let failure: ValidationError | null = null;
    const ok = await runEdit(
      s,
      async () => {
        try {
          return item
            ? await updateRoadmapItem(s.db, item.id, draft, s.ctx)
            : (await createRoadmapItem(s.db, ws.id, draft, s.ctx)).changes;
        } catch (err) {
          if (err instanceof ValidationError) failure = err;
          throw err;
        }
      },
      {
        toast: item ? `Saved “${draft.title.trim()}”` : `Created roadmap item “${draft.title.trim()}”`,
        undoable: true,
      },
    );
    setBusy(false);
    if (ok) {
      onClose();
      return;
    }
    const v = failure as ValidationError | null;
    if (v) {
      const next: DraftErrors & { form?: string } = {};
      for (const p of v.problems) {
        if (p.field in draft) next[p.field as keyof RoadmapDraft] = p.reason;
        else next.form = `${p.field}: ${p.reason}`;
      }
      setErrors(next);
    }
  };

  const partyOptions = parties.map((p) => ({ value: p.id, label: p.name }));
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={item ? 'Edit roadmap item' : 'New roadmap item'}>
      <div className="form-grid form-grid-3">
        <TextField
          className="span-3"
          label="Title"
          value={draft.title}
          onChange={(title) => set({ title })}
          error={errors.title}
          required
          autoFocus
          maxLength={500}
        />
        <TextAreaField
          className="span-3"
          label="Description"
          value={draft.description}
          onChange={(description) => set({ description })}
          error={errors.description}
          rows={2}
        />
        <SelectField
          label="Domain"
          value={draft.domain}
          onChange={(domain) => set({ domain })}
          options={DOMAINS.map((d) => ({ value: d, label: DOMAIN_LABELS[d] }))}
          error={errors.domain}
        />
        <SelectField
          label="Bucket"
          value={draft.bucket}
          onChange={(bucket) => set({ bucket })}
          options={BUCKETS.map((b) => ({ value: b, label: BUCKET_LABELS[b] }))}
          error={errors.bucket}
        />
        <SelectField
          label="Owner"
          value={draft.ownerPartyId}
          onChange={(ownerPartyId) => set({ ownerPartyId })}
          options={partyOptions}
          error={errors.ownerPartyId}
        />
        <SelectField
          label="Status"
          value={draft.status}
          onChange={(status) => set({ status })}
          options={ROADMAP_STATUSES.map((st) => ({ value: st, label: STATUS_LABELS[st] }))}
          error={errors.status}
        />
        <SelectField
          label="Health"
          value={draft.health}
          onChange={(health) => set({ health })}
          options={HEALTHS.map((h) => ({ value: h, label: humanize(h) }))}
          error={errors.health}
        />
        <SelectField
          label="Priority"
          value={String(draft.priority)}
          onChange={(p) => set({ priority: Number(p) })}
          options={[1, 2, 3, 4, 5].map((p) => ({
            value: String(p),
            label: p === 1 ? '1 (highest)' : p === 5 ? '5 (lowest)' : String(p),
          }))}
          error={errors.priority}
        />
        <TextField
          label="Start month"
          type="month"
          value={draft.startMonth}
          onChange={(startMonth) => set({ startMonth })}
          error={errors.startMonth}
          required
          placeholder="YYYY-MM"
        />
        <TextField
          label="End month"
          type="month"
          value={draft.endMonth}
          onChange={(endMonth) => set({ endMonth })}
          error={errors.endMonth}
          required
          placeholder="YYYY-MM"
        />
        <TextField
          label="Progress (%)"
          type="number"
          inputMode="numeric"
          value={String(draft.progressPct)}
          onChange={(v) => set({ progressPct: v === '' ? 0 : Number(v) })}
          error={errors.progressPct}
        />
        <TextField
          label={`One-time capex (${ws.currency})`}
          inputMode="decimal"
          value={draft.capex}
          onChange={(capex) => set({ capex })}
          error={errors.capex}
          placeholder="0"
          hint="Lands in the start month."
        />
        <TextField
          label={`Recurring opex per month (${ws.currency})`}
          inputMode="decimal"
          value={draft.opexMonthly}
          onChange={(opexMonthly) => set({ opexMonthly })}
          error={errors.opexMonthly}
          placeholder="0"
          hint="Every month the recurring cost runs."
        />
        <TextField
          label="Recurring cost from"
          type="month"
          value={draft.opexStartMonth ?? ''}
          onChange={(opexStartMonth) => set({ opexStartMonth })}
          error={errors.opexStartMonth}
          placeholder="YYYY-MM"
          hint="Empty = the start month."
        />
        <TextField
          label="Recurring cost until"
          type="month"
          value={draft.opexEndMonth ?? ''}
          onChange={(opexEndMonth) => set({ opexEndMonth })}
          error={errors.opexEndMonth}
          placeholder="YYYY-MM"
          hint="Empty = the end month."
        />
        <div className="span-3">
          <CheckboxField
            label="Needs a decision at the next QBR"
            checked={draft.needsDecision}
            onChange={(needsDecision) => set({ needsDecision })}
          />
        </div>
        {draft.needsDecision ? (
          <>
            <TextAreaField
              className="span-3"
              label="What needs deciding"
              value={draft.decisionText}
              onChange={(decisionText) => set({ decisionText })}
              error={errors.decisionText}
              rows={2}
            />
            <TextField
              className="span-3"
              label="Recommended option"
              value={draft.recommendedOption}
              onChange={(recommendedOption) => set({ recommendedOption })}
              error={errors.recommendedOption}
            />
          </>
        ) : null}
      </div>
      {errors.form ? (
        <p className="notice notice-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      {Object.keys(errors).length ? (
        <p className="visually-hidden" role="alert">
          {`${Object.keys(errors).length} field${Object.keys(errors).length === 1 ? '' : 's'} need attention.`}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {item ? 'Save changes' : 'Create item'}
        </button>
      </div>
    </form>
  );
}

/** The dialog; `itemId` null = a new item. */
export function RoadmapItemDialog({ itemId, onClose }: { itemId: string | null; onClose: () => void }) {
  const { db } = useServices();
  const ws = useCurrentWorkspace();
  // The result carries its workspace id: useLiveQuery keeps the previous result while a new query
  // runs, and the form must not start from another (or no) workspace's parties.
  const loaded = useLiveQuery(
    async () =>
      ws ? { wsId: ws.id, parties: await db.rows('parties').where('workspaceId').equals(ws.id).toArray() } : null,
    [db, ws?.id],
  );
  const parties = loaded && ws && loaded.wsId === ws.id ? loaded.parties : undefined;
  const item = useLiveQuery(
    async () => (itemId ? ((await db.rows('roadmapItems').get(itemId)) ?? null) : null),
    [db, itemId],
  );
  const loading = !ws || !parties || item === undefined || (itemId !== null && item?.id !== itemId);
  return (
    <AppDialog title={itemId ? 'Edit roadmap item' : 'New roadmap item'} onClose={onClose} size="lg">
      {loading ? <p role="status">Loading…</p> : <Form ws={ws} parties={parties} item={item} onClose={onClose} />}
    </AppDialog>
  );
}
