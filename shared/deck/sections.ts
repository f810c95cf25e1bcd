/**
 * Deck sections: their titles (fixed, so readers and tools can find them), the order rules and
 * the presets. Executive keeps the board's essentials on one page each (≤ 8 pages); Full shows
 * every enabled section with its detail pages (12–20 pages on a typical workspace).
 */
import { DECK_SECTIONS, type DeckSectionKey } from '../domain/qbr/deck-sections';

export type DeckPreset = 'executive' | 'full';

export const SECTION_TITLES: Record<DeckSectionKey, string> = {
  cover: 'Quarterly business review',
  agenda: 'Agenda',
  decisions: 'Decisions requested',
  'executive-summary': 'Executive summary',
  'action-items': 'Action items',
  'service-performance': 'Service performance',
  'security-posture': 'Security posture',
  risks: 'Risks',
  roadmap: 'Roadmap',
  budget: 'Budget',
  'staffing-sourcing': 'Staffing and sourcing',
  governance: 'Governance',
  'what-changed': 'What changed since last QBR',
  'next-steps': 'Next steps',
  appendix: 'Appendix',
};

/** The sections the Executive preset keeps (one page each); the others are Full-only. */
export const EXECUTIVE_SECTIONS: ReadonlySet<DeckSectionKey> = new Set<DeckSectionKey>([
  'cover',
  'agenda',
  'decisions',
  'executive-summary',
  'service-performance',
  'roadmap',
  'budget',
  'next-steps',
]);

/** Sections pinned to the front in this order: the deck always opens on cover, agenda, decisions. */
const PINNED: readonly DeckSectionKey[] = ['cover', 'agenda', 'decisions'];

/**
 * The sections to render, in order: the QBR's order and toggles (keys it does not mention follow
 * in the default order, enabled), cover/agenda/decisions pinned first, filtered by the preset.
 */
export function orderedSections(
  sections: readonly { key: DeckSectionKey; enabled: boolean }[],
  preset: DeckPreset,
): DeckSectionKey[] {
  const seen = new Set<DeckSectionKey>();
  const order: { key: DeckSectionKey; enabled: boolean }[] = [];
  for (const s of sections) {
    if (seen.has(s.key) || !(DECK_SECTIONS as readonly string[]).includes(s.key)) continue;
    seen.add(s.key);
    order.push(s);
  }
  for (const key of DECK_SECTIONS) if (!seen.has(key)) order.push({ key, enabled: true });
  const enabled = order.filter((s) => s.enabled).map((s) => s.key);
  const pinned = PINNED.filter((k) => enabled.includes(k));
  const rest = enabled.filter((k) => !PINNED.includes(k));
  const all = [...pinned, ...rest];
  return preset === 'executive' ? all.filter((k) => EXECUTIVE_SECTIONS.has(k)) : all;
}
