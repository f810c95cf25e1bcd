/**
 * The QBR deck as PDF bytes in the browser: shared buildDeck (helper H) → chart images drawn here →
 * pdfmake's browser build with its embedded Roboto. pdfmake (~2 MB with fonts) is loaded only when
 * a deck is exported, and it may never fetch anything remote (SEC-16).
 */
import type { DeckPreset } from '../../../shared/deck/sections';
import type { WorkspaceData } from '../../../shared/domain/tables';
import { renderChartImages } from './chart-images';

type PdfMakeBrowser = {
  addVirtualFileSystem(vfs: Record<string, string>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  createPdf(doc: object): { getBuffer(): Promise<Uint8Array> };
};

let pdfMakePromise: Promise<PdfMakeBrowser> | null = null;

function loadPdfMake(): Promise<PdfMakeBrowser> {
  pdfMakePromise ??= (async () => {
    const [pm, fonts] = await Promise.all([import('pdfmake/build/pdfmake'), import('pdfmake/build/vfs_fonts')]);
    const pdfMake = ((pm as { default?: unknown }).default ?? pm) as PdfMakeBrowser;
    const vfs = ((fonts as { default?: unknown }).default ?? fonts) as Record<string, string>;
    pdfMake.addVirtualFileSystem(vfs);
    pdfMake.setUrlAccessPolicy(() => false);
    return pdfMake;
  })();
  return pdfMakePromise;
}

/** `<org>-<quarter>-QBR.pdf` with characters file systems dislike removed. */
export function deckFileName(workspaceName: string, quarter: string): string {
  const safe =
    workspaceName
      .normalize('NFKD')
      .replace(/[^\w\s.-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .slice(0, 80) || 'Quarterdeck';
  return `${safe}-${quarter}-QBR.pdf`;
}

/** Build the deck of one QBR and lay it out as a PDF. */
export async function buildDeckPdf(
  data: WorkspaceData,
  qbrId: string,
  preset: DeckPreset,
  generatedAt: string,
): Promise<Uint8Array> {
  const { buildDeck, deckCharts } = await import('../../../shared/deck/build-deck');
  const images = await renderChartImages(deckCharts(data, qbrId, preset));
  const doc = buildDeck(data, qbrId, { preset, chartImages: images, generatedAt });
  const pdfMake = await loadPdfMake();
  const bytes = await pdfMake.createPdf(doc).getBuffer();
  return bytes instanceof Uint8Array
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : new Uint8Array(bytes);
}
