/**
 * Dates as ticket exports write them, parsed by hand for speed (no Date objects, no regexes in the
 * hot path): ISO 8601 (`2016-01-05T10:00:00`, optional fraction and zone), `d/m/yyyy H:MM`,
 * `dd/mm/yyyy HH:MM:SS`, `d-m-yyyy H:MM`, `m/d/yyyy h:mm AM/PM`, `dd/MMM/yy h:mm AM/PM`,
 * `dd.mm.yyyy`, `Jan 5, 2016 3:45 PM`, …
 *
 * A timestamp becomes "wall-clock seconds": seconds since 1970-01-01T00:00:00 of the time as written,
 * read as if it were UTC. Timestamps without a zone are therefore never shifted (SPEC §3.6); one with
 * an explicit zone (`Z`, `+02:00`) is converted to UTC so durations across zones stay right.
 *
 * The only thing a format needs to say is the order of day and month (`dmy` or `mdy`) for numeric
 * dates; year-first (ISO) and month-name dates read the same under either.
 */

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

const MONTH_NAMES: ReadonlyMap<string, number> = new Map<string, number>(
  (
    [
      'jan january januari janv januar',
      'feb february februari fev févr februar febr',
      'mar march mrt maart mär märz mars',
      'apr april avr avril',
      'may mei mai',
      'jun june juni juin',
      'jul july juli juil',
      'aug august augustus aoû août',
      'sep sept september',
      'oct october okt oktober',
      'nov november',
      'dec december dez dezember déc',
    ] as const
  ).flatMap((names, i) => names.split(' ').map((n): [string, number] => [n, i + 1])),
);

// Scratch space for one parse; parsing is synchronous so sharing it is safe.
const NUM = new Int32Array(8);
const LEN = new Int8Array(8);

/** Result of scanning one timestamp into components; `INVALID` when the text is not a timestamp. */
const INVALID = -1;

/**
 * Scans `s` into NUM/LEN: up to 3 date components (LEN -1 marks a month name), then hour, minute,
 * second. Returns the component count (3, 5 or 6) or INVALID; AM/PM and zone go to the out fields.
 */
let ampm = 0; // 0 none, 1 AM, 2 PM
let zoneSeconds = 0;
let hasZone = false;

function scan(s: string): number {
  const n = s.length;
  let k = 0;
  let i = 0;
  ampm = 0;
  zoneSeconds = 0;
  hasZone = false;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (k >= 6) return INVALID;
      let v = 0;
      const start = i;
      while (i < n) {
        const d = s.charCodeAt(i);
        if (d < 48 || d > 57) break;
        v = v * 10 + (d - 48);
        i++;
      }
      const len = i - start;
      if (len > 4) return INVALID;
      NUM[k] = v;
      LEN[k] = len;
      k++;
      continue;
    }
    // Letters (ASCII, plus the accented letters of French/German month names).
    const lower = c | 0x20;
    if ((lower >= 97 && lower <= 122) || c > 127) {
      const start = i;
      while (i < n) {
        const d = s.charCodeAt(i);
        const l = d | 0x20;
        if (!((l >= 97 && l <= 122) || d > 127)) break;
        i++;
      }
      const word = s.slice(start, i).toLowerCase();
      if (k < 3) {
        const m = MONTH_NAMES.get(word);
        if (m === undefined) {
          // A leading weekday name ("Mon 5 Jan 2016") is skipped.
          if (k === 0 && isWeekday(word)) {
            continue;
          }
          return INVALID;
        }
        NUM[k] = m;
        LEN[k] = -1;
        k++;
        if (i < n && s.charCodeAt(i) === 46) i++; // "Jan." abbreviation dot
        continue;
      }
      if (word === 't' && k === 3) continue;
      if (k >= 5 && (word === 'am' || word === 'pm' || word === 'a' || word === 'p')) {
        if (ampm !== 0) return INVALID;
        ampm = word.charCodeAt(0) === 97 ? 1 : 2;
        // "a.m." / "p.m."
        if ((word === 'a' || word === 'p') && s.charCodeAt(i) === 46) {
          i++;
          if ((s.charCodeAt(i) | 0x20) === 109) i++;
          if (s.charCodeAt(i) === 46) i++;
        }
        continue;
      }
      if (k >= 5 && (word === 'z' || word === 'utc' || word === 'gmt')) {
        if (hasZone) return INVALID;
        hasZone = true;
        // "UTC+2" / "GMT+01:00" continue below with the sign.
        continue;
      }
      return INVALID;
    }
    if (k >= 5 && (c === 43 || c === 45)) {
      // Zone offset: +HH[:MM] / +HHMM / -HH:MM (after the time only, so "9-9-2011" stays a date).
      const sign = c === 43 ? 1 : -1;
      i++;
      let digits = 0;
      let v = 0;
      let colonSeen = false;
      let hh = 0;
      while (i < n) {
        const d = s.charCodeAt(i);
        if (d >= 48 && d <= 57) {
          v = v * 10 + (d - 48);
          digits++;
          i++;
        } else if (d === 58 && !colonSeen && digits > 0) {
          colonSeen = true;
          hh = v;
          v = 0;
          i++;
        } else break;
      }
      let h: number;
      let m: number;
      if (colonSeen) {
        h = hh;
        m = v;
      } else if (digits <= 2) {
        h = v;
        m = 0;
      } else if (digits === 4) {
        h = Math.floor(v / 100);
        m = v % 100;
      } else return INVALID;
      if (h > 14 || m > 59) return INVALID;
      hasZone = true;
      zoneSeconds = sign * (h * 3600 + m * 60);
      continue;
    }
    if (c === 46 && k === 6) {
      // Fraction of a second: ignored (durations are reported in hours).
      i++;
      while (i < n) {
        const d = s.charCodeAt(i);
        if (d < 48 || d > 57) break;
        i++;
      }
      continue;
    }
    // Separators.
    if (c === 47 || c === 45 || c === 46 || c === 58 || c === 32 || c === 44 || c === 9 || c === 160) {
      i++;
      continue;
    }
    return INVALID;
  }
  return k === 3 || k === 5 || k === 6 ? k : INVALID;
}

function isWeekday(w: string): boolean {
  return /^(mon|tue|wed|thu|fri|sat|sun)/.test(w);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Which ways a scanned timestamp can be read: bit 1 = d/m, bit 2 = m/d, bit 4 = order-free. */
const AS_DMY = 1;
const AS_MDY = 2;
const ORDER_FREE = 4;

/** Year, month, day of the scanned components for an order; false when impossible. */
let outY = 0;
let outM = 0;
let outD = 0;

function resolveDate(order: DateOrder): boolean {
  const l0 = LEN[0]!;
  const l1 = LEN[1]!;
  const l2 = LEN[2]!;
  const a = NUM[0]!;
  const b = NUM[1]!;
  const c = NUM[2]!;
  let y: number;
  let m: number;
  let d: number;
  let yLen: number;
  if (l0 === -1) {
    // Jan 5 2016
    m = a;
    d = b;
    y = c;
    yLen = l2;
    if (l1 === -1) return false;
  } else if (l1 === -1) {
    // 05/Jan/16 or 2016-Jan-05
    m = b;
    if (l0 === 4) {
      y = a;
      d = c;
      yLen = l0;
    } else {
      d = a;
      y = c;
      yLen = l2;
    }
  } else if (l2 === -1) {
    return false;
  } else if (l0 === 4) {
    y = a;
    m = b;
    d = c;
    yLen = 4;
  } else if (order === 'mdy') {
    m = a;
    d = b;
    y = c;
    yLen = l2;
  } else if (order === 'dmy') {
    d = a;
    m = b;
    y = c;
    yLen = l2;
  } else {
    // ymd with a two-digit year first is too rare to guess at.
    return false;
  }
  if (yLen === 2) y += y < 70 ? 2000 : 1900;
  else if (yLen !== 4) return false;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return false;
  outY = y;
  outM = m;
  outD = d;
  return true;
}

/** Seconds of the time part of the last scan; NaN when invalid. */
function timeSeconds(k: number): number {
  if (k === 3) return ampm === 0 && !hasZone ? 0 : Number.NaN;
  let h = NUM[3]!;
  const mi = NUM[4]!;
  const se = k === 6 ? NUM[5]! : 0;
  if (LEN[3]! > 2 || LEN[4] !== 2 || (k === 6 && LEN[5] !== 2)) return Number.NaN;
  if (mi > 59 || se > 59) return Number.NaN;
  if (ampm !== 0) {
    if (h < 1 || h > 12) return Number.NaN;
    if (ampm === 1) h = h === 12 ? 0 : h;
    else h = h === 12 ? 12 : h + 12;
  } else if (h > 23) return Number.NaN;
  return h * 3600 + mi * 60 + se - zoneSeconds;
}

/**
 * Parses a timestamp to wall-clock seconds with the given day/month order (ignored for year-first
 * and month-name dates). NaN when the text is not a valid timestamp; the caller handles empty cells.
 */
export function parseTimestamp(text: string, order: DateOrder): number {
  const fast = parseNumericFast(text, 0, text.length, order);
  if (fast !== FALLBACK) return fast;
  return parseGeneral(text, order);
}

/**
 * parseTimestamp of `buf.slice(start, end)` without making the slice in the common numeric case
 * (the importer reads dates straight out of the chunk it is scanning).
 */
export function parseTimestampIn(buf: string, start: number, end: number, order: DateOrder): number {
  const fast = parseNumericFast(buf, start, end, order);
  if (fast !== FALLBACK) return fast;
  return parseGeneral(buf.slice(start, end), order);
}

function parseGeneral(text: string, order: DateOrder): number {
  const k = scan(text);
  if (k === INVALID) return Number.NaN;
  if (!resolveDate(order)) return Number.NaN;
  const t = timeSeconds(k);
  if (Number.isNaN(t)) return t;
  return daysFromCivil(outY, outM, outD) * 86400 + t;
}

const FALLBACK = -Infinity;

/**
 * The common case without the general scanner: `n{sep}n{sep}n[( |T)h:mm[:ss]]` with one of `/ - .`
 * as the date separator, digits only. Anything else (names, AM/PM, zones, fractions, spaces) returns
 * FALLBACK so the general parser decides. Same results as the general parser for what it accepts.
 */
function parseNumericFast(s: string, from: number, n: number, order: DateOrder): number {
  if (n - from < 6 || n - from > 19) return FALLBACK;
  let i = from;
  let c = 0;
  // first component
  let a = 0;
  let start = i;
  while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
    a = a * 10 + c - 48;
    i++;
  }
  const la = i - start;
  if (la === 0 || la > 4 || i >= n) return FALLBACK;
  const sep = s.charCodeAt(i);
  if (sep !== 47 && sep !== 45 && sep !== 46) return FALLBACK;
  i++;
  let b = 0;
  start = i;
  while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
    b = b * 10 + c - 48;
    i++;
  }
  const lb = i - start;
  if (lb === 0 || lb > 2 || i >= n || s.charCodeAt(i) !== sep) return FALLBACK;
  i++;
  let y = 0;
  start = i;
  while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
    y = y * 10 + c - 48;
    i++;
  }
  const lc = i - start;
  if (lc === 0 || lc > 4) return FALLBACK;
  let secs = 0;
  if (i < n) {
    c = s.charCodeAt(i);
    if (c !== 32 && c !== 84) return FALLBACK;
    i++;
    let h = 0;
    start = i;
    while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
      h = h * 10 + c - 48;
      i++;
    }
    if (i - start === 0 || i - start > 2 || i + 3 > n || s.charCodeAt(i) !== 58) return FALLBACK;
    const m1 = s.charCodeAt(i + 1) - 48;
    const m2 = s.charCodeAt(i + 2) - 48;
    if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9) return FALLBACK;
    const mi = m1 * 10 + m2;
    i += 3;
    let se = 0;
    if (i < n) {
      if (i + 3 !== n || s.charCodeAt(i) !== 58) return FALLBACK;
      const s1 = s.charCodeAt(i + 1) - 48;
      const s2 = s.charCodeAt(i + 2) - 48;
      if (s1 < 0 || s1 > 9 || s2 < 0 || s2 > 9) return FALLBACK;
      se = s1 * 10 + s2;
    }
    if (h > 23 || mi > 59 || se > 59) return Number.NaN;
    secs = h * 3600 + mi * 60 + se;
  }
  let yy: number;
  let mm: number;
  let dd: number;
  let ylen: number;
  if (la === 4) {
    if (lc > 2) return FALLBACK;
    yy = a;
    mm = b;
    dd = y;
    ylen = 4;
  } else if (la > 2) {
    return FALLBACK;
  } else if (order === 'mdy') {
    mm = a;
    dd = b;
    yy = y;
    ylen = lc;
  } else if (order === 'dmy') {
    dd = a;
    mm = b;
    yy = y;
    ylen = lc;
  } else return Number.NaN;
  if (ylen === 2) yy += yy < 70 ? 2000 : 1900;
  else if (ylen !== 4) return Number.NaN;
  if (mm < 1 || mm > 12 || dd < 1 || dd > daysInMonth(yy, mm)) return Number.NaN;
  return daysFromCivil(yy, mm, dd) * 86400 + secs;
}

/** How a value can be read: a bit set of AS_DMY, AS_MDY, ORDER_FREE; 0 when not a timestamp. */
function readings(text: string): number {
  const k = scan(text);
  if (k === INVALID) return 0;
  if (Number.isNaN(timeSeconds(k))) return 0;
  const orderFree = LEN[0] === 4 || LEN[0] === -1 || LEN[1] === -1;
  if (orderFree) return resolveDate('dmy') ? ORDER_FREE | AS_DMY | AS_MDY : 0;
  let r = 0;
  if (resolveDate('dmy')) r |= AS_DMY;
  if (resolveDate('mdy')) r |= AS_MDY;
  return r;
}

/** Year and month (1–12) of a day number since 1970-01-01 (Hinnant's civil_from_days). */
function civilFromDays(days: number): { y: number; m: number; d: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Month index (year × 12 + month − 1) of wall-clock seconds. */
export function monthIndexOfSeconds(seconds: number): number {
  const { y, m } = civilFromDays(Math.floor(seconds / 86400));
  return y * 12 + m - 1;
}

function pad(v: number, w: number): string {
  const s = String(v);
  return s.length >= w ? s : '0000'.slice(0, w - s.length) + s;
}

const TWO = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));
// Date parts repeat a lot (many tickets per day): cache 'YYYY-MM-DDT' per day number.
const DAY_PREFIX = new Map<number, string>();

/** `YYYY-MM-DDTHH:MM:SS` of wall-clock seconds (the Ticket schema's WallClock). */
export function formatWallClock(seconds: number): string {
  const days = Math.floor(seconds / 86400);
  let prefix = DAY_PREFIX.get(days);
  if (prefix === undefined) {
    const { y, m, d } = civilFromDays(days);
    prefix = `${pad(y, 4)}-${TWO[m]}-${TWO[d]}T`;
    if (DAY_PREFIX.size > 100_000) DAY_PREFIX.clear();
    DAY_PREFIX.set(days, prefix);
  }
  let rest = Math.floor(seconds - days * 86400);
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const mi = Math.floor(rest / 60);
  return `${prefix}${TWO[h]}:${TWO[mi]}:${TWO[rest - mi * 60]}`;
}

/**
 * Wall-clock seconds of a stored `YYYY-MM-DDTHH:MM[:SS]` string (fixed positions, no checks beyond
 * digits). NaN when the string does not have that shape.
 */
export function wallClockSeconds(s: string): number {
  if (s.length < 16) return Number.NaN;
  const y = d4(s, 0);
  const m = d2(s, 5);
  const d = d2(s, 8);
  const h = d2(s, 11);
  const mi = d2(s, 14);
  const se = s.length >= 19 ? d2(s, 17) : 0;
  const v = daysFromCivil(y, m, d) * 86400 + h * 3600 + mi * 60 + se;
  return Number.isFinite(v) ? v : Number.NaN;
}

function d2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : Number.NaN;
}

function d4(s: string, i: number): number {
  return d2(s, i) * 100 + d2(s, i + 2);
}

/** Outcome of format detection for one column. */
export type DateDetection =
  | { status: 'ok'; order: DateOrder; label: string; sample: string }
  | { status: 'ambiguous'; candidates: ['dmy', 'mdy']; labels: [string, string]; sample: string }
  | { status: 'empty' }
  | { status: 'none'; sample: string; valid: number; total: number };

/**
 * Collects evidence about a column's date format, value by value. A column is a date column when at
 * least 90 % of its non-empty values read as timestamps. The day/month order is decided by values
 * whose first or second number is above 12; when none are, it is reported as ambiguous.
 */
export class DateEvidence {
  private total = 0;
  private dmy = 0;
  private mdy = 0;
  private orderFree = 0;
  private firstSample = '';
  private firstBad = '';
  private dmySample = '';
  private mdySample = '';
  /** Whether a one-digit first / second date number or hour was seen (`d` rather than `dd`). */
  private readonly short: [boolean, boolean, boolean] = [false, false, false];

  /** Adds one non-empty, non-placeholder cell. */
  add(text: string): void {
    this.total++;
    if (this.firstSample === '') this.firstSample = text;
    const r = readings(text);
    if (r === 0) {
      if (this.firstBad === '') this.firstBad = text;
      return;
    }
    if (LEN[0] === 1) this.short[0] = true;
    if (LEN[1] === 1) this.short[1] = true;
    if (LEN[3] === 1) this.short[2] = true;
    if (r & ORDER_FREE) this.orderFree++;
    if (r & AS_DMY) {
      this.dmy++;
      if (!(r & AS_MDY) && this.dmySample === '') this.dmySample = text;
    }
    if (r & AS_MDY) {
      this.mdy++;
      if (!(r & AS_DMY) && this.mdySample === '') this.mdySample = text;
    }
  }

  /** Values added so far. */
  get count(): number {
    return this.total;
  }

  /** The format this evidence points to. */
  result(): DateDetection {
    if (this.total === 0) return { status: 'empty' };
    const best = Math.max(this.dmy, this.mdy);
    if (best < this.total * 0.9 || best === 0) {
      return { status: 'none', sample: this.firstBad || this.firstSample, valid: best, total: this.total };
    }
    const sample = this.firstSample;
    if (this.orderFree === best && this.dmy === this.mdy) {
      return {
        status: 'ok',
        order: LEN_FIRST_IS_YEAR(sample) ? 'ymd' : 'dmy',
        label: describeFormat(sample, 'dmy', this.short),
        sample,
      };
    }
    if (this.dmy > this.mdy) {
      const s = this.dmySample || sample;
      return { status: 'ok', order: 'dmy', label: describeFormat(s, 'dmy', this.short), sample: s };
    }
    if (this.mdy > this.dmy) {
      const s = this.mdySample || sample;
      return { status: 'ok', order: 'mdy', label: describeFormat(s, 'mdy', this.short), sample: s };
    }
    return {
      status: 'ambiguous',
      candidates: ['dmy', 'mdy'],
      labels: [describeFormat(sample, 'dmy', this.short), describeFormat(sample, 'mdy', this.short)],
      sample,
    };
  }
}

function LEN_FIRST_IS_YEAR(sample: string): boolean {
  return scan(sample) !== INVALID && LEN[0] === 4;
}

/**
 * A human pattern for a sample value read with an order, for the user to confirm:
 * `05/02/2012 13:32:57` → `dd/mm/yyyy HH:MM:SS`; `9-9-2011 9:23` → `d-m-yyyy H:MM`;
 * `1/5/2016 3:45 PM` (mdy) → `m/d/yyyy h:mm AM/PM`; `2016-01-05T10:00:00Z` → ISO 8601.
 */
export function describeFormat(
  sample: string,
  order: DateOrder,
  short: readonly [boolean, boolean, boolean] = [false, false, false],
): string {
  const k = scan(sample);
  if (k === INVALID) return 'unknown';
  if (LEN[0] === 4 && LEN[1] !== -1) return 'ISO 8601 (yyyy-mm-dd HH:MM:SS)';
  const dateParts: string[] = [];
  const roles: ('d' | 'm' | 'y' | 'M')[] =
    LEN[0] === -1
      ? ['M', 'd', 'y']
      : LEN[1] === -1
        ? ['d', 'M', 'y']
        : order === 'mdy'
          ? ['m', 'd', 'y']
          : ['d', 'm', 'y'];
  for (let j = 0; j < 3; j++) {
    const role = roles[j]!;
    const len = LEN[j]!;
    if (role === 'M') dateParts.push('MMM');
    else if (role === 'y') dateParts.push(len === 2 ? 'yy' : 'yyyy');
    else dateParts.push(len === 2 && !short[j] ? role + role : role);
  }
  // Keep the sample's own separators.
  const seps = separatorsOf(sample);
  let out = dateParts[0]! + (seps[0] ?? '/') + dateParts[1]! + (seps[1] ?? '/') + dateParts[2]!;
  if (k >= 5) {
    const twelve = ampm !== 0;
    const hh = LEN[3] === 2 && !short[2] ? (twelve ? 'hh' : 'HH') : twelve ? 'h' : 'H';
    out += ` ${hh}:${twelve ? 'mm' : 'MM'}`;
    if (k === 6) out += twelve ? ':ss' : ':SS';
    if (twelve) out += ' AM/PM';
  }
  return out;
}

function separatorsOf(sample: string): string[] {
  const out: string[] = [];
  let inToken = false;
  for (let i = 0; i < sample.length && out.length < 2; i++) {
    const c = sample.charCodeAt(i);
    const isWordChar = (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122) || c > 127;
    if (isWordChar) inToken = true;
    else if (inToken) {
      out.push(sample[i]!);
      inToken = false;
    }
  }
  return out;
}

/**
 * Reads a user-given format: `dmy`, `mdy`, `ymd`/`iso`, or a pattern such as `dd/mm/yyyy HH:MM:SS`,
 * `m/d/yyyy h:mm AM/PM` or `dd/MMM/yy` (the order of d, m and y in the date part decides). Null when
 * the text says nothing about the order.
 */
export function parseDateFormatOption(text: string): DateOrder | null {
  const t = text.trim();
  const lower = t.toLowerCase();
  if (lower === 'dmy' || lower === 'mdy' || lower === 'ymd') return lower;
  if (lower === 'iso' || lower === 'iso8601' || lower === 'iso 8601') return 'ymd';
  const datePart = t.split(/[\sT]/)[0] ?? '';
  const d = datePart.search(/d/i);
  const m = datePart.search(/m/i);
  const y = datePart.search(/y/i);
  if (d < 0 || m < 0 || y < 0) return null;
  if (y < d && y < m) return 'ymd';
  return d < m ? 'dmy' : 'mdy';
}

/** True for HaloPSA's (and Excel's) null date: 1899-12-30, any time. */
export function isNullDate(seconds: number): boolean {
  return seconds >= NULL_DATE_START && seconds < NULL_DATE_START + 86400;
}
const NULL_DATE_START = daysFromCivil(1899, 12, 30) * 86400;
