/**
 * The deck's section keys, in their default order (SPEC §3.8). Kept apart from the zod schemas so
 * code that only needs the keys (the CLI's chart worker) does not load zod.
 */
export const DECK_SECTIONS = [
  'cover',
  'agenda',
  'decisions',
  'executive-summary',
  'action-items',
  'service-performance',
  'security-posture',
  'risks',
  'roadmap',
  'budget',
  'staffing-sourcing',
  'governance',
  'what-changed',
  'next-steps',
  'appendix',
] as const;
export type DeckSectionKey = (typeof DECK_SECTIONS)[number];
