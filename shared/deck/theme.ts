/**
 * The deck's look: page geometry (16:9), type scale, colours and the small building blocks every
 * page uses (title band, key-number callouts, tables with muted rules, RAG chips that always
 * carry a word). Pure pdfmake document fragments.
 */
import { CHART_TOKENS } from '../charts/palette';
import type { RagKey } from './model';

/** A pdfmake content node. Kept structural so shared/ needs no pdfmake (or DOM/Node) types. */
export type DocNode = string | DocNode[] | { [key: string]: unknown };

/** 16:9 landscape, in points (13.33 × 7.5 in: the size of a widescreen slide). */
export const PAGE = { width: 960, height: 540 } as const;
export const MARGIN = { left: 48, top: 84, right: 48, bottom: 46 } as const;
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const CONTENT_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom;
export const BAND_HEIGHT = 60;
export const GUTTER = 24;

export const COLORS = {
  ink: '#1F2933',
  body: '#323F4B',
  muted: '#616E7C',
  faint: '#9AA5B1',
  rule: '#E4E7EB',
  panel: '#F5F7FA',
  headerFill: '#EEF1F4',
  white: '#FFFFFF',
  rag: CHART_TOKENS.rag,
  better: '#0B7A5A',
  worse: '#B8470B',
} as const;

/** Type scale (pt). One scale for every page. */
export const TYPE = {
  coverTitle: 34,
  title: 22,
  h2: 12.5,
  body: 10,
  table: 9,
  small: 8,
  callout: 21,
} as const;

/** Relative luminance of a #RRGGBB colour (WCAG). */
export function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (ch[0] ?? 0) + 0.7152 * (ch[1] ?? 0) + 0.0722 * (ch[2] ?? 0);
}

/** Text colour that reads on the accent band: white on dark accents, ink on light ones. */
export function onAccent(accent: string): { strong: string; soft: string } {
  return luminance(accent) > 0.35 ? { strong: COLORS.ink, soft: '#3E4C59' } : { strong: COLORS.white, soft: '#DCE6F0' };
}

/**
 * The accent as a text colour on white: kept when it reads (contrast ≥ 4.5:1), otherwise darkened
 * step by step until it does — a yellow brand accent still gives legible labels.
 */
export function accentOnWhite(accent: string): string {
  let n = parseInt(accent.slice(1), 16);
  for (let i = 0; i < 20; i++) {
    const hex = `#${n.toString(16).padStart(6, '0')}`;
    if (1.05 / (luminance(hex) + 0.05) >= 4.5) return hex;
    const r = Math.floor(((n >> 16) & 255) * 0.85);
    const g = Math.floor(((n >> 8) & 255) * 0.85);
    const b = Math.floor((n & 255) * 0.85);
    n = (r << 16) | (g << 8) | b;
  }
  return COLORS.ink;
}

/** A valid accent colour, or the default navy. */
export function safeAccent(accent: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(accent) ? accent : '#1F4E79';
}

/** Named pdfmake styles (referenced by `style`). */
export function deckStyles(accent: string) {
  return {
    title: { fontSize: TYPE.title, bold: true, color: onAccent(accent).strong },
    kicker: { fontSize: TYPE.small, color: onAccent(accent).soft, characterSpacing: 1.2 },
    h2: { fontSize: TYPE.h2, bold: true, color: COLORS.ink, margin: [0, 0, 0, 6] },
    body: { fontSize: TYPE.body, color: COLORS.body, lineHeight: 1.25 },
    small: { fontSize: TYPE.small, color: COLORS.muted },
    th: { fontSize: TYPE.small, bold: true, color: COLORS.muted, characterSpacing: 0.4 },
    td: { fontSize: TYPE.table, color: COLORS.body },
    num: { fontSize: TYPE.table, color: COLORS.body, alignment: 'right' },
    calloutValue: { fontSize: TYPE.callout, bold: true, color: COLORS.ink },
    calloutLabel: { fontSize: TYPE.small, color: COLORS.muted, characterSpacing: 0.4 },
  };
}

/**
 * The page title: drawn inside the accent band at a fixed position (so it never takes flow space)
 * and registered in the PDF outline — one bookmark per section.
 */
export function sectionTitle(title: string, kicker: string, opts: { outline: boolean }): DocNode {
  return {
    absolutePosition: { x: MARGIN.left, y: 13 },
    stack: [
      { text: kicker.toUpperCase(), style: 'kicker' },
      {
        text: title,
        style: 'title',
        ...(opts.outline ? { outline: true, outlineText: title } : {}),
      },
    ],
  };
}

/** A subheading inside a page. */
export function h2(text: string, margin: [number, number, number, number] = [0, 0, 0, 6]): DocNode {
  return { text, style: 'h2', margin };
}

/** A muted one-line note (sources, "as of", truncation). */
export function note(text: string, margin: [number, number, number, number] = [0, 4, 0, 0]): DocNode {
  return { text, style: 'small', margin };
}

/** Key-number callout: a panel with a large number and a label, accent rule on the left. */
export function callout(value: string, label: string, accent: string, sub?: { text: string; color?: string }): DocNode {
  return {
    table: {
      dontBreakRows: true,
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: label.toUpperCase(), style: 'calloutLabel' },
              { text: value, style: 'calloutValue', margin: [0, 3, 0, 0] },
              // Always a sub line (blank when none) so callouts in a row share one height.
              { text: sub?.text || ' ', fontSize: TYPE.small, color: sub?.color ?? COLORS.muted, margin: [0, 2, 0, 0] },
            ],
            fillColor: COLORS.panel,
          },
        ],
      ],
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i: number) => (i === 0 ? 3 : 0),
      vLineColor: () => accent,
      paddingLeft: () => 12,
      paddingRight: () => 10,
      paddingTop: () => 9,
      paddingBottom: () => 9,
    },
  };
}

/** A row of equal-width callouts. */
export function calloutRow(items: DocNode[], marginBottom = 14): DocNode {
  return { columns: items.map((c) => ({ width: '*', stack: [c] })), columnGap: 14, margin: [0, 0, 0, marginBottom] };
}

/** Colour of a RAG key. */
export function ragColor(rag: RagKey): string {
  return COLORS.rag[rag];
}

/** A RAG chip: a coloured dot and the status word (never colour alone). */
export function ragChip(rag: RagKey, label: string, fontSize: number = TYPE.table): DocNode {
  return {
    text: [
      { text: '\u25CF ', color: ragColor(rag), fontSize: fontSize + 1 },
      { text: label, color: COLORS.body, fontSize },
    ],
  };
}

/** Table layout: header fill, thin muted horizontal rules, no vertical lines. */
export const TABLE_LAYOUT = {
  hLineWidth: (i: number, node: { table: { body: unknown[]; headerRows?: number } }) =>
    i === 0 ? 0 : i === (node.table.headerRows ?? 1) ? 0.8 : i === node.table.body.length ? 0.8 : 0.5,
  vLineWidth: () => 0,
  hLineColor: (i: number, node: { table: { body: unknown[]; headerRows?: number } }) =>
    i === (node.table.headerRows ?? 1) || i === node.table.body.length ? '#CBD2D9' : COLORS.rule,
  fillColor: (row: number, node: { table: { headerRows?: number } }) =>
    row < (node.table.headerRows ?? 1) ? COLORS.headerFill : null,
  paddingLeft: (i: number) => (i === 0 ? 6 : 5),
  paddingRight: () => 6,
  paddingTop: () => 4,
  paddingBottom: () => 4,
};

/** The same rules with tighter rows, for reference tables (appendix). */
export const DENSE_TABLE_LAYOUT = { ...TABLE_LAYOUT, paddingTop: () => 2, paddingBottom: () => 2 };

export type Column = {
  header: string;
  width: number | string;
  align?: 'left' | 'right' | 'center';
};

/**
 * A data table: header row repeated on every page it spans, rows never split across pages.
 * Cells are strings or nodes; alignment follows the column.
 */
export function dataTable(
  columns: Column[],
  rows: DocNode[][],
  opts: { fontSize?: number; dense?: boolean } = {},
): DocNode {
  const fontSize = opts.fontSize ?? TYPE.table;
  const header = columns.map((c) => ({
    text: c.header.toUpperCase(),
    style: 'th',
    alignment: c.align ?? 'left',
  }));
  const body = rows.map((r) =>
    r.map((cell, i) => {
      const align = columns[i]?.align ?? 'left';
      if (typeof cell === 'string') return { text: cell, fontSize, color: COLORS.body, alignment: align };
      if (Array.isArray(cell)) return { stack: cell, fontSize, alignment: align };
      return { fontSize, color: COLORS.body, alignment: align, ...cell };
    }),
  );
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: columns.map((c) => c.width), body: [header, ...body] },
    layout: opts.dense ? DENSE_TABLE_LAYOUT : TABLE_LAYOUT,
  };
}

/** A placeholder panel where a chart would be when no image was supplied. */
export function chartPlaceholder(width: number, height: number, label: string): DocNode {
  return {
    table: {
      dontBreakRows: true,
      widths: [width - 2],
      heights: [height - 2],
      body: [[{ text: label, style: 'small', alignment: 'center', margin: [0, height / 2 - 8, 0, 0] }]],
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => COLORS.rule,
      vLineColor: () => COLORS.rule,
    },
  };
}

/** An empty-state line used when a section has nothing to show (says what to do). */
export function emptyState(text: string): DocNode {
  return { text, style: 'body', color: COLORS.muted, italics: true, margin: [0, 4, 0, 8] };
}

/**
 * Characters the embedded Roboto lacks, with printable stand-ins. pdfmake cannot fall back to
 * another font, so a missing glyph would print as an empty box; user text (and Intl output such
 * as the narrow no-break space) passes through this map.
 */
const GLYPH_FALLBACKS: Record<string, string> = {
  '\u2192': '\u00BB', // → »
  '\u21D2': '\u00BB', // ⇒ »
  '\u279C': '\u00BB', // ➜ »
  '\u2190': '\u00AB', // ← «
  '\u2194': '\u00AB\u00BB', // ↔ «»
  '\u2191': '+', // ↑
  '\u2193': '\u2212', // ↓
  '\u2713': '\u2022', // ✓ •
  '\u2714': '\u2022', // ✔ •
  '\u2717': '\u00D7', // ✗ ×
  '\u2718': '\u00D7', // ✘ ×
  '\u202F': '\u00A0', // narrow no-break space → no-break space
  '\u2009': ' ', // thin space
};
const FALLBACK_RE = new RegExp(`[${Object.keys(GLYPH_FALLBACKS).join('')}]`, 'g');

/** A string with characters Roboto cannot print replaced. */
export function printable(text: string): string {
  return text.replace(FALLBACK_RE, (c) => GLYPH_FALLBACKS[c] ?? c);
}

/** Applies `printable` to every string in a content tree (ids and colours never contain these). */
export function printableTree<T>(node: T): T {
  if (typeof node === 'string') return printable(node) as T;
  if (Array.isArray(node)) return node.map((n: unknown) => printableTree(n)) as T;
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) out[k] = printableTree(v);
    return out as T;
  }
  return node;
}
