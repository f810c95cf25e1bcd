/**
 * The QBR deck as PDF bytes in the app, without freezing the UI: the deck model comes from the
 * shared builder (a closed QBR's frozen snapshot, or the live data); chart images are drawn on the
 * main thread one at a time, yielding between charts; the pdfmake layout runs in a Web Worker
 * (falling back to the main thread only where workers are unavailable). Progress is reported as
 * "chart n of m", then "laying out pages".
 */
import { renderDeck, deckChartsFromModel, type DeckDocument } from '../../../shared/deck/build-deck';
import type { DeckModel } from '../../../shared/deck/model';
import type { DeckPreset } from '../../../shared/deck/sections';
import { modelForQbr } from '../../../shared/deck/snapshot';
import type { WorkspaceData } from '../../../shared/domain/tables';
import { renderChartImage } from './chart-images';
import type { DeckWorkerRequest, DeckWorkerResponse } from './deck-worker';
import { pageCountOf, previewPages, type PagePreview } from './deck-preview';

export type DeckProgress =
  | { step: 'model' }
  | { step: 'chart'; n: number; of: number; title: string }
  | { step: 'layout'; off: 'worker' | 'main' };

export type DeckResult = { bytes: Uint8Array; pages: PagePreview[]; pageCount: number; model: DeckModel };

/** `<org>-QBR-<quarter>.pdf`, with characters file systems dislike removed. */
export function deckFileName(workspaceName: string, quarter: string): string {
  const safe =
    workspaceName
      .normalize('NFKD')
      .replace(/[^\w\s.-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .slice(0, 80) || 'Quarterdeck';
  return `${safe}-QBR-${quarter}.pdf`;
}

/** Let the browser paint and handle input before the next slice of work. */
function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function layoutInWorker(req: DeckWorkerRequest): Promise<Uint8Array> | null {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./deck-worker.ts', import.meta.url), { type: 'module', name: 'deck-pdf' });
  } catch {
    return null;
  }
  return new Promise<Uint8Array>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<DeckWorkerResponse>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.bytes);
      else reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(`the PDF layout worker failed: ${e.message || 'unknown error'}`));
    };
    worker.postMessage(req);
  });
}

async function layoutOnMain(doc: DeckDocument): Promise<Uint8Array> {
  const { pdfBytes } = await import('./pdfmake-loader');
  return pdfBytes(doc);
}

/** Build the deck of one QBR: model → charts (main thread, yielding) → PDF (worker) + page previews. */
export async function generateDeck(
  data: WorkspaceData,
  qbrId: string,
  preset: DeckPreset,
  generatedAt: string,
  onProgress: (p: DeckProgress) => void = () => {},
): Promise<DeckResult> {
  onProgress({ step: 'model' });
  await yieldToUi();
  const model = modelForQbr(data, qbrId);
  const specs = deckChartsFromModel(model, preset);
  const chartImages: Record<string, string> = {};
  for (const [i, spec] of specs.entries()) {
    onProgress({ step: 'chart', n: i + 1, of: specs.length, title: spec.title });
    await yieldToUi();
    chartImages[spec.id] = await renderChartImage(spec);
  }
  await yieldToUi();
  // The definition is rebuilt here for the preview (cheap, pure); the worker builds its own copy
  // because a definition holds functions (header/footer) that cannot cross to a worker.
  const doc = renderDeck(model, { preset, chartImages, generatedAt });
  const viaWorker = layoutInWorker({ model, preset, chartImages, generatedAt });
  onProgress({ step: 'layout', off: viaWorker ? 'worker' : 'main' });
  let bytes: Uint8Array;
  try {
    bytes = viaWorker ? await viaWorker : await layoutOnMain(doc);
  } catch (err) {
    // A worker that cannot start its module (old engine, odd host) must not cost the user the deck.
    if (!viaWorker) throw err;
    bytes = await layoutOnMain(doc);
  }
  return { bytes, pages: previewPages(doc), pageCount: pageCountOf(bytes), model };
}

/** Build the deck of one QBR and lay it out as a PDF (no progress). */
export async function buildDeckPdf(
  data: WorkspaceData,
  qbrId: string,
  preset: DeckPreset,
  generatedAt: string,
): Promise<Uint8Array> {
  return (await generateDeck(data, qbrId, preset, generatedAt)).bytes;
}
