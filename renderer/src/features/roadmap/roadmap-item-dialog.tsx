/**
 * New / edit roadmap item: an accessible dialog form. Errors show next to each field (and the
 * first invalid field takes focus); money is typed in major units and stored in cents.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { BUCKETS, DOMAINS, HEALTHS, ROADMAP_STATUSES } from '../../../../shared/domain/roadmap/schema';
import { useCurrentWorkspace } from '../../app/data-hooks';
import { useServices } from '../../app/services';
import { AppDialog } from '../../components/dialog';
import { CheckboxField, SelectField, TextAreaField, MoneyField, TextField } from '../../components/field';
import { DialogForm, useFormDialog } from '../../components/form-dialog';
import { BUCKET_LABELS, DOMAIN_LABELS, STATUS_LABELS, humanize } from '../../components/labels';
import {
  createRoadmapItem,
  draftFromItem,
  updateRoadmapItem,
  validateRoadmapDraft,
  type RoadmapDraft,
} from '../../db/repos/roadmap';
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
  const form = useFormDialog<RoadmapDraft>({
    initial: () =>
      item
        ? draftFromItem(item, (m) => moneyToInput(m, ws.currency, ws.locale))
        : blankDraft(s.ctx.now(), parties.find((p) => p.kind === 'internal')?.id ?? parties[0]?.id ?? ''),
    validate: (draft) =>
      validateRoadmapDraft(
        draft,
        ws,
        parties.map((p) => p.id),
      ),
    save: async (draft) =>
      item
        ? await updateRoadmapItem(s.db, item.id, draft, s.ctx)
        : (await createRoadmapItem(s.db, ws.id, draft, s.ctx)).changes,
    toast: (draft) => (item ? `Saved “${draft.title.trim()}”` : `Created roadmap item “${draft.title.trim()}”`),
    onSaved: onClose,
    // A failure that names no field keeps the form as it was (the toast says what happened).
    explainOtherFailures: false,
  });
  const { draft, set, bind, errors } = form;

  const partyOptions = parties.map((p) => ({ value: p.id, label: p.name }));
  return (
    <DialogForm
      form={form}
      label={item ? 'Edit roadmap item' : 'New roadmap item'}
      known={Object.keys(draft)}
      saveLabel={item ? 'Save changes' : 'Create item'}
      onCancel={onClose}
    >
      <div className="form-grid form-grid-3">
        <TextField className="span-3" label="Title" {...bind('title')} required autoFocus maxLength={500} />
        <TextAreaField className="span-3" label="Description" {...bind('description')} rows={2} />
        <SelectField
          label="Domain"
          {...bind('domain')}
          options={DOMAINS.map((d) => ({ value: d, label: DOMAIN_LABELS[d] }))}
        />
        <SelectField
          label="Bucket"
          {...bind('bucket')}
          options={BUCKETS.map((b) => ({ value: b, label: BUCKET_LABELS[b] }))}
        />
        <SelectField label="Owner" {...bind('ownerPartyId')} options={partyOptions} />
        <SelectField
          label="Status"
          {...bind('status')}
          options={ROADMAP_STATUSES.map((st) => ({ value: st, label: STATUS_LABELS[st] }))}
        />
        <SelectField
          label="Health"
          {...bind('health')}
          options={HEALTHS.map((h) => ({ value: h, label: humanize(h) }))}
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
        <TextField label="Start month" type="month" {...bind('startMonth')} required placeholder="YYYY-MM" />
        <TextField label="End month" type="month" {...bind('endMonth')} required placeholder="YYYY-MM" />
        <TextField
          label="Progress (%)"
          type="number"
          inputMode="numeric"
          value={String(draft.progressPct)}
          onChange={(v) => set({ progressPct: v === '' ? 0 : Number(v) })}
          error={errors.progressPct}
        />
        <MoneyField label="One-time capex" currency={ws.currency} {...bind('capex')} hint="Lands in the start month." />
        <MoneyField
          label="Recurring opex per month"
          currency={ws.currency}
          {...bind('opexMonthly')}
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
            <TextAreaField className="span-3" label="What needs deciding" {...bind('decisionText')} rows={2} />
            <TextField className="span-3" label="Recommended option" {...bind('recommendedOption')} />
          </>
        ) : null}
      </div>
    </DialogForm>
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
