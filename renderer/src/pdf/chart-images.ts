/**
 * Renders chart specs (shared chart.js configurations) to PNG data URLs in the browser, on
 * detached canvases at 2× density, for the deck. The configs are offscreen-safe (no animation, not
 * responsive, white background), so the PDF chart matches the one on screen.
 *
 * The PNGs are opaque RGB (shared/util/png-rgb, deflated with the browser's CompressionStream), not
 * the canvas's own RGBA PNG: pdfkit embeds RGB PNGs as they are but must inflate RGBA ones and split
 * their alpha in JavaScript, which made the layout worker several times slower.
 */
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import type { ChartSpec } from '../../../shared/charts/base';
import { encodeRgbPng } from '../../../shared/util/png-rgb';

/** zlib-format deflate with the platform's streams (Chromium, Electron, workers). */
async function deflate(raw: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([raw as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function base64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** A drawn canvas → opaque RGB PNG data URL (falls back to the canvas's own PNG without streams). */
async function canvasToRgbPng(canvas: HTMLCanvasElement): Promise<string> {
  const ctx = canvas.getContext('2d');
  if (!ctx || typeof CompressionStream === 'undefined') return canvas.toDataURL('image/png');
  const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  const png = await encodeRgbPng(pixels, canvas.width, canvas.height, deflate);
  return `data:image/png;base64,${base64(png)}`;
}

let registered = false;

/** One chart → `data:image/png;base64,…`. */
export async function renderChartImage(spec: ChartSpec, scale = 2): Promise<string> {
  if (!registered) {
    Chart.register(...registerables);
    registered = true;
  }
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(spec.width * scale);
  canvas.height = Math.round(spec.height * scale);
  canvas.style.width = `${spec.width}px`;
  canvas.style.height = `${spec.height}px`;
  const config: ChartConfiguration = {
    ...spec.config,
    options: { ...(spec.config.options ?? {}), devicePixelRatio: scale, animation: false, responsive: false },
  };
  const chart = new Chart(canvas, config);
  try {
    chart.draw();
    return await canvasToRgbPng(canvas);
  } finally {
    chart.destroy();
  }
}

/** Every spec → id → PNG data URL (the shape buildDeck takes). */
export async function renderChartImages(specs: readonly ChartSpec[], scale = 2): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const s of specs) out[s.id] = await renderChartImage(s, scale);
  return out;
}
