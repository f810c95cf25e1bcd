/**
 * Renders chart specs (shared chart.js configurations) to PNG data URLs in the browser, on
 * detached canvases at 2× density, for the deck. The configs are offscreen-safe (no animation, not
 * responsive, white background), so the PDF chart matches the one on screen.
 */
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import type { ChartSpec } from '../../../shared/charts/base';

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
    return canvas.toDataURL('image/png');
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
