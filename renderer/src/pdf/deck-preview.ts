/**
 * A structured preview of the deck's pages from the pdfmake document definition (no PDF
 * rasteriser needed): per page its section title, the chart images it places and its first lines
 * of text. A page without a title continues the section before it.
 */
import type { DeckDocument } from '../../../shared/deck/build-deck';

export type PagePreview = {
  index: number;
  title: string;
  continued: boolean;
  images: { id: string; dataUrl: string }[];
  lines: string[];
};

type Node = unknown;

function isObj(v: Node): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function textOf(v: Node): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(textOf).join('');
  if (isObj(v) && 'text' in v) return textOf(v.text);
  return '';
}

function walk(v: Node, visit: (o: Record<string, unknown>) => boolean): void {
  if (Array.isArray(v)) {
    for (const x of v) walk(x, visit);
    return;
  }
  if (!isObj(v)) return;
  if (!visit(v)) return;
  for (const key of ['stack', 'columns', 'body', 'table', 'ul', 'ol', 'text']) {
    const child = v[key];
    if (child !== undefined && typeof child !== 'string') walk(child, visit);
  }
}

/** One preview per content page of the definition. */
export function previewPages(doc: DeckDocument, maxLines = 5): PagePreview[] {
  let last = '';
  return doc.content.map((page, index) => {
    let title = '';
    const images: PagePreview['images'] = [];
    const lines: string[] = [];
    walk(page, (o) => {
      if (o.style === 'title' && !title) {
        title = textOf(o).trim();
        return false;
      }
      if (o.style === 'kicker') return false;
      if (typeof o.image === 'string') {
        const url = doc.images[o.image];
        if (url && !images.some((i) => i.id === o.image)) images.push({ id: o.image, dataUrl: url });
        return false;
      }
      if ('text' in o && lines.length < maxLines) {
        const t = textOf(o).replace(/\s+/g, ' ').trim();
        if (t.length > 1 && !lines.includes(t)) lines.push(t.length > 90 ? `${t.slice(0, 89)}…` : t);
        return false;
      }
      return true;
    });
    // The cover carries no band title: it is the deck's first page, not a continuation.
    if (title === '' && index === 0) title = 'Quarterly business review';
    const continued = title === '';
    if (!continued) last = title;
    return { index, title: continued ? last : title, continued, images, lines };
  });
}

/** Page count of a PDF made by pdfmake (its page objects are written uncompressed). */
export function pageCountOf(bytes: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(bytes);
  return (text.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}
