/**
 * Assignment group → party (SPEC §3.6 "assignment-group → party rules"): the rules are tried in their
 * `order` (then list order); the first whose pattern is a case-insensitive substring of the group wins.
 * No match (or an empty group) gives null: the ticket is shown as "unassigned to a party".
 */
import type { PartyRule } from '../workspace/schema';

export type PartyRuleLike = Pick<PartyRule, 'pattern' | 'partyId' | 'order'>;

/** The party of an assignment group under ordered substring rules; null when no rule matches. */
export function partyForGroup(rules: readonly PartyRuleLike[], assignmentGroup: string): string | null {
  const group = assignmentGroup.trim().toLowerCase();
  if (group === '') return null;
  for (const r of sortRules(rules)) {
    const p = r.pattern.trim().toLowerCase();
    if (p !== '' && group.includes(p)) return r.partyId;
  }
  return null;
}

/** Rules in the order they are tried (stable for equal `order`). */
export function sortRules<T extends PartyRuleLike>(rules: readonly T[]): T[] {
  return rules
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.order - b.r.order || a.i - b.i)
    .map((x) => x.r);
}

/**
 * A memoising matcher for bulk use (an import has few distinct groups but many tickets): same answers
 * as `partyForGroup`.
 */
export function partyMatcher(rules: readonly PartyRuleLike[]): (assignmentGroup: string) => string | null {
  const sorted = sortRules(rules);
  const cache = new Map<string, string | null>();
  return (group) => {
    let v = cache.get(group);
    if (v === undefined) {
      v = partyForGroup(sorted, group);
      cache.set(group, v);
    }
    return v;
  };
}
