/**
 * From an import result to the records the app stores (SPEC §2): Ticket rows with workspace ids, the
 * TicketImport record and the Provenance carried by the KPI snapshots. Pure: ids and the clock come in.
 */
import type { Provenance } from '../domain/kpis/schema';
import type { Ticket, TicketImport } from '../domain/tickets/schema';
import { importedTickets, type TicketImportResult } from './ticket-importer';

export type RecordContext = {
  workspaceId: string;
  fileName: string;
  /** ISO timestamp of the import. */
  importedAt: string;
};

/** Provenance of snapshots made from this import (file name, time, row counts, data issues). */
export function importProvenance(result: TicketImportResult, ctx: RecordContext): Provenance {
  return {
    fileName: ctx.fileName.slice(0, 500),
    importedAt: ctx.importedAt,
    rowsRead: result.rowsRead,
    tickets: result.ticketCount,
    rowsRejected: result.rejectedRows,
    dataIssues: { ...result.dataIssues },
  };
}

/** The TicketImport record of this import. */
export function ticketImportRecord(result: TicketImportResult, ctx: RecordContext & { id: string }): TicketImport {
  return {
    id: ctx.id,
    workspaceId: ctx.workspaceId,
    fileName: ctx.fileName.slice(0, 500),
    importedAt: ctx.importedAt,
    preset: result.settings.preset,
    rowsRead: result.rowsRead,
    tickets: result.ticketCount,
    rowsRejected: result.rejectedRows,
    dataIssues: { ...result.dataIssues },
  };
}

/**
 * Ticket records [start, end) of the import, with ids from `newId` — call in batches (e.g. 5,000) so a
 * worker can hand them to the database without one huge message.
 */
export function ticketRecords(
  result: TicketImportResult,
  ctx: { workspaceId: string; importId: string; newId: () => string },
  start = 0,
  end = result.ticketCount,
): Ticket[] {
  return importedTickets(result.table, start, end).map((t) => ({
    ...t,
    id: ctx.newId(),
    workspaceId: ctx.workspaceId,
    importId: ctx.importId,
  }));
}
