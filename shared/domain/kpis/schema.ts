/** KPI definitions and snapshots (SPEC §2, §3.6). */
import { z } from 'zod';
import { IsoDateTime, LongText, Period, Scoped, ShortText } from '../common';

export const KPI_UNITS = ['hours', 'count', 'percent', 'ratio', 'currency', 'score'] as const;
export const KPI_AGGREGATIONS = ['sum', 'mean', 'last', 'weighted-mean', 'recompute'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];
export type KpiAggregation = (typeof KPI_AGGREGATIONS)[number];

export const KpiKey = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'expected a snake_case key');

export const KpiDefinition = Scoped.extend({
  key: KpiKey,
  name: ShortText.min(1),
  definition: LongText,
  unit: z.enum(KPI_UNITS),
  direction: z.enum(['higher', 'lower']),
  aggregation: z.enum(KPI_AGGREGATIONS),
  target: z.number().nullable(),
  /** Amber band edge: for "higher is better" the value below target down to which it is amber. */
  amberThreshold: z.number().nullable(),
  benchmark: z.object({ value: z.number().nullable(), text: ShortText, source: ShortText }).nullable(),
  formula: LongText,
  builtIn: z.boolean(),
  /** Shown in the security posture section of the deck. */
  group: z.enum(['service', 'security', 'delivery', 'people', 'cost', 'satisfaction']),
});
export type KpiDefinition = z.infer<typeof KpiDefinition>;

export const Provenance = z.object({
  fileName: ShortText,
  importedAt: IsoDateTime,
  rowsRead: z.number().int().min(0),
  tickets: z.number().int().min(0),
  rowsRejected: z.number().int().min(0),
  dataIssues: z.record(z.string().max(64), z.number().int().min(0)),
});
export type Provenance = z.infer<typeof Provenance>;

export const KpiSnapshot = Scoped.extend({
  kpiKey: KpiKey,
  period: Period,
  value: z.number(),
  /** Weight for weighted means (e.g. tickets resolved); null when not applicable. */
  weight: z.number().min(0).nullable(),
  /** '' = overall; otherwise e.g. `priority:P1` or `party:<partyId>`. */
  segment: z.string().max(100),
  source: z.enum(['manual', 'ticket-import', 'csv']),
  provenance: Provenance.nullable(),
  note: LongText,
});
export type KpiSnapshot = z.infer<typeof KpiSnapshot>;
