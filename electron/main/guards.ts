/**
 * Navigation, new-window and permission guards (SEC-05, SEC-06). The app window only ever shows
 * app://quarterdeck; vetted https links open in the system browser; everything else goes nowhere.
 */
import { APP_HOST, APP_SCHEME } from '../../shared/ipc/contract';

const MAX_EXTERNAL_URL_LENGTH = 2048;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for URLs of the app's own origin (app://quarterdeck, no port or credentials). */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST && u.port === '' && u.username === '';
}

/**
 * The check before a link reaches the system browser: https only, a real host name, no embedded
 * credentials, bounded length. `file:`, `javascript:`, `data:`, `http:` and custom schemes fail.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  const u = parse(url);
  if (u === null || u.protocol !== 'https:') return false;
  if (u.username !== '' || u.password !== '') return false;
  return u.hostname.length > 0 && !/[\s<>"`]/.test(url);
}

export type NavigationEvent = { preventDefault(): void; url?: string };

/** The part of WebContents the guards attach to. */
export type GuardedContents = {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: NavigationEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
};

export type GuardDeps = {
  /** shell.openExternal in the app; only called after isSafeExternalUrl. */
  openExternal: (url: string) => Promise<void> | void;
  log?: (message: string) => void;
};

/** Sends a vetted https URL to the system browser; anything else is dropped (and logged). */
export function openExternalIfSafe(url: string, deps: GuardDeps): boolean {
  if (!isSafeExternalUrl(url)) {
    deps.log?.(`blocked link ${url.slice(0, 200)}`);
    return false;
  }
  void Promise.resolve(deps.openExternal(url)).catch((error: unknown) =>
    deps.log?.(`could not open ${url.slice(0, 200)}: ${String(error)}`),
  );
  return true;
}

/** Attaches the guards to one WebContents: never navigate away, never open windows or webviews. */
export function attachNavigationGuards(contents: GuardedContents, deps: GuardDeps): void {
  const onNavigate = (event: NavigationEvent, url: string): void => {
    const target = event.url ?? url;
    if (isAppUrl(target)) return;
    event.preventDefault();
    openExternalIfSafe(target, deps);
  };
  contents.on('will-navigate', onNavigate);
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(event.url ?? url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfSafe(url, deps);
    return { action: 'deny' };
  });
}

/**
 * Decides a permission request. Everything is denied (camera, microphone, geolocation,
 * notifications, clipboard reads, …) except persistent storage asked for by the app itself, which
 * keeps Chromium from evicting the IndexedDB data under disk pressure (REL-08).
 */
export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return permission === 'persistent-storage' && isAppUrl(requestingUrl);
}

/** The part of Session the permission guards attach to. */
export type GuardedSession = {
  setPermissionRequestHandler(
    handler: (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      contents: unknown,
      permission: string,
      requestingOrigin: string,
      details: { requestingUrl?: string },
    ) => boolean,
  ): void;
};

/** Installs the request and check handlers on a session (SEC-06). */
export function attachPermissionGuards(session: GuardedSession, log?: (message: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = isPermissionAllowed(permission, details.requestingUrl ?? '');
    if (!allowed) log?.(`denied permission ${permission} for ${(details.requestingUrl ?? '').slice(0, 200)}`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? requestingOrigin),
  );
}
