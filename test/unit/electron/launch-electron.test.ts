import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { displayProblem, fallbackMessage, findElectronBinary } from '../../../scripts/launch-electron.mjs';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'qd-launch-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const pkg = (): string => {
  const dir = path.join(root, 'node_modules', 'electron');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{"name":"electron","version":"45.5.0"}');
  return dir;
};

describe('findElectronBinary (never requires the electron package)', () => {
  it('uses ELECTRON_PATH when it points at a file', () => {
    const bin = path.join(root, 'electron-bin');
    writeFileSync(bin, '');
    expect(findElectronBinary({ root, env: { ELECTRON_PATH: bin } })).toEqual({ path: bin });
  });

  it('explains a wrong ELECTRON_PATH', () => {
    const result = findElectronBinary({ root, env: { ELECTRON_PATH: '/nope/electron' } });
    expect(result).toEqual({ path: null, reason: 'ELECTRON_PATH is set to /nope/electron, but no file is there.' });
  });

  it('resolves path.txt under node_modules/electron/dist', () => {
    const dir = pkg();
    writeFileSync(path.join(dir, 'path.txt'), 'electron\n');
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist', 'electron'), '');
    expect(findElectronBinary({ root, env: {} })).toEqual({ path: path.join(dir, 'dist', 'electron') });
  });

  it.each([
    ['no package', () => undefined, /electron package is not installed/],
    ['no path.txt (download blocked)', () => void pkg(), /never downloaded .*path\.txt is missing/],
    [
      'path.txt but no dist',
      () => writeFileSync(path.join(pkg(), 'path.txt'), 'electron'),
      /path\.txt names electron, but node_modules\/electron\/dist\/ has no such file/,
    ],
  ])('%s → a reason', (_name, arrange, reason) => {
    arrange();
    const result = findElectronBinary({ root, env: {} });
    expect(result.path).toBeNull();
    expect(result.reason).toMatch(reason);
  });

  it('this checkout has no binary, so the reason names the missing download', () => {
    const result = findElectronBinary({ env: {} });
    // On a machine with internet the binary exists; here it cannot be downloaded (STACK.md).
    if (result.path === null) expect(result.reason).toMatch(/electron/i);
    else expect(result.path).toMatch(/electron/i);
  });
});

describe('fallback explanation', () => {
  it('says why, how to fix it, and what happens instead', () => {
    const text = fallbackMessage('the Electron binary was never downloaded.');
    expect(text).toContain('the Electron binary was never downloaded.');
    expect(text).toContain('npx electron --version');
    expect(text).toContain('npm run web');
  });

  it.each([
    ['linux', {}, /no graphical display/],
    ['linux', { DISPLAY: ':0' }, null],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0' }, null],
    ['win32', {}, null],
    ['darwin', {}, null],
  ])('displayProblem(%s, %j)', (platform, env, expected) => {
    const problem = displayProblem(platform, env);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
