/**
 * Serves the built renderer: path resolution confined to its folder, content types, and the
 * Content-Security-Policy with a fresh style nonce per page load.
 *
 * Used by the app:// protocol handler in the app and by the e2e tests' local server, so the page under
 * test gets exactly the headers the app sends. No Electron import here.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Origin the editor page is loaded from inside the app. */
export const APP_ORIGIN = 'app://ogonek';

/** URLs a page may request; everything else (http, https, ws, file, ftp, other app:// hosts) is cancelled. */
const ALLOWED_URL = /^(app:\/\/ogonek\/|devtools:|data:|blob:app:\/\/ogonek\/)/;

/** Whether the app's pages may request `url` (the whole network policy: nothing leaves the machine). */
export function isAllowedUrl(url: string): boolean {
  return ALLOWED_URL.test(url);
}

/** Placeholder in renderer/index.html replaced by the per-load nonce. */
export const NONCE_PLACEHOLDER = '__OGONEK_NONCE__';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * The page's policy: nothing from anywhere but the app itself, no connections at all, and inline styles
 * only from the holder of the nonce (CodeMirror injects its theme through a nonce-tagged <style>).
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Maps a request path to a file inside `root`, or null when it would escape it. */
export function resolveRendererFile(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const resolved = path.resolve(root, relative);
  const rootWithSep = path.resolve(root) + path.sep;
  return resolved.startsWith(rootWithSep) ? resolved : null;
}

/** A response for the renderer server, independent of the transport. */
export interface RendererResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** Loads one renderer file; HTML gets the nonce and every response the CSP. */
export async function loadRendererFile(root: string, pathname: string): Promise<RendererResponse> {
  const nonce = randomBytes(16).toString('base64');
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(nonce),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
  const file = resolveRendererFile(root, pathname);
  const body = file ? await fs.readFile(file).catch(() => null) : null;
  if (!file || !body) return { status: 404, headers: { ...headers, 'Content-Type': 'text/plain' }, body: 'Not found' };
  const extension = path.extname(file).toLowerCase();
  headers['Content-Type'] = CONTENT_TYPES[extension] ?? 'application/octet-stream';
  if (extension !== '.html') return { status: 200, headers, body };
  return { status: 200, headers, body: body.toString('utf8').replaceAll(NONCE_PLACEHOLDER, nonce) };
}
