/**
 * Web Worker: lays out the deck PDF off the main thread. It receives the deck model (plain JSON),
 * the chart images already drawn on the main thread, the preset and the time, renders the pdfmake
 * document with the shared builder and answers with the PDF bytes (transferred, not copied).
 */
import { renderDeck } from '../../../shared/deck/build-deck';
import type { DeckModel } from '../../../shared/deck/model';
import type { DeckPreset } from '../../../shared/deck/sections';
import { pdfBytes } from './pdfmake-loader';

export type DeckWorkerRequest = {
  model: DeckModel;
  preset: DeckPreset;
  chartImages: Record<string, string>;
  generatedAt: string;
};
export type DeckWorkerResponse = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

type WorkerScope = {
  onmessage: ((e: MessageEvent<DeckWorkerRequest>) => void) | null;
  postMessage(message: DeckWorkerResponse, transfer?: Transferable[]): void;
};
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { model, preset, chartImages, generatedAt } = e.data;
  void (async () => {
    try {
      const doc = renderDeck(model, { preset, chartImages, generatedAt });
      const bytes = await pdfBytes(doc);
      scope.postMessage({ ok: true, bytes }, [bytes.buffer]);
    } catch (err) {
      scope.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  })();
};
