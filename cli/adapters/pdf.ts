/**
 * pdfmake in Node: fonts as file paths, every remote URL denied and local reads limited to the font
 * folder (SEC-16), document definition → PDF bytes.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { deckFontDir, robotoFontFiles } from './fonts';

const require = createRequire(import.meta.url);

type CreatedPdf = { getBuffer(): Promise<Buffer> };
type PdfMakeNode = {
  setFonts(fonts: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: object, options?: object): CreatedPdf;
};

let instance: PdfMakeNode | null = null;

/** Only files inside the bundled font folder may be read; everything else is refused. */
export function localAccessAllowed(path: string): boolean {
  const dir = deckFontDir();
  return resolve(path).startsWith(dir);
}

function pdfmake(): PdfMakeNode {
  if (instance) return instance;
  const pm = require('pdfmake') as PdfMakeNode;
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy(localAccessAllowed);
  instance = pm;
  return pm;
}

/** Loads pdfmake (pdfkit, fontkit: ≈ 0.15 s in a fresh process) ahead of use, e.g. while a worker draws. */
export function preloadPdfmake(): void {
  pdfmake();
}

/** Lays out and renders a pdfmake document definition; resolves to the PDF bytes. */
export async function renderPdf(docDefinition: object): Promise<Buffer> {
  const pm = pdfmake();
  // pdfmake rewrites font descriptors in place while resolving them: hand it a fresh copy each time.
  pm.setFonts(robotoFontFiles());
  // It also fills defaults into the definition: give it a structural copy so the caller's stays pure.
  const doc = structuredCloneDoc(docDefinition);
  return pm.createPdf(doc).getBuffer();
}

/** Deep copy that keeps functions (header/footer) and Dates, unlike JSON or structuredClone. */
function structuredCloneDoc<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => structuredCloneDoc(v)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = structuredCloneDoc(v);
  return out as T;
}
