/**
 * The desktop app itself, through Playwright's Electron driver. It runs where an Electron binary
 * exists (found like scripts/launch-electron.mjs does, without requiring the `electron` package)
 * and the main process is built (`npm run build`); otherwise it skips and prints why.
 * Page code is passed as strings or typed through globalThis: this file compiles without DOM types.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { displayProblem, findElectronBinary, FIRST_RUN_FLAG, PROJECT_ROOT } from '../../scripts/launch-electron.mjs';

const mainEntry = path.join(PROJECT_ROOT, 'out', 'main', 'index.js');
const found = findElectronBinary();

function skipReason(): string | null {
  if (found.path === null) {
    return `no Electron binary: ${found.reason} With internet, \`npx electron --version\` downloads it; or set ELECTRON_PATH.`;
  }
  const display = displayProblem();
  if (display) return `Electron cannot open a window here: ${display} Run under xvfb-run or on a desktop.`;
  if (!existsSync(mainEntry)) return 'out/main/index.js is missing: run `npm run build` first.';
  return null;
}

const reason = skipReason();
if (reason) console.log(`[electron.spec] skipped: ${reason}`);

const CSP_PROBE = `
  globalThis.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    globalThis.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
  });
`;

test.describe('Electron desktop app', () => {
  test.skip(reason !== null, reason ?? '');

  test('opens the secured window on app://quarterdeck with the preload API and no CSP violations', async () => {
    const userData = mkdtempSync(path.join(tmpdir(), 'qd-electron-e2e-'));
    const app = await electron.launch({
      executablePath: found.path ?? undefined,
      args: [mainEntry, FIRST_RUN_FLAG],
      cwd: PROJECT_ROOT,
      env: { ...process.env, QUARTERDECK_USER_DATA: userData, ELECTRON_RUN_AS_NODE: '' },
    });
    try {
      const page = await app.firstWindow();
      const cspConsole: string[] = [];
      page.on('console', (msg) => {
        if (/Content[- ]Security[- ]Policy/i.test(msg.text())) cspConsole.push(msg.text());
      });
      await page.addInitScript({ content: CSP_PROBE });
      await page.reload();
      await page.waitForLoadState('domcontentloaded');

      expect(page.url()).toBe('app://quarterdeck/index.html?firstRun=sample');
      await expect(page).toHaveTitle(/Quarterdeck/);

      // SEC-02: no Node in the page.
      expect(await page.evaluate('[typeof require, typeof process, typeof module]')).toEqual([
        'undefined',
        'undefined',
        'undefined',
      ]);

      // SEC-03: exactly the contract's API, working end to end through the IPC checks.
      expect(await page.evaluate('Object.keys(window.quarterdeck).sort()')).toEqual([
        'getAppInfo',
        'listBackups',
        'onMenuCommand',
        'openFile',
        'readBackup',
        'saveFile',
        'writeBackup',
      ]);
      const info = await page.evaluate(() =>
        (
          globalThis as unknown as { quarterdeck: { getAppInfo(): Promise<{ name: string; packaged: boolean }> } }
        ).quarterdeck.getAppInfo(),
      );
      expect(info).toMatchObject({ name: 'Quarterdeck', packaged: false });
      const written = await page.evaluate(() =>
        (
          globalThis as unknown as {
            quarterdeck: { writeBackup(r: object): Promise<{ workspaceId: string; pruned: number }> };
          }
        ).quarterdeck.writeBackup({ workspaceId: 'e2e', workspaceName: 'E2E', json: '{"formatVersion":1}' }),
      );
      expect(written).toMatchObject({ workspaceId: 'e2e', pruned: 0 });
      await expect(page.evaluate("window.quarterdeck.readBackup({ fileName: '../../etc/passwd' })")).rejects.toThrow(
        /backup:read refused/,
      );

      // SEC-18 context: exactly one window.
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);

      // SEC-07: a smoke run with zero violations.
      await page.waitForTimeout(500);
      expect(await page.evaluate('globalThis.__cspViolations')).toEqual([]);
      expect(cspConsole).toEqual([]);
    } finally {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
