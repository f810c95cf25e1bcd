/**
 * The benchmark's baseline input: the deck's pdfmake document turned into an equivalent HTML page
 * (same pages, titles, text, tables and chart PNGs; 16:9 pages with the same margins), for
 * headless Chromium to print to PDF.
 */
import type { DeckDocument } from '../../shared/deck';

type Node = { [k: string]: unknown };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function textOf(t: unknown): string {
  if (typeof t === 'string') return esc(t);
  if (Array.isArray(t)) return t.map(textOf).join('');
  if (t && typeof t === 'object') {
    const n = t as Node;
    const inner = textOf(n.text);
    const style = inlineStyle(n);
    return style ? `<span style="${style}">${inner}</span>` : inner;
  }
  return '';
}

function inlineStyle(n: Node): string {
  const parts: string[] = [];
  if (typeof n.fontSize === 'number') parts.push(`font-size:${n.fontSize}pt`);
  if (n.bold === true) parts.push('font-weight:500');
  if (typeof n.color === 'string') parts.push(`color:${n.color}`);
  if (typeof n.fillColor === 'string') parts.push(`background:${n.fillColor}`);
  if (typeof n.alignment === 'string') parts.push(`text-align:${n.alignment}`);
  if (n.style === 'th') parts.push('font-size:8pt;color:#616E7C;text-transform:uppercase');
  if (n.style === 'h2') parts.push('font-size:12.5pt;font-weight:500;margin:0 0 6pt');
  if (n.style === 'title') parts.push('font-size:22pt;font-weight:500');
  if (n.style === 'small') parts.push('font-size:8pt;color:#616E7C');
  if (n.style === 'calloutValue') parts.push('font-size:21pt;font-weight:500');
  return parts.join(';');
}

function width(w: unknown): string {
  return typeof w === 'number' ? `flex:0 0 ${w}pt;width:${w}pt` : 'flex:1 1 0';
}

function render(node: unknown, images: Record<string, string>): string {
  if (node === null || node === undefined) return '';
  if (typeof node === 'string') return `<div>${esc(node)}</div>`;
  if (Array.isArray(node)) return node.map((n) => render(n, images)).join('');
  const n = node as Node;
  const style = inlineStyle(n);
  const pos = n.absolutePosition as { x: number; y: number } | undefined;
  const wrap = (html: string) => {
    const brk = n.pageBreak === 'before' ? 'break-before:page;' : '';
    const abs = pos ? `position:absolute;left:${pos.x - 48}pt;top:${pos.y - 84}pt;` : '';
    return `<div style="${brk}${abs}${style}">${html}</div>`;
  };
  if ('image' in n) {
    const src = images[String(n.image)] ?? '';
    return `<img src="${src}" style="width:${Number(n.width ?? 100)}pt;height:${Number(n.height ?? 60)}pt">`;
  }
  if ('table' in n) {
    const t = n.table as { body: unknown[][]; headerRows?: number };
    const rows = t.body.map((row, i) => {
      const tag = i < (t.headerRows ?? 0) ? 'th' : 'td';
      return `<tr>${row
        .map((c) => {
          if (c === '') return '';
          const span = c && typeof c === 'object' && 'colSpan' in c ? ` colspan="${String((c as Node).colSpan)}"` : '';
          const cs = c && typeof c === 'object' ? inlineStyle(c as Node) : '';
          return `<${tag}${span} style="${cs}">${cellHtml(c, images)}</${tag}>`;
        })
        .join('')}</tr>`;
    });
    const head = (t.headerRows ?? 0) > 0 ? `<thead>${rows.slice(0, t.headerRows).join('')}</thead>` : '';
    return wrap(`<table>${head}<tbody>${rows.slice(t.headerRows ?? 0).join('')}</tbody></table>`);
  }
  if ('columns' in n) {
    const cols = (n.columns as Node[]).map(
      (c) => `<div style="${width(c.width)}">${render({ ...c, width: undefined }, images)}</div>`,
    );
    return wrap(`<div style="display:flex;gap:${Number(n.columnGap ?? 0)}pt">${cols.join('')}</div>`);
  }
  if ('stack' in n) return wrap(render(n.stack, images));
  if ('ul' in n) return wrap(`<ul>${(n.ul as unknown[]).map((i) => `<li>${textOf(i)}</li>`).join('')}</ul>`);
  if ('text' in n) return wrap(textOf(n.text));
  return '';
}

function cellHtml(c: unknown, images: Record<string, string>): string {
  if (typeof c === 'string') return esc(c);
  if (c && typeof c === 'object' && 'text' in c && !('stack' in c) && !('table' in c)) return textOf((c as Node).text);
  return render(c, images);
}

/** An HTML page equivalent to the deck: one 16:9 sheet per deck page, same content and images. */
export function deckHtml(doc: DeckDocument): string {
  const pages = doc.content.map((p) => render(p, doc.images));
  const m = doc.pageMargins;
  return `<!doctype html><html lang="${esc(doc.language)}"><head><meta charset="utf-8"><title>${esc(doc.info.title)}</title>
<style>
@page { size: ${doc.pageSize.width}pt ${doc.pageSize.height}pt; margin: ${m[1]}pt ${m[2]}pt ${m[3]}pt ${m[0]}pt; }
body { font-family: Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 10pt; color: #323F4B; margin: 0; }
.page { position: relative; }
table { width: 100%; border-collapse: collapse; break-inside: auto; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
th { background: #EEF1F4; text-align: left; font-weight: 500; padding: 4pt 6pt; }
td { border-top: 0.5pt solid #E4E7EB; padding: 4pt 6pt; }
ul { margin: 0; padding-left: 14pt; }
</style></head><body>${pages.map((p) => `<div class="page">${p}</div>`).join('')}</body></html>`;
}
