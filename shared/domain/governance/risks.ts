/**
 * Risk register maths (SPEC §3.7): the 5×5 likelihood × impact heat map and the top risks.
 *
 * Score = likelihood × impact (1–25). Bands, as on common 5×5 enterprise risk matrices:
 * low 1–4, medium 5–9, high 10–16, critical 20–25 (no product of two 1–5 numbers lies in 17–19).
 */
import type { Risk } from './schema';

export type RiskBand = 'low' | 'medium' | 'high' | 'critical';

/** Lowest score of each band above low. */
export const RISK_BAND_THRESHOLDS = { medium: 5, high: 10, critical: 20 } as const;

/** Likelihood × impact. */
export function riskScore(r: Pick<Risk, 'likelihood' | 'impact'>): number {
  return r.likelihood * r.impact;
}

/** The band of a score (see the thresholds above). */
export function riskBand(score: number): RiskBand {
  if (score >= RISK_BAND_THRESHOLDS.critical) return 'critical';
  if (score >= RISK_BAND_THRESHOLDS.high) return 'high';
  if (score >= RISK_BAND_THRESHOLDS.medium) return 'medium';
  return 'low';
}

export type RiskGridCell = { likelihood: number; impact: number; score: number; band: RiskBand; riskIds: string[] };

/** Closed risks leave the map and the top list; accepted ones stay (the exposure is still there). */
const isLive = (r: Risk): boolean => r.status !== 'closed';

/**
 * The 5×5 grid as rows from likelihood 5 (top) down to 1, each with impact 1 → 5 (left to right),
 * as a heat map is drawn; risk ids in each cell in top-risk order.
 */
export function riskGrid(risks: readonly Risk[], options: { includeClosed?: boolean } = {}): RiskGridCell[][] {
  const shown = topRisks(risks, Infinity, options);
  const rows: RiskGridCell[][] = [];
  for (let likelihood = 5; likelihood >= 1; likelihood--) {
    const row: RiskGridCell[] = [];
    for (let impact = 1; impact <= 5; impact++) {
      const score = likelihood * impact;
      row.push({
        likelihood,
        impact,
        score,
        band: riskBand(score),
        riskIds: shown.filter((r) => r.likelihood === likelihood && r.impact === impact).map((r) => r.id),
      });
    }
    rows.push(row);
  }
  return rows;
}

export type RankedRisk = Risk & { score: number; band: RiskBand };

/**
 * The N highest risks: by score, then impact (a rare disaster outranks a frequent nuisance of the
 * same score), then the earliest due date (none last), then title and id for a stable order.
 */
export function topRisks(risks: readonly Risk[], n = 5, options: { includeClosed?: boolean } = {}): RankedRisk[] {
  return risks
    .filter((r) => options.includeClosed || isLive(r))
    .map((r) => ({ ...r, score: riskScore(r), band: riskBand(riskScore(r)) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.impact - a.impact ||
        cmp(a.dueDate ?? '9999', b.dueDate ?? '9999') ||
        cmp(a.title, b.title) ||
        cmp(a.id, b.id),
    )
    .slice(0, n);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How many live risks fall in each band (for the dashboard tile and the deck). */
export function riskBandCounts(risks: readonly Risk[]): Record<RiskBand, number> {
  const out: Record<RiskBand, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  for (const r of risks) if (isLive(r)) out[riskBand(riskScore(r))] += 1;
  return out;
}
