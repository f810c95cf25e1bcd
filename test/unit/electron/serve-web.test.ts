import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP } from '../../../electron/main/csp';
import {
  mimeTypeFor,
  portFromEnv,
  resolveStaticPath,
  startServer,
  type RunningServer,
} from '../../../scripts/serve-web.mjs';

/** A raw GET (no URL normalisation, unlike fetch) so traversal attempts reach the server as typed. */
function get(port: number, target: string, host = `127.0.0.1:${port}`) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: target, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const ROOT = path.resolve('/srv/dist-web');

describe('resolveStaticPath', () => {
  it.each([
    ['/', 'index.html', false],
    ['/index.html', 'index.html', false],
    ['/assets/app.js?x=1', 'assets/app.js', false],
    ['/roadmap', 'roadmap', true],
  ])('%s → %s', (target, rel, spa) => {
    expect(resolveStaticPath(ROOT, target)).toEqual({ filePath: path.join(ROOT, rel), spaFallback: spa });
  });

  it.each([
    '/../x',
    '/%2e%2e/x',
    '/a%2f..%2fb',
    '/..%5cx',
    '/a\\b',
    '/%00',
    '//etc/passwd',
    '/C:/x',
    'relative',
    '/%E0%A4%A',
  ])('refuses %s', (target) => expect(resolveStaticPath(ROOT, target)).toBeNull());
});

describe('mimeTypeFor / portFromEnv', () => {
  it.each([
    ['a.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.woff2', 'font/woff2'],
    ['a.svg', 'image/svg+xml'],
    ['a', 'application/octet-stream'],
  ])('%s → %s', (name, type) => expect(mimeTypeFor(name)).toBe(type));

  it('reads PORT, defaults to 5178, and refuses junk with a message', () => {
    expect(portFromEnv({})).toBe(5178);
    expect(portFromEnv({ PORT: '6001' })).toBe(6001);
    expect(() => portFromEnv({ PORT: 'http' })).toThrow('PORT must be a number between 0 and 65535 (got "http")');
    expect(() => portFromEnv({ PORT: '70000' })).toThrow(/PORT must be/);
  });
});

describe('startServer', () => {
  let base: string;
  let running: RunningServer;
  let blocker: Server;
  let blockedPort: number;

  beforeAll(async () => {
    base = mkdtempSync(path.join(tmpdir(), 'qd-web-'));
    const root = path.join(base, 'dist-web');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Quarterdeck</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'export {};');
    writeFileSync(path.join(base, 'secret.txt'), 'top secret');
    // Occupy a port so the server must move to the next one.
    blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const address = blocker.address();
    blockedPort = typeof address === 'object' && address ? address.port : 0;
    running = await startServer({ root, port: blockedPort });
  });
  afterAll(async () => {
    await running.close();
    await new Promise((r) => blocker.close(r));
    rmSync(base, { recursive: true, force: true });
  });

  it('binds 127.0.0.1 on the next free port when the asked one is busy', () => {
    expect(running.port).toBeGreaterThan(blockedPort);
    expect(running.url).toBe(`http://127.0.0.1:${running.port}/`);
    const address = running.server.address();
    expect(typeof address === 'object' && address ? address.address : '').toBe('127.0.0.1');
  });

  it('serves files with MIME type and CSP; extensionless routes get index.html', async () => {
    const js = await get(running.port, '/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['content-security-policy']).toBe(APP_CSP);
    expect(js.body).toBe('export {};');
    const route = await get(running.port, '/kpis');
    expect(route.status).toBe(200);
    expect(route.body).toContain('<title>Quarterdeck</title>');
    expect((await get(running.port, '/assets/missing.js')).status).toBe(404);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt'])(
    'refuses traversal %s',
    async (target) => {
      const res = await get(running.port, target);
      expect(res.status).toBe(400);
      expect(res.body).not.toContain('top secret');
    },
  );

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await get(running.port, '/', 'evil.example')).status).toBe(403);
    expect((await get(running.port, '/', `localhost:${running.port}`)).status).toBe(200);
  });
});
