/**
 * The CLI's two-thread chart rendering (cli/adapters/chart-pool.ts): the worker really draws, the
 * result is byte-identical to drawing everything on one thread, and every failure of the worker
 * falls back to the main thread with the same output.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startChartPool } from '../../../cli/adapters/chart-pool';
import { renderChartPng } from '../../../cli/adapters/chart-renderer';
import type { ChartSpec } from '../../../shared/charts/base';
import { deckChartsFromModel } from '../../../shared/deck/build-deck';
import type { DeckModel } from '../../../shared/deck/model';
import { modelForQbr } from '../../../shared/deck/snapshot';
import { buildSampleWorkspace } from '../../../shared/sample/build-sample';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

let model: DeckModel;
let specs: ChartSpec[];
let expected: Record<string, string>;

beforeAll(async () => {
  const data = buildSampleWorkspace();
  const qbr = data.tables.qbrs.find((q) => q.status !== 'closed') ?? data.tables.qbrs[0];
  if (!qbr) throw new Error('the sample has no QBR');
  model = modelForQbr(data, qbr.id);
  specs = deckChartsFromModel(model, 'full');
  // The reference: every chart drawn on this thread, one after the other.
  expected = {};
  for (const s of specs) expected[s.id] = await renderChartPng(s.config, s.width, s.height);
}, 120_000);

const saved = process.env.QD_CHART_WORKER;
afterEach(() => {
  if (saved === undefined) delete process.env.QD_CHART_WORKER;
  else process.env.QD_CHART_WORKER = saved;
});

describe('chart pool', () => {
  it('the sample deck has enough charts for two threads to share', () => {
    expect(specs.length).toBeGreaterThanOrEqual(10);
  });

  it('draws on the worker too, with output identical to one thread', async () => {
    delete process.env.QD_CHART_WORKER;
    const pool = startChartPool();
    try {
      // Give the worker (tsx from source here) time to load, as the workspace read does in the CLI.
      const got = await pool.render(model, 'full', specs, () => {
        const until = Date.now() + 3000;
        while (Date.now() < until) {
          /* the main thread busy elsewhere: the worker takes charts meanwhile */
        }
      });
      expect(Object.keys(got)).toEqual(specs.map((s) => s.id));
      for (const s of specs) expect(got[s.id], s.id).toBe(expected[s.id]);
      expect(pool.workerCharts).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('QD_CHART_WORKER=0 draws everything on the main thread, same output', async () => {
    process.env.QD_CHART_WORKER = '0';
    const pool = startChartPool();
    try {
      const got = await pool.render(model, 'full', specs);
      expect(got).toEqual(expected);
      expect(pool.workerCharts).toBe(0);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('a model the worker cannot receive falls back to the main thread, same output', async () => {
    delete process.env.QD_CHART_WORKER;
    const pool = startChartPool();
    try {
      // A function cannot be cloned to another thread: postMessage throws.
      const odd = { ...model, notCloneable: () => 1 } as unknown as DeckModel;
      const got = await pool.render(odd, 'full', specs);
      expect(got).toEqual(expected);
      expect(pool.workerCharts).toBe(0);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('specs that differ from the worker’s are not trusted: all drawn here, as given', async () => {
    delete process.env.QD_CHART_WORKER;
    const pool = startChartPool();
    try {
      // The caller asks for the Executive charts while telling the worker "full": ids differ.
      const exec = deckChartsFromModel(model, 'executive');
      const want: Record<string, string> = {};
      for (const s of exec) want[s.id] = await renderChartPng(s.config, s.width, s.height);
      const got = await pool.render(model, 'full', exec, () => {
        const until = Date.now() + 3000;
        while (Date.now() < until) {
          /* let the worker answer first */
        }
      });
      expect(got).toEqual(want);
    } finally {
      await pool.close();
    }
  }, 120_000);
});

describe('chart pool in the CLI bundle', () => {
  it('the bundled worker (out/cli/chart-worker.mjs) draws charts for `quarterdeck deck`', () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'pipe' });
    const out = join(mkdtempSync(join(tmpdir(), 'qd-pool-')), 'deck.pdf');
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'out', 'cli', 'quarterdeck.mjs'), 'deck', '--sample', '--preset', 'full', '--out', out],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, QD_TRACE: '1', QD_CHART_WORKER: '1' } },
    );
    expect(r.status, r.stderr).toBe(0);
    const drew = /worker drew (\d+) charts/.exec(r.stderr);
    expect(drew, r.stderr).not.toBeNull();
    expect(Number(drew?.[1])).toBeGreaterThan(0);
  }, 120_000);
});
