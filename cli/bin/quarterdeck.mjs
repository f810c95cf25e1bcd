#!/usr/bin/env node
// Package bin. Runs the prebuilt bundle out/cli/quarterdeck.mjs (`npm run build:cli`) in this
// process when it exists and is newer than every CLI/shared source file and the lockfile; otherwise
// runs the TypeScript CLI through tsx (a dependency), so a fresh clone works without a build step.
// The bundle skips tsx's start-up (compiling and resolving ~80 modules), about 1–3 s per run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const bundle = join(root, 'out', 'cli', 'quarterdeck.mjs');

/** Newest modification time (ms) of the .ts files under `dir` (0 when it does not exist). */
function newestTs(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestTs(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** True when the bundle exists and nothing it was built from changed since. */
export function bundleIsFresh() {
  if (!existsSync(bundle)) return false;
  const built = statSync(bundle).mtimeMs;
  const inputs = [newestTs(join(root, 'cli')), newestTs(join(root, 'shared'))];
  for (const f of ['package.json', 'package-lock.json']) {
    if (existsSync(join(root, f))) inputs.push(statSync(join(root, f)).mtimeMs);
  }
  return inputs.every((t) => t <= built);
}

// QD_CLI_TSX=1 forces the tsx path; QD_CLI_BUNDLE=require refuses it (the benchmark checks with it).
const fresh = process.env.QD_CLI_TSX !== '1' && bundleIsFresh();
if (!fresh && process.env.QD_CLI_BUNDLE === 'require') {
  process.stderr.write(`quarterdeck: ${bundle} is missing or older than the sources: run npm run build:cli\n`);
  process.exit(1);
}
if (fresh) {
  const { main } = await import(pathToFileURL(bundle).href);
  const io = {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    cwd: process.cwd(),
  };
  try {
    process.exitCode = await main(process.argv.slice(2), io);
  } catch (e) {
    process.stderr.write(`quarterdeck: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
} else {
  const require = createRequire(import.meta.url);
  const tsx = require.resolve('tsx/cli');
  const r = spawnSync(process.execPath, [tsx, join(here, '..', 'main.ts'), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}
