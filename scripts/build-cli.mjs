#!/usr/bin/env node
// Bundles the TypeScript CLI into one ESM file (out/cli/quarterdeck.mjs) with esbuild (installed
// with tsx), so `quarterdeck` starts without tsx compiling ~80 modules on every run.
// Native and file-reading packages stay external: @napi-rs/canvas (a .node binding) and pdfmake
// (its pdfkit/fontkit read AFM/ICC data and the Roboto TTFs relative to their own folders).
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the bundle goes; cli/bin/quarterdeck.mjs looks for it here. */
export const CLI_BUNDLE = join(ROOT, 'out', 'cli', 'quarterdeck.mjs');
/** The deck's chart worker (cli/adapters/chart-worker.ts), next to the bundle that starts it. */
export const CHART_WORKER_BUNDLE = join(ROOT, 'out', 'cli', 'chart-worker.mjs');

/**
 * Source files find data next to themselves (`new URL('../resources/…', import.meta.url)`,
 * createRequire): inside the bundle their import.meta.url becomes their original file's URL,
 * computed relative to the bundle so a moved checkout still works. cli/main.ts keeps the bundle's
 * own URL so `node out/cli/quarterdeck.mjs …` is recognised as the entry.
 */
const sourceUrlPlugin = {
  name: 'source-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      // cli/main.ts and files marked "qd:keep-import-meta-url" want the bundle's own URL.
      if (args.path === join(ROOT, 'cli', 'main.ts') || !text.includes('import.meta.url')) return undefined;
      if (text.includes('qd:keep-import-meta-url')) return undefined;
      const rel = relative(dirname(CLI_BUNDLE), args.path).split(sep).join('/');
      const url = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

/** Builds the CLI bundle and the chart worker beside it; resolves to the bundle's path. */
export async function buildCli() {
  mkdirSync(dirname(CLI_BUNDLE), { recursive: true });
  const common = {
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['@napi-rs/canvas', 'pdfmake', 'pdfmake/*', 'tsx', 'tsx/*'],
    // Bundled CommonJS dependencies call require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire as __qdCreateRequire } from 'node:module'; const require = __qdCreateRequire(import.meta.url);",
    },
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: ROOT,
    plugins: [sourceUrlPlugin],
  };
  // The worker first: the bin treats the main bundle's time as the build's.
  await build({
    ...common,
    entryPoints: [join(ROOT, 'cli', 'adapters', 'chart-worker.ts')],
    outfile: CHART_WORKER_BUNDLE,
  });
  await build({ ...common, entryPoints: [join(ROOT, 'cli', 'main.ts')], outfile: CLI_BUNDLE });
  return CLI_BUNDLE;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = performance.now();
  buildCli().then(
    (path) => process.stdout.write(`built ${path} in ${Math.round(performance.now() - t)} ms\n`),
    (e) => {
      process.stderr.write(`build-cli failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
