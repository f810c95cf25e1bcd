/**
 * `quarterdeck deck --workspace FILE | --sample [--quarter YYYY-Qn] [--preset executive|full] --out FILE.pdf`:
 * the QBR deck as a PDF, from the same builder the app uses. The quarter defaults to the latest
 * one with data (KPI values or budget actuals); its QBR is used, or a draft made on the fly.
 */
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import {
  deckChartsFromModel,
  DeckInputError,
  deckSource,
  modelForQbr,
  renderDeck,
  withDraftQbr,
} from '../../shared/deck';
import type { DeckPreset } from '../../shared/deck/sections';
import { QUARTER_RE } from '../../shared/domain/common';
import { calendarMonthOf, fiscalQuarterOf, quarterLabel } from '../../shared/domain/periods';
import type { WorkspaceData } from '../../shared/domain/tables';
import { startChartPool } from '../adapters/chart-pool';
import { preloadPdfmake, renderPdf } from '../adapters/pdf';
import { CliError, type CliCommand } from '../io';
import { loadWorkspaceArg } from '../workspace-file';

const USAGE = [
  'Usage: quarterdeck deck --workspace FILE | --sample [--quarter YYYY-Qn] [--preset executive|full] --out FILE.pdf',
  '',
  'Builds the quarterly business review deck as a 16:9 PDF (embedded fonts, bookmarks, metadata).',
  '',
  '  --workspace FILE  a workspace backup file (.json)',
  '  --sample          the built-in sample workspace',
  '  --quarter Q       fiscal quarter, e.g. 2026-Q3 (default: the latest quarter with data)',
  '  --preset P        executive (at most 8 pages) or full (default)',
  '  --out FILE.pdf    where to write the PDF',
].join('\n');

type DeckArgs = { quarter: string | null; preset: DeckPreset; out: string };

function valueOf(argv: readonly string[], i: number, flag: string): string {
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new CliError(`${flag} needs a value`, 2);
  return v;
}

/** Parses the deck flags (the workspace flags are read by loadWorkspaceArg). */
export function parseDeckArgs(argv: readonly string[]): DeckArgs {
  let quarter: string | null = null;
  let preset: DeckPreset = 'full';
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, null];
    const take = () => {
      if (inline !== null) return inline;
      const v = valueOf(argv, i, flag);
      i++;
      return v;
    };
    switch (flag) {
      case '--quarter':
        quarter = take();
        if (!QUARTER_RE.test(quarter)) throw new CliError(`--quarter: "${quarter}" is not a quarter like 2026-Q3`, 2);
        break;
      case '--preset': {
        const p = take();
        if (p !== 'executive' && p !== 'full') throw new CliError(`--preset: "${p}" is not executive or full`, 2);
        preset = p;
        break;
      }
      case '--out':
        out = take();
        break;
      case '--workspace':
        if (inline === null) i++;
        break;
      case '--sample':
        break;
      default:
        throw new CliError(`unknown option "${a}". Run quarterdeck deck --help.`, 2);
    }
  }
  if (out === null || out === '') throw new CliError('--out FILE.pdf is required', 2);
  return { quarter, preset, out };
}

/** The latest fiscal quarter holding KPI values or budget actuals (null when the workspace has none). */
export function latestQuarterWithData(data: WorkspaceData): string | null {
  const fs = data.workspace.fiscalYearStartMonth;
  let latest: string | null = null;
  const see = (q: string) => {
    if (latest === null || q > latest) latest = q;
  };
  for (const s of data.tables.kpiSnapshots) see(s.period.includes('Q') ? s.period : fiscalQuarterOf(s.period, fs));
  for (const line of data.tables.budgetLines) {
    line.actual.forEach((a, i) => {
      if (a !== null) see(fiscalQuarterOf(calendarMonthOf(line.fiscalYear, i, fs), fs));
    });
  }
  return latest;
}

/** Pages in a PDF written by pdfkit (page objects are plain dictionaries there). */
export function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page[^s]/g) ?? []).length;
}

async function writeAtomically(path: string, bytes: Buffer): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    const code = e && typeof e === 'object' && 'code' in e ? String(e.code) : '';
    const why =
      code === 'ENOENT'
        ? 'the folder does not exist'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'ENOSPC'
            ? 'the disk is full'
            : code === 'EISDIR'
              ? 'it is a folder'
              : e instanceof Error
                ? e.message
                : String(e);
    throw new CliError(`cannot write ${path}: ${why}`);
  }
}

export const command: CliCommand = {
  summary: 'build the QBR deck as a PDF',
  usage: USAGE,
  run: async (argv, io) => {
    const started = performance.now();
    // QD_TRACE=1 prints the phases (ms since process start) to stderr, for the benchmark notes.
    const trace =
      process.env.QD_TRACE === '1' ? (p: string) => io.err(`trace ${p} ${Math.round(performance.now())}`) : () => {};
    trace('start');
    const args = parseDeckArgs(argv);
    // The chart worker loads chart.js and the fonts while this thread reads the workspace.
    const pool = startChartPool();
    try {
      const loaded = await loadWorkspaceArg(argv, io);
      trace('workspace');
      const quarter = args.quarter ?? latestQuarterWithData(loaded);
      if (quarter === null) {
        throw new CliError('the workspace has no KPI values or budget actuals yet: give --quarter YYYY-Qn');
      }
      const { data, qbrId } = withDraftQbr(loaded, quarter);
      const qbr = data.tables.qbrs.find((q) => q.id === qbrId);
      let pdf: Buffer;
      try {
        // One model for both the charts and the pages (buildDeck/deckCharts would each compute it).
        const model = modelForQbr(data, qbrId);
        trace('model');
        // pdfmake loads here while the worker starts drawing; then both threads draw.
        const charts = await pool.render(model, args.preset, deckChartsFromModel(model, args.preset), preloadPdfmake);
        trace('charts');
        const doc = renderDeck(model, {
          preset: args.preset,
          chartImages: charts,
          generatedAt: new Date().toISOString(),
        });
        trace('document');
        pdf = await renderPdf(doc);
        trace('pdf');
      } catch (e) {
        if (e instanceof DeckInputError) throw new CliError(e.message);
        throw e;
      }
      const out = isAbsolute(args.out) ? args.out : resolve(io.cwd, args.out);
      await writeAtomically(out, pdf);
      const seconds = (performance.now() - started) / 1000;
      const kind =
        qbr?.status === 'closed'
          ? deckSource(data, qbrId) === 'snapshot'
            ? 'closed quarter, from its snapshot'
            : 'closed quarter, recomputed: its snapshot does not hold the deck figures'
          : qbr?.id.startsWith('draft-')
            ? 'draft made for this run'
            : 'draft';
      trace(`written (worker drew ${pool.workerCharts} charts)`);
      io.out(
        `Wrote ${args.out}: ${countPdfPages(pdf)} pages, ${(pdf.length / 1024).toFixed(0)} KB, ${seconds.toFixed(2)} s ` +
          `(${args.preset} preset, ${quarterLabel(quarter)}, ${kind})`,
      );
      return 0;
    } finally {
      void pool.close();
    }
  },
};
