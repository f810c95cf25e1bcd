/**
 * Fixed facts of the sample workspace: its id, the moment it was "exported" and the id scheme.
 * Ids are readable and prefixed with the workspace id, so they never collide with another
 * workspace's records in a database keyed by id alone.
 */

export const SAMPLE_WORKSPACE_ID = 'northwind-sample';
export const SAMPLE_NAME = 'Northwind Precision Manufacturing';
export const SAMPLE_PARTNER_NAME = 'Harborline Managed Services';
/** When the sample was last touched: the start of Q4, with Q3 data complete. */
export const SAMPLE_UPDATED_AT = '2026-10-01T09:00:00.000Z';
export const SAMPLE_CREATED_AT = '2024-09-16T08:30:00.000Z';
/** The exportedAt of resources/sample-workspace.json. */
export const SAMPLE_EXPORTED_AT = '2026-10-01T09:00:00.000Z';
/** The last month with data (actuals, KPIs). */
export const SAMPLE_LAST_MONTH = '2026-09';
/** The quarter the director is preparing the QBR for. */
export const SAMPLE_QBR_QUARTER = '2026-Q3';

/** `northwind-sample:<kind>:<slug>`. */
export function sampleId(kind: string, slug: string): string {
  return `${SAMPLE_WORKSPACE_ID}:${kind}:${slug}`;
}

/** Dollars (may have cents) to integer cents. */
export function usd(dollars: number): number {
  return Math.round(dollars * 100);
}

export const PARTY = {
  internal: sampleId('party', 'internal-it'),
  partner: sampleId('party', 'harborline'),
  business: sampleId('party', 'business'),
} as const;
