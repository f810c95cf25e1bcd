/**
 * CSV tokenizer (RFC 4180 plus the quirks of real exports): quoted fields, `""` escapes, CRLF, LF or
 * lone CR line ends, newlines inside quotes, a leading BOM. It is fed string chunks of any size and
 * calls back once per record, so a Web Worker can stream a 100 MB file through it.
 *
 * Two levels: `CsvScanner` finds the fields and hands over their offsets into the text (no string per
 * field — a consumer that reads a few columns, or parses numbers and dates in place, allocates
 * nothing); `CsvTokenizer` turns every field into a string, as a CSV parse normally does. The hot
 * loop works on char codes; the arrays handed to the callbacks are reused between records.
 */

export type CsvDelimiter = ',' | ';' | '\t';

/** A fatal syntax problem, with the record (`row`) and physical line where the record starts. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`row ${row}${line !== row ? ` (line ${line})` : ''}: ${reason}`);
  }
}

/**
 * One record, as offsets: field k is `buf.slice(starts[k], ends[k])`, except a quoted field
 * (`starts[k] === -1`) whose unescaped value is `quoted[k]`. Valid only during the callback.
 */
export type CsvRecordView = {
  buf: string;
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  quoted: string[];
};

/** Text of field k of a record view. */
export function fieldText(v: CsvRecordView, k: number): string {
  if (k >= v.count) return '';
  const s = v.starts[k]!;
  return s < 0 ? v.quoted[k]! : v.buf.slice(s, v.ends[k]!);
}

/**
 * Called once per record. `row` is the 1-based record number counting blank lines (so it equals the
 * line number unless a quoted field spans lines) and `line` the physical line where the record starts.
 */
export type CsvRecordHandler = (record: CsvRecordView, row: number, line: number) => void;

/** Called once per record with its fields as strings; `fields` is reused (copy what you keep). */
export type CsvRowHandler = (fields: string[], row: number, line: number) => void;

export type CsvTokenizerOptions = {
  delimiter: CsvDelimiter;
  /** Longest record, in characters, before giving up (an unclosed quote would otherwise swallow the file). */
  maxRecordChars?: number;
  /** Blank lines (no characters at all) are skipped unless this is true. */
  keepBlankLines?: boolean;
};

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Streaming CSV scanner: `push(text)` any number of times, then `finish()`; records come as offsets. */
export class CsvScanner {
  private readonly delim: number;
  private readonly maxRecordChars: number;
  private readonly keepBlank: boolean;
  private readonly onRecord: CsvRecordHandler;
  private readonly view: CsvRecordView = {
    buf: '',
    count: 0,
    starts: new Int32Array(64),
    ends: new Int32Array(64),
    quoted: [],
  };
  /** Text of a record not yet complete at the end of the last chunk. */
  private carry = '';
  private row = 0;
  private line = 1;
  /** The previous chunk ended with CR: a LF at the start of the next one belongs to it. */
  private skipLf = false;
  private first = true;
  private done = false;

  constructor(options: CsvTokenizerOptions, onRecord: CsvRecordHandler) {
    this.delim = options.delimiter.charCodeAt(0);
    this.maxRecordChars = options.maxRecordChars ?? 1_000_000;
    this.keepBlank = options.keepBlankLines ?? false;
    this.onRecord = onRecord;
  }

  /** Records emitted so far. */
  get rowsEmitted(): number {
    return this.row;
  }

  /** Feeds the next piece of text; emits every record completed by it. */
  push(chunk: string): void {
    if (this.done) throw new Error('CsvScanner: push after finish');
    let text = chunk;
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.skipLf && text.length > 0) {
      this.skipLf = false;
      if (text.charCodeAt(0) === LF) text = text.slice(1);
    }
    const buf = this.carry.length > 0 ? this.carry + text : text;
    this.carry = '';
    const end = this.parse(buf, false);
    if (end < buf.length) {
      this.carry = buf.slice(end);
      if (this.carry.length > this.maxRecordChars) {
        throw new CsvSyntaxError(
          this.row + 1,
          this.line,
          `a record runs past ${this.maxRecordChars.toLocaleString('en-US')} characters — most likely a quote that is never closed`,
        );
      }
    }
  }

  /** Ends the input: emits the last record (a file need not end with a newline). */
  finish(): void {
    if (this.done) return;
    this.done = true;
    const buf = this.carry;
    this.carry = '';
    if (buf.length > 0) this.parse(buf, true);
  }

  private grow(): void {
    const v = this.view;
    const n = v.starts.length * 2;
    const s = new Int32Array(n);
    s.set(v.starts);
    const e = new Int32Array(n);
    e.set(v.ends);
    v.starts = s;
    v.ends = e;
  }

  /**
   * Parses complete records from `buf` and returns the offset where an incomplete record starts
   * (buf.length when none). With `final`, the last record needs no newline and an open quote is fatal.
   */
  private parse(buf: string, final: boolean): number {
    const n = buf.length;
    const d = this.delim;
    const view = this.view;
    view.buf = buf;
    let starts = view.starts;
    let ends = view.ends;
    let pos = 0;
    while (pos < n) {
      const recordStart = pos;
      const startLine = this.line;
      let extraLines = 0;
      let nf = 0;
      let i = pos;
      let complete = false;
      // Blank line: no characters before the line end.
      const c0 = buf.charCodeAt(i);
      if (c0 === LF || c0 === CR) {
        if (c0 === CR) {
          if (i + 1 < n) {
            i += buf.charCodeAt(i + 1) === LF ? 2 : 1;
          } else {
            i += 1;
            if (!final) this.skipLf = true;
          }
        } else {
          i += 1;
        }
        this.row++;
        this.line++;
        if (this.keepBlank) {
          starts[0] = i;
          ends[0] = i;
          view.count = 1;
          this.onRecord(view, this.row, startLine);
        }
        pos = i;
        continue;
      }
      for (;;) {
        if (nf >= starts.length) {
          this.grow();
          starts = view.starts;
          ends = view.ends;
        }
        // One field starting at i.
        if (i < n && buf.charCodeAt(i) === QUOTE) {
          // Quoted field: find the closing quote, un-doubling "" on the way.
          let j = i + 1;
          let value = '';
          let segStart = j;
          let closed = false;
          for (;;) {
            const q = buf.indexOf('"', j);
            if (q < 0) break;
            if (q + 1 < n && buf.charCodeAt(q + 1) === QUOTE) {
              value += buf.slice(segStart, q + 1);
              j = q + 2;
              segStart = j;
              continue;
            }
            if (q + 1 >= n && !final) break; // cannot tell yet whether "" follows
            value += buf.slice(segStart, q);
            j = q + 1;
            closed = true;
            break;
          }
          if (!closed) {
            if (final) {
              throw new CsvSyntaxError(this.row + 1, startLine, 'a quoted field is never closed (unclosed quote)');
            }
            break; // incomplete record
          }
          // Count newlines inside the quotes for line numbers.
          for (let k = i + 1; k < j; k++) {
            const c = buf.charCodeAt(k);
            if (c === LF) extraLines++;
            else if (c === CR && buf.charCodeAt(k + 1) !== LF) extraLines++;
          }
          // Stray text after the closing quote is kept, as spreadsheets do.
          let k = j;
          while (k < n) {
            const c = buf.charCodeAt(k);
            if (c === d || c === LF || c === CR) break;
            k++;
          }
          if (k > j) value += buf.slice(j, k);
          starts[nf] = -1;
          ends[nf] = -1;
          view.quoted[nf] = value;
          nf++;
          i = k;
        } else {
          let k = i;
          while (k < n) {
            const c = buf.charCodeAt(k);
            if (c === d || c === LF || c === CR) break;
            k++;
          }
          starts[nf] = i;
          ends[nf] = k;
          nf++;
          i = k;
        }
        if (i >= n) {
          if (final) complete = true;
          break;
        }
        const c = buf.charCodeAt(i);
        if (c === d) {
          i++;
          if (i >= n && final) {
            if (nf >= starts.length) {
              this.grow();
              starts = view.starts;
              ends = view.ends;
            }
            starts[nf] = i;
            ends[nf] = i;
            nf++;
            complete = true;
            break;
          }
          continue;
        }
        // Line end.
        if (c === CR) {
          if (i + 1 < n) i += buf.charCodeAt(i + 1) === LF ? 2 : 1;
          else {
            i += 1;
            if (!final) this.skipLf = true;
          }
        } else {
          i += 1;
        }
        complete = true;
        break;
      }
      if (!complete) return recordStart;
      view.count = nf;
      this.row++;
      this.line = startLine + extraLines + 1;
      this.onRecord(view, this.row, startLine);
      pos = i;
    }
    return n;
  }
}

/** Streaming CSV tokenizer: like CsvScanner, but every field comes as a string. */
export class CsvTokenizer {
  private readonly scanner: CsvScanner;
  private readonly fields: string[] = [];

  constructor(options: CsvTokenizerOptions, onRow: CsvRowHandler) {
    const fields = this.fields;
    this.scanner = new CsvScanner(options, (v, row, line) => {
      const n = v.count;
      const buf = v.buf;
      const starts = v.starts;
      const ends = v.ends;
      for (let k = 0; k < n; k++) {
        const s = starts[k]!;
        const e = ends[k]!;
        fields[k] = s < 0 ? v.quoted[k]! : e > s ? buf.slice(s, e) : '';
      }
      fields.length = n;
      onRow(fields, row, line);
    });
  }

  /** Records emitted so far. */
  get rowsEmitted(): number {
    return this.scanner.rowsEmitted;
  }

  /** Feeds the next piece of text; emits every record completed by it. */
  push(chunk: string): void {
    this.scanner.push(chunk);
  }

  /** Ends the input: emits the last record. */
  finish(): void {
    this.scanner.finish();
  }
}

/** One record of a small CSV text: its physical start line (1-based) and a copy of its fields. */
export type CsvRow = { line: number; fields: string[] };

export type CsvTextResult =
  { ok: true; delimiter: CsvDelimiter; rows: CsvRow[] } | { ok: false; error: CsvSyntaxError };

/**
 * Parses a whole (small) CSV text. Blank lines are skipped; a BOM is dropped; `delimiter` defaults to
 * detection from the first lines. Never throws: a syntax error comes back with its row and line.
 */
export function parseCsvText(text: string, options: { delimiter?: CsvDelimiter | 'auto' } = {}): CsvTextResult {
  const delimiter =
    options.delimiter && options.delimiter !== 'auto' ? options.delimiter : (detectDelimiter(text) ?? ',');
  const rows: CsvRow[] = [];
  const tok = new CsvTokenizer({ delimiter, maxRecordChars: Number.MAX_SAFE_INTEGER }, (fields, _row, line) => {
    rows.push({ line, fields: fields.slice() });
  });
  try {
    tok.push(text);
    tok.finish();
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { ok: false, error: e };
    throw e;
  }
  return { ok: true, delimiter, rows };
}

/**
 * Picks `,` `;` or tab from the first lines of a text: the candidate that appears (outside quotes) on
 * the first line and the same number of times on most of the following lines; ties go to the one
 * that appears most. Returns null when none appears at all.
 */
export function detectDelimiter(sample: string): CsvDelimiter | null {
  const candidates: CsvDelimiter[] = [',', ';', '\t'];
  const lines = splitSampleLines(sample, 20);
  if (lines.length === 0) return null;
  let best: CsvDelimiter | null = null;
  let bestScore = 0;
  for (const cand of candidates) {
    const counts = lines.map((l) => countOutsideQuotes(l, cand.charCodeAt(0)));
    const head = counts[0] ?? 0;
    if (head === 0) continue;
    const rest = counts.slice(1);
    const consistent = rest.length === 0 ? 1 : rest.filter((c) => c === head).length / rest.length;
    // Consistency dominates; the count breaks ties (a header full of commas in titles is rarer than a real delimiter).
    const score = consistent * 1000 + Math.min(head, 999);
    if (score > bestScore) {
      bestScore = score;
      best = cand;
    }
  }
  return best;
}

/** Up to `max` complete lines of a sample, quote-aware (a newline inside quotes does not split). */
function splitSampleLines(sample: string, max: number): string[] {
  const out: string[] = [];
  let start = sample.charCodeAt(0) === 0xfeff ? 1 : 0;
  let inQuotes = false;
  for (let i = start; i < sample.length && out.length < max; i++) {
    const c = sample.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (c === LF || c === CR)) {
      if (i > start) out.push(sample.slice(start, i));
      if (c === CR && sample.charCodeAt(i + 1) === LF) i++;
      start = i + 1;
    }
  }
  // A last line without newline counts only when the sample is the whole text (short texts).
  if (out.length === 0 && start < sample.length) out.push(sample.slice(start));
  return out;
}

function countOutsideQuotes(line: string, code: number): number {
  let n = 0;
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (c === code && !inQuotes) n++;
  }
  return n;
}
