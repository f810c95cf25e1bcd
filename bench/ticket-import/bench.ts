/**
 * Ticket-import benchmark (SPEC §5): parse + collapse + monthly and quarterly KPIs of a ticket export,
 * against a bare CSV parse of the same bytes (decoder + CsvTokenizer producing every field as a string,
 * nothing else) in the same process, interleaved, median of several runs. Target: ratio ≤ 1.5.
 *
 * Inputs: a seeded 150,000-row ServiceNow-style event log (generated into bench/.data/ when missing)
 * and, when ../shared/data/bpi2014 is beside the repository, the real 46,606-row BPI incident file.
 * Peak memory is measured in a fresh child process that streams the file from disk. For context it also
 * times the scanner alone (field boundaries, no strings): the importer reads its cells in place.
 *
 * Run: `npm run bench -- ticket-import [--runs N]` or `npx tsx bench/ticket-import/bench.ts`.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { computeTicketKpisFromColumns } from '../../shared/domain/kpis/ticket-kpis';
import { CsvScanner, CsvTokenizer, type CsvDelimiter } from '../../shared/import/csv';
import { DetectingDecoder } from '../../shared/import/encoding';
import { createTicketImporter, importedTickets, type TicketImportOptions } from '../../shared/import/ticket-importer';
import { median } from '../run';
import { writeServiceNowLog } from './generate';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
export const GENERATED = join(ROOT, 'bench', '.data', 'servicenow-150k.csv');
export const BPI = resolve(ROOT, '..', 'shared', 'data', 'bpi2014', 'detail_incident.csv');
const CHUNK = 1 << 20;
export const TARGET = 1.5;

type Timing = { wallMs: number; cpuMs: number };

function timed(fn: () => void): Timing {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wallMs, cpuMs: (c.user + c.system) / 1000 };
}

/** The reference: decode and tokenize every field of every row, nothing else. */
export function bareParse(bytes: Uint8Array, delimiter: CsvDelimiter): number {
  const dec = new DetectingDecoder();
  let rows = 0;
  const tok = new CsvTokenizer({ delimiter }, () => {
    rows++;
  });
  for (let i = 0; i < bytes.length; i += CHUNK) tok.push(dec.decode(bytes.subarray(i, i + CHUNK)));
  tok.push(dec.flush());
  tok.finish();
  return rows;
}

/** For context only: the scanner finding field boundaries without making any strings. */
export function scanOnly(bytes: Uint8Array, delimiter: CsvDelimiter): number {
  const dec = new DetectingDecoder();
  let rows = 0;
  const sc = new CsvScanner({ delimiter }, () => {
    rows++;
  });
  for (let i = 0; i < bytes.length; i += CHUNK) sc.push(dec.decode(bytes.subarray(i, i + CHUNK)));
  sc.push(dec.flush());
  sc.finish();
  return rows;
}

/** What the app and the CLI do: import (collapse) and compute monthly and quarterly KPIs. */
export function importAndKpis(bytes: Uint8Array, options: TicketImportOptions = {}) {
  const imp = createTicketImporter(options);
  for (let i = 0; i < bytes.length; i += CHUNK) imp.push(bytes.subarray(i, i + CHUNK));
  const result = imp.finish();
  const months = computeTicketKpisFromColumns(result.columns, { period: 'month' });
  const quarters = computeTicketKpisFromColumns(result.columns, { period: 'quarter' });
  return { result, months, quarters };
}

export type InputResult = {
  input: string;
  bytes: number;
  rows: number;
  tickets: number;
  runs: number;
  /** Medians, milliseconds. */
  bareMs: number;
  importMs: number;
  ratio: number;
  /** Fastest round of each, divided: less sensitive to other processes than the medians. */
  ratioOfFastest: number;
  bareCpuMs: number;
  importCpuMs: number;
  cpuRatio: number;
  /** For context: finding the field boundaries only, no strings (the importer reads cells in place). */
  scanOnlyMs: number;
  /** importMs / scanOnlyMs: what the import adds on top of scanning. */
  ratioToScan: number;
  /** Building the Ticket records (for storage) from the import, once. */
  recordsMs: number;
  memory: { peakRssMb: number; peakHeapMb: number; baselineRssMb: number; fileMb: number } | null;
};

function measureInput(input: string, file: string, delimiter: CsvDelimiter, runs: number): InputResult {
  const bytes = new Uint8Array(readFileSync(file));
  const bare: Timing[] = [];
  const imp: Timing[] = [];
  const scan: Timing[] = [];
  let rows = 0;
  let tickets = 0;
  // One warm-up round (JIT), then interleaved rounds so load on the machine hits all three alike.
  for (let r = 0; r <= runs; r++) {
    const b = timed(() => {
      rows = bareParse(bytes, delimiter);
    });
    const i = timed(() => {
      tickets = importAndKpis(bytes).result.ticketCount;
    });
    const s = timed(() => {
      scanOnly(bytes, delimiter);
    });
    if (r > 0) {
      bare.push(b);
      imp.push(i);
      scan.push(s);
    }
  }
  const { result } = importAndKpis(bytes);
  const rec = timed(() => {
    importedTickets(result.table);
  });
  const bareMs = median(bare.map((t) => t.wallMs));
  const importMs = median(imp.map((t) => t.wallMs));
  const bareCpuMs = median(bare.map((t) => t.cpuMs));
  const importCpuMs = median(imp.map((t) => t.cpuMs));
  const scanOnlyMs = median(scan.map((t) => t.wallMs));
  return {
    input,
    bytes: bytes.length,
    rows: rows - 1,
    tickets,
    runs,
    bareMs,
    importMs,
    ratio: importMs / bareMs,
    ratioOfFastest: Math.min(...imp.map((t) => t.wallMs)) / Math.min(...bare.map((t) => t.wallMs)),
    bareCpuMs,
    importCpuMs,
    cpuRatio: importCpuMs / bareCpuMs,
    scanOnlyMs,
    ratioToScan: importMs / scanOnlyMs,
    recordsMs: rec.wallMs,
    memory: measureMemory(file),
  };
}

/** Peak memory of a streaming import in a fresh process (see memoryChild). */
function measureMemory(file: string): InputResult['memory'] {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--memory', file], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) return null;
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as InputResult['memory'];
}

/** Child mode: stream `file` from disk through import + KPIs, sampling memory after every chunk. */
async function memoryChild(file: string): Promise<void> {
  const mb = (n: number) => Math.round((n / 2 ** 20) * 10) / 10;
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  };
  const imp = createTicketImporter();
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK })) {
    imp.push(chunk as Uint8Array);
    sample();
  }
  const result = imp.finish();
  sample();
  computeTicketKpisFromColumns(result.columns, { period: 'month' });
  computeTicketKpisFromColumns(result.columns, { period: 'quarter' });
  sample();
  process.stdout.write(
    `${JSON.stringify({ peakRssMb: mb(peakRss), peakHeapMb: mb(peakHeap), baselineRssMb: mb(baseline.rss), fileMb: mb(statSync(file).size) })}\n`,
  );
}

export type TicketImportBenchResult = {
  name: 'ticket-import';
  target: number;
  inputs: InputResult[];
  skipped: string[];
  pass: boolean;
  summary: string;
};

/** Runs the benchmark over the inputs that are available. */
export function runTicketImportBench(runs = 7): TicketImportBenchResult {
  const skipped: string[] = [];
  if (!existsSync(GENERATED)) {
    process.stdout.write('generating bench/.data/servicenow-150k.csv (seeded, 150,000 rows) …\n');
    writeServiceNowLog(GENERATED, 150_000);
  }
  const inputs: InputResult[] = [measureInput('servicenow-150k (generated)', GENERATED, ',', runs)];
  if (existsSync(BPI)) inputs.push(measureInput('bpi2014 detail_incident.csv', BPI, ';', runs));
  else skipped.push(`bpi2014: ${BPI} not found (the real-data input is only measured when ../shared/data is present)`);
  const pass = inputs.every((i) => i.ratio <= TARGET);
  const summary = inputs
    .map(
      (i) =>
        `${i.input.split(' ')[0]} ${i.ratio.toFixed(2)}× (import ${(i.importMs / 1000).toFixed(2)} s vs parse ${(i.bareMs / 1000).toFixed(2)} s` +
        `${i.memory ? `, peak RSS ${i.memory.peakRssMb} MB for ${i.memory.fileMb} MB` : ''})`,
    )
    .concat(skipped.map((s) => `skipped ${s}`))
    .join('; ');
  return {
    name: 'ticket-import',
    target: TARGET,
    inputs,
    skipped,
    pass,
    summary: `${pass ? 'PASS' : 'OVER TARGET'} ≤ ${TARGET}×: ${summary}`,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const m = process.argv.indexOf('--memory');
  if (m > 0) {
    memoryChild(process.argv[m + 1] ?? '').catch((e: unknown) => {
      process.stderr.write(`memory run failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    });
  } else {
    const i = process.argv.indexOf('--runs');
    const runs = i > 0 ? Number(process.argv[i + 1]) : 7;
    const r = runTicketImportBench(Number.isInteger(runs) && runs > 0 ? runs : 7);
    for (const s of r.skipped) process.stdout.write(`skipped: ${s}\n`);
    process.stdout.write(`${JSON.stringify(r)}\n`);
  }
}
