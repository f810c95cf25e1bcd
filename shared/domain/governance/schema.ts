/** RACI, escalation, SLAs, scorecard, risks, decisions and actions (SPEC §2, §3.7). */
import { z } from 'zod';
import { Id, IsoDate, LongText, Pct0to100, Quarter, Scoped, ShortText } from '../common';

export const RACI_LETTERS = ['R', 'A', 'C', 'I'] as const;
export type RaciLetter = (typeof RACI_LETTERS)[number];

export const RaciActivity = Scoped.extend({
  name: ShortText.min(1),
  order: z.number().int().min(0),
  /** A written split of the work when two parties are Responsible. */
  splitNote: LongText,
});
export type RaciActivity = z.infer<typeof RaciActivity>;

export const RaciAssignment = Scoped.extend({
  activityId: Id,
  partyId: Id,
  /** Letters in a cell, e.g. ['A','R']; empty = no role. */
  roles: z.array(z.enum(RACI_LETTERS)).max(4),
});
export type RaciAssignment = z.infer<typeof RaciAssignment>;

/** The RACI matrix as it stood in a quarter, so decks can show what changed. */
export const RaciVersion = Scoped.extend({
  quarter: Quarter,
  savedAt: z.string().max(40),
  cells: z.array(z.object({ activity: ShortText, party: ShortText, roles: z.array(z.enum(RACI_LETTERS)) })).max(5000),
});
export type RaciVersion = z.infer<typeof RaciVersion>;

export const SEVERITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const EscalationStep = Scoped.extend({
  severity: z.enum(SEVERITIES),
  step: z.number().int().min(1).max(20),
  partyId: Id,
  contactRole: ShortText.min(1),
  responseMinutes: z.number().int().min(0).max(525_600),
});
export type EscalationStep = z.infer<typeof EscalationStep>;

export const SlaTarget = Scoped.extend({
  metric: z.enum(['response', 'resolution']),
  priority: z.enum(SEVERITIES),
  partyId: Id,
  targetMinutes: z.number().int().min(0).max(5_256_000),
  targetAttainmentPct: Pct0to100,
});
export type SlaTarget = z.infer<typeof SlaTarget>;

export const SCORECARD_CRITERIA = [
  'sla-attainment',
  'escalations',
  'after-hours-response',
  'cost-per-endpoint',
  'project-delivery',
  'documentation',
] as const;
export const PartnerScorecard = Scoped.extend({
  quarter: Quarter,
  partyId: Id,
  grades: z
    .array(
      z.object({
        criterion: z.enum(SCORECARD_CRITERIA),
        grade: z.number().int().min(1).max(5).nullable(),
        comment: LongText,
      }),
    )
    .max(20),
});
export type PartnerScorecard = z.infer<typeof PartnerScorecard>;

export const Risk = Scoped.extend({
  title: ShortText.min(1),
  description: LongText,
  likelihood: z.number().int().min(1).max(5),
  impact: z.number().int().min(1).max(5),
  owner: ShortText,
  mitigation: LongText,
  dueDate: IsoDate.nullable(),
  status: z.enum(['open', 'mitigating', 'accepted', 'closed']),
});
export type Risk = z.infer<typeof Risk>;

export const Decision = Scoped.extend({
  text: LongText.min(1),
  options: z.array(ShortText).max(20),
  recommendedOption: ShortText,
  rationale: LongText,
  status: z.enum(['requested', 'approved', 'rejected', 'deferred']),
  date: IsoDate,
  linkedItemIds: z.array(Id).max(100),
});
export type Decision = z.infer<typeof Decision>;

export const ActionItem = Scoped.extend({
  text: LongText.min(1),
  owner: ShortText,
  dueDate: IsoDate.nullable(),
  status: z.enum(['open', 'in-progress', 'done', 'dropped']),
  createdInQbrId: Id.nullable(),
  /** How many QBRs it has been carried over. */
  carriedOver: z.number().int().min(0).max(100),
});
export type ActionItem = z.infer<typeof ActionItem>;
