/**
 * Chart worker thread (see chart-pool.ts): renders deck charts from the same queue as the main
 * thread. Charts come from `deckChartsFromModel`, a pure function, so both threads build identical
 * specs from the model they share; a shared counter hands out chart indices one at a time.
 */
import { parentPort } from 'node:worker_threads';
import { deckChartsFromModel } from '../../shared/deck/deck-charts';
import type { DeckPreset } from '../../shared/deck/sections';
import type { DeckModel } from '../../shared/deck/model';
import { renderChartPngBytes, warmUpCharts } from './chart-renderer';

export type ChartJob = { model: DeckModel; preset: DeckPreset; counter: SharedArrayBuffer };
export type ChartResult =
  { kind: 'chart'; index: number; id: string; png: Uint8Array } | { kind: 'done' } | { kind: 'error'; message: string };

if (parentPort) {
  const port = parentPort;
  // Load chart.js, the canvas binding and the fonts while the main thread reads the workspace.
  warmUpCharts();
  port.on('message', (job: ChartJob) => {
    void (async () => {
      try {
        const specs = deckChartsFromModel(job.model, job.preset);
        const next = new Int32Array(job.counter);
        const pending: Promise<void>[] = [];
        for (let i = Atomics.add(next, 0, 1); i < specs.length; i = Atomics.add(next, 0, 1)) {
          const s = specs[i] as (typeof specs)[number];
          pending.push(
            renderChartPngBytes(s.config, s.width, s.height).then((png) => {
              port.postMessage({ kind: 'chart', index: i, id: s.id, png } satisfies ChartResult, [
                png.buffer as ArrayBuffer,
              ]);
            }),
          );
        }
        await Promise.all(pending);
        port.postMessage({ kind: 'done' } satisfies ChartResult);
      } catch (e) {
        port.postMessage({ kind: 'error', message: e instanceof Error ? e.message : String(e) } satisfies ChartResult);
      }
    })();
  });
}
