/**
 * Node chart rendering for the CLI and tests: chart.js drawing on @napi-rs/canvas, with the bundled
 * Roboto registered so the pixels do not depend on the fonts installed on the machine.
 */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration, type ChartItem } from 'chart.js';
import type { ChartSpec } from '../../shared/charts/base';
import { robotoDir } from './fonts';
import { encodeRgbPng } from './png-rgb';

let ready = false;

function setup(): void {
  if (ready) return;
  const dir = robotoDir();
  // Register under the exact family name the shared chart tokens ask for first ("Roboto").
  GlobalFonts.registerFromPath(`${dir}Roboto-Regular.ttf`, 'Roboto');
  GlobalFonts.registerFromPath(`${dir}Roboto-Medium.ttf`, 'Roboto');
  Chart.register(...registerables);
  Chart.defaults.font.family = 'Roboto';
  ready = true;
}

/** Draws a chart on a fresh canvas at `scale`× pixel density (crisp when zoomed); returns the canvas and the chart. */
function drawChart(config: ChartConfiguration, width: number, height: number, scale: number) {
  setup();
  // chart.js runs on its basic (non-DOM) platform here: it lays the chart out at the canvas size
  // and then grows the backing store by devicePixelRatio, so the PNG has scale× the pixels.
  const canvas = createCanvas(Math.round(width), Math.round(height));
  const cfg: ChartConfiguration = {
    ...config,
    options: { ...(config.options ?? {}), devicePixelRatio: scale, animation: false, responsive: false },
  };
  const chart = new Chart(canvas as unknown as ChartItem, cfg);
  // destroy() clears the canvas, so callers destroy only after encoding.
  return { canvas, chart };
}

/** Loads chart.js and registers the fonts now (a worker does this while the main thread is busy). */
export function warmUpCharts(): void {
  setup();
}

/**
 * Renders one chart configuration to opaque RGB PNG bytes. Drawing is synchronous; the pixels are
 * read before this returns, so the caller may draw the next chart while compression runs on
 * libuv's thread pool.
 */
export function renderChartPngBytes(
  config: ChartConfiguration,
  width: number,
  height: number,
  scale = 2,
): Promise<Uint8Array> {
  const { canvas, chart } = drawChart(config, width, height, scale);
  let pixels: Uint8ClampedArray;
  try {
    pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  } finally {
    chart.destroy();
  }
  return encodeRgbPng(pixels, canvas.width, canvas.height).then(
    (png) => new Uint8Array(png.buffer, png.byteOffset, png.byteLength),
  );
}

/** PNG bytes as the data URL `buildDeck` takes. */
export function pngDataUrl(png: Uint8Array): string {
  return `data:image/png;base64,${Buffer.from(png.buffer, png.byteOffset, png.byteLength).toString('base64')}`;
}

/** Renders one chart configuration to an opaque RGB PNG data URL. */
export async function renderChartPng(
  config: ChartConfiguration,
  width: number,
  height: number,
  scale = 2,
): Promise<string> {
  return pngDataUrl(await renderChartPngBytes(config, width, height, scale));
}

/**
 * Renders every requested chart; returns id → PNG data URL, the shape `buildDeck` takes. Drawing
 * is sequential (chart.js is single-threaded) but compression runs on libuv's thread pool.
 */
export async function renderCharts(specs: ChartSpec[], scale = 2): Promise<Record<string, string>> {
  const encoded = await Promise.all(
    specs.map(async (s) => [s.id, await renderChartPng(s.config, s.width, s.height, scale)] as const),
  );
  return Object.fromEntries(encoded);
}
