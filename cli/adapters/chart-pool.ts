/**
 * Deck charts on two threads. The deck command starts a worker as soon as it begins, so the worker
 * loads chart.js, the canvas binding and the fonts while the main thread reads the workspace and
 * builds the model; then both threads take charts from one shared counter (Atomics), each drawing
 * with chart.js on @napi-rs/canvas. Specs are rebuilt in the worker from the model (a pure
 * function), and every result is checked against the main thread's spec list by index.
 *
 * Robust by construction: if the worker cannot start, fails, or sends nothing for some charts,
 * the main thread draws whatever is missing — the output is the same, only slower.
 * QD_CHART_WORKER=0 turns the worker off (single thread).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChartSpec } from '../../shared/charts/base';
import type { DeckModel } from '../../shared/deck/model';
import type { DeckPreset } from '../../shared/deck/sections';
import { pngDataUrl, renderChartPngBytes } from './chart-renderer';
import type { ChartJob, ChartResult } from './chart-worker';

export type ChartPool = {
  /** Renders `specs` (which must be `deckChartsFromModel(model, preset)`); id → PNG data URL. */
  render(
    model: DeckModel,
    preset: DeckPreset,
    specs: ChartSpec[],
    /** Work for the main thread to do once the worker has its job, before it joins the drawing. */
    meanwhile?: () => void,
  ): Promise<Record<string, string>>;
  /** How many charts the worker drew in the last render (0 when it was off or failed). */
  readonly workerCharts: number;
  close(): Promise<void>;
};

/**
 * The worker next to this module: the bundled .mjs beside the CLI bundle, or — when the CLI runs
 * from source — a tiny script that registers tsx's loader in the worker, then imports the
 * TypeScript source (Node 20 does not apply `--import` loaders to a worker's entry point).
 */
function spawnWorker(): Worker {
  // qd:keep-import-meta-url — inside the bundle this is the bundle's own URL.
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./chart-worker.mjs', here), { stdout: false, stderr: false });
  // tsx's ESM API (its CommonJS twin cannot register the loader from a worker): same folder, .mjs.
  const tsxApi = pathToFileURL(
    createRequire(here)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const entry = new URL('./chart-worker.ts', here).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(code, { eval: true, stdout: false, stderr: false });
}

function spawn(): Worker | null {
  if (process.env.QD_CHART_WORKER === '0') return null;
  try {
    const worker = spawnWorker();
    worker.unref();
    return worker;
  } catch {
    return null;
  }
}

/** How long the main thread waits for the worker's last charts once its own share is drawn. */
const WORKER_PATIENCE_MS = 30_000;

export function startChartPool(): ChartPool {
  let worker = spawn();
  // A worker that fails before any job is simply dropped.
  let failed = false;
  worker?.on('error', () => {
    failed = true;
  });
  let workerCharts = 0;

  async function render(
    model: DeckModel,
    preset: DeckPreset,
    specs: ChartSpec[],
    meanwhile?: () => void,
  ): Promise<Record<string, string>> {
    workerCharts = 0;
    const counter = new SharedArrayBuffer(4);
    const next = new Int32Array(counter);
    const pngs = new Array<Promise<Uint8Array> | Uint8Array | undefined>(specs.length);

    let workerFinished: Promise<void> = Promise.resolve();
    let stopListening = () => {};
    if (worker && !failed) {
      const w = worker;
      workerFinished = new Promise<void>((resolve) => {
        const stop = () => {
          w.off('message', onMessage);
          w.off('error', stop);
          w.off('exit', stop);
          resolve();
        };
        stopListening = stop;
        const onMessage = (m: ChartResult) => {
          if (m.kind === 'chart') {
            if (specs[m.index]?.id !== m.id) {
              // The worker built different specs: trust none of its output.
              failed = true;
              stop();
            } else if (pngs[m.index] === undefined) {
              pngs[m.index] = m.png;
              workerCharts++;
            }
          } else {
            if (m.kind === 'error') failed = true;
            stop();
          }
        };
        w.on('message', onMessage);
        w.on('error', stop);
        w.on('exit', stop);
      });
      try {
        w.postMessage({ model, preset, counter } satisfies ChartJob);
      } catch {
        // The model did not clone (it holds something not transferable): draw everything here.
        failed = true;
        Atomics.store(next, 0, specs.length);
        stopListening();
      }
    }

    meanwhile?.();
    // The main thread takes charts from the same counter until none are left.
    for (let i = Atomics.add(next, 0, 1); i < specs.length; i = Atomics.add(next, 0, 1)) {
      const s = specs[i] as ChartSpec;
      pngs[i] = renderChartPngBytes(s.config, s.width, s.height);
    }
    // A worker that stops answering must not hang the command: after a while, draw the rest here.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([workerFinished, new Promise<void>((r) => (timer = setTimeout(r, WORKER_PATIENCE_MS)))]);
    clearTimeout(timer);
    // Anything the worker claimed but never delivered is drawn here.
    for (let i = 0; i < specs.length; i++) {
      if (pngs[i] === undefined) {
        const s = specs[i] as ChartSpec;
        pngs[i] = renderChartPngBytes(s.config, s.width, s.height);
      }
    }
    const done = await Promise.all(pngs as (Promise<Uint8Array> | Uint8Array)[]);
    return Object.fromEntries(specs.map((s, i) => [s.id, pngDataUrl(done[i] as Uint8Array)]));
  }

  return {
    render,
    get workerCharts() {
      return workerCharts;
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
