import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NONCE_PLACEHOLDER, contentSecurityPolicy, isAllowedUrl, loadRendererFile, resolveRendererFile,
} from '../../../electron/main/renderer-files.ts';

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'ogonek-renderer-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), `<meta name="n" content="${NONCE_PLACEHOLDER}"><script src="./assets/a.js"></script>`);
  writeFileSync(path.join(root, 'assets', 'a.js'), 'console.log(1)');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('serving the renderer', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/a.js', 'assets/a.js'],
    ['/assets/%61.js', 'assets/a.js'],
    ['/../etc/passwd', null],
    ['/assets/../../secret', null],
    ['/%2e%2e/%2e%2e/etc/passwd', null],
    ['/a%00.js', null],
    ['/%E0%A4%A', null],
  ])('%s -> %s', (pathname, expected) => {
    expect(resolveRendererFile(root, pathname)).toBe(expected === null ? null : path.join(root, expected));
  });

  it('sends a strict CSP with a fresh nonce, also written into the page', async () => {
    const first = await loadRendererFile(root, '/');
    const second = await loadRendererFile(root, '/');
    const nonce = /'nonce-([^']+)'/.exec(first.headers['Content-Security-Policy']!)?.[1];
    expect(nonce).toBeTruthy();
    expect(first.body).toContain(`content="${nonce}"`);
    expect(first.body).not.toContain(NONCE_PLACEHOLDER);
    expect(second.headers['Content-Security-Policy']).not.toBe(first.headers['Content-Security-Policy']);
    expect(first.headers['Content-Type']).toBe('text/html; charset=utf-8');
  });

  it('the policy allows nothing remote, no inline script, no eval and no connections', () => {
    const policy = contentSecurityPolicy('abc');
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'none'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('answers 404 for missing files and escapes', async () => {
    expect((await loadRendererFile(root, '/nope.js')).status).toBe(404);
    expect((await loadRendererFile(root, '/../x')).status).toBe(404);
  });
});

describe('network rule', () => {
  it.each([
    ['app://ogonek/index.html', true],
    ['app://ogonek/assets/x.js', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['data:image/png;base64,AAAA', true],
    ['https://example.com/', false],
    ['http://127.0.0.1:8080/', false],
    ['wss://example.com/socket', false],
    ['file:///etc/passwd', false],
    ['app://evil/index.html', false],
    ['ftp://example.com/x', false],
  ])('%s allowed: %s', (url, allowed) => {
    expect(isAllowedUrl(url)).toBe(allowed);
  });
});

describe('editor window preferences', () => {
  it('isolate and sandbox the page, with no Node, no webviews, no spellchecker downloads', async () => {
    const { editorWebPreferences } = await import('../../../electron/main/window-options.ts');
    expect(editorWebPreferences('/app/preload.cjs', false)).toMatchObject({
      preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, spellcheck: false, devTools: false,
    });
  });
});
