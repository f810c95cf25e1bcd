/**
 * Decision log (SPEC §3.7) linked to roadmap items flagged "needs decision" — the deck leads with
 * the decisions requested (SPEC §3.8 section 2), so every flagged item should have a Decision.
 */
import type { RoadmapItem } from '../roadmap/schema';
import type { Decision } from './schema';

const SHORT_TEXT_MAX = 500;

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Open roadmap items flagged "needs decision", most important first (priority 1 = highest), then by start. */
export function itemsNeedingDecision(items: readonly RoadmapItem[]): RoadmapItem[] {
  return items
    .filter((i) => i.needsDecision && i.status !== 'done' && i.status !== 'cancelled')
    .sort(
      (a, b) => a.priority - b.priority || cmp(a.startMonth, b.startMonth) || cmp(a.title, b.title) || cmp(a.id, b.id),
    );
}

/** Decisions that name the item, newest first. */
export function decisionsForItem(decisions: readonly Decision[], itemId: string): Decision[] {
  return decisions
    .filter((d) => d.linkedItemIds.includes(itemId))
    .sort((a, b) => cmp(b.date, a.date) || cmp(a.id, b.id));
}

export type PendingDecision = { item: RoadmapItem; decision: Decision | null };

/** Each item needing a decision with its latest linked decision (null: none recorded yet). */
export function pendingDecisions(items: readonly RoadmapItem[], decisions: readonly Decision[]): PendingDecision[] {
  return itemsNeedingDecision(items).map((item) => ({
    item,
    decision: decisionsForItem(decisions, item.id)[0] ?? null,
  }));
}

/** Requested decisions (still waiting for an answer), oldest first: what the deck asks for. */
export function requestedDecisions(decisions: readonly Decision[]): Decision[] {
  return decisions.filter((d) => d.status === 'requested').sort((a, b) => cmp(a.date, b.date) || cmp(a.id, b.id));
}

/**
 * A "requested" Decision drafted from a roadmap item that needs one: its decision text (or a
 * default question), the recommended option as the first option, linked to the item. The id and
 * date come from the caller (shared/ has no clock or randomness).
 */
export function decisionDraftFromItem(item: RoadmapItem, meta: { id: string; date: string }): Decision {
  const recommended = item.recommendedOption.trim().slice(0, SHORT_TEXT_MAX);
  const text = item.decisionText.trim() || `Approve "${item.title}" (${item.startMonth} to ${item.endMonth})?`;
  return {
    id: meta.id,
    workspaceId: item.workspaceId,
    text,
    options: recommended ? [recommended] : [],
    recommendedOption: recommended,
    rationale: '',
    status: 'requested',
    date: meta.date,
    linkedItemIds: [item.id],
  };
}
