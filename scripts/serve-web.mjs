#!/usr/bin/env node
/**
 * `npm run web`: serves the browser build (dist-web/) on 127.0.0.1 with the app's CSP. Node
 * built-ins only. Port from PORT (default 5178); the next free port when it is busy.
 * Also imported by scripts/launch-electron.mjs as the fallback when Electron cannot start.
 */
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = path.resolve(here, '..');
export const DEFAULT_ROOT = path.join(PROJECT_ROOT, 'dist-web');
export const DEFAULT_PORT = 5178;

/** Same policy as renderer/index.html and electron/main/csp.ts (a unit test compares them). */
export const WEB_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self' data: blob:; worker-src 'self' blob:; object-src 'none'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json',
};

/** Content-Type by extension. */
export function mimeTypeFor(fileName) {
  return MIME_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request target (`/assets/x.js?v=1`) to a file under root, or null when it tries to leave
 * it: `..`, encoded dots/slashes/backslashes, NUL, drive letters. `spaFallback` marks extensionless
 * routes that fall back to index.html.
 */
export function resolveStaticPath(root, requestTarget) {
  if (typeof requestTarget !== 'string' || requestTarget.length > 4096 || !requestTarget.startsWith('/')) return null;
  const rawPath = requestTarget.split(/[?#]/, 1)[0] ?? '';
  if (rawPath.includes('..') || rawPath.includes('\\') || /%2e|%2f|%5c|%00/i.test(rawPath)) return null;
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.includes(':') || decoded.startsWith('//'))
    return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  const base = path.resolve(root);
  const filePath = path.resolve(base, segments.length === 0 ? 'index.html' : segments.join('/'));
  if (!filePath.startsWith(base + path.sep)) return null;
  const last = segments[segments.length - 1] ?? 'index.html';
  return { filePath, spaFallback: !last.includes('.') };
}

const BASE_HEADERS = {
  'Content-Security-Policy': WEB_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

function sendText(res, status, text) {
  res.writeHead(status, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

async function fileInfo(filePath) {
  try {
    const info = await stat(filePath);
    return info.isFile() ? info : null;
  } catch {
    return null;
  }
}

/** The request handler: GET/HEAD of files under root; only our own Host (no DNS rebinding). */
export function createStaticHandler(root, getPort) {
  return async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
      const port = getPort();
      const host = String(req.headers.host ?? '');
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return sendText(res, 403, 'Unexpected Host');
      const resolved = resolveStaticPath(root, req.url ?? '');
      if (!resolved) return sendText(res, 400, 'Bad path');
      let filePath = resolved.filePath;
      let info = await fileInfo(filePath);
      if (!info && resolved.spaFallback) {
        filePath = path.join(path.resolve(root), 'index.html');
        info = await fileInfo(filePath);
      }
      if (!info) return sendText(res, 404, 'Not found');
      res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': mimeTypeFor(filePath), 'Content-Length': info.size });
      if (req.method === 'HEAD') return res.end();
      createReadStream(filePath)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch {
      if (!res.headersSent) sendText(res, 500, 'Server error');
      else res.destroy();
    }
  };
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Starts the server on 127.0.0.1, trying `port`, `port + 1`, … while ports are busy.
 * Resolves to `{ server, port, url, close }`.
 */
export async function startServer({
  root = DEFAULT_ROOT,
  port = DEFAULT_PORT,
  host = '127.0.0.1',
  maxTries = 20,
} = {}) {
  let boundPort = 0;
  const server = createServer(createStaticHandler(root, () => boundPort));
  for (let attempt = 0; attempt < maxTries; attempt += 1) {
    const candidate = port === 0 ? 0 : port + attempt;
    try {
      boundPort = await listen(server, candidate, host);
      const url = `http://${host}:${boundPort}/`;
      return { server, port: boundPort, url, close: () => new Promise((r) => server.close(() => r(undefined))) };
    } catch (error) {
      if (error?.code !== 'EADDRINUSE' || port === 0) throw error;
    }
  }
  throw new Error(`no free port between ${port} and ${port + maxTries - 1}`);
}

/** Reads PORT from the environment; a clear error for anything that is not a port number. */
export function portFromEnv(env = process.env) {
  if (env.PORT === undefined || env.PORT === '') return DEFAULT_PORT;
  const port = Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a number between 0 and 65535 (got "${env.PORT}")`);
  }
  return port;
}

/** Serves dist-web/ and prints where; used by `npm run web` and the launch fallback. */
export async function serveWeb({ root = DEFAULT_ROOT, env = process.env, out = console.log } = {}) {
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(
      `${path.relative(process.cwd(), root) || root}/index.html not found: run \`npm run build:web\` first`,
    );
  }
  const running = await startServer({ root, port: portFromEnv(env) });
  out(`Quarterdeck is running at ${running.url} (Ctrl+C to stop)`);
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return running;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  serveWeb().catch((error) => {
    console.error(`serve-web: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
