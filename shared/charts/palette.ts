/**
 * Design tokens for charts, shared by the app screens and the PDF deck so a chart looks the same in
 * both. The series colours are the Okabe–Ito palette (distinguishable with the common forms of
 * colour blindness); RAG colours are always paired with a text label wherever they appear.
 */

/** Series colours in the order they are assigned (Okabe–Ito, reordered for contrast on white). */
export const SERIES_COLORS = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#D55E00', // vermillion
  '#56B4E9', // sky blue
  '#CC79A7', // reddish purple
  '#F0E442', // yellow
  '#000000', // black
  '#8E9AAF', // neutral grey, so a ninth category does not repeat the first colour
] as const;

/** Named tokens: ink and neutrals for text and grids, RAG for status. */
export const CHART_TOKENS = {
  ink: '#1F2933',
  muted: '#616E7C',
  grid: '#E4E7EB',
  axis: '#CBD2D9',
  background: '#FFFFFF',
  band: 'rgba(0, 158, 115, 0.12)',
  plan: '#0072B2',
  actual: '#E69F00',
  forecast: '#56B4E9',
  target: '#009E73',
  rag: { green: '#009E73', amber: '#E69F00', red: '#D55E00', none: '#9AA5B1' },
  fontFamily: 'Roboto, "Helvetica Neue", Arial, sans-serif',
  fontSize: 11,
} as const;

export type RagColorKey = keyof typeof CHART_TOKENS.rag;

/** The i-th series colour, cycling through the palette. */
export function seriesColor(i: number): string {
  return SERIES_COLORS[((i % SERIES_COLORS.length) + SERIES_COLORS.length) % SERIES_COLORS.length] ?? '#0072B2';
}

/** A hex colour with an alpha channel, for fills behind lines. */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-fA-F]{6})$/.exec(hex);
  if (!m || m[1] === undefined) return hex;
  const n = parseInt(m[1], 16);
  const a = Math.max(0, Math.min(1, alpha));
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
}
