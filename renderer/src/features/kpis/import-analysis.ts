/**
 * The wizard's look at a ticket file before importing: the shared importer run over the first rows
 * only (it stops itself after `previewRows`), so detection, mapping, date formats and per-row errors
 * come from exactly the code that will import the whole file.
 */
import { detectDelimiter, parseCsvText, type CsvDelimiter } from '../../../../shared/import/csv';
import { formatWallClock, parseTimestamp, type DateDetection, type DateOrder } from '../../../../shared/import/dates';
import { DetectingDecoder, type TextEncodingName } from '../../../../shared/import/encoding';
import type { DecimalSeparatorOption } from '../../../../shared/import/numbers';
import type { DateField, PresetName, TicketField } from '../../../../shared/import/presets';
import {
  createTicketImporter,
  importedTickets,
  TicketImportError,
  type ImportedTicket,
  type ImportSettings,
  type TicketImportProblem,
} from '../../../../shared/import/ticket-importer';

export type WizardOptions = {
  encoding: TextEncodingName | 'auto';
  delimiter: CsvDelimiter | 'auto';
  preset: PresetName | 'auto';
  /** Manual field → column choices (win over the preset). */
  map: Partial<Record<TicketField, string>>;
  /** Day/month order chosen by the user; null = as detected. */
  dateOrder: DateOrder | null;
  /** Decimal separator of number cells; 'auto' = as detected (reads 1.5 and 1,5 alike). */
  decimalSeparator: DecimalSeparatorOption;
};

export const DEFAULT_OPTIONS: WizardOptions = {
  encoding: 'auto',
  delimiter: 'auto',
  preset: 'auto',
  map: {},
  dateOrder: null,
  decimalSeparator: 'auto',
};

export type DateSample = { field: DateField; column: string; label: string; raw: string; parsed: string };

export type AmbiguousDates = { field: string; column: string; sample: string; labels: { dmy: string; mdy: string } };

export type Analysis =
  | {
      ok: true;
      settings: ImportSettings;
      columns: string[];
      preview: ImportedTicket[];
      rejected: TicketImportProblem[];
      rejectedRows: number;
      rowsRead: number;
      dates: DateSample[];
    }
  | { ok: false; code: string | null; message: string; columns: string[]; ambiguous: AmbiguousDates | null };

const HEAD_BYTES = 64 * 1024;

/** Column names of the header row (for hand mapping); [] when unreadable. */
export function headerColumns(
  bytes: Uint8Array,
  encoding: WizardOptions['encoding'],
  delimiter: WizardOptions['delimiter'],
): string[] {
  try {
    const dec = new DetectingDecoder({ encoding });
    const text = dec.decode(bytes.subarray(0, HEAD_BYTES)) + (bytes.length <= HEAD_BYTES ? dec.flush() : '');
    const nl = text.search(/\r?\n/);
    const line = nl < 0 ? text : text.slice(0, nl);
    const d = delimiter === 'auto' ? (detectDelimiter(text) ?? ',') : delimiter;
    const parsed = parseCsvText(line, { delimiter: d });
    return parsed.ok ? (parsed.rows[0]?.fields ?? []).map((f) => f.trim()).filter((f) => f !== '') : [];
  } catch {
    return [];
  }
}

/** Runs the importer over the first `previewRows` rows of the file. Never throws. */
export function analyseTicketBytes(bytes: Uint8Array, opts: WizardOptions, previewRows = 2000): Analysis {
  const columns = headerColumns(bytes, opts.encoding, opts.delimiter);
  const importer = createTicketImporter({
    encoding: opts.encoding,
    delimiter: opts.delimiter,
    preset: opts.preset,
    map: opts.map,
    decimalSeparator: opts.decimalSeparator,
    ...(opts.dateOrder ? { dateOrder: opts.dateOrder } : {}),
    maxRows: previewRows,
    maxListed: 50,
  });
  try {
    const step = 256 * 1024;
    for (let i = 0; i < bytes.length && importer.progress.rowsRead < previewRows; i += step) {
      importer.push(bytes.subarray(i, i + step));
    }
    const r = importer.finish();
    const dates: DateSample[] = [];
    for (const [field, f] of Object.entries(r.settings.dateFormats) as [
      DateField,
      { order: DateOrder; label: string },
    ][]) {
      const det: DateDetection | undefined = r.settings.dateDetections[field];
      const raw = det && (det.status === 'ok' || det.status === 'ambiguous') ? det.sample : '';
      const sec = raw ? parseTimestamp(raw, f.order) : Number.NaN;
      dates.push({
        field,
        column: r.settings.mapping[field] ?? '',
        label: f.label,
        raw,
        parsed: Number.isNaN(sec) ? '' : formatWallClock(sec).replace('T', ' '),
      });
    }
    return {
      ok: true,
      settings: r.settings,
      columns,
      preview: importedTickets(r.table, 0, 12),
      rejected: r.rejected,
      rejectedRows: r.rejectedRows,
      rowsRead: r.rowsRead,
      dates,
    };
  } catch (err) {
    if (err instanceof TicketImportError) {
      let ambiguous: AmbiguousDates | null = null;
      if (err.code === 'ambiguous-dates') {
        const det = err.detections[err.field as DateField];
        const column = /column "([^"]*)"/.exec(err.reason)?.[1] ?? err.field;
        if (det?.status === 'ambiguous') {
          ambiguous = {
            field: err.field,
            column,
            sample: det.sample,
            labels: { dmy: det.labels[0], mdy: det.labels[1] },
          };
        }
      }
      return { ok: false, code: err.code, message: err.message, columns, ambiguous };
    }
    return {
      ok: false,
      code: null,
      message: err instanceof Error ? err.message : String(err),
      columns,
      ambiguous: null,
    };
  }
}
