import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP } from '../../../electron/main/csp';
import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  mimeTypeFor,
  resolveAppRequest,
} from '../../../electron/main/protocol';

const ROOT = path.resolve('/srv/app/out/renderer');

describe('resolveAppRequest (SEC-08)', () => {
  it.each([
    ['app://quarterdeck/index.html', 'index.html', false],
    ['app://quarterdeck/', 'index.html', false],
    ['app://quarterdeck', 'index.html', false],
    ['app://quarterdeck/assets/index-abc.js?v=1#x', 'assets/index-abc.js', false],
    ['app://quarterdeck/assets/my%20font.woff2', 'assets/my font.woff2', false],
    ['app://quarterdeck/roadmap', 'roadmap', true],
    ['app://quarterdeck/./assets/a.css', 'assets/a.css', false],
  ])('%s → %s', (url, relative, spaFallback) => {
    expect(resolveAppRequest(url, ROOT)).toEqual({ ok: true, filePath: path.join(ROOT, relative), spaFallback });
  });

  it.each([
    ['app://quarterdeck/../secret.txt', 400],
    ['app://quarterdeck/assets/../../etc/passwd', 400],
    ['app://quarterdeck/%2e%2e/secret.txt', 400],
    ['app://quarterdeck/%2E%2E/%2E%2E/etc/passwd', 400],
    ['app://quarterdeck/assets%2f..%2f..%2fetc/passwd', 400],
    ['app://quarterdeck/assets%2F%2E%2E%2Fx', 400],
    ['app://quarterdeck/..%5c..%5cwindows%5cwin.ini', 400],
    ['app://quarterdeck/assets\\..\\..\\x', 400],
    ['app://quarterdeck/%00.html', 400],
    ['app://quarterdeck//etc/passwd', 400],
    ['app://quarterdeck/C:/Windows/win.ini', 400],
    ['app://quarterdeck/C%3A/Windows/win.ini', 400],
    ['app://quarterdeck/%E0%A4%A', 400],
    ['app://evil/index.html', 403],
    ['app://quarterdeck.evil.com/index.html', 403],
    ['app://quarterdeck:8080/index.html', 403],
    ['app://user@quarterdeck/index.html', 403],
    ['file:///etc/passwd', 403],
    ['https://quarterdeck/index.html', 403],
    ['not a url', 400],
    [`app://quarterdeck/${'a'.repeat(5000)}`, 400],
  ])('refuses %s with %i', (url, status) => {
    const result = resolveAppRequest(url, ROOT);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.status).toBe(status);
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.woff2', 'font/woff2'],
    ['a.wasm', 'application/wasm'],
    ['a.json', 'application/json; charset=utf-8'],
    ['noext', 'application/octet-stream'],
  ])('%s → %s', (name, type) => expect(mimeTypeFor(name)).toBe(type));
});

describe('createAppProtocolHandler', () => {
  let root: string;
  beforeAll(() => {
    const base = mkdtempSync(path.join(tmpdir(), 'qd-proto-'));
    root = path.join(base, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Q</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1);');
    writeFileSync(path.join(base, 'secret.txt'), 'top secret');
  });
  afterAll(() => rmSync(path.dirname(root), { recursive: true, force: true }));

  const handler = () => createAppProtocolHandler({ root, readFile: (f) => readFile(f) });

  it('serves a file with its MIME type and the CSP header', async () => {
    const res = await handler()(new Request('app://quarterdeck/assets/app.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1);');
  });

  it('serves index.html for the bare origin and for extensionless routes', async () => {
    for (const url of ['app://quarterdeck/', 'app://quarterdeck/budget']) {
      const res = await handler()(new Request(url));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toContain('<title>Q</title>');
    }
  });

  it('answers 404 for a missing asset, 400 for traversal, 405 for POST — and never leaks the file beside root', async () => {
    expect((await handler()(new Request('app://quarterdeck/assets/missing.js'))).status).toBe(404);
    // The URL parser (Chromium's too) folds `%2e%2e` away before the handler: what remains is inside root.
    const folded = await handler()(new Request('app://quarterdeck/%2e%2e/secret.txt'));
    expect(folded.status).toBe(404);
    expect(await folded.text()).not.toContain('top secret');
    const traversal = await handler()(new Request('app://quarterdeck/assets%2f..%2f..%2fsecret.txt'));
    expect(traversal.status).toBe(400);
    expect(await traversal.text()).not.toContain('top secret');
    const post = await handler()(new Request('app://quarterdeck/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });

  it('registers the scheme as standard, secure and fetch-capable', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
    });
  });
});

describe('CSP (SEC-07)', () => {
  it('the header, renderer/index.html and scripts/serve-web.mjs use the same policy', async () => {
    const html = readFileSync(path.resolve('renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    // A meta tag cannot carry frame-ancestors (browsers ignore it there and log an error), so the
    // page's policy is the header's minus that one directive.
    expect(meta).toBe(APP_CSP.replace("; frame-ancestors 'none'", ''));
    expect(APP_CSP).toContain("frame-ancestors 'none'");
    const { WEB_CSP } = await import('../../../scripts/serve-web.mjs');
    expect(WEB_CSP).toBe(APP_CSP);
    expect(APP_CSP).toContain("script-src 'self';");
    expect(APP_CSP).not.toContain('unsafe-eval');
  });
});
