/** Building blocks shared by every domain schema: ids, money, months, quarters, safe strings. */
import { z } from 'zod';

/** Integer minor units (cents). Money is never a float anywhere in Quarterdeck. */
export const Money = z.number().int().min(-1e15).max(1e15);
export type Money = z.infer<typeof Money>;

export const Id = z.string().min(1).max(100);
/** Text typed by a user: capped so a hostile backup cannot fill memory with one field. */
export const ShortText = z.string().max(500);
export const LongText = z.string().max(20_000);

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
export const QUARTER_RE = /^\d{4}-Q[1-4]$/;
export const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar month, `YYYY-MM`. */
export const Month = z.string().regex(MONTH_RE, 'expected a month as YYYY-MM');
/** A fiscal quarter, `YYYY-Qn` (YYYY = the fiscal year, named by the calendar year it ends in). */
export const Quarter = z.string().regex(QUARTER_RE, 'expected a quarter as YYYY-Qn');
/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.string().regex(DATE_RE, 'expected a date as YYYY-MM-DD');
/** An ISO 8601 timestamp. */
export const IsoDateTime = z.string().datetime({ offset: true, local: true });
export const Period = z.union([Month, Quarter]);

export const Percent = z.number().min(-1000).max(1000);
export const Pct0to100 = z.number().min(0).max(100);

/** Every stored record belongs to exactly one workspace. */
export const Scoped = z.object({ id: Id, workspaceId: Id });
