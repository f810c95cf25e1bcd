/**
 * Add / edit / delete a budget line: an accessible dialog form (focus trapped, Escape closes,
 * focus returns). Errors show next to each field and the first invalid field takes focus; every
 * write goes to the undo history. Amounts are edited in the grid; a new line may start with one
 * monthly plan amount for all twelve months.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { BUDGET_CATEGORIES } from '../../../../shared/domain/budget/schema';
import { runEdit } from '../../app/actions';
import { useServices } from '../../app/services';
import { AppDialog } from '../../components/dialog';
import { CheckboxField, SelectField, TextField } from '../../components/field';
import { CATEGORY_LABELS } from '../../components/labels';
import type { BudgetLineRecord, RoadmapItemRecord, WorkspaceRecord } from '../../db/records';
import {
  createBudgetLine,
  deleteBudgetLine,
  updateBudgetLine,
  validateBudgetLineDraft,
  type BudgetDraftErrors,
  type BudgetLineDraft,
} from '../../db/repos/budget';
import { ValidationError } from '../../db/repos/workspaces';

function draftOf(line: BudgetLineRecord | null): BudgetLineDraft {
  return line
    ? {
        name: line.name,
        category: line.category,
        kind: line.kind,
        vendor: line.vendor,
        roadmapItemId: line.roadmapItemId ?? '',
        recurring: line.recurring,
        renewalDate: line.renewalDate ?? '',
        escalatorPct: line.escalatorPct === 0 ? '' : String(line.escalatorPct),
        monthlyPlan: '',
      }
    : {
        name: '',
        category: 'software-licences',
        kind: 'opex',
        vendor: '',
        roadmapItemId: '',
        recurring: false,
        renewalDate: '',
        escalatorPct: '',
        monthlyPlan: '',
      };
}

/** The dialog; `line` null = a new line in `fiscalYear`. */
export function BudgetLineDialog({
  ws,
  fiscalYear,
  line,
  yearLines,
  items,
  onClose,
}: {
  ws: WorkspaceRecord;
  fiscalYear: number;
  line: BudgetLineRecord | null;
  /** The year's lines (names must differ). */
  yearLines: readonly BudgetLineRecord[];
  items: readonly RoadmapItemRecord[];
  onClose: () => void;
}) {
  const s = useServices();
  const [draft, setDraft] = useState<BudgetLineDraft>(() => draftOf(line));
  const [errors, setErrors] = useState<BudgetDraftErrors & { form?: string }>({});
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const submitted = useRef(0);
  const set = (patch: Partial<BudgetLineDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const readOnly = s.readOnlyReason !== null;

  useEffect(() => {
    if (submitted.current === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    submitted.current += 1;
    const errs = validateBudgetLineDraft(draft, ws, {
      itemIds: items.map((i) => i.id),
      otherNames: yearLines.filter((l) => l.id !== line?.id).map((l) => l.name),
      fiscalYear,
      isNew: line === null,
    });
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
          return line
            ? await updateBudgetLine(s.db, line.id, draft)
            : (await createBudgetLine(s.db, ws.id, fiscalYear, draft, s.ctx)).changes;
        } catch (err) {
          if (err instanceof ValidationError) failure = err;
          throw err;
        }
      },
      {
        toast: line ? `Saved “${draft.name.trim()}”` : `Added “${draft.name.trim()}” to FY${fiscalYear}`,
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
      const next: BudgetDraftErrors & { form?: string } = {};
      for (const p of v.problems) {
        if (p.field in draft) next[p.field as keyof BudgetLineDraft] = p.reason;
        else next.form = `${p.field}: ${p.reason}`;
      }
      setErrors(next);
    }
  };

  const remove = async () => {
    if (!line) return;
    setBusy(true);
    const ok = await runEdit(s, () => deleteBudgetLine(s.db, line.id), {
      toast: `Deleted “${line.name}”`,
      undoable: true,
    });
    setBusy(false);
    if (ok) onClose();
  };

  const itemOptions = [
    { value: '', label: 'None' },
    ...[...items]
      .sort((a, b) => a.title.localeCompare(b.title))
      .map((i) => ({ value: i.id, label: i.title.length > 70 ? `${i.title.slice(0, 69)}…` : i.title })),
  ];
  const title = line ? 'Edit budget line' : `New budget line, FY${fiscalYear}`;
  const errorCount = Object.keys(errors).length;

  return (
    <AppDialog title={title} onClose={onClose} size="lg">
      {confirmDelete && line ? (
        <div role="group" aria-label="Confirm deletion">
          <p className="dialog-text">
            Delete “{line.name}” with its twelve plan amounts, its actuals and its variance notes? You can undo it.
          </p>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setConfirmDelete(false)} autoFocus>
              Keep the line
            </button>
            <button type="button" className="btn btn-danger" onClick={() => void remove()} disabled={busy}>
              Delete line
            </button>
          </div>
        </div>
      ) : (
        <form ref={formRef} onSubmit={submit} noValidate aria-label={title}>
          <div className="form-grid form-grid-3">
            <TextField
              className="span-3"
              label="Name"
              value={draft.name}
              onChange={(name) => set({ name })}
              error={errors.name}
              required
              autoFocus
              maxLength={500}
              hint="Actuals imports find the line by this name."
            />
            <SelectField
              label="Category"
              value={draft.category}
              onChange={(category) => set({ category })}
              options={BUDGET_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
              error={errors.category}
            />
            <SelectField
              label="Capex or opex"
              value={draft.kind}
              onChange={(kind) => set({ kind })}
              options={[
                { value: 'opex', label: 'Opex (operating)' },
                { value: 'capex', label: 'Capex (capital)' },
              ]}
              error={errors.kind}
            />
            <TextField
              label="Vendor"
              value={draft.vendor}
              onChange={(vendor) => set({ vendor })}
              error={errors.vendor}
              maxLength={500}
            />
            <SelectField
              className="span-2"
              label="Roadmap item"
              value={draft.roadmapItemId}
              onChange={(roadmapItemId) => set({ roadmapItemId })}
              options={itemOptions}
              error={errors.roadmapItemId}
              hint="A linked line moves with the item in the forecast."
            />
            <TextField
              label="Price escalator (% a year)"
              inputMode="decimal"
              value={draft.escalatorPct}
              onChange={(escalatorPct) => set({ escalatorPct })}
              error={errors.escalatorPct}
              placeholder="0"
              hint="Used for later years in the multi-year view."
            />
            <div className="span-2">
              <CheckboxField
                label="Recurring cost (a contract or subscription that renews)"
                checked={draft.recurring}
                onChange={(recurring) => set({ recurring })}
              />
            </div>
            {draft.recurring ? (
              <TextField
                label="Renewal date"
                type="date"
                value={draft.renewalDate}
                onChange={(renewalDate) => set({ renewalDate })}
                error={errors.renewalDate}
                placeholder="YYYY-MM-DD"
              />
            ) : (
              <div />
            )}
            {line === null ? (
              <TextField
                label={`Plan per month (${ws.currency})`}
                inputMode="decimal"
                value={draft.monthlyPlan}
                onChange={(monthlyPlan) => set({ monthlyPlan })}
                error={errors.monthlyPlan}
                placeholder="0"
                hint="Fills all twelve months; change single months in the grid."
              />
            ) : null}
          </div>
          {errors.form ? (
            <p className="notice notice-error" role="alert">
              {errors.form}
            </p>
          ) : null}
          {errorCount ? (
            <p className="visually-hidden" role="alert">
              {`${errorCount} field${errorCount === 1 ? '' : 's'} need attention.`}
            </p>
          ) : null}
          <div className="dialog-actions budget-dialog-actions">
            {line ? (
              <button
                type="button"
                className="btn btn-danger-text"
                onClick={() => setConfirmDelete(true)}
                disabled={readOnly}
              >
                Delete line…
              </button>
            ) : null}
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={busy || readOnly}>
              {line ? 'Save changes' : 'Add line'}
            </button>
          </div>
        </form>
      )}
    </AppDialog>
  );
}
