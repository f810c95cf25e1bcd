/**
 * Message protocol of the ticket-import worker, and its handler as a plain function so tests can
 * drive it without a Worker. The page feeds the file in chunks (one at a time: each `progress`
 * reply is the ack for the next chunk, so the worker never queues the whole file), then `finish`;
 * the worker answers `done` with the collapsed tickets and the KPIs per month and per quarter. A
 * cancel is `worker.terminate()` on the page side: the worker writes nothing, ever.
 */
import { computeTicketKpisFromColumns, type TicketKpiResult } from '../../../shared/domain/kpis/ticket-kpis';
import {
  createTicketImporter,
  importedTickets,
  TicketImportError,
  type ImportedTicket,
  type ImportSettings,
  type TicketImporter,
  type TicketImportOptions,
  type TicketImportProblem,
} from '../../../shared/import/ticket-importer';

/** The importer options that can cross a worker boundary (no functions). */
export type WorkerImportOptions = Pick<
  TicketImportOptions,
  'preset' | 'map' | 'delimiter' | 'encoding' | 'dateOrder' | 'decimalSeparator' | 'partyRules'
>;

export type WorkerRequest =
  | { type: 'start'; options: WorkerImportOptions; fiscalStartMonth: number }
  | { type: 'chunk'; bytes: Uint8Array }
  | { type: 'finish' };

export type WorkerImportResult = {
  settings: ImportSettings;
  rowsRead: number;
  rejectedRows: number;
  rejected: TicketImportProblem[];
  shortRows: number;
  /** Importer issues plus the KPI maths' ones (negative durations, missing opened dates). */
  dataIssues: Record<string, number>;
  bytesRead: number;
  tickets: ImportedTicket[];
  monthly: TicketKpiResult;
  quarterly: TicketKpiResult;
};

export type WorkerResponse =
  | { type: 'progress'; bytesRead: number; rowsRead: number; tickets: number }
  | { type: 'done'; result: WorkerImportResult }
  | { type: 'error'; message: string; code: string | null; row: number | null; field: string };

/** Adds the KPI maths' data issues to the importer's, by name (counts only, zeros left out). */
export function mergeDataIssues(
  importer: Record<string, number>,
  kpis: TicketKpiResult['dataIssues'],
): Record<string, number> {
  const out: Record<string, number> = { ...importer };
  for (const [k, v] of Object.entries(kpis)) {
    if (v > 0) out[k] = (out[k] ?? 0) + v;
  }
  return out;
}

/**
 * The worker's message handler: `post` sends a reply. Messages out of order (a chunk before
 * `start`, anything after an error) are answered with an error, never a crash.
 */
export function createImportWorkerHandler(post: (msg: WorkerResponse) => void): (msg: WorkerRequest) => void {
  let importer: TicketImporter | null = null;
  let fiscalStartMonth = 1;
  let failed = false;
  const fail = (err: unknown): void => {
    failed = true;
    importer = null;
    if (err instanceof TicketImportError) {
      post({ type: 'error', message: err.message, code: err.code, row: err.row, field: err.field });
    } else {
      post({
        type: 'error',
        message: err instanceof Error ? err.message : String(err),
        code: null,
        row: null,
        field: '',
      });
    }
  };
  return (msg) => {
    if (failed) return;
    try {
      switch (msg.type) {
        case 'start':
          importer = createTicketImporter({ ...msg.options, maxListed: 100 });
          fiscalStartMonth = msg.fiscalStartMonth;
          post({ type: 'progress', bytesRead: 0, rowsRead: 0, tickets: 0 });
          return;
        case 'chunk': {
          if (!importer) throw new Error('the import was not started');
          importer.push(msg.bytes);
          post({ type: 'progress', ...importer.progress });
          return;
        }
        case 'finish': {
          if (!importer) throw new Error('the import was not started');
          const r = importer.finish();
          importer = null;
          const monthly = computeTicketKpisFromColumns(r.columns, { period: 'month', fiscalStartMonth });
          const quarterly = computeTicketKpisFromColumns(r.columns, { period: 'quarter', fiscalStartMonth });
          post({
            type: 'done',
            result: {
              settings: r.settings,
              rowsRead: r.rowsRead,
              rejectedRows: r.rejectedRows,
              rejected: r.rejected,
              shortRows: r.shortRows.count,
              dataIssues: mergeDataIssues(r.dataIssues, quarterly.dataIssues),
              bytesRead: r.bytesRead,
              tickets: importedTickets(r.table),
              monthly,
              quarterly,
            },
          });
          return;
        }
      }
    } catch (err) {
      fail(err);
    }
  };
}
