/**
 * The editor window's web preferences: the renderer half of the security checklist, kept apart from
 * editor-window.ts so a test can read it without Electron.
 */

/** The preferences of every editor window. */
export function editorWebPreferences(preloadPath: string, devTools: boolean) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // Chromium's spellchecker downloads dictionaries from Google; the engine is our spellchecker.
    spellcheck: false,
    devTools,
  } as const;
}
