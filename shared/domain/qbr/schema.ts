/** QBRs and their frozen snapshots (SPEC §2, §3.8). */
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, LongText, Quarter, Scoped, ShortText } from '../common';
import { ImageAsset } from '../workspace/schema';

import { DECK_SECTIONS } from './deck-sections';

export { DECK_SECTIONS, type DeckSectionKey } from './deck-sections';

export const Qbr = Scoped.extend({
  quarter: Quarter,
  title: ShortText.min(1),
  date: IsoDate,
  attendees: z.array(z.object({ name: ShortText, role: ShortText, partyId: Id.nullable() })).max(100),
  agenda: z.array(z.object({ title: ShortText, minutes: z.number().int().min(0).max(600) })).max(50),
  executiveSummary: LongText,
  wins: z.array(LongText).max(50),
  pains: z.array(LongText).max(50),
  /** Decision ids shown in "Decisions requested" (in order). */
  decisionIds: z.array(Id).max(100),
  sections: z.array(z.object({ key: z.enum(DECK_SECTIONS), enabled: z.boolean() })).max(30),
  preset: z.enum(['executive', 'full']),
  theme: z.object({
    accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    orgLogo: ImageAsset.nullable(),
    partnerLogo: ImageAsset.nullable(),
  }),
  nextQbrDate: IsoDate.nullable(),
  status: z.enum(['draft', 'closed']),
  closedAt: IsoDateTime.nullable(),
});
export type Qbr = z.infer<typeof Qbr>;

export const QbrSnapshot = Scoped.extend({
  qbrId: Id,
  quarter: Quarter,
  createdAt: IsoDateTime,
  /** SHA-256 of the canonical JSON of `data`, lowercase hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Every number the deck used, frozen. Shape owned by shared/deck. */
  data: z.unknown(),
});
export type QbrSnapshot = z.infer<typeof QbrSnapshot>;
