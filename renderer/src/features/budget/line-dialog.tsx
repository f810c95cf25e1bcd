/**
 * Add / edit / delete a budget line: an accessible dialog form (focus trapped, Escape closes,
 * focus returns). Errors show next to each field and the first invalid field takes focus; every
 * write goes to the undo history. Amounts are edited in the grid; a new line may start with one
 * monthly plan amount for all twelve months.
 */
import { useState } from 'react';
import { BUDGET_CATEGORIES } from '../../../../shared/domain/budget/schema';
import { runEdit } from '../../app/actions';
import { useServices } from '../../app/services';
import { AppDialog } from '../../components/dialog';
import { CheckboxField, SelectField, MoneyField, TextField } from '../../components/field';
import { DialogForm, useFormDialog } from '../../components/form-dialog';
import { CATEGORY_LABELS } from '../../components/labels';
import type { BudgetLineRecord, RoadmapItemRecord, WorkspaceRecord } from '../../db/records';
import {
  createBudgetLine,
  deleteBudgetLine,
  updateBudgetLine,
  validateBudgetLineDraft,
  type BudgetLineDraft,
} from '../../db/repos/budget';

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
  const form = useFormDialog<BudgetLineDraft>({
    initial: () => draftOf(line),
    validate: (draft) =>
      validateBudgetLineDraft(draft, ws, {
        itemIds: items.map((i) => i.id),
        otherNames: yearLines.filter((l) => l.id !== line?.id).map((l) => l.name),
        fiscalYear,
        isNew: line === null,
      }),
    save: async (draft) =>
      line
        ? await updateBudgetLine(s.db, line.id, draft)
        : (await createBudgetLine(s.db, ws.id, fiscalYear, draft, s.ctx)).changes,
    toast: (draft) => (line ? `Saved “${draft.name.trim()}”` : `Added “${draft.name.trim()}” to FY${fiscalYear}`),
    onSaved: onClose,
    // A failure that names no field keeps the form as it was (the toast says what happened).
    explainOtherFailures: false,
  });
  const { draft, set, bind, busy, setBusy } = form;
  const [confirmDelete, setConfirmDelete] = useState(false);
  const readOnly = s.readOnlyReason !== null;

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
        <DialogForm
          form={form}
          label={title}
          known={Object.keys(draft)}
          saveLabel={line ? 'Save changes' : 'Add line'}
          onCancel={onClose}
          saveDisabled={readOnly}
          actionsClassName="budget-dialog-actions"
          leadingActions={
            line ? (
              <button
                type="button"
                className="btn btn-danger-text"
                onClick={() => setConfirmDelete(true)}
                disabled={readOnly}
              >
                Delete line…
              </button>
            ) : null
          }
        >
          <div className="form-grid form-grid-3">
            <TextField
              className="span-3"
              label="Name"
              {...bind('name')}
              required
              autoFocus
              maxLength={500}
              hint="Actuals imports find the line by this name."
            />
            <SelectField
              label="Category"
              {...bind('category')}
              options={BUDGET_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
            />
            <SelectField
              label="Capex or opex"
              {...bind('kind')}
              options={[
                { value: 'opex', label: 'Opex (operating)' },
                { value: 'capex', label: 'Capex (capital)' },
              ]}
            />
            <TextField label="Vendor" {...bind('vendor')} maxLength={500} />
            <SelectField
              className="span-2"
              label="Roadmap item"
              {...bind('roadmapItemId')}
              options={itemOptions}
              hint="A linked line moves with the item in the forecast."
            />
            <TextField
              label="Price escalator (% a year)"
              inputMode="decimal"
              {...bind('escalatorPct')}
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
              <TextField label="Renewal date" type="date" {...bind('renewalDate')} placeholder="YYYY-MM-DD" />
            ) : (
              <div />
            )}
            {line === null ? (
              <MoneyField
                label="Plan per month"
                currency={ws.currency}
                {...bind('monthlyPlan')}
                hint="Fills all twelve months; change single months in the grid."
              />
            ) : null}
          </div>
        </DialogForm>
      )}
    </AppDialog>
  );
}
