/**
 * `npm run bench [-- name …]`: runs every bench/<name>/bench.ts (or the named ones), each in its own
 * Node process so timings and memory do not leak between benchmarks. A bench prints its result as a
 * JSON line on stdout (other lines pass through); the runner prints one summary line per bench and
 * writes bench/results/<name>.json with the machine it ran on. Exit code 1 when a bench fails.
 *
 * Extra arguments after the names (`npm run bench -- ticket-import --runs 9`) go to each bench.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));

/** Median of a list (mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Benchmarks present: folders of bench/ holding a bench.ts. */
export function listBenches(dir = BENCH_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'results')
    .filter((d) => existsSync(join(dir, d.name, 'bench.ts')))
    .map((d) => d.name)
    .sort();
}

/** The last stdout line that is a JSON object: the bench's result. */
export function resultFromStdout(stdout: string): Record<string, unknown> | null {
  const lines = stdout.split('\n').map((l) => l.trim());
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (!l.startsWith('{')) continue;
    try {
      const v: unknown = JSON.parse(l);
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      // not the result line
    }
  }
  return null;
}

/** One line for the console: the bench's own `summary` when it gives one, else its ratio. */
export function summaryLine(name: string, result: Record<string, unknown>): string {
  if (typeof result.summary === 'string') return `${name}: ${result.summary}`;
  if (typeof result.ratio === 'number') return `${name}: ratio ${result.ratio.toFixed(2)}`;
  return `${name}: done`;
}

function main(argv: string[]): number {
  const all = listBenches();
  const names = argv.filter((a) => all.includes(a));
  const unknown = argv.filter((a) => !a.startsWith('-') && !all.includes(a) && !/^\d+$/.test(a));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown benchmark ${unknown.join(', ')}; available: ${all.join(', ')}\n`);
    return 2;
  }
  const extra = argv.filter((a) => !all.includes(a));
  const chosen = names.length > 0 ? names : all;
  const resultsDir = join(BENCH_DIR, 'results');
  mkdirSync(resultsDir, { recursive: true });
  let failed = 0;
  for (const name of chosen) {
    process.stdout.write(`bench: running ${name} …\n`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(BENCH_DIR, name, 'bench.ts'), ...extra], {
      cwd: join(BENCH_DIR, '..'),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const stdout = r.stdout ?? '';
    for (const line of stdout.split('\n'))
      if (line.trim() && !line.trim().startsWith('{')) process.stdout.write(`  ${line}\n`);
    const result = r.status === 0 ? resultFromStdout(stdout) : null;
    if (!result) {
      failed++;
      process.stdout.write(`${name}: FAILED (exit ${r.status ?? r.signal})\n`);
      continue;
    }
    const record = {
      name,
      ranAt: new Date().toISOString(),
      /** 1-minute load average when the bench ended: timings on a busy machine are noisier. */
      loadAverage: Math.round(loadavg()[0]! * 100) / 100,
      machine: {
        node: process.version,
        platform: process.platform,
        cpus: cpus().length,
        cpu: cpus()[0]?.model ?? '',
        memGb: Math.round(totalmem() / 2 ** 30),
      },
      result,
    };
    writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(record, null, 2)}\n`);
    process.stdout.write(`${summaryLine(name, result)}\n`);
  }
  return failed > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = main(process.argv.slice(2));
}
