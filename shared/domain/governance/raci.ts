/**
 * RACI checks and editing helpers (SPEC §3.7). Co-managed IT fails on role collisions (both
 * parties act) and gaps (nobody owns the work); these rules make the split explicit and checked:
 * exactly one A per lane, at least one R, and two or more R only with a written split.
 *
 * Letters are kept in the canonical order R, A, C, I (the order of RACI_LETTERS), so a cell
 * typed as "ar" and one toggled A-then-R are stored identically and compare equal.
 */
import type { Party } from '../workspace/schema';
import { RACI_LETTERS, type RaciActivity, type RaciAssignment, type RaciLetter, type RaciVersion } from './schema';

export type RaciIssueKind = 'raci-collision' | 'raci-gap' | 'raci-accountable';

export type RaciIssue = {
  kind: RaciIssueKind;
  activityId: string;
  /** The lane's name, e.g. "Patching". */
  lane: string;
  /** A plain sentence telling the director what to do. */
  message: string;
  /** The parties involved (both A, both R, …), in party order. */
  partyIds: string[];
  /** Who should own the lane, when the app can suggest one. */
  suggestedPartyId: string | null;
};

export type RaciLaneCheck = {
  activityId: string;
  lane: string;
  accountable: string[];
  responsible: string[];
  issues: RaciIssue[];
};

export type RaciSummary = { lanes: number; lanesOk: number } & Record<RaciIssueKind, number>;

export type RaciValidation = {
  /** Every lane in display order with its issues (empty when the lane is fine). */
  lanes: RaciLaneCheck[];
  /** All issues, lane by lane. */
  issues: RaciIssue[];
  summary: RaciSummary;
};

const KIND_ORDER: Record<Party['kind'], number> = { internal: 0, partner: 1, vendor: 2, business: 3 };

/** Parties in the order the matrix shows them: internal, partner, vendor, business; then by name. */
export function sortParties(parties: readonly Party[]): Party[] {
  return [...parties].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || cmp(a.name, b.name) || cmp(a.id, b.id));
}

/** Activities in display order: by `order`, then name, then id (stable when orders tie). */
export function sortActivities(activities: readonly RaciActivity[]): RaciActivity[] {
  return [...activities].sort((a, b) => a.order - b.order || cmp(a.name, b.name) || cmp(a.id, b.id));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Letters of every cell keyed by `activityId` then `partyId`; duplicate records for one cell are merged. */
export function raciCells(assignments: readonly RaciAssignment[]): Map<string, Map<string, RaciLetter[]>> {
  const out = new Map<string, Map<string, RaciLetter[]>>();
  for (const a of assignments) {
    let row = out.get(a.activityId);
    if (!row) out.set(a.activityId, (row = new Map()));
    row.set(a.partyId, normaliseRoles([...(row.get(a.partyId) ?? []), ...a.roles]));
  }
  return out;
}

/**
 * Checks every lane: exactly one A, at least one R, and a written split when two or more parties
 * are R. Assignments to parties or lanes that no longer exist are ignored (they are not shown).
 */
export function validateRaci(
  activities: readonly RaciActivity[],
  assignments: readonly RaciAssignment[],
  parties: readonly Party[],
): RaciValidation {
  const ordered = sortParties(parties);
  const cells = raciCells(assignments);
  const lanes: RaciLaneCheck[] = [];
  for (const activity of sortActivities(activities)) {
    const row = cells.get(activity.id) ?? new Map<string, RaciLetter[]>();
    const has = (p: Party, l: RaciLetter) => (row.get(p.id) ?? []).includes(l);
    const accountable = ordered.filter((p) => has(p, 'A'));
    const responsible = ordered.filter((p) => has(p, 'R'));
    const lane = activity.name;
    const issues: RaciIssue[] = [];
    const base = { activityId: activity.id, lane };
    const internal = ordered.find((p) => p.kind === 'internal') ?? null;

    if (responsible.length >= 2 && activity.splitNote.trim() === '') {
      issues.push({
        ...base,
        kind: 'raci-collision',
        partyIds: responsible.map((p) => p.id),
        suggestedPartyId: null,
        message:
          `${joinNames(responsible.map((p) => p.name))} are ${responsible.length === 2 ? 'both' : 'all'} ` +
          `responsible for ${lane} with no written split: write down who does what, or keep one party R.`,
      });
    }
    if (responsible.length === 0) {
      issues.push({
        ...base,
        kind: 'raci-gap',
        partyIds: [],
        suggestedPartyId: null,
        message: `Nobody is responsible for ${lane}: mark at least one party R.`,
      });
    }
    if (accountable.length === 0) {
      // Suggest the sole R if there is one, else Internal IT, which keeps control in co-managed IT.
      const suggestion = responsible.length === 1 ? (responsible[0] ?? null) : internal;
      issues.push({
        ...base,
        kind: 'raci-accountable',
        partyIds: [],
        suggestedPartyId: suggestion?.id ?? null,
        message:
          `Nobody is accountable for ${lane}: mark exactly one party A` +
          (suggestion ? ` (suggested: ${suggestion.name}).` : '.'),
      });
    } else if (accountable.length > 1) {
      // Deterministic suggestion: the one A that is also R, else Internal IT if it is among them,
      // else the first in party order.
      const alsoR = accountable.filter((p) => has(p, 'R'));
      const suggestion =
        alsoR.length === 1 ? alsoR[0] : (accountable.find((p) => p.id === internal?.id) ?? alsoR[0] ?? accountable[0]);
      const names = joinNames(accountable.map((p) => p.name));
      issues.push({
        ...base,
        kind: 'raci-accountable',
        partyIds: accountable.map((p) => p.id),
        suggestedPartyId: suggestion?.id ?? null,
        message:
          `Choose one accountable party for ${lane}: ${names} are ${accountable.length === 2 ? 'both' : 'all'} A` +
          (suggestion ? `; ${suggestion.name} should own it and the others become C or I.` : '.'),
      });
    }
    lanes.push({
      ...base,
      accountable: accountable.map((p) => p.id),
      responsible: responsible.map((p) => p.id),
      issues,
    });
  }
  const issues = lanes.flatMap((l) => l.issues);
  const summary: RaciSummary = {
    lanes: lanes.length,
    lanesOk: lanes.filter((l) => l.issues.length === 0).length,
    'raci-collision': issues.filter((i) => i.kind === 'raci-collision').length,
    'raci-gap': issues.filter((i) => i.kind === 'raci-gap').length,
    'raci-accountable': issues.filter((i) => i.kind === 'raci-accountable').length,
  };
  return { lanes, issues, summary };
}

/** Letters deduplicated and put in the canonical order R, A, C, I. */
export function normaliseRoles(roles: readonly RaciLetter[]): RaciLetter[] {
  return RACI_LETTERS.filter((l) => roles.includes(l));
}

/** Adds the letter to a cell or removes it if present (a keypress in the matrix), canonical order. */
export function toggleLetter(roles: readonly RaciLetter[], letter: RaciLetter): RaciLetter[] {
  return roles.includes(letter)
    ? normaliseRoles(roles.filter((l) => l !== letter))
    : normaliseRoles([...roles, letter]);
}

/**
 * Parses letters typed into a cell ("ar", "A/R", "r, a", "" for none) into canonical order.
 * Returns null when anything other than R, A, C, I and separators (space , / + ;) is typed, so the
 * cell can say what is wrong instead of silently dropping a character.
 */
export function parseRaciLetters(text: string): RaciLetter[] | null {
  const out: RaciLetter[] = [];
  for (const ch of text.toUpperCase()) {
    if (' ,/+;'.includes(ch)) continue;
    const letter = RACI_LETTERS.find((l) => l === ch);
    if (!letter) return null;
    out.push(letter);
  }
  return normaliseRoles(out);
}

/** Canonical text of a cell, e.g. "R/A" ("" for an empty cell). */
export function formatRaciLetters(roles: readonly RaciLetter[]): string {
  return normaliseRoles(roles).join('/');
}

export type RaciCell = RaciVersion['cells'][number];

/**
 * The matrix as named cells (lane name × party name), in display order, empty cells left out:
 * the content of a RaciVersion. Names rather than ids so a frozen version still reads after a
 * party or lane is renamed or deleted.
 */
export function raciSnapshotCells(
  activities: readonly RaciActivity[],
  assignments: readonly RaciAssignment[],
  parties: readonly Party[],
): RaciCell[] {
  const cells = raciCells(assignments);
  const out: RaciCell[] = [];
  const ordered = sortParties(parties);
  for (const activity of sortActivities(activities)) {
    const row = cells.get(activity.id);
    if (!row) continue;
    for (const party of ordered) {
      const roles = row.get(party.id) ?? [];
      if (roles.length > 0) out.push({ activity: activity.name, party: party.name, roles });
    }
  }
  return out;
}

/** A RaciVersion record for a quarter (id, workspace and save time come from the caller). */
export function raciSnapshot(
  activities: readonly RaciActivity[],
  assignments: readonly RaciAssignment[],
  parties: readonly Party[],
  meta: { id: string; workspaceId: string; quarter: string; savedAt: string },
): RaciVersion {
  return { ...meta, cells: raciSnapshotCells(activities, assignments, parties) };
}

export type RaciCellChange = { activity: string; party: string; before: RaciLetter[]; after: RaciLetter[] };
export type RaciDiff = { added: RaciCell[]; removed: RaciCell[]; changed: RaciCellChange[] };

/**
 * What changed between two versions of the matrix ("what changed since last QBR"): cells that
 * gained letters from nothing, cells that lost all letters, and cells whose letters changed.
 * Added and changed follow the new version's order, removed the old one's.
 */
export function raciDiff(prev: readonly RaciCell[], next: readonly RaciCell[]): RaciDiff {
  const key = (c: RaciCell) => `${c.activity}\u0000${c.party}`;
  const before = new Map<string, RaciLetter[]>();
  for (const c of prev) before.set(key(c), normaliseRoles([...(before.get(key(c)) ?? []), ...c.roles]));
  const after = new Map<string, RaciLetter[]>();
  for (const c of next) after.set(key(c), normaliseRoles([...(after.get(key(c)) ?? []), ...c.roles]));

  const added: RaciCell[] = [];
  const changed: RaciCellChange[] = [];
  const seen = new Set<string>();
  for (const c of next) {
    const k = key(c);
    if (seen.has(k)) continue;
    seen.add(k);
    const now = after.get(k) ?? [];
    const was = before.get(k) ?? [];
    if (now.length === 0 && was.length === 0) continue;
    if (was.length === 0) added.push({ activity: c.activity, party: c.party, roles: now });
    else if (now.length === 0)
      continue; // reported under removed below
    else if (now.join() !== was.join()) changed.push({ activity: c.activity, party: c.party, before: was, after: now });
  }
  const removed: RaciCell[] = [];
  const seenPrev = new Set<string>();
  for (const c of prev) {
    const k = key(c);
    if (seenPrev.has(k)) continue;
    seenPrev.add(k);
    const was = before.get(k) ?? [];
    if (was.length > 0 && (after.get(k) ?? []).length === 0)
      removed.push({ activity: c.activity, party: c.party, roles: was });
  }
  return { added, removed, changed };
}
