import { describe, expect, it } from 'vitest';
import {
  attachNavigationGuards,
  attachPermissionGuards,
  isAppUrl,
  isPermissionAllowed,
  isSafeExternalUrl,
  type GuardedContents,
  type GuardedSession,
  type NavigationEvent,
} from '../../../electron/main/guards';

describe('isAppUrl / isSafeExternalUrl', () => {
  it.each([
    ['app://quarterdeck/index.html', true],
    ['app://quarterdeck/', true],
    ['app://quarterdeck:1/index.html', false],
    ['app://other/index.html', false],
    ['app://quarterdeck.evil/index.html', false],
    ['https://quarterdeck/', false],
    ['file:///index.html', false],
    ['garbage', false],
  ])('isAppUrl(%s) = %s', (url, expected) => expect(isAppUrl(url)).toBe(expected));

  it.each([
    ['https://www.gartner.com/en/it', true],
    ['https://example.com/path?q=1#x', true],
    ['http://example.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['https://user:pw@example.com/', false],
    ['mailto:a@b.c', false],
    ['smb://server/share', false],
    ['ms-settings:privacy', false],
    [`https://example.com/${'a'.repeat(3000)}`, false],
    ['not a url', false],
  ])('isSafeExternalUrl(%s) = %s', (url, expected) => expect(isSafeExternalUrl(url)).toBe(expected));
});

type Listener = (event: NavigationEvent, url: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let windowOpen: ((d: { url: string }) => { action: 'deny' }) | undefined;
  const contents: GuardedContents = {
    on: (event: string, listener: Listener) => {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler: (h) => {
      windowOpen = h;
    },
  };
  const fire = (event: string, url: string): boolean => {
    let prevented = false;
    listeners.get(event)?.({ preventDefault: () => (prevented = true), url }, url);
    return prevented;
  };
  return { contents, fire, open: (url: string) => windowOpen?.({ url }) };
}

describe('attachNavigationGuards (SEC-05)', () => {
  const setup = () => {
    const opened: string[] = [];
    const fake = fakeContents();
    attachNavigationGuards(fake.contents, { openExternal: (url) => void opened.push(url) });
    return { ...fake, opened };
  };

  it('lets the app navigate within its own origin', () => {
    const { fire, opened } = setup();
    expect(fire('will-navigate', 'app://quarterdeck/index.html?firstRun=sample')).toBe(false);
    expect(opened).toEqual([]);
  });

  it('blocks navigation away; https goes to the system browser, other schemes nowhere', () => {
    const { fire, opened } = setup();
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,x',
      'http://x/',
    ]) {
      expect(fire('will-navigate', url)).toBe(true);
    }
    expect(opened).toEqual(['https://example.com/']);
  });

  it('blocks redirects off the app origin and webview attachment', () => {
    const { fire, opened } = setup();
    expect(fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(fire('will-redirect', 'app://quarterdeck/index.html')).toBe(false);
    expect(fire('will-attach-webview', 'app://quarterdeck/index.html')).toBe(true);
    expect(opened).toEqual([]);
  });

  it('window.open / target=_blank always deny; only vetted https reaches openExternal', () => {
    const { open, opened } = setup();
    for (const url of [
      'https://example.com/a',
      'app://quarterdeck/index.html',
      'javascript:alert(1)',
      'file:///c:/x',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://example.com/a']);
  });

  it('a failing openExternal is logged, not thrown', async () => {
    const logs: string[] = [];
    const fake = fakeContents();
    attachNavigationGuards(fake.contents, {
      openExternal: () => Promise.reject(new Error('no browser')),
      log: (m) => void logs.push(m),
    });
    expect(fake.open('https://example.com/')).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
    expect(logs.join()).toContain('no browser');
  });
});

describe('permission guards (SEC-06)', () => {
  it.each([
    ['media', 'app://quarterdeck/index.html', false],
    ['geolocation', 'app://quarterdeck/index.html', false],
    ['notifications', 'app://quarterdeck/index.html', false],
    ['clipboard-read', 'app://quarterdeck/index.html', false],
    ['display-capture', 'app://quarterdeck/index.html', false],
    ['openExternal', 'app://quarterdeck/index.html', false],
    ['persistent-storage', 'app://quarterdeck/index.html', true],
    ['persistent-storage', 'https://evil.example/', false],
  ])('%s from %s → %s', (permission, url, expected) => {
    expect(isPermissionAllowed(permission, url)).toBe(expected);
  });

  it('installs request and check handlers that deny', () => {
    let request: Parameters<GuardedSession['setPermissionRequestHandler']>[0] | undefined;
    let check: Parameters<GuardedSession['setPermissionCheckHandler']>[0] | undefined;
    attachPermissionGuards({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
    });
    const answers: boolean[] = [];
    request?.(null, 'media', (granted) => answers.push(granted), { requestingUrl: 'app://quarterdeck/index.html' });
    request?.(null, 'geolocation', (granted) => answers.push(granted), {});
    expect(answers).toEqual([false, false]);
    expect(check?.(null, 'notifications', 'app://quarterdeck', {})).toBe(false);
    expect(check?.(null, 'persistent-storage', 'app://quarterdeck', {})).toBe(true);
  });
});
