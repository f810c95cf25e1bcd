/**
 * Web Worker that runs a ticket import off the UI thread (SPEC §5: the UI never freezes). All the
 * logic is in the protocol handler; this file only wires it to the worker's messages.
 */
import { createImportWorkerHandler, type WorkerRequest, type WorkerResponse } from './ticket-import-protocol';

const scope = self as unknown as {
  postMessage(msg: WorkerResponse): void;
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
};
const handle = createImportWorkerHandler((msg) => scope.postMessage(msg));
scope.onmessage = (e) => handle(e.data);
