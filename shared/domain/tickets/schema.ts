/** Imported tickets and saved import settings (SPEC §2, §3.6). */
import { z } from 'zod';
import { Id, IsoDateTime, ShortText, Scoped } from '../common';

/** Wall-clock timestamp as given in the export, `YYYY-MM-DDTHH:MM:SS` (no zone, never shifted). */
export const WallClock = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/);

export const Ticket = Scoped.extend({
  ticketId: ShortText.min(1),
  openedAt: WallClock.nullable(),
  resolvedAt: WallClock.nullable(),
  closedAt: WallClock.nullable(),
  priority: ShortText,
  status: ShortText,
  category: ShortText,
  assignmentGroup: ShortText,
  partyId: Id.nullable(),
  slaMet: z.boolean().nullable(),
  firstContactResolved: z.boolean().nullable(),
  reopenCount: z.number().int().min(0).nullable(),
  importId: Id,
});
export type Ticket = z.infer<typeof Ticket>;

export const TicketImport = Scoped.extend({
  fileName: ShortText,
  importedAt: IsoDateTime,
  preset: z.string().max(32),
  rowsRead: z.number().int().min(0),
  tickets: z.number().int().min(0),
  rowsRejected: z.number().int().min(0),
  dataIssues: z.record(z.string().max(64), z.number().int().min(0)),
});
export type TicketImport = z.infer<typeof TicketImport>;

export const ImportMapping = Scoped.extend({
  name: ShortText.min(1),
  preset: z.string().max(32),
  /** Ticket field → source column name. */
  columns: z.record(z.string().max(64), z.string().max(200)),
  dateFormat: z.string().max(40).nullable(),
  delimiter: z.enum([',', ';', '\t']).nullable(),
});
export type ImportMapping = z.infer<typeof ImportMapping>;
