/** People, skill areas and cost profiles (SPEC §2, §3.5). */
import { z } from 'zod';
import { Id, Money, Pct0to100, Scoped, ShortText } from '../common';

export const PROFICIENCY_LABELS = ['none', 'learning', 'working', 'strong', 'expert'] as const;
export const COVERAGE_MODELS = ['8x5', '12x5', '24x7', 'on-demand'] as const;
export const AREA_PLANS = ['hire', 'train', 'co-manage', 'accept'] as const;
export type CoverageModel = (typeof COVERAGE_MODELS)[number];
export type AreaPlan = (typeof AREA_PLANS)[number];

export const Person = Scoped.extend({
  name: ShortText.min(1),
  role: ShortText,
  fte: z.number().min(0).max(1),
  costProfileId: Id,
  skills: z.array(z.object({ skillAreaId: Id, level: z.number().int().min(0).max(4) })).max(100),
});
export type Person = z.infer<typeof Person>;

export const SkillArea = Scoped.extend({
  /** Stable slug used in CLI output and KPI splits, e.g. `siem-soc`. */
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'expected a lowercase slug'),
  name: ShortText.min(1),
  coverageModel: z.enum(COVERAGE_MODELS),
  /** Hours per year when the coverage model is on demand. */
  onDemandHours: z.number().min(0).max(8760).nullable(),
  minimumDepth: z.number().int().min(0).max(50),
  plan: z.enum(AREA_PLANS),
  /** Role profile used when hiring for this area. */
  costProfileId: Id,
  order: z.number().int().min(0),
});
export type SkillArea = z.infer<typeof SkillArea>;

export const SourceNote = z.object({
  field: z.string().max(64),
  source: ShortText,
  year: z.number().int().min(1990).max(2200),
});
export type SourceNote = z.infer<typeof SourceNote>;

export const CostProfile = Scoped.extend({
  role: ShortText.min(1),
  baseSalary: Money.min(0),
  benefitsLoadPct: Pct0to100,
  toolsTrainingPerYear: Money.min(0),
  costPerHire: Money.min(0),
  rampUpMonths: z.number().min(0).max(36),
  turnoverPct: Pct0to100,
  sources: z.array(SourceNote).max(20),
});
export type CostProfile = z.infer<typeof CostProfile>;
