/**
 * The main window factory (SEC-01, SEC-17) and the single-instance lock (SEC-18). Electron objects
 * come in as parameters so the options are asserted in unit tests without the binary.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export type WindowOptionsInput = {
  /** Absolute path of out/preload/index.cjs. */
  preloadPath: string;
  /** Packaged builds get no DevTools (SEC-17). */
  isPackaged: boolean;
  /** Matches the first paint to the system theme so the window does not flash white in dark mode. */
  darkBackground?: boolean;
};

/** The BrowserWindow options: secure webPreferences on every window, hidden until ready to show. */
export function buildWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Quarterdeck',
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: input.darkBackground ? '#111418' : '#f7f8fa',
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      devTools: !input.isPackaged,
    },
  };
}

/** What the lock needs from a window to bring it forward. */
export type FocusableWindow = {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
};

/** What the lock needs from `app`. */
export type SingleInstanceApp = {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
};

/** Brings a window to the front, restoring it first when minimised. */
export function focusWindow(win: FocusableWindow | null): boolean {
  if (!win || win.isDestroyed()) return false;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  return true;
}

/**
 * Takes the single-instance lock (two instances would fight over IndexedDB's lock). Returns false
 * (and quits) when another instance holds it; otherwise a second launch focuses our window.
 */
export function setupSingleInstance(app: SingleInstanceApp, getWindow: () => FocusableWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    focusWindow(getWindow());
  });
  return true;
}
