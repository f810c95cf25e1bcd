/** Test helpers: run the streaming importer over bytes or text, in chunks of a chosen size. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createTicketImporter,
  importedTickets,
  type ImportedTicket,
  type TicketImportOptions,
  type TicketImportResult,
} from '../../../../shared/import/ticket-importer';

export const FIXTURES = fileURLToPath(new URL('../../../fixtures/tickets/', import.meta.url));

/** Bytes of a fixture file. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + name));
}

/** UTF-8 bytes of a text. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Imports bytes pushed in chunks of `chunkSize` (default: all at once). */
export function importBytes(
  bytes: Uint8Array,
  options: TicketImportOptions = {},
  chunkSize = bytes.length || 1,
): TicketImportResult & { records: ImportedTicket[] } {
  const imp = createTicketImporter(options);
  for (let i = 0; i < bytes.length; i += chunkSize) imp.push(bytes.subarray(i, i + chunkSize));
  const r = imp.finish();
  return { ...r, records: importedTickets(r.table) };
}

/** Imports a text given as lines joined with CRLF. */
export function importLines(lines: string[], options: TicketImportOptions = {}): ReturnType<typeof importBytes> {
  return importBytes(utf8(lines.join('\r\n') + '\r\n'), options);
}

/** Runs the import expecting a TicketImportError; returns it. */
export function importError(bytes: Uint8Array, options: TicketImportOptions = {}): unknown {
  try {
    importBytes(bytes, options);
  } catch (e) {
    return e;
  }
  throw new Error('expected the import to fail');
}
