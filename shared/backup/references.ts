/**
 * Every id reference between the tables of a workspace, in one list. The backup validator checks
 * them (a dangling reference is a problem) and `remapWorkspace` rewrites them, so the two can never
 * disagree about what refers to what.
 */
import type { TableName } from '../domain/tables';

/**
 * `path` walks a record: plain segments are properties, `*` is every element of an array; the leaf
 * is an id string, or null for an optional reference (skipped).
 */
export type ReferenceSpec = { table: TableName; path: string; target: TableName };

export const REFERENCES: readonly ReferenceSpec[] = [
  { table: 'partyRules', path: 'partyId', target: 'parties' },
  { table: 'roadmapItems', path: 'ownerPartyId', target: 'parties' },
  { table: 'roadmapItems', path: 'dependsOn.*', target: 'roadmapItems' },
  { table: 'roadmapItems', path: 'skills.*.skillAreaId', target: 'skillAreas' },
  { table: 'budgetLines', path: 'roadmapItemId', target: 'roadmapItems' },
  { table: 'people', path: 'costProfileId', target: 'costProfiles' },
  { table: 'people', path: 'skills.*.skillAreaId', target: 'skillAreas' },
  { table: 'skillAreas', path: 'costProfileId', target: 'costProfiles' },
  { table: 'partnerContracts', path: 'partyId', target: 'parties' },
  { table: 'partnerContracts', path: 'coveredAreas.*.skillAreaId', target: 'skillAreas' },
  { table: 'scenarios', path: 'contractId', target: 'partnerContracts' },
  { table: 'scenarios', path: 'areaChoices.*.skillAreaId', target: 'skillAreas' },
  { table: 'scenarios', path: 'retainedPersonIds.*', target: 'people' },
  { table: 'tickets', path: 'importId', target: 'ticketImports' },
  { table: 'tickets', path: 'partyId', target: 'parties' },
  { table: 'raciAssignments', path: 'activityId', target: 'raciActivities' },
  { table: 'raciAssignments', path: 'partyId', target: 'parties' },
  { table: 'escalationSteps', path: 'partyId', target: 'parties' },
  { table: 'slaTargets', path: 'partyId', target: 'parties' },
  { table: 'partnerScorecards', path: 'partyId', target: 'parties' },
  { table: 'decisions', path: 'linkedItemIds.*', target: 'roadmapItems' },
  { table: 'actionItems', path: 'createdInQbrId', target: 'qbrs' },
  { table: 'qbrs', path: 'decisionIds.*', target: 'decisions' },
  { table: 'qbrs', path: 'attendees.*.partyId', target: 'parties' },
  { table: 'qbrSnapshots', path: 'qbrId', target: 'qbrs' },
];

/** KPI snapshot segments of the form `party:<partyId>` carry a party id inside a string. */
export const PARTY_SEGMENT_PREFIX = 'party:';

/** One id found at a path, with its field path for messages (e.g. `skills[2].skillAreaId`). */
export type FoundReference = { field: string; id: string };

/** The ids a record holds at a reference path (nulls and non-strings are skipped). */
export function referencesAt(record: unknown, path: string): FoundReference[] {
  const out: FoundReference[] = [];
  collect(record, path.split('.'), 0, '', out);
  return out;
}

function collect(node: unknown, segments: string[], k: number, field: string, out: FoundReference[]): void {
  if (k === segments.length) {
    if (typeof node === 'string') out.push({ field, id: node });
    return;
  }
  const seg = segments[k]!;
  if (seg === '*') {
    if (!Array.isArray(node)) return;
    node.forEach((item: unknown, i) => collect(item, segments, k + 1, `${field}[${i}]`, out));
    return;
  }
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
  if (!Object.prototype.hasOwnProperty.call(node, seg)) return;
  collect((node as Record<string, unknown>)[seg], segments, k + 1, field ? `${field}.${seg}` : seg, out);
}

/** A copy of the record with every id at the path passed through `map` (nulls stay null). */
export function rewriteAt<T>(record: T, path: string, map: (id: string) => string): T {
  return rewrite(record, path.split('.'), 0, map) as T;
}

function rewrite(node: unknown, segments: string[], k: number, map: (id: string) => string): unknown {
  if (k === segments.length) return typeof node === 'string' ? map(node) : node;
  const seg = segments[k]!;
  if (seg === '*') {
    return Array.isArray(node) ? node.map((item: unknown) => rewrite(item, segments, k + 1, map)) : node;
  }
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  if (!Object.prototype.hasOwnProperty.call(node, seg)) return node;
  const obj = node as Record<string, unknown>;
  return { ...obj, [seg]: rewrite(obj[seg], segments, k + 1, map) };
}
