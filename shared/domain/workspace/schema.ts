/** Workspace and party records (SPEC §2). */
import { z } from 'zod';
import { Id, IsoDateTime, ShortText, Scoped } from '../common';

export const ImageAsset = z.object({
  mime: z.enum(['image/png', 'image/jpeg']),
  /** base64 data URL; capped at ~2 MB of base64. */
  dataUrl: z
    .string()
    .max(2_800_000)
    .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, 'expected a base64 PNG or JPEG data URL'),
});
export type ImageAsset = z.infer<typeof ImageAsset>;

export const Workspace = z.object({
  id: Id,
  name: ShortText.min(1),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD'),
  locale: z.string().min(2).max(35),
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  userCount: z.number().int().min(0).max(10_000_000),
  endpointCount: z.number().int().min(0).max(10_000_000),
  serverCount: z.number().int().min(0).max(10_000_000),
  logo: ImageAsset.nullable(),
  partnerName: ShortText,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Workspace = z.infer<typeof Workspace>;

export const PARTY_KINDS = ['internal', 'partner', 'vendor', 'business'] as const;
export const Party = Scoped.extend({
  name: ShortText.min(1),
  kind: z.enum(PARTY_KINDS),
  /** Short label for narrow columns, e.g. "IT" or "MSP". */
  shortName: z.string().max(12),
});
export type Party = z.infer<typeof Party>;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const PartyRule = Scoped.extend({
  /** Case-insensitive substring of the ticket's assignment group. */
  pattern: ShortText.min(1),
  partyId: Id,
  order: z.number().int().min(0),
});
export type PartyRule = z.infer<typeof PartyRule>;
