import { describe, expect, it } from 'vitest';
import {
  buildWindowOptions,
  focusWindow,
  setupSingleInstance,
  type FocusableWindow,
} from '../../../electron/main/window';

describe('buildWindowOptions (SEC-01, SEC-17)', () => {
  it.each([true, false])('secure webPreferences with isPackaged=%s', (isPackaged) => {
    const options = buildWindowOptions({ preloadPath: '/app/out/preload/index.cjs', isPackaged });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: !isPackaged,
    });
    expect(options.show).toBe(false);
  });

  it('points the preload at the CommonJS build', () => {
    const options = buildWindowOptions({ preloadPath: '/x/out/preload/index.cjs', isPackaged: true });
    expect(options.webPreferences?.preload).toMatch(/out\/preload\/index\.cjs$/);
  });
});

function fakeWindow(minimized: boolean, destroyed = false): FocusableWindow & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    isDestroyed: () => destroyed,
    isMinimized: () => minimized,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  };
}

function fakeApp(lock: boolean) {
  const listeners: Array<() => void> = [];
  let quits = 0;
  return {
    listeners,
    quits: () => quits,
    requestSingleInstanceLock: () => lock,
    quit: () => {
      quits += 1;
    },
    on: (_event: 'second-instance', listener: () => void) => listeners.push(listener),
  };
}

describe('setupSingleInstance (SEC-18)', () => {
  it('quits when another instance holds the lock', () => {
    const app = fakeApp(false);
    expect(setupSingleInstance(app, () => null)).toBe(false);
    expect(app.quits()).toBe(1);
    expect(app.listeners).toHaveLength(0);
  });

  it('a second launch restores and focuses the first window', () => {
    const app = fakeApp(true);
    const win = fakeWindow(true);
    expect(setupSingleInstance(app, () => win)).toBe(true);
    expect(app.quits()).toBe(0);
    app.listeners.forEach((l) => l());
    expect(win.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('focusWindow ignores a destroyed or missing window', () => {
    const gone = fakeWindow(false, true);
    expect(focusWindow(gone)).toBe(false);
    expect(gone.calls).toEqual([]);
    expect(focusWindow(null)).toBe(false);
    const open = fakeWindow(false);
    expect(focusWindow(open)).toBe(true);
    expect(open.calls).toEqual(['show', 'focus']);
  });
});
