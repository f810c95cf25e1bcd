/**
 * pdfmake's browser build with its embedded Roboto, loaded on first use (≈2 MB), with every URL
 * access denied so a deck can never fetch anything remote (SEC-16). Works in a Web Worker and on
 * the main thread.
 */
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

/** Lay out a pdfmake document definition as PDF bytes. */
export async function pdfBytes(doc: object): Promise<Uint8Array> {
  const pdfMake = await loadPdfMake();
  const bytes = await pdfMake.createPdf(doc).getBuffer();
  return bytes instanceof Uint8Array
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : new Uint8Array(bytes);
}
