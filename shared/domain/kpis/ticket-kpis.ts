/**
 * KPI maths over imported tickets, exactly as SPEC §3.6, for a period P = [start, end):
 * - resolution time = resolved at, else closed at; resolution duration = resolution time − opened at,
 *   in hours (zero is valid); timestamps decide, never the status text;
 * - tickets_opened = opened at in P; tickets_resolved = resolution time in P;
 * - backlog = opened before end and no resolution time before end;
 * - mttr_hours / median_ttr_hours = mean / median duration of the tickets resolved in P (median of an
 *   even count = mean of the two middle values); a negative duration is left out of both and reported
 *   as a data issue, the ticket still counts as resolved;
 * - sla_attainment = 100 × SLA-met / tickets with an SLA flag, among tickets resolved in P; fcr and
 *   reopen_rate (reopen count > 0) likewise over the tickets that carry the field; null when none do;
 * - periods: every month or (calendar or fiscal) quarter from the first to the last holding an opened
 *   or resolution time, empty ones included;
 * - wall-clock timestamps are compared as given.
 * First-contact resolution may come from a separate set of contacts (e.g. service-desk interactions,
 * where the flag lives): then fcr is computed over the contacts resolved in P in the same way.
 */
import { fiscalQuarterOf, monthFromIndex } from '../periods';
import type { Ticket } from '../tickets/schema';
import { daysFromCivil, monthIndexOfSeconds, wallClockSeconds } from '../../import/dates';
import type { KpiSnapshot, Provenance } from './schema';

export type TicketForKpis = Pick<
  Ticket,
  | 'ticketId'
  | 'openedAt'
  | 'resolvedAt'
  | 'closedAt'
  | 'priority'
  | 'partyId'
  | 'slaMet'
  | 'firstContactResolved'
  | 'reopenCount'
>;
export type ContactForKpis = Pick<Ticket, 'resolvedAt' | 'closedAt' | 'priority' | 'partyId' | 'firstContactResolved'>;

export type PeriodKind = 'month' | 'quarter';

export type TicketKpiOptions = {
  period: PeriodKind;
  /** First month of the fiscal year (1 = calendar quarters). */
  fiscalStartMonth?: number;
  /** When given, fcr is computed from these contacts instead of the tickets. */
  contacts?: readonly ContactForKpis[];
  /** Split by party (default: when any ticket has a party). */
  byParty?: boolean;
  /** Ticket ids listed per data issue (all are counted). */
  maxListed?: number;
};

/** The eight ticket KPIs of one period and segment (percentages 0–100). */
export type TicketKpiValues = {
  tickets_opened: number;
  tickets_resolved: number;
  backlog: number;
  mttr_hours: number | null;
  median_ttr_hours: number | null;
  sla_attainment: number | null;
  fcr: number | null;
  reopen_rate: number | null;
};

/** What the values are computed from: the weights for later aggregation. */
export type TicketKpiCounts = {
  /** Resolved tickets with a usable (non-negative) duration: the weight of mttr and median. */
  durations: number;
  slaFlagged: number;
  slaMet: number;
  fcrFlagged: number;
  fcrYes: number;
  reopenFlagged: number;
  reopened: number;
};

export type SegmentKpis = TicketKpiValues & { counts: TicketKpiCounts };
export type PeriodKpis = SegmentKpis & { byPriority: Map<string, SegmentKpis>; byParty: Map<string, SegmentKpis> };

export type TicketKpiResult = {
  period: PeriodKind;
  fiscalStartMonth: number;
  /** Periods in order, keyed `YYYY-MM` or `YYYY-Qn`. */
  periods: Map<string, PeriodKpis>;
  dataIssues: {
    negativeDurations: number;
    missingOpenedAt: number;
    unreadableTimestamps: number;
  };
  /** The first tickets with a negative duration (ids). */
  negativeDurationTickets: string[];
};

/** Key used for tickets without a priority / without a party in the splits. */
export const NO_PRIORITY = '(none)';
export const NO_PARTY = '(unmatched)';

/**
 * Tickets in columns: what the maths reads, already parsed. The importer produces this directly
 * (no timestamp strings round trip); `ticketColumns` builds it from stored Ticket records.
 */
export type TicketColumns = {
  count: number;
  ids: readonly string[];
  /** Wall-clock seconds of opened at; NaN when missing. */
  opened: Float64Array;
  /** Wall-clock seconds of the resolution time (resolved, else closed); NaN when none. */
  resolution: Float64Array;
  priority: readonly string[];
  party: readonly (string | null)[];
  /** -1 = no flag, 0 = false, 1 = true. */
  sla: Int8Array;
  fcr: Int8Array;
  /** -1 = no reopen count, 0 = never reopened, 1 = reopened at least once. */
  reopened: Int8Array;
};

/** Contacts in columns (for fcr from a separate file): resolution time, priority, party and flag. */
export type ContactColumns = Pick<TicketColumns, 'count' | 'resolution' | 'priority' | 'party' | 'fcr'>;

const flag = (b: boolean | null): number => (b === null ? -1 : b ? 1 : 0);

/** Parses stored tickets into columns; `unreadable` counts timestamps that are not WallClock strings. */
export function ticketColumns(tickets: readonly TicketForKpis[]): TicketColumns & { unreadable: number } {
  const n = tickets.length;
  const cols = {
    count: n,
    ids: tickets.map((t) => t.ticketId),
    opened: new Float64Array(n),
    resolution: new Float64Array(n),
    priority: tickets.map((t) => t.priority),
    party: tickets.map((t) => t.partyId),
    sla: new Int8Array(n),
    fcr: new Int8Array(n),
    reopened: new Int8Array(n),
    unreadable: 0,
  };
  for (let i = 0; i < n; i++) {
    const t = tickets[i]!;
    cols.opened[i] = t.openedAt === null ? Number.NaN : wallClockSeconds(t.openedAt);
    if (t.openedAt !== null && Number.isNaN(cols.opened[i]!)) cols.unreadable++;
    const res = t.resolvedAt ?? t.closedAt;
    cols.resolution[i] = res === null ? Number.NaN : wallClockSeconds(res);
    if (res !== null && Number.isNaN(cols.resolution[i]!)) cols.unreadable++;
    cols.sla[i] = flag(t.slaMet);
    cols.fcr[i] = flag(t.firstContactResolved);
    cols.reopened[i] = t.reopenCount === null ? -1 : t.reopenCount > 0 ? 1 : 0;
  }
  return cols;
}

/** Contacts into columns. */
export function contactColumns(contacts: readonly ContactForKpis[]): ContactColumns {
  const n = contacts.length;
  const resolution = new Float64Array(n);
  const fcr = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const c = contacts[i]!;
    const res = c.resolvedAt ?? c.closedAt;
    resolution[i] = res === null ? Number.NaN : wallClockSeconds(res);
    fcr[i] = flag(c.firstContactResolved);
  }
  return {
    count: n,
    resolution,
    priority: contacts.map((c) => c.priority),
    party: contacts.map((c) => c.partyId),
    fcr,
  };
}

/** Computes the SPEC §3.6 ticket KPIs per period, overall and split by priority and party. */
export function computeTicketKpis(tickets: readonly TicketForKpis[], options: TicketKpiOptions): TicketKpiResult {
  const cols = ticketColumns(tickets);
  const { contacts, ...rest } = options;
  const r = computeTicketKpisFromColumns(cols, { ...rest, contacts: contacts ? contactColumns(contacts) : undefined });
  r.dataIssues.unreadableTimestamps += cols.unreadable;
  return r;
}

/**
 * The same maths over columns (the importer's fast path). What does not depend on the period kind
 * is remembered per columns object, so months and quarters of one import cost one pass: columns are
 * treated as immutable once computed on.
 */
export function computeTicketKpisFromColumns(
  cols: TicketColumns,
  options: Omit<TicketKpiOptions, 'contacts'> & { contacts?: ContactColumns },
): TicketKpiResult {
  const fs = options.fiscalStartMonth ?? 1;
  const maxListed = options.maxListed ?? 100;
  const quarter = options.period === 'quarter';
  const n = cols.count;
  const periodKey = (p: number): string =>
    quarter ? fiscalQuarterOf(monthFromIndex(p * 3 + fs - 1), fs) : monthFromIndex(p);
  // Month indexes, durations and groups do not depend on the period kind: computed once per set of
  // columns (months and quarters of one import share them).
  const prep = prepared(cols, maxListed);
  const { negativeDurations, missingOpenedAt, negativeIds } = prep;
  const toPeriod = (mi: number): number => (mi < 0 ? -1 : quarter ? Math.floor((mi - (fs - 1)) / 3) : mi);
  let o = prep.om;
  let r = prep.rm;
  if (quarter) {
    o = new Int32Array(n);
    r = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      o[i] = toPeriod(prep.om[i]!);
      r[i] = toPeriod(prep.rm[i]!);
    }
  }
  const periods = new Map<string, PeriodKpis>();
  const dataIssues = { negativeDurations, missingOpenedAt, unreadableTimestamps: 0 };
  if (prep.minMonth < 0) {
    return { period: options.period, fiscalStartMonth: fs, periods, dataIssues, negativeDurationTickets: negativeIds };
  }
  const lo = toPeriod(prep.minMonth);
  const np = toPeriod(prep.maxMonth) - lo + 1;
  const t: Tallies = { o, r, dur: prep.dur, sla: cols.sla, fcr: cols.fcr, reopened: cols.reopened };

  // Contacts only add first-contact flags; they are attributed by their own resolution time.
  const contacts = options.contacts;
  let c: { r: Int32Array; fcr: Int8Array } | null = null;
  if (contacts) {
    const cm = preparedContacts(contacts);
    const cr = new Int32Array(contacts.count);
    for (let i = 0; i < contacts.count; i++) cr[i] = toPeriod(cm.rm[i]!);
    c = { r: cr, fcr: contacts.fcr };
  }

  const splitParty = options.byParty ?? prep.anyParty;
  const priorityGroups = prep.priorityGroups;
  const contactPriorityGroups = contacts ? preparedContacts(contacts).priorityGroups : null;
  const partyGroups = splitParty ? prep.partyGroups : new Map<string, number[]>();
  const contactPartyGroups = contacts && splitParty ? preparedContacts(contacts).partyGroups : null;

  const overall = series(t, null, lo, np, c, null);
  const segmentSeries = (
    groups: Map<string, number[]>,
    contactGroups: Map<string, number[]> | null,
  ): [string, Series][] => {
    const keys = new Set([...groups.keys(), ...(contactGroups ? contactGroups.keys() : [])]);
    return [...keys]
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((k) => [k, series(t, groups.get(k) ?? [], lo, np, c, c ? (contactGroups?.get(k) ?? []) : null)]);
  };
  const prioritySeries = segmentSeries(priorityGroups, contactPriorityGroups);
  const partySeries = splitParty ? segmentSeries(partyGroups, contactPartyGroups) : [];

  for (let p = 0; p < np; p++) {
    periods.set(periodKey(lo + p), {
      ...valuesAt(overall, p),
      byPriority: new Map(prioritySeries.map(([k, s]) => [k, valuesAt(s, p)])),
      byParty: new Map(partySeries.map(([k, s]) => [k, valuesAt(s, p)])),
    });
  }
  return { period: options.period, fiscalStartMonth: fs, periods, dataIssues, negativeDurationTickets: negativeIds };
}

type Prepared = {
  /** Month index of opened at / of the resolution time; -1 when none. */
  om: Int32Array;
  rm: Int32Array;
  /** Resolution duration in hours; NaN when not computable or negative (left out). */
  dur: Float64Array;
  minMonth: number;
  maxMonth: number;
  negativeDurations: number;
  missingOpenedAt: number;
  negativeIds: string[];
  priorityGroups: Map<string, number[]>;
  partyGroups: Map<string, number[]>;
  anyParty: boolean;
};
const PREPARED = new WeakMap<TicketColumns, Prepared>();
const PREPARED_CONTACTS = new WeakMap<
  ContactColumns,
  { rm: Int32Array; priorityGroups: Map<string, number[]>; partyGroups: Map<string, number[]> }
>();

function prepared(cols: TicketColumns, maxListed: number): Prepared {
  const hit = PREPARED.get(cols);
  if (hit && hit.negativeIds.length >= Math.min(maxListed, hit.negativeDurations)) return hit;
  const n = cols.count;
  const monthOf = dayToMonthTable(cols);
  const om = new Int32Array(n);
  const rm = new Int32Array(n);
  const dur = new Float64Array(n);
  let negativeDurations = 0;
  let missingOpenedAt = 0;
  const negativeIds: string[] = [];
  let minMonth = Infinity;
  let maxMonth = -Infinity;
  for (let i = 0; i < n; i++) {
    const os = cols.opened[i]!;
    const rs = cols.resolution[i]!;
    let op = -1;
    let rp = -1;
    if (Number.isNaN(os)) missingOpenedAt++;
    else {
      op = monthOf(os);
      if (op < minMonth) minMonth = op;
      if (op > maxMonth) maxMonth = op;
    }
    if (!Number.isNaN(rs)) {
      rp = monthOf(rs);
      if (rp < minMonth) minMonth = rp;
      if (rp > maxMonth) maxMonth = rp;
    }
    om[i] = op;
    rm[i] = rp;
    let d = Number.NaN;
    if (op >= 0 && rp >= 0) {
      d = (rs - os) / 3600;
      if (d < 0) {
        negativeDurations++;
        if (negativeIds.length < maxListed) negativeIds.push(cols.ids[i]!);
        d = Number.NaN;
      }
    }
    dur[i] = d;
  }
  const p: Prepared = {
    om,
    rm,
    dur,
    minMonth: minMonth === Infinity ? -1 : minMonth,
    maxMonth: maxMonth === -Infinity ? -1 : maxMonth,
    negativeDurations,
    missingOpenedAt,
    negativeIds,
    priorityGroups: groupIndexes(cols.priority, (v) => (v === '' ? NO_PRIORITY : v)),
    partyGroups: groupIndexes(cols.party, (v) => v ?? NO_PARTY),
    anyParty: cols.party.some((v) => v !== null),
  };
  PREPARED.set(cols, p);
  return p;
}

function preparedContacts(contacts: ContactColumns): {
  rm: Int32Array;
  priorityGroups: Map<string, number[]>;
  partyGroups: Map<string, number[]>;
} {
  const hit = PREPARED_CONTACTS.get(contacts);
  if (hit) return hit;
  const rm = new Int32Array(contacts.count);
  for (let i = 0; i < contacts.count; i++) {
    const rs = contacts.resolution[i]!;
    rm[i] = Number.isNaN(rs) ? -1 : monthIndexOfSeconds(rs);
  }
  const p = {
    rm,
    priorityGroups: groupIndexes(contacts.priority, (v) => (v === '' ? NO_PRIORITY : v)),
    partyGroups: groupIndexes(contacts.party, (v) => v ?? NO_PARTY),
  };
  PREPARED_CONTACTS.set(contacts, p);
  return p;
}

type Tallies = {
  o: Int32Array;
  r: Int32Array;
  dur: Float64Array;
  sla: Int8Array;
  fcr: Int8Array;
  reopened: Int8Array;
};

type Series = {
  opened: Int32Array;
  resolved: Int32Array;
  backlog: Int32Array;
  /** Mean and median duration per period; NaN when none. */
  mean: Float64Array;
  median: Float64Array;
  durations: Int32Array;
  slaFlagged: Int32Array;
  slaMet: Int32Array;
  fcrFlagged: Int32Array;
  fcrYes: Int32Array;
  reopenFlagged: Int32Array;
  reopened: Int32Array;
};

function groupIndexes<T>(values: readonly T[], keyOf: (v: T) => string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let i = 0; i < values.length; i++) {
    const k = keyOf(values[i]!);
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  }
  return out;
}

/**
 * Per-period tallies of the tickets at `idx` (all when null) and, for fcr, of the contacts at
 * `contactIdx` (all when null; contacts replace the tickets' own flag when `contacts` is given).
 */
function series(
  t: Tallies,
  idx: readonly number[] | null,
  lo: number,
  n: number,
  contacts: { r: Int32Array; fcr: Int8Array } | null,
  contactIdx: readonly number[] | null,
): Series {
  const s: Series = {
    opened: new Int32Array(n),
    resolved: new Int32Array(n),
    backlog: new Int32Array(n),
    mean: new Float64Array(n).fill(Number.NaN),
    median: new Float64Array(n).fill(Number.NaN),
    durations: new Int32Array(n),
    slaFlagged: new Int32Array(n),
    slaMet: new Int32Array(n),
    fcrFlagged: new Int32Array(n),
    fcrYes: new Int32Array(n),
    reopenFlagged: new Int32Array(n),
    reopened: new Int32Array(n),
  };
  // Backlog by a difference array: a ticket is open at the end of period p when opened in a period
  // ≤ p (opened before end) and not resolved in a period ≤ p (no resolution time before end).
  const diff = new Int32Array(n + 1);
  const count = idx === null ? t.o.length : idx.length;
  let withDuration = 0;
  for (let j = 0; j < count; j++) {
    const i = idx === null ? j : idx[j]!;
    const op = t.o[i]!;
    const rp = t.r[i]!;
    if (op >= 0) {
      const oo = op - lo;
      s.opened[oo]!++;
      diff[oo]!++;
      diff[rp >= 0 ? Math.max(rp - lo, oo) : n]!--;
    }
    if (rp >= 0) {
      const rr = rp - lo;
      s.resolved[rr]!++;
      if (!Number.isNaN(t.dur[i]!)) {
        s.durations[rr]!++;
        withDuration++;
      }
      const sla = t.sla[i]!;
      if (sla >= 0) {
        s.slaFlagged[rr]!++;
        s.slaMet[rr]! += sla;
      }
      if (contacts === null) {
        const f = t.fcr[i]!;
        if (f >= 0) {
          s.fcrFlagged[rr]!++;
          s.fcrYes[rr]! += f;
        }
      }
      const re = t.reopened[i]!;
      if (re >= 0) {
        s.reopenFlagged[rr]!++;
        s.reopened[rr]! += re;
      }
    }
  }
  let open = 0;
  for (let p = 0; p < n; p++) {
    open += diff[p]!;
    s.backlog[p] = open;
  }
  // Durations grouped by period in one typed buffer (counting sort), each group sorted for its median.
  const offset = new Int32Array(n + 1);
  for (let p = 0; p < n; p++) offset[p + 1] = offset[p]! + s.durations[p]!;
  const fill = offset.slice(0, n);
  const buf = new Float64Array(withDuration);
  for (let j = 0; j < count; j++) {
    const i = idx === null ? j : idx[j]!;
    const rp = t.r[i]!;
    const d = t.dur[i]!;
    if (rp >= 0 && !Number.isNaN(d)) buf[fill[rp - lo]!++] = d;
  }
  for (let p = 0; p < n; p++) {
    const a = offset[p]!;
    const b = offset[p + 1]!;
    if (a === b) continue;
    let sum = 0;
    for (let k = a; k < b; k++) sum += buf[k]!;
    s.mean[p] = sum / (b - a);
    const len = b - a;
    const m = a + (len >> 1);
    const upper = select(buf, a, b - 1, m);
    // Even count: the lower middle is the largest value left of m after the selection.
    if (len % 2 === 1) s.median[p] = upper;
    else {
      let lower = -Infinity;
      for (let k = a; k < m; k++) if (buf[k]! > lower) lower = buf[k]!;
      s.median[p] = (lower + upper) / 2;
    }
  }
  if (contacts) {
    const cc = contactIdx === null ? contacts.r.length : contactIdx.length;
    for (let j = 0; j < cc; j++) {
      const i = contactIdx === null ? j : contactIdx[j]!;
      const rp = contacts.r[i]!;
      const f = contacts.fcr[i]!;
      if (rp < lo || rp >= lo + n || f < 0) continue;
      s.fcrFlagged[rp - lo]!++;
      s.fcrYes[rp - lo]! += f;
    }
  }
  return s;
}

/**
 * Quickselect (Hoare): rearranges a[lo..hi] so a[k] holds the value a sort would put there, with
 * nothing larger before it. O(n) on average — a median needs no full sort.
 */
function select(a: Float64Array, lo: number, hi: number, k: number): number {
  let l = lo;
  let r = hi;
  while (l < r) {
    const pivot = a[(l + r) >> 1]!;
    let i = l;
    let j = r;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else break;
  }
  return a[k]!;
}

function valuesAt(s: Series, p: number): SegmentKpis {
  const pct = (num: number, den: number): number | null => (den > 0 ? (100 * num) / den : null);
  const mean = s.mean[p]!;
  const median = s.median[p]!;
  return {
    tickets_opened: s.opened[p]!,
    tickets_resolved: s.resolved[p]!,
    backlog: s.backlog[p]!,
    mttr_hours: Number.isNaN(mean) ? null : mean,
    median_ttr_hours: Number.isNaN(median) ? null : median,
    sla_attainment: pct(s.slaMet[p]!, s.slaFlagged[p]!),
    fcr: pct(s.fcrYes[p]!, s.fcrFlagged[p]!),
    reopen_rate: pct(s.reopened[p]!, s.reopenFlagged[p]!),
    counts: {
      durations: s.durations[p]!,
      slaFlagged: s.slaFlagged[p]!,
      slaMet: s.slaMet[p]!,
      fcrFlagged: s.fcrFlagged[p]!,
      fcrYes: s.fcrYes[p]!,
      reopenFlagged: s.reopenFlagged[p]!,
      reopened: s.reopened[p]!,
    },
  };
}

/**
 * Month index (year × 12 + month − 1) of wall-clock seconds, through a table over the days the
 * tickets and contacts span (falls back to calendar maths outside it, e.g. for a 500-year span).
 */
function dayToMonthTable(cols: TicketColumns): (sec: number) => number {
  let minDay = Infinity;
  let maxDay = -Infinity;
  const scanDays = (a: Float64Array, n: number): void => {
    for (let i = 0; i < n; i++) {
      const v = a[i]!;
      if (Number.isNaN(v)) continue;
      const d = Math.floor(v / 86400);
      if (d < minDay) minDay = d;
      if (d > maxDay) maxDay = d;
    }
  };
  scanDays(cols.opened, cols.count);
  scanDays(cols.resolution, cols.count);
  if (minDay === Infinity || maxDay - minDay > 40_000) return monthIndexOfSeconds;
  const table = new Int32Array(maxDay - minDay + 1);
  let m = monthIndexOfSeconds(minDay * 86400);
  let nextStart = daysFromCivil(Math.floor((m + 1) / 12), ((m + 1) % 12) + 1, 1);
  for (let d = minDay; d <= maxDay; d++) {
    if (d >= nextStart) {
      m++;
      nextStart = daysFromCivil(Math.floor((m + 1) / 12), ((m + 1) % 12) + 1, 1);
    }
    table[d - minDay] = m;
  }
  return (sec) => {
    const d = Math.floor(sec / 86400) - minDay;
    return d >= 0 && d < table.length ? table[d]! : monthIndexOfSeconds(sec);
  };
}

/** The overall first-contact-resolution figure of a set of contacts (all periods). */
export function contactFcr(contacts: readonly Pick<ContactForKpis, 'firstContactResolved'>[]): {
  flagged: number;
  yes: number;
  fcr: number | null;
} {
  let flagged = 0;
  let yes = 0;
  for (const c of contacts) {
    if (c.firstContactResolved === null) continue;
    flagged++;
    if (c.firstContactResolved) yes++;
  }
  return { flagged, yes, fcr: flagged > 0 ? (100 * yes) / flagged : null };
}

export const TICKET_KPI_KEYS = [
  'tickets_opened',
  'tickets_resolved',
  'backlog',
  'mttr_hours',
  'median_ttr_hours',
  'sla_attainment',
  'fcr',
  'reopen_rate',
] as const satisfies readonly (keyof TicketKpiValues)[];

/** Plain values of a segment (drops the counts), for JSON output. */
export function kpiValues(s: SegmentKpis): TicketKpiValues {
  const out = {} as TicketKpiValues;
  for (const k of TICKET_KPI_KEYS) (out as Record<string, number | null>)[k] = s[k];
  return out;
}

/**
 * The JSON shape of the CLI and of exports: periods → values with `byPriority` and `byParty` objects.
 * Data-derived keys (priorities, parties) become own properties (Object.fromEntries), so a priority
 * named `__proto__` cannot touch a prototype.
 */
export function ticketKpisToJson(
  result: TicketKpiResult,
): Record<
  string,
  TicketKpiValues & { byPriority: Record<string, TicketKpiValues>; byParty: Record<string, TicketKpiValues> }
> {
  return Object.fromEntries(
    [...result.periods.entries()].map(([key, p]) => [
      key,
      {
        ...kpiValues(p),
        byPriority: Object.fromEntries([...p.byPriority.entries()].map(([k, v]) => [k, kpiValues(v)])),
        byParty: Object.fromEntries([...p.byParty.entries()].map(([k, v]) => [k, kpiValues(v)])),
      },
    ]),
  );
}

/** Weight of a KPI value for later weighted aggregation (null for counts). */
function weightOf(key: (typeof TICKET_KPI_KEYS)[number], s: SegmentKpis): number | null {
  switch (key) {
    case 'mttr_hours':
    case 'median_ttr_hours':
      return s.counts.durations;
    case 'sla_attainment':
      return s.counts.slaFlagged;
    case 'fcr':
      return s.counts.fcrFlagged;
    case 'reopen_rate':
      return s.counts.reopenFlagged;
    case 'tickets_opened':
    case 'tickets_resolved':
    case 'backlog':
      return null;
  }
}

/**
 * Snapshot records of a KPI computation, one per period × KPI × segment with a value (null values
 * are skipped: "no data" is not zero). Segments: '' overall, `priority:<p>`, `party:<partyId>`.
 */
export function ticketKpiSnapshots(
  result: TicketKpiResult,
  opts: { workspaceId: string; newId: () => string; provenance: Provenance; note?: string },
): KpiSnapshot[] {
  const out: KpiSnapshot[] = [];
  const emit = (period: string, segment: string, s: SegmentKpis): void => {
    for (const key of TICKET_KPI_KEYS) {
      const value = s[key];
      if (value === null) continue;
      out.push({
        id: opts.newId(),
        workspaceId: opts.workspaceId,
        kpiKey: key,
        period,
        value,
        weight: weightOf(key, s),
        segment: segment.slice(0, 100),
        source: 'ticket-import',
        provenance: opts.provenance,
        note: opts.note ?? '',
      });
    }
  };
  for (const [period, p] of result.periods) {
    emit(period, '', p);
    for (const [k, s] of p.byPriority) emit(period, `priority:${k}`, s);
    for (const [k, s] of p.byParty) emit(period, `party:${k}`, s);
  }
  return out;
}
