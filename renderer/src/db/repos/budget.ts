/**
 * Budget repo: budget lines (create, edit, delete), single monthly amounts typed in the grid,
 * variance notes, and the atomic actuals import. Every write runs in one transaction, checks the
 * stored record against the shared schema and returns the change set that undo needs.
 */
import { applyActuals, type ActualsProblem, type ParsedActuals } from '../../../../shared/domain/budget/actuals-csv';
import { BUDGET_CATEGORIES, BudgetLine, type BudgetCategory } from '../../../../shared/domain/budget/schema';
import { DATE_RE } from '../../../../shared/domain/common';
import { fiscalYearMonths } from '../../../../shared/domain/periods';
import { parseMoneyInput } from '../../lib/money-input';
import { created, removed, updated, type ChangeSet, type RowChange } from '../changes';
import type { QuarterdeckDb } from '../database';
import type { BudgetLineRecord, WorkspaceRecord } from '../records';
import { ValidationError, type RepoContext } from './workspaces';

/** What the line dialog edits, as typed. */
export type BudgetLineDraft = {
  name: string;
  category: BudgetCategory;
  kind: 'capex' | 'opex';
  vendor: string;
  /** '' = not linked to a roadmap item. */
  roadmapItemId: string;
  recurring: boolean;
  /** `YYYY-MM-DD` or '' (recurring lines only). */
  renewalDate: string;
  /** Annual price escalator in percent, as typed ('' = 0). */
  escalatorPct: string;
  /** New lines only: a plan amount for every month, major units as typed ('' = 0). */
  monthlyPlan: string;
};

export type BudgetDraftErrors = Partial<Record<keyof BudgetLineDraft, string>>;

export type Measure = 'plan' | 'actual';
export type QuarterKey = 'Q1' | 'Q2' | 'Q3' | 'Q4';

/** Parses a percentage typed with a point or a comma; '' is 0. */
export function parsePercentInput(text: string): number | null {
  const t = text.trim().replace(/\s/g, '').replace('%', '').replace(',', '.');
  if (t === '') return 0;
  if (!/^[-+]?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** Field-by-field check of a draft; empty object = valid. `otherNames` are the year's other lines. */
export function validateBudgetLineDraft(
  draft: BudgetLineDraft,
  ws: Pick<WorkspaceRecord, 'currency' | 'locale'>,
  opts: { itemIds: readonly string[]; otherNames: readonly string[]; fiscalYear: number; isNew: boolean },
): BudgetDraftErrors {
  const e: BudgetDraftErrors = {};
  const name = draft.name.trim();
  if (!name) e.name = 'Enter a name for the line.';
  else if (name.length > 500) e.name = 'Keep the name under 500 characters.';
  else if (opts.otherNames.some((n) => n.trim().toLowerCase() === name.toLowerCase())) {
    // CSV imports name lines by name, so two lines of a year must not share one.
    e.name = `Another FY${opts.fiscalYear} line is already named “${name}”; choose a different name.`;
  }
  if (!(BUDGET_CATEGORIES as readonly string[]).includes(draft.category)) e.category = 'Choose a category.';
  if (draft.kind !== 'capex' && draft.kind !== 'opex') e.kind = 'Choose capex or opex.';
  if (draft.vendor.length > 500) e.vendor = 'Keep the vendor under 500 characters.';
  if (draft.roadmapItemId !== '' && !opts.itemIds.includes(draft.roadmapItemId)) {
    e.roadmapItemId = 'That roadmap item no longer exists; choose another or none.';
  }
  if (draft.recurring && draft.renewalDate !== '' && !DATE_RE.test(draft.renewalDate)) {
    e.renewalDate = 'Enter the renewal date as YYYY-MM-DD, or leave it empty.';
  }
  const pct = parsePercentInput(draft.escalatorPct);
  if (pct === null) e.escalatorPct = 'Enter a percentage such as 3 or 2.5.';
  else if (pct < -100 || pct > 100) e.escalatorPct = 'The escalator is between −100 % and 100 % a year.';
  if (opts.isNew) {
    const plan = parseMoneyInput(draft.monthlyPlan, ws.currency, ws.locale);
    if (!plan.ok) e.monthlyPlan = `Monthly plan: ${plan.reason}.`;
  }
  return e;
}

function assertDraft(errors: BudgetDraftErrors, record: string): void {
  const problems = Object.entries(errors).map(([field, reason]) => ({ field, reason: reason ?? '' }));
  if (problems.length) throw new ValidationError(problems, record);
}

function checked(line: BudgetLineRecord): BudgetLineRecord {
  const parsed = BudgetLine.safeParse(line);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'line', reason: i.message })),
      `budget line “${line.name}”`,
    );
  }
  return parsed.data;
}

async function yearLines(db: QuarterdeckDb, workspaceId: string, fiscalYear: number): Promise<BudgetLineRecord[]> {
  return db.rows('budgetLines').where('[workspaceId+fiscalYear]').equals([workspaceId, fiscalYear]).toArray();
}

async function itemIdsOf(db: QuarterdeckDb, workspaceId: string): Promise<string[]> {
  return (await db.rows('roadmapItems').where('workspaceId').equals(workspaceId).primaryKeys()) as string[];
}

function applyDraft(base: BudgetLineRecord, draft: BudgetLineDraft): BudgetLineRecord {
  return {
    ...base,
    name: draft.name.trim(),
    category: draft.category,
    kind: draft.kind,
    vendor: draft.vendor.trim(),
    roadmapItemId: draft.roadmapItemId === '' ? null : draft.roadmapItemId,
    recurring: draft.recurring,
    renewalDate: draft.recurring && draft.renewalDate !== '' ? draft.renewalDate : null,
    escalatorPct: parsePercentInput(draft.escalatorPct) ?? 0,
  };
}

/** Add a line to a fiscal year; its plan is the typed monthly amount in every month, actuals empty. */
export async function createBudgetLine(
  db: QuarterdeckDb,
  workspaceId: string,
  fiscalYear: number,
  draft: BudgetLineDraft,
  ctx: RepoContext,
): Promise<{ line: BudgetLineRecord; changes: ChangeSet }> {
  return db.transaction('rw', db.workspaces, db.rows('budgetLines'), db.rows('roadmapItems'), async () => {
    const ws = await db.workspaces.get(workspaceId);
    if (!ws) throw new Error(`workspace ${workspaceId} no longer exists`);
    const others = await yearLines(db, workspaceId, fiscalYear);
    assertDraft(
      validateBudgetLineDraft(draft, ws, {
        itemIds: await itemIdsOf(db, workspaceId),
        otherNames: others.map((l) => l.name),
        fiscalYear,
        isNew: true,
      }),
      `budget line “${draft.name.trim()}”`,
    );
    const monthly = parseMoneyInput(draft.monthlyPlan, ws.currency, ws.locale);
    const amount = monthly.ok ? monthly.minor : 0;
    const line = checked(
      applyDraft(
        {
          id: ctx.newId(),
          workspaceId,
          fiscalYear,
          name: '',
          category: draft.category,
          kind: draft.kind,
          vendor: '',
          roadmapItemId: null,
          plan: Array.from({ length: 12 }, () => amount),
          actual: Array.from({ length: 12 }, () => null),
          recurring: false,
          renewalDate: null,
          escalatorPct: 0,
          varianceNotes: { Q1: '', Q2: '', Q3: '', Q4: '' },
        },
        draft,
      ),
    );
    await db.rows('budgetLines').add(line);
    return { line, changes: { label: `Add budget line “${line.name}”`, changes: [created('budgetLines', line)] } };
  });
}

/** Replace the descriptive fields of a line (amounts are edited in the grid). */
export async function updateBudgetLine(db: QuarterdeckDb, id: string, draft: BudgetLineDraft): Promise<ChangeSet> {
  return db.transaction('rw', db.workspaces, db.rows('budgetLines'), db.rows('roadmapItems'), async () => {
    const before = await db.rows('budgetLines').get(id);
    if (!before) throw new Error(`budget line ${id} no longer exists`);
    const ws = await db.workspaces.get(before.workspaceId);
    if (!ws) throw new Error(`workspace ${before.workspaceId} no longer exists`);
    const others = (await yearLines(db, before.workspaceId, before.fiscalYear)).filter((l) => l.id !== id);
    assertDraft(
      validateBudgetLineDraft(draft, ws, {
        itemIds: await itemIdsOf(db, before.workspaceId),
        otherNames: others.map((l) => l.name),
        fiscalYear: before.fiscalYear,
        isNew: false,
      }),
      `budget line “${before.name}”`,
    );
    const after = checked(applyDraft(before, draft));
    await db.rows('budgetLines').put(after);
    return { label: `Edit budget line “${after.name}”`, changes: [updated('budgetLines', before, after)] };
  });
}

/** Delete a line (undo puts it back with its amounts and notes). */
export async function deleteBudgetLine(db: QuarterdeckDb, id: string): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('budgetLines'), async () => {
    const line = await db.rows('budgetLines').get(id);
    if (!line) throw new Error(`budget line ${id} no longer exists`);
    await db.rows('budgetLines').delete(id);
    return { label: `Delete budget line “${line.name}”`, changes: [removed('budgetLines', line)] };
  });
}

/**
 * Set one monthly amount: a plan amount (a number) or an actual (a number, or null = not yet known).
 * Returns null when the value is already stored (nothing to undo).
 */
export async function setBudgetAmount(
  db: QuarterdeckDb,
  id: string,
  measure: Measure,
  index: number,
  value: number | null,
  fiscalStartMonth: number,
): Promise<ChangeSet | null> {
  if (!Number.isInteger(index) || index < 0 || index > 11) throw new Error(`month index ${index} is not 0–11`);
  if (measure === 'plan' && value === null) throw new Error('a plan amount cannot be empty');
  return db.transaction('rw', db.rows('budgetLines'), async () => {
    const before = await db.rows('budgetLines').get(id);
    if (!before) throw new Error(`budget line ${id} no longer exists`);
    if (before[measure][index] === value) return null;
    const after: BudgetLineRecord =
      measure === 'plan'
        ? { ...before, plan: before.plan.map((v, i) => (i === index ? (value ?? 0) : v)) }
        : { ...before, actual: before.actual.map((v, i) => (i === index ? value : v)) };
    await db.rows('budgetLines').put(checked(after));
    const month = fiscalYearMonths(before.fiscalYear, fiscalStartMonth)[index] ?? '';
    const what = measure === 'plan' ? 'plan' : value === null ? 'actual (cleared)' : 'actual';
    return {
      label: `Edit ${what} of “${before.name}”, ${monthLabel(month)}`,
      changes: [updated('budgetLines', before, after)],
    };
  });
}

const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-10" → "Oct 2026" for undo labels (the history is not localised). */
function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${MONTH_ABBR[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : month;
}

/** Set a line's variance note for one fiscal quarter; null when unchanged. */
export async function setVarianceNote(
  db: QuarterdeckDb,
  id: string,
  quarter: QuarterKey,
  note: string,
): Promise<ChangeSet | null> {
  const text = note.trim();
  if (text.length > 20_000) {
    throw new ValidationError([{ field: `varianceNotes.${quarter}`, reason: 'keep the note under 20,000 characters' }]);
  }
  return db.transaction('rw', db.rows('budgetLines'), async () => {
    const before = await db.rows('budgetLines').get(id);
    if (!before) throw new Error(`budget line ${id} no longer exists`);
    if (before.varianceNotes[quarter] === text) return null;
    const after = checked({ ...before, varianceNotes: { ...before.varianceNotes, [quarter]: text } });
    await db.rows('budgetLines').put(after);
    return {
      label: `${text ? 'Edit' : 'Clear'} ${quarter} variance note of “${before.name}”`,
      changes: [updated('budgetLines', before, after)],
    };
  });
}

/** The import was refused: nothing was written; the problems name row, field and reason. */
export class ActualsImportError extends Error {
  constructor(readonly problems: ActualsProblem[]) {
    super(
      `Nothing was imported: ${problems.length === 1 ? 'one problem' : `${problems.length} problems`} (${problems
        .slice(0, 3)
        .map((p) => p.message)
        .join('; ')}${problems.length > 3 ? '; …' : ''})`,
    );
    this.name = 'ActualsImportError';
  }
}

/**
 * Write parsed actuals in ONE transaction, all or nothing: the shared `applyActuals` runs against
 * the lines as they are inside the transaction (so a line deleted since the preview is caught),
 * and any problem throws ActualsImportError before a single row is written.
 */
export async function importActuals(
  db: QuarterdeckDb,
  workspaceId: string,
  parsed: ParsedActuals,
  fileName: string,
): Promise<ChangeSet> {
  if (parsed.problems.length > 0) throw new ActualsImportError(parsed.problems);
  return db.transaction('rw', db.rows('budgetLines'), async () => {
    const lines = await yearLines(db, workspaceId, parsed.fiscalYear);
    const result = applyActuals(lines, parsed);
    if (!result.ok) throw new ActualsImportError(result.problems);
    const byId = new Map(lines.map((l) => [l.id, l]));
    const changes: RowChange[] = [];
    const puts: BudgetLineRecord[] = [];
    for (const next of result.lines) {
      if (!result.changedLineIds.includes(next.id)) continue;
      const before = byId.get(next.id);
      if (!before) continue;
      const after = checked(next);
      puts.push(after);
      changes.push(updated('budgetLines', before, after));
    }
    await db.rows('budgetLines').bulkPut(puts);
    const n = parsed.changes.length;
    return { label: `Import ${n} actual${n === 1 ? '' : 's'} from ${fileName}`, changes };
  });
}

/** A file name for the budget export: `<workspace>-budget-FY2026.csv`, safe on every OS. */
export function budgetCsvFileName(workspaceName: string, fiscalYear: number): string {
  const slug =
    workspaceName
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .toLowerCase()
      .slice(0, 60) || 'workspace';
  return `${slug}-budget-FY${fiscalYear}.csv`;
}
