/**
 * Action items carried between QBRs (SPEC §3.7, §3.8 sections 4 and 13).
 *
 * Model: an action created in QBR k is reviewed at QBR k+1. When a QBR is closed, every action it
 * reviewed that is still open or in progress is carried over (carriedOver + 1) and stays on the
 * list; so an action created in QBR k with carriedOver = c was last reviewed at QBR k + c + 1.
 * That lets "done since last QBR" be derived without a completion date: a done action belongs to
 * the review of QBR k + c + 1. QBRs are ordered by quarter, then date.
 */
import type { Qbr } from '../qbr/schema';
import type { ActionItem } from './schema';

const isOpen = (a: ActionItem): boolean => a.status === 'open' || a.status === 'in-progress';

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** QBRs in order: by quarter, then date, then id. */
export function orderedQbrs(qbrs: readonly Qbr[]): Qbr[] {
  return [...qbrs].sort((a, b) => cmp(a.quarter, b.quarter) || cmp(a.date, b.date) || cmp(a.id, b.id));
}

/** Actions by due date (none last), then text, then id. */
export function sortActions(actions: readonly ActionItem[]): ActionItem[] {
  return [...actions].sort(
    (a, b) => cmp(a.dueDate ?? '9999-99-99', b.dueDate ?? '9999-99-99') || cmp(a.text, b.text) || cmp(a.id, b.id),
  );
}

export type ActionReview = {
  /** Done since the previous QBR. */
  done: ActionItem[];
  /** Open or in progress from earlier QBRs: they will be carried over when this QBR closes. */
  outstanding: ActionItem[];
  /** Created in this QBR. */
  new: ActionItem[];
  /** Dropped since the previous QBR. */
  dropped: ActionItem[];
};

/**
 * The action review of a QBR (deck section 4): what was done or dropped since the last QBR, what
 * is still outstanding, and what is new. Actions created outside any QBR (createdInQbrId null)
 * count as outstanding while open, and as done/dropped since the last QBR when their due date is
 * on or after the previous QBR's date (or they have none) — the best the data can tell.
 */
export function actionReview(actions: readonly ActionItem[], qbrs: readonly Qbr[], qbrId: string): ActionReview {
  const order = orderedQbrs(qbrs);
  const index = new Map(order.map((q, i) => [q.id, i]));
  const current = index.get(qbrId);
  const out: ActionReview = { done: [], outstanding: [], new: [], dropped: [] };
  if (current === undefined) return out;
  const previousDate = order[current - 1]?.date ?? null;
  for (const a of sortActions(actions)) {
    const created = a.createdInQbrId === null ? null : index.get(a.createdInQbrId);
    if (a.createdInQbrId !== null && created === undefined) continue; // belongs to a deleted QBR
    if (created === current) {
      out.new.push(a);
      continue;
    }
    if (created !== null && created !== undefined && created > current) continue; // a later QBR's action
    if (isOpen(a)) {
      out.outstanding.push(a);
      continue;
    }
    const reviewedNow =
      created === null || created === undefined
        ? a.dueDate === null || previousDate === null || a.dueDate >= previousDate
        : created + a.carriedOver + 1 === current;
    if (!reviewedNow) continue;
    if (a.status === 'done') out.done.push(a);
    else out.dropped.push(a);
  }
  return out;
}

/**
 * Closing a QBR: every action it reviewed that is still open or in progress gets carriedOver + 1.
 * Returns only the changed records, to be written in one transaction. Call it once per close.
 */
export function carryOverActions(
  actions: readonly ActionItem[],
  qbrs: readonly Qbr[],
  closingQbrId: string,
): ActionItem[] {
  const review = actionReview(actions, qbrs, closingQbrId);
  return review.outstanding.map((a) => ({ ...a, carriedOver: Math.min(100, a.carriedOver + 1) }));
}

export type OverdueAction = ActionItem & { daysOverdue: number };

/** Days from one `YYYY-MM-DD` date to another (calendar arithmetic, no time zones involved). */
export function daysBetween(from: string, to: string): number {
  const utc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** Open or in-progress actions whose due date is before `asOf` (YYYY-MM-DD), most overdue first. */
export function overdueActions(actions: readonly ActionItem[], asOf: string): OverdueAction[] {
  return sortActions(actions)
    .filter((a) => isOpen(a) && a.dueDate !== null && a.dueDate < asOf)
    .map((a) => ({ ...a, daysOverdue: daysBetween(a.dueDate ?? asOf, asOf) }));
}
