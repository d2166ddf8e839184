/**
 * Smoke test of the whole app through Playwright's Electron driver: the real main process, preload,
 * protocol, CSP and engine process. Needs the Electron binary, which Electron 45 downloads on first use (the
 * first `npm start`), not at install; where it is missing (CI, offline) the test is skipped and says why
 * (support/electron-binary.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_NAMES, INVOKE_NAMES } from '../../electron/shared/contract.ts';
import { ROOT, ensureBuilt } from './support/build.ts';
import { findElectron } from './support/electron-binary.ts';

const { binary, reason } = findElectron(path.dirname(createRequire(import.meta.url).resolve('electron/package.json')));
if (!binary) console.log(`[e2e] skipping the Electron smoke test: ${reason}`);

describe.skipIf(!binary)('the packaged app (Electron)', () => {
  let app: ElectronApplication;
  let userData: string;

  beforeAll(async () => {
    await ensureBuilt('renderer');
    await ensureBuilt('electron');
    userData = mkdtempSync(path.join(os.tmpdir(), 'ogonek-electron-'));
    app = await electron.launch({
      executablePath: binary!,
      args: [ROOT, `--user-data-dir=${userData}`],
      cwd: ROOT,
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    }).catch(async (error: unknown) => {
      rmSync(userData, { recursive: true, force: true });
      throw error;
    });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    rmSync(userData, { recursive: true, force: true });
  });

  it('opens the editor with a locked-down renderer that sees only the contract', async () => {
    const page = await app.firstWindow();
    await page.locator('.cm-content').waitFor();
    expect(page.url()).toBe('app://ogonek/index.html');
    const exposed = await page.evaluate(() => ({
      api: Object.keys((window as unknown as { ogonek?: object }).ogonek ?? {}).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({ api: [...INVOKE_NAMES, ...EVENT_NAMES, 'pathForFile'].sort(), require: 'undefined', process: 'undefined' });
  });

  it('blocks network requests, new windows and navigation', async () => {
    const page = await app.firstWindow();
    const fetched = await page.evaluate(() => fetch('https://example.com/').then(() => 'loaded', () => 'blocked'));
    expect(fetched).toBe('blocked');
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    await page.evaluate(() => { location.href = 'https://example.com/'; });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://ogonek/index.html');
  });

  it('reports the engine in the status bar, and closing the window keeps the app running', async () => {
    const page = await app.firstWindow();
    await page.getByTestId('status-model').filter({ hasText: /^(Model |Engine unavailable)/ }).waitFor({ timeout: 60_000 });
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
    const state = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible()));
    expect(state).toEqual([false]);
  });
});
