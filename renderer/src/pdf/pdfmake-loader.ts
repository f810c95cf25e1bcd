/**
 * pdfmake's browser build with the deck cut of Roboto (resources/fonts/deck — the same files the
 * CLI embeds, so app and CLI decks lay text out identically), loaded on first use (≈2 MB), with
 * every URL access denied so a deck can never fetch anything remote (SEC-16). Works in a Web
 * Worker and on the main thread.
 */
type PdfMakeBrowser = {
  addVirtualFileSystem(vfs: Record<string, string>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  createPdf(doc: object): { getBuffer(): Promise<Uint8Array> };
};

let pdfMakePromise: Promise<PdfMakeBrowser> | null = null;

function loadPdfMake(): Promise<PdfMakeBrowser> {
  pdfMakePromise ??= (async () => {
    const [pm, vfs] = await Promise.all([
      import('pdfmake/build/pdfmake'),
      import('./deck-fonts').then((m) => m.deckFontVfs()),
    ]);
    const pdfMake = ((pm as { default?: unknown }).default ?? pm) as PdfMakeBrowser;
    // Same file names as pdfmake's own Roboto, so its default font table points at the deck cut.
    pdfMake.addVirtualFileSystem(vfs);
    pdfMake.setUrlAccessPolicy(() => false);
    return pdfMake;
  })();
  return pdfMakePromise;
}

/** Lay out a pdfmake document definition as PDF bytes. */
export async function pdfBytes(doc: object): Promise<Uint8Array> {
  const pdfMake = await loadPdfMake();
  const bytes = await pdfMake.createPdf(doc).getBuffer();
  return bytes instanceof Uint8Array
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : new Uint8Array(bytes);
}
