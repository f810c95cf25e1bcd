/**
 * Deck benchmark (SPEC §5): the full-preset deck of the sample workspace made by `quarterdeck deck`
 * (the esbuild bundle out/cli/quarterdeck.mjs that cli/bin runs, rebuilt here before timing) against headless Chromium printing an equivalent HTML page (same pages, text, tables and chart
 * PNGs) to PDF — both measured as whole processes, interleaved, in the same run; medians and their
 * ratio (target < 1). The in-process time (charts + layout + PDF, no process start) is reported too.
 *
 * Run: `npx tsx bench/deck/bench.ts [--runs N] [--tsx]` (default 5; --tsx also times the CLI run through
 * tsx, the pre-bundle way). CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseBackup } from '../../shared/backup/format';
import { buildDeck, deckCharts, withDraftQbr } from '../../shared/deck';
import { renderCharts } from '../../cli/adapters/chart-renderer';
import { renderPdf } from '../../cli/adapters/pdf';
import { latestQuarterWithData } from '../../cli/commands/deck';
import { deckHtml } from './html';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA = join(ROOT, 'bench', '.data', 'deck');
const require = createRequire(import.meta.url);

export type DeckBenchResult = {
  name: 'deck';
  /** One line for the bench runner's console summary. */
  summary: string;
  runs: number;
  /** Medians in milliseconds. cliMs: `quarterdeck deck` running the bundled CLI. */
  cliMs: number;
  /** The same command through tsx (only with --tsx), for comparison. */
  tsxCliMs: number | null;
  chromiumMs: number;
  inProcessMs: number;
  /** cliMs / chromiumMs: the target is < 1. */
  ratio: number;
  inProcessRatio: number;
  pages: { cli: number; chromium: number };
  sizes: { cliKb: number; chromiumKb: number };
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

function timed(cmd: string, args: string[]): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  const ms = performance.now() - t;
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.slice(0, 3).join(' ')} … failed (${r.status}): ${r.stderr.slice(0, 400)}`);
  return ms;
}

function pdfPages(path: string): number {
  return (
    readFileSync(path)
      .toString('latin1')
      .match(/\/Type\s*\/Page[^s]/g) ?? []
  ).length;
}

/** Runs the benchmark; prints a table and returns the medians. */
export async function runDeckBench(
  opts: { runs?: number; tsx?: boolean; log?: (line: string) => void } = {},
): Promise<DeckBenchResult> {
  const runs = opts.runs ?? 5;
  const log = opts.log ?? ((l: string) => process.stdout.write(`${l}\n`));
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) throw new Error(`Chromium not found at ${chromium} (set CHROMIUM_PATH)`);
  mkdirSync(DATA, { recursive: true });

  // The equivalent HTML: the sample's deck document, its chart PNGs embedded as data URLs.
  const parsed = parseBackup(readFileSync(join(ROOT, 'resources', 'sample-workspace.json'), 'utf8'));
  if (!parsed.ok) throw new Error('the sample workspace does not parse');
  const quarter = latestQuarterWithData(parsed.data);
  if (!quarter) throw new Error('the sample has no data');
  const { data, qbrId } = withDraftQbr(parsed.data, quarter);
  const inProcess = async () => {
    const t = performance.now();
    const images = await renderCharts(deckCharts(data, qbrId, 'full'));
    const doc = buildDeck(data, qbrId, { preset: 'full', chartImages: images, generatedAt: new Date().toISOString() });
    const pdf = await renderPdf(doc);
    return { ms: performance.now() - t, doc, pdf };
  };
  const first = await inProcess();
  const htmlPath = join(DATA, 'deck.html');
  writeFileSync(htmlPath, deckHtml(first.doc));

  const cliPdf = join(DATA, 'cli.pdf');
  const chromePdf = join(DATA, 'chromium.pdf');
  // The bundle is rebuilt from the current sources, untimed. It is run directly (what
  // cli/bin/quarterdeck.mjs runs in-process when the bundle is fresh): helpers editing sources
  // during a long run would otherwise send the bin back to tsx halfway through.
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the CLI bundle failed: ${built.stderr.slice(0, 400)}`);
  const deckArgs = ['deck', '--sample', '--preset', 'full', '--out', cliPdf];
  const cliArgs = [join(ROOT, 'out', 'cli', 'quarterdeck.mjs'), ...deckArgs];
  const tsxArgs = [require.resolve('tsx/cli'), join(ROOT, 'cli', 'main.ts'), ...deckArgs];
  const chromeArgs = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--no-pdf-header-footer',
    `--user-data-dir=${join(DATA, 'chromium-profile')}`,
    `--print-to-pdf=${chromePdf}`,
    pathToFileURL(htmlPath).href,
  ];
  // Warm-up of both (disk caches, tsx's compile cache), not counted.
  timed(process.execPath, cliArgs);
  timed(chromium, chromeArgs);
  const cli: number[] = [];
  const viaTsx: number[] = [];
  const chrome: number[] = [];
  const inproc: number[] = [];
  for (let i = 0; i < runs; i++) {
    cli.push(timed(process.execPath, cliArgs));
    if (opts.tsx) viaTsx.push(timed(process.execPath, tsxArgs));
    chrome.push(timed(chromium, chromeArgs));
    inproc.push((await inProcess()).ms);
  }
  const result: DeckBenchResult = {
    name: 'deck',
    summary: '',
    runs,
    cliMs: median(cli),
    tsxCliMs: opts.tsx ? median(viaTsx) : null,
    chromiumMs: median(chrome),
    inProcessMs: median(inproc),
    ratio: median(cli) / median(chrome),
    inProcessRatio: median(inproc) / median(chrome),
    pages: { cli: pdfPages(cliPdf), chromium: pdfPages(chromePdf) },
    sizes: { cliKb: Math.round(statSync(cliPdf).size / 1024), chromiumKb: Math.round(statSync(chromePdf).size / 1024) },
  };
  const f = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  result.summary =
    `CLI ${f(result.cliMs)} vs Chromium ${f(result.chromiumMs)}: ratio ${result.ratio.toFixed(2)} (target < 1); ` +
    `in-process ${f(result.inProcessMs)}, ratio ${result.inProcessRatio.toFixed(2)}`;
  log(`deck benchmark — full preset, sample workspace, median of ${runs} runs`);
  log(`  quarterdeck deck (process)          ${f(result.cliMs)}   ${result.pages.cli} pages, ${result.sizes.cliKb} KB`);
  if (result.tsxCliMs !== null) log(`  same command through tsx (process)  ${f(result.tsxCliMs)}`);
  log(
    `  chromium --print-to-pdf (process)   ${f(result.chromiumMs)}   ${result.pages.chromium} pages, ${result.sizes.chromiumKb} KB`,
  );
  log(`  in-process deck (no process start)  ${f(result.inProcessMs)}`);
  log(`  ratio CLI / Chromium                ${result.ratio.toFixed(2)} (target < 1)`);
  log(`  ratio in-process / Chromium         ${result.inProcessRatio.toFixed(2)}`);
  return result;
}

const isEntry = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
if (isEntry) {
  const i = process.argv.indexOf('--runs');
  const runs = i > 0 ? Number(process.argv[i + 1]) : undefined;
  const tsx = process.argv.includes('--tsx');
  runDeckBench(runs && runs > 0 ? { runs, tsx } : { tsx }).then(
    (r) => {
      // Same record shape as the other bench results: when, on what, and the medians.
      const record = {
        name: 'deck',
        ranAt: new Date().toISOString(),
        machine: {
          node: process.version,
          platform: process.platform,
          cpus: cpus().length,
          cpu: (cpus()[0]?.model ?? '').replace(/ \d+-Core.*$/, ''),
          memGb: Math.round(totalmem() / 1024 ** 3),
          loadAvg: loadavg().map((l) => Math.round(l * 10) / 10),
        },
        result: r,
      };
      mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
      writeFileSync(join(ROOT, 'bench', 'results', 'deck.json'), `${JSON.stringify(record, null, 2)}\n`);
      process.stdout.write(`${JSON.stringify(r)}\n`);
    },
    (e: unknown) => {
      process.stderr.write(`deck benchmark failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
