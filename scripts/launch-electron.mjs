#!/usr/bin/env node
/**
 * `npm start` (after `electron-vite build`): launches Electron on the project with
 * `--open-sample-on-first-run`. The binary is found WITHOUT requiring the `electron` package,
 * because requiring it tries a download and throws where GitHub is unreachable. Without a binary
 * (or without a display) it explains why and serves the browser build instead, so
 * `npm install && npm start` always ends with a running app.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = path.resolve(here, '..');
export const FIRST_RUN_FLAG = '--open-sample-on-first-run';

function isFile(p) {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * Where the Electron executable is: `ELECTRON_PATH`, else `node_modules/electron/path.txt` resolved
 * under `node_modules/electron/dist/`. Returns `{ path }` or `{ path: null, reason }`.
 */
export function findElectronBinary({ root = PROJECT_ROOT, env = process.env } = {}) {
  if (env.ELECTRON_PATH) {
    return isFile(env.ELECTRON_PATH)
      ? { path: env.ELECTRON_PATH }
      : { path: null, reason: `ELECTRON_PATH is set to ${env.ELECTRON_PATH}, but no file is there.` };
  }
  const pkgDir = path.join(root, 'node_modules', 'electron');
  if (!existsSync(path.join(pkgDir, 'package.json'))) {
    return { path: null, reason: 'the electron package is not installed (run `npm install`).' };
  }
  const pathTxt = path.join(pkgDir, 'path.txt');
  if (!isFile(pathTxt)) {
    return {
      path: null,
      reason:
        'the Electron binary was never downloaded (node_modules/electron/path.txt is missing; its postinstall download was blocked or skipped).',
    };
  }
  const relative = readFileSync(pathTxt, 'utf8').trim();
  const binary = path.join(pkgDir, 'dist', relative);
  return isFile(binary)
    ? { path: binary }
    : {
        path: null,
        reason: `node_modules/electron/path.txt names ${relative}, but node_modules/electron/dist/ has no such file.`,
      };
}

/** Why Electron cannot show a window here even with a binary (Linux without a display), or null. */
export function displayProblem(platform = process.platform, env = process.env) {
  if (platform !== 'linux') return null;
  return env.DISPLAY || env.WAYLAND_DISPLAY
    ? null
    : 'there is no graphical display (DISPLAY and WAYLAND_DISPLAY are unset).';
}

/** The paragraph printed before falling back to the browser build. */
export function fallbackMessage(reason) {
  return [
    `Quarterdeck cannot open its desktop window: ${reason}`,
    'To get the desktop app, run `npx electron --version` once on a machine with internet access (it',
    'downloads the Electron binary into node_modules/electron/dist), or set ELECTRON_PATH to an Electron 45',
    'executable, then run `npm start` again. Meanwhile the same app runs in your browser: building and serving',
    'it now (this is what `npm run web` does). Your data lives in the browser profile you open it in.',
  ].join('\n');
}

function run(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, options);
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

async function startWebFallback(reason) {
  console.log(`\n${fallbackMessage(reason)}\n`);
  const require = createRequire(import.meta.url);
  const viteBin = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const build = await run(process.execPath, [viteBin, 'build', '--config', 'vite.web.config.ts'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
  if (build.code !== 0) {
    console.error('The browser build failed (see above); nothing to serve.');
    process.exit(build.code ?? 1);
  }
  const { serveWeb } = await import('./serve-web.mjs');
  await serveWeb();
}

async function main() {
  const found = findElectronBinary();
  const problem = found.path ? displayProblem() : found.reason;
  if (problem) return startWebFallback(problem);
  const env = { ...process.env };
  // Set in some shells (e.g. by tools that run Electron as Node); it would make Electron ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  try {
    const { code, signal } = await run(found.path, [PROJECT_ROOT, FIRST_RUN_FLAG, ...process.argv.slice(2)], {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
      env,
    });
    if (signal) process.kill(process.pid, signal);
    process.exit(code ?? 0);
  } catch (error) {
    return startWebFallback(`Electron at ${found.path} could not be started (${error.message}).`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`launch-electron: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
