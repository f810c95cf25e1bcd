/** Roadmap items (SPEC §2, §3.3). */
import { z } from 'zod';
import { Id, IsoDateTime, LongText, Money, Month, Scoped, ShortText } from '../common';

export const DOMAINS = [
  'cloud',
  'security',
  'network',
  'infrastructure',
  'end-user',
  'identity',
  'data',
  'compliance',
  'automation',
  'other',
] as const;
export const BUCKETS = ['run', 'grow', 'transform', 'protect'] as const;
export const ROADMAP_STATUSES = ['proposed', 'approved', 'in-progress', 'blocked', 'done', 'cancelled'] as const;
export const HEALTHS = ['green', 'amber', 'red'] as const;

export const RoadmapItem = Scoped.extend({
  title: ShortText.min(1, 'a title is required'),
  description: LongText,
  domain: z.enum(DOMAINS),
  bucket: z.enum(BUCKETS),
  status: z.enum(ROADMAP_STATUSES),
  health: z.enum(HEALTHS),
  priority: z.number().int().min(1).max(5),
  startMonth: Month,
  endMonth: Month,
  progressPct: z.number().min(0).max(100),
  ownerPartyId: Id,
  skills: z.array(z.object({ skillAreaId: Id, personDays: z.number().min(0).max(100_000) })).max(50),
  /** One-time capital cost, lands in the start month. */
  capex: Money.min(0),
  /** Recurring operating cost per month. */
  opexMonthly: Money.min(0),
  /** When the recurring cost starts; null = the start month. */
  opexStartMonth: Month.nullable(),
  /** When the recurring cost ends; null = the end month. */
  opexEndMonth: Month.nullable(),
  /**
   * The start month the budget lines linked to this item were planned against; null or absent =
   * the current start month. Set by the first reschedule, so the budget forecast moves the linked
   * lines' amounts by (startMonth − baselineStartMonth). Additive (issue 3): older records lack it.
   */
  baselineStartMonth: Month.nullable().optional(),
  dependsOn: z.array(Id).max(100),
  linkedKpis: z.array(z.string().max(64)).max(50),
  needsDecision: z.boolean(),
  decisionText: LongText,
  recommendedOption: LongText,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
}).refine((r) => r.endMonth >= r.startMonth, {
  message: 'the end month is before the start month',
  path: ['endMonth'],
});
export type RoadmapItem = z.infer<typeof RoadmapItem>;
export type Domain = (typeof DOMAINS)[number];
export type Bucket = (typeof BUCKETS)[number];
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];
export type Health = (typeof HEALTHS)[number];
