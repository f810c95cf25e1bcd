/** Test builder: a valid budget line with zero plan and no actuals, overridable field by field. */
import type { BudgetLine } from '../../../../shared/domain/budget/schema';

export function makeLine(over: Partial<BudgetLine> = {}): BudgetLine {
  return {
    id: 'line-1',
    workspaceId: 'ws-1',
    fiscalYear: 2026,
    name: 'Line',
    category: 'other',
    kind: 'opex',
    vendor: '',
    roadmapItemId: null,
    plan: Array<number>(12).fill(0),
    actual: Array<number | null>(12).fill(null),
    recurring: false,
    renewalDate: null,
    escalatorPct: 0,
    varianceNotes: { Q1: '', Q2: '', Q3: '', Q4: '' },
    ...over,
  };
}

/** Twelve amounts from a sparse map of fiscal month index → amount (others `fill`). */
export function months<T extends number | null>(fill: T, set: Record<number, T> = {}): T[] {
  return Array.from({ length: 12 }, (_, i) => (i in set ? (set[i] as T) : fill));
}
