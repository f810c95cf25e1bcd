/**
 * The app:// protocol (SEC-08): a stable origin `app://quarterdeck` for the renderer, so IndexedDB
 * data stays put whatever folder the app is installed in. The resolver is pure and refuses
 * traversal in every spelling; the handler reads files through an injected function.
 */
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { APP_HOST, APP_SCHEME } from '../../shared/ipc/contract';
import { SECURITY_HEADERS } from './csp';

/** Registered before `app` is ready: standard + secure give it a real origin with IndexedDB. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const MIME_TYPES: Readonly<Record<string, string>> = {
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
};

/** The Content-Type for a file name (by extension), `application/octet-stream` when unknown. */
export function mimeTypeFor(fileName: string): string {
  return MIME_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

export type ResolvedRequest =
  | { ok: true; filePath: string; /** extensionless route: serve index.html when missing */ spaFallback: boolean }
  | { ok: false; status: 400 | 403; reason: string };

const MAX_URL_LENGTH = 4096;

/**
 * Maps an app:// URL to a file under `root`, or refuses: other schemes/hosts (403), `..` or
 * encoded dots/slashes/backslashes, NUL, drive letters and absolute paths (400).
 */
export function resolveAppRequest(rawUrl: string, root: string): ResolvedRequest {
  if (rawUrl.length > MAX_URL_LENGTH) return { ok: false, status: 400, reason: 'URL too long' };
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '' || url.username !== '') {
    return { ok: false, status: 403, reason: `only ${APP_SCHEME}://${APP_HOST} is served` };
  }
  // Check the raw text too: URL parsing would silently resolve `..` before we could see it.
  const pathStart = rawUrl.indexOf('/', rawUrl.indexOf('://') + 3);
  const rawPath = pathStart < 0 ? '' : (rawUrl.slice(pathStart).split(/[?#]/, 1)[0] ?? '');
  if (rawPath.includes('..') || /%2e|%2f|%5c|%00/i.test(rawPath) || rawPath.includes('\\')) {
    return { ok: false, status: 400, reason: 'path traversal refused' };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.includes(':') || decoded.startsWith('//')) {
    return { ok: false, status: 400, reason: 'absolute or device path refused' };
  }
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return { ok: false, status: 400, reason: 'path traversal refused' };
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const base = path.resolve(root);
  const filePath = path.resolve(base, relative);
  if (!filePath.startsWith(base + path.sep)) return { ok: false, status: 400, reason: 'path escapes the app folder' };
  const last = segments[segments.length - 1] ?? 'index.html';
  return { ok: true, filePath, spaFallback: !last.includes('.') };
}

export type AppProtocolDeps = {
  /** Folder with the built renderer (out/renderer). */
  root: string;
  /** Reads a whole file; rejects with an `ENOENT`/`EISDIR` code when it is missing or a folder. */
  readFile: (filePath: string) => Promise<Uint8Array>;
  log?: (message: string) => void;
};

function textResponse(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/** The `protocol.handle('app', …)` handler: GET/HEAD of files under root, with the CSP header. */
export function createAppProtocolHandler(deps: AppProtocolDeps): (request: Request) => Promise<Response> {
  const serve = async (filePath: string, method: string): Promise<Response> => {
    const body = await deps.readFile(filePath);
    return new Response(method === 'HEAD' ? null : Buffer.from(body.buffer, body.byteOffset, body.byteLength), {
      status: 200,
      headers: {
        ...SECURITY_HEADERS,
        'Content-Type': mimeTypeFor(filePath),
        'Content-Length': String(body.byteLength),
        'Cache-Control': 'no-cache',
      },
    });
  };
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const resolved = resolveAppRequest(request.url, deps.root);
    if (!resolved.ok) {
      deps.log?.(`app:// refused ${request.url.slice(0, 200)}: ${resolved.reason}`);
      return textResponse(resolved.status, resolved.reason);
    }
    try {
      return await serve(resolved.filePath, request.method);
    } catch (error) {
      const code = errorCode(error);
      if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'ENOTDIR') {
        deps.log?.(`app:// failed to read ${resolved.filePath}: ${String(error)}`);
        return textResponse(500, 'Could not read the file');
      }
      if (!resolved.spaFallback) return textResponse(404, 'Not found');
      try {
        return await serve(path.join(path.resolve(deps.root), 'index.html'), request.method);
      } catch {
        return textResponse(404, 'Not found');
      }
    }
  };
}
