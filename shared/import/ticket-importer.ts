/**
 * Streaming ticket import (SPEC §3.6): bytes in, one ticket per id out. Built to be driven chunk by
 * chunk from a Web Worker: `push(bytes)` as the file is read (progress after each push), `finish()`
 * for the result; cancelling is simply never calling `finish()` — nothing is written anywhere.
 *
 * Pipeline: encoding from the bytes → delimiter from the first text → header (refuses `__proto__`
 * and friends) → preset and column mapping (+ manual overrides) → date format from the first rows →
 * every row parsed and collapsed by ticket id. Only the current winner of each id is kept, so memory
 * grows with the number of tickets, not the file.
 *
 * Event-log collapse, exactly as SPEC §3.6: the whole row with the latest "updated at" wins; among
 * rows with the same latest value the later row in the file wins; without an "updated at" column the
 * last row wins. A row with no updated-at value loses to any row that has one.
 */
import type { TicketColumns } from '../domain/kpis/ticket-kpis';
import type { Ticket } from '../domain/tickets/schema';
import { partyMatcher, type PartyRuleLike } from '../domain/tickets/party-rules';
import { CsvScanner, CsvSyntaxError, detectDelimiter, fieldText, type CsvDelimiter, type CsvRecordView } from './csv';
import {
  DateEvidence,
  describeFormat,
  formatWallClock,
  isNullDate,
  parseTimestampIn,
  type DateDetection,
  type DateOrder,
} from './dates';
import { DetectingDecoder, type DecoderFactory, type TextEncodingName } from './encoding';
import {
  decimalSeparatorMismatch,
  detectDecimalComma,
  parseDecimal,
  parseDecimalAs,
  type DecimalSeparatorOption,
} from './numbers';
import {
  applyOverrides,
  choosePreset,
  getPreset,
  HeaderError,
  mapPreset,
  PLACEHOLDERS,
  readHeader,
  TICKET_FIELDS,
  type ColumnMapping,
  type DateField,
  type HeaderInfo,
  type PresetName,
  type TicketField,
} from './presets';

/** A ticket as imported: the Ticket record without the workspace-scoped ids. */
export type ImportedTicket = Omit<Ticket, 'id' | 'workspaceId' | 'importId'>;

export type TicketImportOptions = {
  preset?: PresetName | 'auto';
  /** Manual `field → column name` overrides (win over the preset). */
  map?: Readonly<Partial<Record<TicketField, string>>>;
  delimiter?: CsvDelimiter | 'auto';
  encoding?: TextEncodingName | 'auto';
  /** Day/month order for numeric dates; detected from the data when absent. */
  dateOrder?: DateOrder;
  /**
   * Decimal separator of number cells (reopen count). 'auto' (default) reads `1.5` and `1,5` alike;
   * forced, a cell that is a number only with the other separator rejects its row with the reason.
   */
  decimalSeparator?: DecimalSeparatorOption;
  /** Assignment group → party rules; partyId stays null without them. */
  partyRules?: readonly PartyRuleLike[];
  decoderFactory?: DecoderFactory;
  /** Rows used to detect the date format before importing (default 2,000). */
  sampleRows?: number;
  /** Stop after this many data rows (for a preview); the rest of the input is ignored. */
  maxRows?: number;
  /** Rejected rows and short rows listed in detail (all are counted); default 100. */
  maxListed?: number;
  /**
   * Only detect the date formats, from every row of the file (no tickets are kept): for when the
   * first rows leave the day/month order ambiguous. `finish()` then returns settings and no tickets.
   */
  scanOnly?: boolean;
};

export type TicketImportProblem = { row: number; field: string; column: string; reason: string };

export type TicketImportErrorCode =
  'empty' | 'header' | 'syntax' | 'no-id-column' | 'no-date-column' | 'ambiguous-dates' | 'mapping';

/** A problem that stops the import; names the row (when there is one), field/column and reason. */
export class TicketImportError extends Error {
  constructor(
    readonly code: TicketImportErrorCode,
    readonly row: number | null,
    readonly field: string,
    readonly reason: string,
    /** Date detection per field, for the wizard to ask about ambiguous formats. */
    readonly detections: Partial<Record<DateField, DateDetection>> = {},
  ) {
    super(`${row !== null ? `row ${row}: ` : ''}${field ? `${field}: ` : ''}${reason}`);
  }
}

export type ImportSettings = {
  encoding: TextEncodingName | 'ascii';
  bom: boolean;
  delimiter: CsvDelimiter;
  /** Whether numbers were read with a decimal comma: forced by the option, else as detected. */
  decimalComma: boolean;
  /** The decimal separator option the file was read with. */
  decimalSeparator: DecimalSeparatorOption;
  /** What detection says, whatever the option (for "Auto (detected: …)"). */
  detectedDecimalComma: boolean;
  preset: PresetName;
  /** Ticket field → column name as written in the file. */
  mapping: Partial<Record<TicketField, string>>;
  dateFormats: Partial<Record<DateField, { order: DateOrder; label: string }>>;
  dateDetections: Partial<Record<DateField, DateDetection>>;
  headerWarnings: string[];
};

export type TicketImportResult = {
  settings: ImportSettings;
  ticketCount: number;
  /** The collapsed tickets; `importedTickets(table)` gives them as records. */
  table: ImportedTicketTable;
  /** The same tickets as the KPI maths reads them (computeTicketKpisFromColumns), same order. */
  columns: TicketColumns;
  /** Data rows read (after the header; empty rows not counted). */
  rowsRead: number;
  rejectedRows: number;
  /** The first `maxListed` rejected rows. */
  rejected: TicketImportProblem[];
  shortRows: { count: number; rows: number[] };
  dataIssues: Record<string, number>;
  bytesRead: number;
};

export type ImportProgress = { bytesRead: number; rowsRead: number; tickets: number };

// Field slots: positions in TICKET_FIELDS.
const SLOT = Object.fromEntries(TICKET_FIELDS.map((f, i) => [f, i])) as Record<TicketField, number>;
const S_ID = SLOT.ticketId;
const S_OPENED = SLOT.openedAt;
const S_RESOLVED = SLOT.resolvedAt;
const S_CLOSED = SLOT.closedAt;
const S_UPDATED = SLOT.updatedAt;
const S_REOPENED = SLOT.reopenedAt;
const S_PRIORITY = SLOT.priority;
const S_STATUS = SLOT.status;
const S_CATEGORY = SLOT.category;
const S_GROUP = SLOT.assignmentGroup;
const S_SLA = SLOT.slaMet;
const S_FCR = SLOT.firstContactResolved;
const S_REOPENS = SLOT.reopenCount;
const DATE_SLOTS = [S_OPENED, S_RESOLVED, S_CLOSED, S_UPDATED, S_REOPENED] as const;
const SLOT_COUNT = TICKET_FIELDS.length;

/**
 * The collapsed tickets, one slot per ticket id, in columns (typed arrays grow by doubling): no
 * object per ticket and no boxed numbers, so memory stays small and the collector idle. Texts of
 * low cardinality (priority, status, category, group) are indexes into `strings`.
 */
export type ImportedTicketTable = {
  count: number;
  ids: string[];
  /** Row number of the row that won the collapse. */
  rows: Int32Array;
  /** Wall-clock seconds; NaN = empty. */
  opened: Float64Array;
  resolved: Float64Array;
  closed: Float64Array;
  strings: string[];
  priority: Int32Array;
  status: Int32Array;
  category: Int32Array;
  group: Int32Array;
  party: (string | null)[];
  /** -1 = no value, 0 = false, 1 = true. */
  sla: Int8Array;
  fcr: Int8Array;
  /** -1 = no value. */
  reopenCount: Int32Array;
};

class Growing {
  cap = 1024;
  n = 0;
  rows = new Int32Array(this.cap);
  upd = new Float64Array(this.cap);
  opened = new Float64Array(this.cap);
  resolved = new Float64Array(this.cap);
  closed = new Float64Array(this.cap);
  reopened = new Float64Array(this.cap);
  priority = new Int32Array(this.cap);
  status = new Int32Array(this.cap);
  category = new Int32Array(this.cap);
  group = new Int32Array(this.cap);
  sla = new Int8Array(this.cap);
  fcr = new Int8Array(this.cap);
  reopens = new Int32Array(this.cap);
  ids: string[] = [];

  /** A new slot (index); grows the columns when full. */
  add(id: string): number {
    if (this.n === this.cap) this.grow();
    this.ids.push(id);
    return this.n++;
  }

  private grow(): void {
    const cap = this.cap * 2;
    const g = <T extends Int32Array | Float64Array | Int8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.rows = g(this.rows, (n) => new Int32Array(n));
    this.upd = g(this.upd, (n) => new Float64Array(n));
    this.opened = g(this.opened, (n) => new Float64Array(n));
    this.resolved = g(this.resolved, (n) => new Float64Array(n));
    this.closed = g(this.closed, (n) => new Float64Array(n));
    this.reopened = g(this.reopened, (n) => new Float64Array(n));
    this.priority = g(this.priority, (n) => new Int32Array(n));
    this.status = g(this.status, (n) => new Int32Array(n));
    this.category = g(this.category, (n) => new Int32Array(n));
    this.group = g(this.group, (n) => new Int32Array(n));
    this.sla = g(this.sla, (n) => new Int8Array(n));
    this.fcr = g(this.fcr, (n) => new Int8Array(n));
    this.reopens = g(this.reopens, (n) => new Int32Array(n));
    this.cap = cap;
  }
}

/**
 * Ticket id → slot. An open-addressing table over typed arrays that keeps each key's hash beside its
 * slot: a new id (the common case) is settled by touching one or two array cells, where a Map walks
 * to the stored key strings — cache misses that dominated the import of a file of unique ids.
 */
class IdIndex {
  private mask = 4095;
  private slots = new Int32Array(4096).fill(-1);
  private hashes = new Int32Array(4096);
  private readonly keys: string[];

  constructor(keys: string[]) {
    this.keys = keys;
  }

  /** The slot of the id `buf[start, end)` with hash h, or -1. */
  get(buf: string, start: number, end: number, h: number): number {
    const slots = this.slots;
    const hashes = this.hashes;
    let j = h & this.mask;
    for (;;) {
      const k = slots[j]!;
      if (k < 0) return -1;
      if (hashes[j] === h && sameText(this.keys[k]!, buf, start, end)) return k;
      j = (j + 1) & this.mask;
    }
  }

  /** Records that `keys[k]` (hash h) lives in slot k. */
  set(h: number, k: number): void {
    if (k * 2 >= this.mask) this.grow();
    this.place(h, k);
  }

  private place(h: number, k: number): void {
    let j = h & this.mask;
    while (this.slots[j]! >= 0) j = (j + 1) & this.mask;
    this.slots[j] = k;
    this.hashes[j] = h;
  }

  private grow(): void {
    const oldSlots = this.slots;
    const oldHashes = this.hashes;
    const n = (this.mask + 1) * 2;
    this.mask = n - 1;
    this.slots = new Int32Array(n).fill(-1);
    this.hashes = new Int32Array(n);
    for (let j = 0; j < oldSlots.length; j++) {
      const k = oldSlots[j]!;
      if (k >= 0) this.place(oldHashes[j]!, k);
    }
  }
}

/** FNV-1a over the UTF-16 code units of buf[start, end). */
function hashRange(buf: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf.charCodeAt(i), 0x01000193);
  return h;
}

/** Whether a[as, as + len) equals b[bs, bs + len). */
function sameRange(a: string, as: number, b: string, bs: number, len: number): boolean {
  for (let i = 0; i < len; i++) if (a.charCodeAt(as + i) !== b.charCodeAt(bs + i)) return false;
  return true;
}

/** Whether `key` equals buf[start, end). */
function sameText(key: string, buf: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== buf.charCodeAt(start + i)) return false;
  return true;
}

/**
 * Raw cell text (per slot) → value, looked up by a range of the chunk without slicing it. Cells of a
 * column repeat ("Closed", "P4"), so the last hit per slot is tried first.
 */
class RangeMap {
  private readonly keys: string[] = [];
  private readonly slotOf: number[] = [];
  private readonly values: number[] = [];
  private readonly byHash = new Map<number, number[]>();
  private readonly last = new Int32Array(SLOT_COUNT).fill(-1);

  /** The value of the slot's last hit when buf[start, end) is that text again, else -1. */
  getLast(buf: string, start: number, end: number, slot: number): number {
    const l = this.last[slot]!;
    return l >= 0 && sameText(this.keys[l]!, buf, start, end) ? this.values[l]! : -1;
  }

  /** The value stored for buf[start, end) in `slot`, or -1. */
  get(buf: string, start: number, end: number, h: number, slot: number): number {
    const list = this.byHash.get(h);
    if (list === undefined) return -1;
    for (const e of list) {
      if (this.slotOf[e] === slot && sameText(this.keys[e]!, buf, start, end)) {
        this.last[slot] = e;
        return this.values[e]!;
      }
    }
    return -1;
  }

  set(key: string, h: number, slot: number, value: number): void {
    const e = this.keys.push(key) - 1;
    this.slotOf.push(slot);
    this.values.push(value);
    const list = this.byHash.get(h);
    if (list) list.push(e);
    else this.byHash.set(h, [e]);
    this.last[slot] = e;
  }
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 't', 'met', 'within sla', 'achieved', 'ja', 'j', 'oui', 'x']);
const FALSE_WORDS = new Set([
  'false',
  'no',
  'n',
  '0',
  'f',
  'breached',
  'sla violated',
  'violated',
  'missed',
  'not met',
  'nee',
  'non',
]);

const SAMPLE_TEXT_CHARS = 64 * 1024;

/** Streaming importer of one ticket CSV. */
export class TicketImporter {
  private readonly opts: TicketImportOptions;
  private readonly decoder: DetectingDecoder;
  private readonly maxListed: number;
  private readonly sampleRows: number;
  /** The forced decimal separator; null = auto (today's lenient reading, no extra work per row). */
  private readonly forcedDecimal: '.' | ',' | null;
  private tokenizer: CsvScanner | null = null;
  private pendingText = '';
  private delimiter: CsvDelimiter = ',';
  private header: HeaderInfo | null = null;
  private presetName: PresetName = 'generic';
  /** Column index per slot, -1 when unmapped. */
  private cols = new Int32Array(SLOT_COUNT).fill(-1);
  private maxCol = -1;
  private orders: (DateOrder | null)[] = new Array<DateOrder | null>(SLOT_COUNT).fill(null);
  private dateLabels: string[] = new Array<string>(SLOT_COUNT).fill('');
  private evidence: (DateEvidence | null)[] = new Array<DateEvidence | null>(SLOT_COUNT).fill(null);
  private detections: Partial<Record<DateField, DateDetection>> = {};
  private decided = false;
  private sample: { cells: string[]; row: number; short: boolean; fields: number }[] = [];
  private numberSamples: string[] = [];
  private headerWarnings: string[] = [];
  private readonly scratch: string[] = new Array<string>(SLOT_COUNT).fill('');
  /** The current row's cell of each slot, as a range of a text (the chunk, or a copied cell). */
  private readonly cb: string[] = new Array<string>(SLOT_COUNT).fill('');
  private readonly cs = new Int32Array(SLOT_COUNT);
  private readonly ce = new Int32Array(SLOT_COUNT);
  private readonly table = new Growing();
  private readonly index = new IdIndex(this.table.ids);
  /** Raw cell text → index into `strings` (trimmed, placeholders as ''). */
  private readonly interned = new RangeMap();
  /** Last parsed date cell per slot (a range of a recent chunk) and its value. */
  private readonly lastBuf: string[] = new Array<string>(SLOT_COUNT).fill('');
  private readonly lastStart = new Int32Array(SLOT_COUNT);
  private readonly lastEnd = new Int32Array(SLOT_COUNT);
  private readonly lastValue = new Float64Array(SLOT_COUNT);
  /** Last ticket id seen and its slot: event-log rows of one ticket usually follow each other. */
  private lastIdKey = '';
  /** Slots with a mapped column, for the hot path. */
  private mappedSlots = new Int32Array(0);
  private lastIdSlot = -1;
  private readonly strings: string[] = [''];
  private readonly flagCache = new Map<string, number>();
  private collapsedRows = 0;
  private placeholderCells = 0;
  private nullDates = 0;
  private readonly issues = new Map<string, number>();
  private readonly rejected: TicketImportProblem[] = [];
  private rejectedCount = 0;
  private readonly shortRowList: number[] = [];
  private shortRowCount = 0;
  private rowsRead = 0;
  private bytesRead = 0;
  private stopped = false;
  private finished = false;
  private hasUpdated = false;

  constructor(options: TicketImportOptions = {}) {
    this.opts = options;
    this.decoder = new DetectingDecoder({ encoding: options.encoding ?? 'auto', factory: options.decoderFactory });
    this.maxListed = options.maxListed ?? 100;
    this.sampleRows = Math.max(1, options.sampleRows ?? 2000);
    const sep = options.decimalSeparator ?? 'auto';
    this.forcedDecimal = sep === 'auto' ? null : sep;
  }

  /** Bytes and rows consumed so far and tickets collected, for a progress bar. */
  get progress(): ImportProgress {
    return { bytesRead: this.bytesRead, rowsRead: this.rowsRead, tickets: this.table.n };
  }

  /** Feeds the next chunk of the file. Throws TicketImportError on a fatal problem. */
  push(chunk: Uint8Array): void {
    if (this.finished) throw new Error('TicketImporter: push after finish');
    if (this.stopped) return;
    this.bytesRead += chunk.length;
    this.pushText(this.decoder.decode(chunk));
  }

  /** Feeds already-decoded text (e.g. from a File read as text). */
  pushText(text: string): void {
    if (this.stopped || text.length === 0) return;
    if (!this.tokenizer) {
      this.pendingText += text;
      if (this.pendingText.length < SAMPLE_TEXT_CHARS) return;
      this.startTokenizer();
      return;
    }
    this.feed(text);
  }

  /** Ends the input and returns the collapsed tickets with everything learned on the way. */
  finish(): TicketImportResult {
    if (this.finished) throw new Error('TicketImporter: finish called twice');
    if (!this.stopped) {
      const tail = this.decoder.flush();
      if (tail) this.pushText(tail);
      if (!this.tokenizer) this.startTokenizer();
      if (!this.stopped) {
        try {
          this.tokenizer!.finish();
        } catch (e) {
          throw this.wrapSyntax(e);
        }
      }
    }
    this.finished = true;
    if (!this.header) throw new TicketImportError('empty', null, '', 'the file is empty: no header row');
    if (!this.decided) this.decide();
    return this.buildResult();
  }

  private startTokenizer(): void {
    const text = this.pendingText;
    this.pendingText = '';
    const given = this.opts.delimiter;
    this.delimiter = given && given !== 'auto' ? given : (detectDelimiter(text) ?? ',');
    this.tokenizer = new CsvScanner({ delimiter: this.delimiter }, (v, row) => this.onRecord(v, row));
    this.feed(text);
  }

  private feed(text: string): void {
    try {
      this.tokenizer!.push(text);
    } catch (e) {
      throw this.wrapSyntax(e);
    }
  }

  private wrapSyntax(e: unknown): unknown {
    if (e instanceof CsvSyntaxError) return new TicketImportError('syntax', e.row, '', e.reason);
    return e;
  }

  private onRecord(v: CsvRecordView, row: number): void {
    if (this.stopped) return;
    if (!this.header) {
      const names: string[] = [];
      for (let k = 0; k < v.count; k++) names.push(fieldText(v, k));
      this.readHeaderRow(names, row);
      return;
    }
    const cols = this.cols;
    const n = v.count;
    // Cheap emptiness test first: a row with an id is not empty.
    const idCol = cols[S_ID]!;
    const idEmpty = idCol >= n || (v.starts[idCol]! >= 0 && v.starts[idCol] === v.ends[idCol]);
    if (idEmpty && isEmptyRecord(v)) {
      this.bump('emptyRows');
      return;
    }
    this.rowsRead++;
    const short = n < this.header.width;
    if (short) {
      this.shortRowCount++;
      if (this.shortRowList.length < this.maxListed) this.shortRowList.push(row);
    }
    if (this.decided && !this.opts.scanOnly) {
      // Hot path: the mapped cells are read in place, as ranges of the chunk.
      if (short && this.maxCol >= n) {
        this.rejectShort(row, n);
      } else {
        const cb = this.cb;
        const cs = this.cs;
        const ce = this.ce;
        const mapped = this.mappedSlots;
        for (let j = 0; j < mapped.length; j++) {
          const k = mapped[j]!;
          const c = cols[k]!;
          if (c >= n) {
            cb[k] = '';
            cs[k] = 0;
            ce[k] = 0;
            continue;
          }
          const st = v.starts[c]!;
          if (st < 0) {
            const q = v.quoted[c]!;
            cb[k] = q;
            cs[k] = 0;
            ce[k] = q.length;
          } else {
            cb[k] = v.buf;
            cs[k] = st;
            ce[k] = v.ends[c]!;
          }
        }
        this.processRow(row);
      }
    } else {
      const s = this.scratch;
      for (let k = 0; k < SLOT_COUNT; k++) {
        const c = cols[k]!;
        s[k] = c >= 0 ? fieldText(v, c) : '';
      }
      this.collectEvidence(s, v);
      if (!this.opts.scanOnly) {
        this.sample.push({ cells: s.slice(), row, short: short && this.maxCol >= n, fields: n });
        if (this.sample.length >= this.sampleRows) this.decide();
      }
    }
    if (this.opts.maxRows !== undefined && this.rowsRead >= this.opts.maxRows) this.stopped = true;
  }

  private readHeaderRow(fields: string[], row: number): void {
    let header: HeaderInfo;
    try {
      header = readHeader(fields);
    } catch (e) {
      if (e instanceof HeaderError) throw new TicketImportError('header', row, e.header, e.reason);
      throw e;
    }
    if (header.width === 0) throw new TicketImportError('empty', row, '', 'the header row has no column names');
    let mapping: ColumnMapping;
    const presetOpt = this.opts.preset ?? 'auto';
    if (presetOpt === 'auto') {
      const chosen = choosePreset(header);
      this.presetName = chosen.preset.name;
      mapping = chosen.mapping;
    } else {
      this.presetName = presetOpt;
      mapping = mapPreset(getPreset(presetOpt), header).mapping;
    }
    if (this.opts.map) {
      const r = applyOverrides(mapping, header, this.opts.map);
      if (r.problems.length > 0) throw new TicketImportError('mapping', row, '', r.problems.join('; '));
      mapping = r.mapping;
    }
    const cols = new Int32Array(SLOT_COUNT).fill(-1);
    for (const f of TICKET_FIELDS) {
      const c = mapping[f];
      if (c !== undefined) cols[SLOT[f]] = c;
    }
    const headerList = `the header is: ${header.names
      .filter((n) => n !== '')
      .slice(0, 12)
      .join(', ')}${header.width > 12 ? ', …' : ''}`;
    if (cols[S_ID]! < 0) {
      throw new TicketImportError(
        'no-id-column',
        row,
        'ticketId',
        `no ticket id column found for preset ${this.presetName}; map one with --map ticketId=Column (${headerList})`,
      );
    }
    if (cols[S_OPENED]! < 0) {
      throw new TicketImportError(
        'no-date-column',
        row,
        'openedAt',
        `no usable date column: no "opened" date column found for preset ${this.presetName}; map one with --map openedAt=Column (${headerList})`,
      );
    }
    this.header = header;
    this.headerWarnings = header.warnings.slice();
    this.cols = cols;
    this.maxCol = Math.max(...cols);
    this.hasUpdated = cols[S_UPDATED]! >= 0;
    for (const s of DATE_SLOTS) if (cols[s]! >= 0) this.evidence[s] = new DateEvidence();
  }

  private collectEvidence(cells: string[], v: CsvRecordView): void {
    for (const s of DATE_SLOTS) {
      const ev = this.evidence[s];
      if (!ev) continue;
      const v = cells[s]!.trim();
      if (v !== '' && !isPlaceholder(v)) ev.add(v);
    }
    // Decimal comma: judged from every cell of the sample, as the file as a whole writes numbers one way.
    if (this.numberSamples.length < 5000) {
      for (let k = 0; k < v.count; k++) {
        const st = v.starts[k]!;
        const len = st < 0 ? v.quoted[k]!.length : v.ends[k]! - st;
        const first = st < 0 ? v.quoted[k]!.charCodeAt(0) : v.buf.charCodeAt(st);
        if (len > 0 && len < 30 && isDigit(first)) this.numberSamples.push(fieldText(v, k));
      }
    }
  }

  /** Settles the date format of every mapped date column, then imports the buffered sample rows. */
  private decide(): void {
    this.decided = true;
    const forced = this.opts.dateOrder;
    const results: (DateDetection | null)[] = this.evidence.map((e) => (e ? e.result() : null));
    for (const s of DATE_SLOTS) {
      const r = results[s];
      if (r) this.detections[TICKET_FIELDS[s] as DateField] = r;
    }
    // One export writes all its dates one way: a column that decides settles the ambiguous ones.
    const decidedOrders = new Set<DateOrder>();
    for (const s of DATE_SLOTS) {
      const r = results[s];
      if (r?.status === 'ok' && r.order !== 'ymd') decidedOrders.add(r.order);
    }
    const inferred: DateOrder | null = decidedOrders.size === 1 ? [...decidedOrders][0]! : null;
    const header = this.header!;
    const colName = (s: number): string => header.names[this.cols[s]!] ?? '';
    let fallback: { order: DateOrder; label: string } | null = null;
    const ambiguous: number[] = [];
    for (const s of DATE_SLOTS) {
      const r = results[s];
      if (!r) continue;
      if (r.status === 'ok') {
        this.orders[s] = forced && r.order !== 'ymd' ? forced : r.order;
        this.dateLabels[s] = forced && r.order !== 'ymd' ? describeFormat(r.sample, forced) : r.label;
      } else if (r.status === 'ambiguous') {
        const order = forced ?? inferred;
        if (order) {
          this.orders[s] = order;
          this.dateLabels[s] = describeFormat(r.sample, order);
        } else ambiguous.push(s);
      } else if (r.status === 'empty' && s === S_OPENED && this.sample.length > 0) {
        throw new TicketImportError(
          'no-date-column',
          this.sample[0]?.row ?? null,
          'openedAt',
          `no usable date column: column "${colName(s)}" (mapped to openedAt) is empty in the first ${this.sample.length} rows; map another column with --map openedAt=Column`,
          this.detections,
        );
      } else if (r.status === 'none') {
        const field = TICKET_FIELDS[s]!;
        if (s === S_OPENED) {
          throw new TicketImportError(
            'no-date-column',
            this.sample[0]?.row ?? null,
            'openedAt',
            `no usable date column: column "${colName(s)}" (mapped to openedAt) does not hold dates — ${r.valid} of ${r.total} values read as dates, e.g. "${r.sample}"; map another column with --map openedAt=Column or give --date-format`,
            this.detections,
          );
        }
        // Another date field mapped by name onto a column that is not dates (e.g. a yes/no "Closed"):
        // leave it unmapped rather than reject every row.
        this.headerWarnings.push(
          `column "${colName(s)}" does not hold dates (e.g. "${r.sample}"), so it is not used as ${field}`,
        );
        this.cols[s] = -1;
      }
      if (this.orders[s] && !fallback) fallback = { order: this.orders[s]!, label: this.dateLabels[s]! };
    }
    if (ambiguous.length > 0) {
      const s = ambiguous[0]!;
      const r = results[s] as Extract<DateDetection, { status: 'ambiguous' }>;
      throw new TicketImportError(
        'ambiguous-dates',
        null,
        TICKET_FIELDS[s]!,
        `dates in column "${colName(s)}" could be day/month or month/day (no day above 12 in the rows read, e.g. "${r.sample}"); choose with --date-format dmy (${r.labels[0]}) or --date-format mdy (${r.labels[1]})`,
        this.detections,
      );
    }
    // Columns empty in the sample take the format of the others.
    for (const s of DATE_SLOTS) {
      if (this.cols[s]! >= 0 && !this.orders[s]) {
        this.orders[s] = forced ?? fallback?.order ?? 'dmy';
        this.dateLabels[s] = fallback?.label ?? '';
      }
    }
    this.maxCol = Math.max(...this.cols);
    this.hasUpdated = this.cols[S_UPDATED]! >= 0;
    this.mappedSlots = Int32Array.from(TICKET_FIELDS.map((_, k) => k).filter((k) => this.cols[k]! >= 0));
    const sample = this.sample;
    this.sample = [];
    for (const r of sample) {
      if (r.short && this.maxCol >= r.fields) {
        this.rejectShort(r.row, r.fields);
        continue;
      }
      for (let k = 0; k < SLOT_COUNT; k++) {
        const cell = r.cells[k]!;
        this.cb[k] = cell;
        this.cs[k] = 0;
        this.ce[k] = cell.length;
      }
      this.processRow(r.row);
    }
  }

  private rejectShort(row: number, fields: number): void {
    this.reject(row, '', '', `short row: ${fields} field(s), the header has ${this.header!.width}`);
  }

  private reject(row: number, field: string, column: string, reason: string): void {
    this.rejectedCount++;
    if (this.rejected.length < this.maxListed) this.rejected.push({ row, field, column, reason });
  }

  private bump(issue: string, by = 1): void {
    this.issues.set(issue, (this.issues.get(issue) ?? 0) + by);
  }

  /** Header name of the column mapped to a slot. */
  private columnName(slot: number): string {
    return this.header!.names[this.cols[slot]!] ?? '';
  }

  /** The current row's cell of a slot as a string (for messages and rare paths). */
  private cellText(slot: number): string {
    return this.cb[slot]!.slice(this.cs[slot]!, this.ce[slot]!);
  }

  /** Parses one date cell; NaN = rejected (already reported), -Infinity = empty. */
  private dateCell(slot: number, row: number): number {
    if (this.cols[slot]! < 0) return -Infinity;
    const buf = this.cb[slot]!;
    const st = this.cs[slot]!;
    const en = this.ce[slot]!;
    if (st === en) return -Infinity;
    if (maybePlaceholderAt(buf, st, en) && isPlaceholder(buf.slice(st, en))) {
      this.placeholderCells++;
      return -Infinity;
    }
    // Event logs repeat a ticket's opened/resolved values row after row: reuse the last answer.
    const lb = this.lastBuf[slot]!;
    const ls = this.lastStart[slot]!;
    const len = en - st;
    if (
      len === this.lastEnd[slot]! - ls &&
      buf.charCodeAt(en - 1) === lb.charCodeAt(ls + len - 1) &&
      sameRange(buf, st, lb, ls, len)
    ) {
      return this.lastValue[slot]!;
    }
    const v = parseTimestampIn(buf, st, en, this.orders[slot]!);
    if (Number.isNaN(v)) {
      const raw = buf.slice(st, en);
      if (raw.trim() === '') return -Infinity;
      const field = TICKET_FIELDS[slot]!;
      this.reject(
        row,
        field,
        this.header!.names[this.cols[slot]!] ?? '',
        `"${clip(raw)}" is not a date in the format ${this.dateLabels[slot]}`,
      );
      this.bump('unparseableDates');
      return Number.NaN;
    }
    if (isNullDate(v)) {
      this.nullDates++;
      return -Infinity;
    }
    this.lastBuf[slot] = buf;
    this.lastStart[slot] = st;
    this.lastEnd[slot] = en;
    this.lastValue[slot] = v;
    return v;
  }

  private processRow(row: number): void {
    const idBuf = this.cb[S_ID]!;
    let st = this.cs[S_ID]!;
    let en = this.ce[S_ID]!;
    while (st < en && idBuf.charCodeAt(st) === 32) st++;
    while (en > st && idBuf.charCodeAt(en - 1) === 32) en--;
    if (st === en || (maybePlaceholderAt(idBuf, st, en) && isPlaceholder(idBuf.slice(st, en)))) {
      this.reject(row, 'ticketId', this.columnName(S_ID), 'the ticket id is empty');
      return;
    }
    if (en - st > 500) {
      this.reject(row, 'ticketId', this.columnName(S_ID), 'the ticket id is longer than 500 characters');
      return;
    }
    const opened = this.dateCell(S_OPENED, row);
    if (Number.isNaN(opened)) return;
    const resolved = this.dateCell(S_RESOLVED, row);
    if (Number.isNaN(resolved)) return;
    const closed = this.dateCell(S_CLOSED, row);
    if (Number.isNaN(closed)) return;
    const upd = this.hasUpdated ? this.dateCell(S_UPDATED, row) : -Infinity;
    if (Number.isNaN(upd)) return;
    const reopened = this.dateCell(S_REOPENED, row);
    if (Number.isNaN(reopened)) return;
    // Checked before anything is kept, like the dates: a rejected row leaves no trace.
    if (this.forcedDecimal !== null && this.wrongSeparator(S_REOPENS, this.forcedDecimal, row)) return;

    const t = this.table;
    let k: number;
    let h = 0;
    if (this.lastIdSlot >= 0 && sameText(this.lastIdKey, idBuf, st, en)) k = this.lastIdSlot;
    else {
      h = hashRange(idBuf, st, en);
      k = this.index.get(idBuf, st, en, h);
    }
    if (k >= 0) {
      // Collapse: the later row wins unless the kept one has a strictly later update time.
      this.collapsedRows++;
      if (this.hasUpdated && upd < t.upd[k]!) return;
    } else {
      k = t.add(copyString(idBuf.slice(st, en)));
      this.index.set(h, k);
    }
    this.lastIdKey = t.ids[k]!;
    this.lastIdSlot = k;
    t.rows[k] = row;
    t.upd[k] = upd;
    t.opened[k] = opened;
    t.resolved[k] = resolved;
    t.closed[k] = closed;
    t.reopened[k] = reopened;
    t.priority[k] = this.text(S_PRIORITY);
    t.status[k] = this.text(S_STATUS);
    t.category[k] = this.text(S_CATEGORY);
    t.group[k] = this.text(S_GROUP);
    t.sla[k] = this.flag(S_SLA);
    t.fcr[k] = this.flag(S_FCR);
    t.reopens[k] = this.count(S_REOPENS);
  }

  /** A low-cardinality text cell as an index into `strings` (interned: copied once off its chunk). */
  private text(slot: number): number {
    if (this.cols[slot]! < 0) return 0;
    const buf = this.cb[slot]!;
    const st = this.cs[slot]!;
    const en = this.ce[slot]!;
    if (st === en) return 0;
    let v = this.interned.getLast(buf, st, en, slot);
    const h = v === -1 ? hashRange(buf, st, en) : 0;
    if (v === -1) v = this.interned.get(buf, st, en, h, slot);
    if (v === -1) {
      // First sight of this text in this column: -2 marks a placeholder (counted on every use).
      const raw = buf.slice(st, en);
      let t = raw.trim();
      if (t !== '' && isPlaceholder(t)) v = -2;
      else {
        if (slot === S_PRIORITY) t = normalisePriority(t);
        if (t.length > 500) t = t.slice(0, 500);
        v = t === '' ? 0 : this.strings.push(copyString(t)) - 1;
      }
      this.interned.set(copyString(raw), h, slot, v);
    }
    if (v === -2) {
      this.placeholderCells++;
      return 0;
    }
    return v;
  }

  /** A yes/no cell: 1, 0, or -1 for empty or unrecognised (counted). */
  private flag(slot: number): number {
    if (this.cols[slot]! < 0) return -1;
    if (this.cs[slot] === this.ce[slot]) return -1;
    const raw = this.cellText(slot);
    let v = this.flagCache.get(raw);
    if (v === undefined) {
      const t = raw.trim().toLowerCase();
      v = t === '' ? -1 : TRUE_WORDS.has(t) ? 1 : FALSE_WORDS.has(t) ? 0 : isPlaceholder(t) ? -2 : -3;
      if (this.flagCache.size < 1000) this.flagCache.set(copyString(raw), v);
    }
    if (v === -2) this.placeholderCells++;
    else if (v === -3) this.bump('unrecognisedFlags');
    return v < 0 ? -1 : v;
  }

  /** A whole number ≥ 0 (reopen count); -1 for empty or unreadable (counted). */
  private count(slot: number): number {
    if (this.cols[slot]! < 0) return -1;
    const buf = this.cb[slot]!;
    const st = this.cs[slot]!;
    const en = this.ce[slot]!;
    if (st === en) return -1;
    // Fast path: plain digits.
    if (en - st <= 9) {
      let v = 0;
      let i = st;
      for (; i < en; i++) {
        const c = buf.charCodeAt(i);
        if (c < 48 || c > 57) break;
        v = v * 10 + c - 48;
      }
      if (i === en) return v;
    }
    const t = buf.slice(st, en).trim();
    if (t === '') return -1;
    if (isPlaceholder(t)) {
      this.placeholderCells++;
      return -1;
    }
    const n =
      this.forcedDecimal === null
        ? (parseDecimal(t, false) ?? parseDecimal(t, true))
        : parseDecimalAs(t, this.forcedDecimal);
    if (n === null || n < 0 || !Number.isInteger(n) || n > 1e9) {
      this.bump('unrecognisedNumbers');
      return -1;
    }
    return n;
  }

  /** With a forced separator: rejects the row when the slot's cell is a number only with the other one. */
  private wrongSeparator(slot: number, separator: '.' | ',', row: number): boolean {
    if (this.cols[slot]! < 0) return false;
    const buf = this.cb[slot]!;
    const st = this.cs[slot]!;
    const en = this.ce[slot]!;
    let i = st;
    while (i < en && isDigit(buf.charCodeAt(i))) i++;
    if (i === en) return false; // empty or plain digits: fine with either separator
    const reason = decimalSeparatorMismatch(buf.slice(st, en), separator);
    if (reason === null) return false;
    this.reject(row, TICKET_FIELDS[slot]!, this.columnName(slot), reason);
    this.bump('wrongDecimalSeparator');
    return true;
  }

  private buildResult(): TicketImportResult {
    const party = this.opts.partyRules && this.opts.partyRules.length > 0 ? partyMatcher(this.opts.partyRules) : null;
    const hasReopenedCol = this.cols[S_REOPENED]! >= 0;
    const hasReopenCount = this.cols[S_REOPENS]! >= 0;
    const g = this.table;
    const n = g.n;
    const opened = g.opened.slice(0, n);
    const resolved = g.resolved.slice(0, n);
    const closed = g.closed.slice(0, n);
    const resolution = new Float64Array(n);
    const reopenCount = g.reopens.slice(0, n);
    const reopenedFlag = new Int8Array(n);
    const strings = this.strings;
    const priorityIdx = g.priority.slice(0, n);
    const groupIdx = g.group.slice(0, n);
    const priority = new Array<string>(n);
    const partyOf = new Array<string | null>(n);
    let missingOpened = 0;
    let negative = 0;
    let closedUsed = 0;
    for (let i = 0; i < n; i++) {
      // -Infinity marked "empty" while collapsing; the table says NaN.
      if (opened[i] === -Infinity) {
        opened[i] = Number.NaN;
        missingOpened++;
      }
      if (resolved[i] === -Infinity) {
        resolved[i] = Number.NaN;
        if (closed[i] !== -Infinity) closedUsed++;
      }
      if (closed[i] === -Infinity) closed[i] = Number.NaN;
      const res = Number.isNaN(resolved[i]!) ? closed[i]! : resolved[i]!;
      resolution[i] = res;
      if (res < opened[i]!) negative++;
      if (!hasReopenCount && hasReopenedCol) reopenCount[i] = g.reopened[i] !== -Infinity ? 1 : 0;
      const rc = reopenCount[i]!;
      reopenedFlag[i] = rc < 0 ? -1 : rc > 0 ? 1 : 0;
      priority[i] = strings[priorityIdx[i]!]!;
      partyOf[i] = party ? party(strings[groupIdx[i]!]!) : null;
    }
    if (missingOpened) this.bump('missingOpenedAt', missingOpened);
    if (negative) this.bump('negativeDurations', negative);
    if (closedUsed) this.bump('closedUsedAsResolved', closedUsed);
    if (this.shortRowCount) this.bump('shortRows', this.shortRowCount);
    if (this.collapsedRows) this.bump('collapsedRows', this.collapsedRows);
    if (this.placeholderCells) this.bump('placeholderValues', this.placeholderCells);
    if (this.nullDates) this.bump('nullDatePlaceholders', this.nullDates);
    const sla = g.sla.slice(0, n);
    const fcr = g.fcr.slice(0, n);
    const table: ImportedTicketTable = {
      count: n,
      ids: g.ids,
      rows: g.rows.slice(0, n),
      opened,
      resolved,
      closed,
      strings,
      priority: priorityIdx,
      status: g.status.slice(0, n),
      category: g.category.slice(0, n),
      group: groupIdx,
      party: partyOf,
      sla,
      fcr,
      reopenCount,
    };
    const columns: TicketColumns = {
      count: n,
      ids: g.ids,
      opened,
      resolution,
      priority,
      party: partyOf,
      sla,
      fcr,
      reopened: reopenedFlag,
    };
    const header = this.header!;
    const mapping: Partial<Record<TicketField, string>> = {};
    const dateFormats: Partial<Record<DateField, { order: DateOrder; label: string }>> = {};
    for (const f of TICKET_FIELDS) {
      const c = this.cols[SLOT[f]]!;
      if (c >= 0) mapping[f] = header.names[c] ?? '';
    }
    for (const s of DATE_SLOTS) {
      const o = this.orders[s];
      if (o && this.cols[s]! >= 0)
        dateFormats[TICKET_FIELDS[s] as DateField] = { order: o, label: this.dateLabels[s]! };
    }
    const dataIssues: Record<string, number> = {};
    for (const [k, v] of [...this.issues.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) dataIssues[k] = v;
    const detectedComma = this.delimiter !== ',' && detectDecimalComma(this.numberSamples);
    return {
      settings: {
        encoding: this.decoder.encoding ?? 'ascii',
        bom: this.decoder.bom,
        delimiter: this.delimiter,
        decimalComma: this.forcedDecimal === null ? detectedComma : this.forcedDecimal === ',',
        decimalSeparator: this.forcedDecimal ?? 'auto',
        detectedDecimalComma: detectedComma,
        preset: this.presetName,
        mapping,
        dateFormats,
        dateDetections: this.detections,
        headerWarnings: this.headerWarnings,
      },
      ticketCount: n,
      table,
      columns,
      rowsRead: this.rowsRead,
      rejectedRows: this.rejectedCount,
      rejected: this.rejected,
      shortRows: { count: this.shortRowCount, rows: this.shortRowList },
      dataIssues,
      bytesRead: this.bytesRead,
    };
  }
}

/**
 * Ticket records (without workspace ids) of tickets [start, end) of an import, in file order of
 * first appearance. Built on demand so a worker can hand them over in batches.
 */
export function importedTickets(table: ImportedTicketTable, start = 0, end = table.count): ImportedTicket[] {
  const out: ImportedTicket[] = [];
  const s = table.strings;
  const stamp = (v: number): string | null => (Number.isNaN(v) ? null : formatWallClock(v));
  const bool = (v: number): boolean | null => (v < 0 ? null : v === 1);
  for (let i = Math.max(0, start); i < Math.min(end, table.count); i++) {
    const rc = table.reopenCount[i]!;
    out.push({
      ticketId: table.ids[i]!,
      openedAt: stamp(table.opened[i]!),
      resolvedAt: stamp(table.resolved[i]!),
      closedAt: stamp(table.closed[i]!),
      priority: s[table.priority[i]!]!,
      status: s[table.status[i]!]!,
      category: s[table.category[i]!]!,
      assignmentGroup: s[table.group[i]!]!,
      partyId: table.party[i] ?? null,
      slaMet: bool(table.sla[i]!),
      firstContactResolved: bool(table.fcr[i]!),
      reopenCount: rc < 0 ? null : rc,
    });
  }
  return out;
}

/** Creates an importer for one file (see TicketImporter). */
export function createTicketImporter(options: TicketImportOptions = {}): TicketImporter {
  return new TicketImporter(options);
}

/**
 * Priorities come as `1`, `P1`, `1 - Critical`, `Priority 1 - Emergency` or words (`High`). Numeric
 * ones become `P<n>` so exports of different systems split the same way; words are kept as written.
 */
export function normalisePriority(text: string): string {
  const t = text.trim();
  const m = /^(?:p(?:riority)?\s*)?(\d{1,2})(?:\s*[-–:.)]\s*.*|\s*)$/i.exec(t);
  return m ? `P${Number(m[1])}` : t;
}

function isEmptyRecord(v: CsvRecordView): boolean {
  for (let k = 0; k < v.count; k++) {
    const st = v.starts[k]!;
    if (st < 0) {
      if (v.quoted[k]!.trim() !== '') return false;
      continue;
    }
    for (let i = st; i < v.ends[k]!; i++) {
      const c = v.buf.charCodeAt(i);
      if (c !== 32 && c !== 9) return false;
    }
  }
  return true;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Cheap first-character test before the placeholder set lookup (keeps the hot path fast). */
function maybePlaceholderAt(buf: string, start: number, end: number): boolean {
  if (end - start > 16) return false;
  const c = buf.charCodeAt(start);
  return c === 35 /* # */ || c === 63 /* ? */ || c === 40 /* ( */ || (c | 0x20) === 110 /* n */ || c === 32;
}

function isPlaceholder(s: string): boolean {
  return PLACEHOLDERS.has(s) || PLACEHOLDERS.has(s.trim().toLowerCase());
}

/**
 * A copy that does not keep the chunk it was sliced from alive (engines implement `slice` as a view
 * into the parent string; keeping one id per ticket would otherwise pin every chunk of the file).
 */
function copyString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
