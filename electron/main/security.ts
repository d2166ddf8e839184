/**
 * The Electron security checklist, applied in one place (https://www.electronjs.org/docs/latest/tutorial/security):
 * sandbox everywhere, no navigation, no new windows, no webviews, every permission denied, and no network:
 * only the app's own app:// pages load, so nothing typed can leave the machine.
 */
import { app, protocol, session, type Session, type WebContents } from 'electron';
import { APP_ORIGIN, isAllowedUrl, loadRendererFile } from './renderer-files.ts';

/** Must run before `app.ready`: registers app:// as a secure standard scheme and sandboxes every renderer. */
export function prepareSecurity(): void {
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, stream: false } },
  ]);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
}

/** Runs once the app is ready: serves the renderer and locks down the default session. */
export function applySessionSecurity(rendererRoot: string, target: Session = session.defaultSession): void {
  target.protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== new URL(APP_ORIGIN).host) return new Response('Not found', { status: 404 });
    const response = await loadRendererFile(rendererRoot, url.pathname);
    const body = typeof response.body === 'string' ? response.body : new Uint8Array(response.body);
    return new Response(body, { status: response.status, headers: response.headers });
  });
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
  target.setSpellCheckerEnabled(false);
  target.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedUrl(details.url);
    if (!allowed) console.warn(`[security] blocked a request to ${details.url}`);
    callback({ cancel: !allowed });
  });
}

function hardenContents(contents: WebContents): void {
  // The editor is a single page: any navigation (a dropped link, a stray form) is refused.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
