/** Budget lines (SPEC §2, §3.4). */
import { z } from 'zod';
import { Id, IsoDate, LongText, Money, Percent, Scoped, ShortText } from '../common';

export const BUDGET_CATEGORIES = [
  'personnel',
  'partner-services',
  'software-licences',
  'hardware',
  'cloud',
  'projects',
  'training',
  'contingency',
  'other',
] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

const Twelve = <T extends z.ZodType>(item: T) => z.array(item).length(12, 'expected 12 monthly amounts');

export const BudgetLine = Scoped.extend({
  /** Fiscal year, named by the calendar year in which it ends. */
  fiscalYear: z.number().int().min(1990).max(2200),
  name: ShortText.min(1),
  category: z.enum(BUDGET_CATEGORIES),
  kind: z.enum(['capex', 'opex']),
  vendor: ShortText,
  roadmapItemId: Id.nullable(),
  /** 12 planned amounts, fiscal month 1 … 12, minor units. */
  plan: Twelve(Money),
  /** 12 actual amounts; null = not yet known. */
  actual: Twelve(Money.nullable()),
  recurring: z.boolean(),
  renewalDate: IsoDate.nullable(),
  /** Annual price escalator for multi-year projection, percent. */
  escalatorPct: Percent,
  varianceNotes: z.object({ Q1: LongText, Q2: LongText, Q3: LongText, Q4: LongText }),
});
export type BudgetLine = z.infer<typeof BudgetLine>;
