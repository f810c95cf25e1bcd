/**
 * Page side of the ticket-import worker: slices the file bytes into chunks, feeds them one at a
 * time (each progress reply asks for the next), reports progress at most every `minIntervalMs`
 * (and always on the first and last chunk), and cancels by terminating the worker — nothing is
 * written until the page saves the finished result.
 */
import type { WorkerImportOptions, WorkerImportResult, WorkerRequest, WorkerResponse } from './ticket-import-protocol';

/** What the runner needs from a Worker (a fake in tests). */
export type WorkerLike = {
  postMessage(msg: WorkerRequest): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
};

export type ImportProgressInfo = { bytesRead: number; totalBytes: number; rowsRead: number; tickets: number };

export const CHUNK_BYTES = 256 * 1024;

export class ImportCancelledError extends Error {
  constructor() {
    super('The import was cancelled; nothing was saved.');
    this.name = 'ImportCancelledError';
  }
}

/** The real worker (a module worker, allowed by the CSP `worker-src 'self' blob:`). */
export function createTicketImportWorker(): WorkerLike {
  return new Worker(new URL('./ticket-import.worker.ts', import.meta.url), {
    type: 'module',
    name: 'ticket-import',
  }) as unknown as WorkerLike;
}

/** Runs one import in a worker; `cancel()` terminates it and rejects with ImportCancelledError. */
export function runTicketImport(opts: {
  bytes: Uint8Array;
  options: WorkerImportOptions;
  fiscalStartMonth: number;
  onProgress: (p: ImportProgressInfo) => void;
  createWorker?: () => WorkerLike;
  chunkBytes?: number;
}): { done: Promise<WorkerImportResult>; cancel: () => void } {
  const worker = (opts.createWorker ?? createTicketImportWorker)();
  const chunk = opts.chunkBytes ?? CHUNK_BYTES;
  const total = opts.bytes.length;
  let offset = 0;
  let settled = false;
  let rejectFn: (e: Error) => void = () => {};
  const done = new Promise<WorkerImportResult>((resolve, reject) => {
    rejectFn = reject;
    const end = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      worker.terminate();
      fn();
    };
    worker.onerror = (e) => end(() => reject(new Error(`The import stopped: ${e.message || 'worker error'}`)));
    worker.onmessage = (e) => {
      const msg = e.data;
      if (msg.type === 'error') {
        end(() => reject(new Error(msg.message)));
      } else if (msg.type === 'done') {
        end(() => resolve(msg.result));
      } else {
        opts.onProgress({ bytesRead: msg.bytesRead, totalBytes: total, rowsRead: msg.rowsRead, tickets: msg.tickets });
        if (offset < total) {
          // A copy of the slice: the file bytes stay intact for a retry.
          const bytes = opts.bytes.slice(offset, Math.min(total, offset + chunk));
          offset += bytes.length;
          worker.postMessage({ type: 'chunk', bytes });
        } else {
          worker.postMessage({ type: 'finish' });
        }
      }
    };
  });
  worker.postMessage({ type: 'start', options: opts.options, fiscalStartMonth: opts.fiscalStartMonth });
  return {
    done,
    cancel: () => {
      if (settled) return;
      settled = true;
      worker.terminate();
      rejectFn(new ImportCancelledError());
    },
  };
}
