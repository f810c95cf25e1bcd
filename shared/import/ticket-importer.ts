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
import { CsvSyntaxError, CsvTokenizer, detectDelimiter, type CsvDelimiter } from './csv';
import {
  DateEvidence,
  describeFormat,
  formatWallClock,
  isNullDate,
  parseTimestamp,
  type DateDetection,
  type DateOrder,
} from './dates';
import { DetectingDecoder, type DecoderFactory, type TextEncodingName } from './encoding';
import { detectDecimalComma, parseDecimal } from './numbers';
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
  /** Assignment group → party rules; partyId stays null without them. */
  partyRules?: readonly PartyRuleLike[];
  decoderFactory?: DecoderFactory;
  /** Rows used to detect the date format before importing (default 2,000). */
  sampleRows?: number;
  /** Stop after this many data rows (for a preview); the rest of the input is ignored. */
  maxRows?: number;
  /** Rejected rows and short rows listed in detail (all are counted); default 100. */
  maxListed?: number;
  /** Materialise every column while tokenizing (default: only the mapped ones after the sample). */
  readAllColumns?: boolean;
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
  decimalComma: boolean;
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
/** Slot → cell index for buffered sample rows, which are stored by slot. */
const IDENTITY = Int32Array.from({ length: SLOT_COUNT }, (_, i) => i);

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

  /** The slot of `id`, or -1. */
  get(id: string, h: number): number {
    const slots = this.slots;
    const hashes = this.hashes;
    let j = h & this.mask;
    for (;;) {
      const k = slots[j]!;
      if (k < 0) return -1;
      if (hashes[j] === h && this.keys[k] === id) return k;
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

/** FNV-1a over the UTF-16 code units. */
function hashId(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
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
  private tokenizer: CsvTokenizer | null = null;
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
  /** Where processRow finds each slot's cell: the column map for live rows, IDENTITY for sample rows. */
  private at: Int32Array = IDENTITY;
  private readonly table = new Growing();
  private readonly index = new IdIndex(this.table.ids);
  /** Raw cell text → index into `strings` (trimmed, placeholders as ''). */
  private readonly interned = new Map<string, number>();
  private readonly strings: string[] = [''];
  private readonly flagCache = new Map<string, number>();
  /** Last raw cell and its parsed value per slot (see dateCell). */
  private readonly lastRaw: string[] = new Array<string>(SLOT_COUNT).fill('');
  private readonly lastValue = new Float64Array(SLOT_COUNT);
  private readonly lastKind = new Int8Array(SLOT_COUNT);
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
    this.tokenizer = new CsvTokenizer({ delimiter: this.delimiter }, (fields, row) => this.onRow(fields, row));
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

  private onRow(fields: string[], row: number): void {
    if (this.stopped) return;
    if (!this.header) {
      this.readHeaderRow(fields, row);
      return;
    }
    const cols = this.cols;
    // Cheap emptiness test first: a row with an id is not empty.
    const idCol = cols[S_ID]!;
    const idCell = idCol < fields.length ? fields[idCol]! : '';
    if (idCell === '' && isEmptyRow(fields)) {
      this.bump('emptyRows');
      return;
    }
    this.rowsRead++;
    const short = fields.length < this.header.width;
    if (short) {
      this.shortRowCount++;
      if (this.shortRowList.length < this.maxListed) this.shortRowList.push(row);
    }
    if (this.decided && !this.opts.scanOnly) {
      // Hot path: read the mapped cells straight from the tokenizer's fields.
      if (short && this.maxCol >= fields.length) this.rejectShort(row, fields.length);
      else {
        this.at = cols;
        this.processRow(fields, row);
      }
    } else {
      const s = this.scratch;
      for (let k = 0; k < SLOT_COUNT; k++) {
        const c = cols[k]!;
        s[k] = c >= 0 && c < fields.length ? fields[c]! : '';
      }
      this.collectEvidence(s, fields);
      if (!this.opts.scanOnly) {
        this.sample.push({
          cells: s.slice(),
          row,
          short: short && this.maxCol >= fields.length,
          fields: fields.length,
        });
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

  private collectEvidence(cells: string[], fields: string[]): void {
    for (const s of DATE_SLOTS) {
      const ev = this.evidence[s];
      if (!ev) continue;
      const v = cells[s]!.trim();
      if (v !== '' && !isPlaceholder(v)) ev.add(v);
    }
    // Decimal comma: judged from every cell of the sample, as the file as a whole writes numbers one way.
    if (this.numberSamples.length < 5000) {
      for (const f of fields) if (f.length > 0 && f.length < 30 && isDigit(f.charCodeAt(0))) this.numberSamples.push(f);
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
    // From here on only the mapped columns are read: the tokenizer need not build the others.
    if (this.opts.readAllColumns !== true) this.tokenizer?.selectColumns([...this.cols].filter((c) => c >= 0));
    const sample = this.sample;
    this.sample = [];
    this.at = IDENTITY;
    for (const r of sample) {
      if (r.short && this.maxCol >= r.fields) this.rejectShort(r.row, r.fields);
      else this.processRow(r.cells, r.row);
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

  /** Parses one date cell; NaN = rejected (already reported), -Infinity = empty. */
  private dateCell(cells: string[], slot: number, row: number): number {
    if (this.cols[slot]! < 0) return -Infinity;
    const raw = cells[this.at[slot]!]!;
    if (raw === '') return -Infinity;
    // Event logs repeat a ticket's opened/resolved values row after row: reuse the last answer.
    // (Compare the last character first: distinct timestamps mostly differ there, and a full string
    // comparison of two different slices is not free.)
    const last = this.lastRaw[slot]!;
    if (
      raw.length === last.length &&
      raw.charCodeAt(raw.length - 1) === last.charCodeAt(last.length - 1) &&
      raw === last
    ) {
      const kind = this.lastKind[slot]!;
      if (kind === 1) this.placeholderCells++;
      else if (kind === 2) this.nullDates++;
      return this.lastValue[slot]!;
    }
    let v: number;
    let kind = 0;
    if (maybePlaceholder(raw) && isPlaceholder(raw)) {
      this.placeholderCells++;
      v = -Infinity;
      kind = 1;
    } else {
      v = parseTimestamp(raw, this.orders[slot]!);
      if (Number.isNaN(v)) {
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
        v = -Infinity;
        kind = 2;
      }
    }
    this.lastRaw[slot] = raw;
    this.lastValue[slot] = v;
    this.lastKind[slot] = kind;
    return v;
  }

  private processRow(cells: string[], row: number): void {
    let id = cells[this.at[S_ID]!]!;
    if (id.length > 0 && (id.charCodeAt(0) === 32 || id.charCodeAt(id.length - 1) === 32)) id = id.trim();
    if (id === '' || (maybePlaceholder(id) && isPlaceholder(id))) {
      this.reject(row, 'ticketId', this.header!.names[this.cols[S_ID]!] ?? '', 'the ticket id is empty');
      return;
    }
    if (id.length > 500) {
      this.reject(
        row,
        'ticketId',
        this.header!.names[this.cols[S_ID]!] ?? '',
        'the ticket id is longer than 500 characters',
      );
      return;
    }
    const opened = this.dateCell(cells, S_OPENED, row);
    if (Number.isNaN(opened)) return;
    const resolved = this.dateCell(cells, S_RESOLVED, row);
    if (Number.isNaN(resolved)) return;
    const closed = this.dateCell(cells, S_CLOSED, row);
    if (Number.isNaN(closed)) return;
    const upd = this.hasUpdated ? this.dateCell(cells, S_UPDATED, row) : -Infinity;
    if (Number.isNaN(upd)) return;
    const reopened = this.dateCell(cells, S_REOPENED, row);
    if (Number.isNaN(reopened)) return;

    const t = this.table;
    const h = hashId(id);
    let k = this.index.get(id, h);
    if (k >= 0) {
      // Collapse: the later row wins unless the kept one has a strictly later update time.
      this.collapsedRows++;
      if (this.hasUpdated && upd < t.upd[k]!) return;
    } else {
      k = t.add(copyString(id));
      this.index.set(h, k);
    }
    t.rows[k] = row;
    t.upd[k] = upd;
    t.opened[k] = opened;
    t.resolved[k] = resolved;
    t.closed[k] = closed;
    t.reopened[k] = reopened;
    t.priority[k] = this.text(cells, S_PRIORITY, true);
    t.status[k] = this.text(cells, S_STATUS, false);
    t.category[k] = this.text(cells, S_CATEGORY, false);
    t.group[k] = this.text(cells, S_GROUP, false);
    t.sla[k] = this.flag(cells, S_SLA);
    t.fcr[k] = this.flag(cells, S_FCR);
    t.reopens[k] = this.count(cells, S_REOPENS);
  }

  /** A low-cardinality text cell as an index into `strings` (interned: copied once off its chunk). */
  private text(cells: string[], slot: number, priority: boolean): number {
    if (this.cols[slot]! < 0) return 0;
    const raw = cells[this.at[slot]!]!;
    if (raw === '') return 0;
    let v: number | undefined;
    if (raw === this.lastRaw[slot]) v = this.lastValue[slot]!;
    else {
      v = this.interned.get(raw);
      if (v !== undefined) {
        this.lastRaw[slot] = raw;
        this.lastValue[slot] = v;
      }
    }
    if (v === undefined) {
      let t = raw.trim();
      if (isPlaceholder(t)) {
        t = '';
      } else {
        if (priority) t = normalisePriority(t);
        if (t.length > 500) t = t.slice(0, 500);
      }
      v = t === '' ? 0 : this.strings.push(copyString(t)) - 1;
      this.interned.set(copyString(raw), v);
    }
    if (v === 0 && raw.trim() !== '') this.placeholderCells++;
    return v;
  }

  /** A yes/no cell: 1, 0, or -1 for empty or unrecognised (counted). */
  private flag(cells: string[], slot: number): number {
    if (this.cols[slot]! < 0) return -1;
    const raw = cells[this.at[slot]!]!;
    if (raw === '') return -1;
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
  private count(cells: string[], slot: number): number {
    if (this.cols[slot]! < 0) return -1;
    const raw = cells[this.at[slot]!]!;
    if (raw === '') return -1;
    // Fast path: plain digits.
    let v = 0;
    let i = 0;
    for (; i < raw.length && i < 9; i++) {
      const c = raw.charCodeAt(i);
      if (c < 48 || c > 57) break;
      v = v * 10 + c - 48;
    }
    if (i === raw.length) return v;
    const t = raw.trim();
    if (t === '') return -1;
    if (isPlaceholder(t)) {
      this.placeholderCells++;
      return -1;
    }
    const n = parseDecimal(t, false) ?? parseDecimal(t, true);
    if (n === null || n < 0 || !Number.isInteger(n) || n > 1e9) {
      this.bump('unrecognisedNumbers');
      return -1;
    }
    return n;
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
    return {
      settings: {
        encoding: this.decoder.encoding ?? 'ascii',
        bom: this.decoder.bom,
        delimiter: this.delimiter,
        decimalComma: this.delimiter !== ',' && detectDecimalComma(this.numberSamples),
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

function isEmptyRow(fields: string[]): boolean {
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.length > 0 && f.trim() !== '') return false;
  }
  return true;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Cheap first-character test before the placeholder set lookup (keeps the hot path fast). */
function maybePlaceholder(s: string): boolean {
  if (s.length > 16) return false;
  const c = s.charCodeAt(0);
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
