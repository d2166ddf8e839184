/**
 * Entry of the main process: wires the services together and owns the app's lifecycle.
 * Security setup comes first because scheme privileges and the sandbox must be settled before `ready`.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BrowserWindow, ClipboardItem, Menu, Tray, app, clipboard, dialog, globalShortcut, ipcMain, nativeImage, nativeTheme, utilityProcess,
  type OpenDialogOptions, type SaveDialogOptions,
} from 'electron';
import Store from 'electron-store';
import type { Settings } from '../shared/contract.ts';
import type { ProviderName } from '../shared/types.ts';
import { aboutMessage, aboutPanelOptions } from './about.ts';
import { buildAppMenu } from './app-menu.ts';
import { appPaths } from './app-paths.ts';
import type { ClipboardPort } from './clipboard-fixer.ts';
import { EditorWindow } from './editor-window.ts';
import { ProcessCorrector, engineProcessEnv, type EngineChild } from '../engine/host/index.ts';
import { FileService, TEXT_EXTENSIONS } from './file-service.ts';
import { createHandlers } from './ipc-handlers.ts';
import { registerIpc } from './ipc-router.ts';
import { LaunchRequests, fileFromArgv } from './launch-requests.ts';
import { LocalServerService } from './local-server-service.ts';
import { setLinuxAutostart } from './login-item.ts';
import { createNotifier } from './notifier.ts';
import { applySessionSecurity, prepareSecurity } from './security.ts';
import { SettingsService, type SettingsBackend } from './settings-service.ts';
import { TrayService } from './tray-service.ts';

prepareSecurity();

const paths = appPaths({ appRoot: app.getAppPath(), isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, platform: process.platform });
const trayOnlyArg = process.argv.includes('--tray');
let quitConfirmed = false;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Listening before `ready`: macOS sends open-file for a double-clicked document before the app is ready.
  const launch = new LaunchRequests(app, existsSync);
  void app.whenReady().then(() => start(launch));
}

function forkEngine(): EngineChild {
  const child = utilityProcess.fork(paths.engine, [], { serviceName: 'Ogonek engine', stdio: 'inherit',
    env: engineProcessEnv(process.env) });
  return {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', listener),
    kill: () => void child.kill(),
  };
}

async function start(launch: LaunchRequests): Promise<void> {
  applySessionSecurity(paths.renderer);
  app.setAboutPanelOptions(aboutPanelOptions({ version: app.getVersion() }));
  const settings = new SettingsService(new Store({ name: 'settings', clearInvalidConfig: true }) as unknown as SettingsBackend);
  /** The "Use the GPU" setting: off means the CPU only; on, the platform's order of providers. */
  const providersFor = (s: Settings): ProviderName[] | undefined => (s.useGpu ? undefined : ['cpu']);
  const engine = new ProcessCorrector({ spawn: forkEngine, modelDir: paths.models, providers: providersFor(settings.get()) });
  const editor = new EditorWindow({ preloadPath: paths.preload, iconPath: paths.icon, devTools: !app.isPackaged });
  const filters = [{ name: 'Text and Markdown', extensions: TEXT_EXTENSIONS.map((e) => e.slice(1)) }];
  const files = new FileService({
    chooseOpenPath: async () => (await showOpenDialog({ properties: ['openFile'], filters })).filePaths[0] ?? null,
    chooseSavePath: async (defaultPath) => (await showSaveDialog({ defaultPath, filters })).filePath || null,
  });
  const openPath = async (file: string) => {
    editor.show();
    try {
      const opened = await handlers.openFile({ sendProgress: () => {} }, { path: file });
      if (opened) editor.send('onDidOpenFile', opened);
    } catch (error) {
      dialog.showErrorBox('Could not open the file', error instanceof Error ? error.message : String(error));
    }
  };
  const notifier = createNotifier(process.platform, paths.icon);
  // The LanguageTool-compatible server over this app's engine (off unless the setting is on; loopback only).
  const localServer = new LocalServerService({ settings, engine, version: app.getVersion(), notify: (n) => notifier.show(n) });
  const tray = new TrayService({
    createTray: () => {
      const icon = new Tray(nativeImage.createFromPath(paths.trayIcon));
      icon.on('click', () => editor.show());
      return {
        setContextMenu: (items) => icon.setContextMenu(Menu.buildFromTemplate(items)),
        setToolTip: (text) => icon.setToolTip(text),
        destroy: () => icon.destroy(),
      };
    },
    clipboard: electronClipboard(),
    corrector: engine,
    globalShortcut,
    notifier,
    settings,
    localServer,
    actions: {
      openEditor: () => editor.show(),
      openSettings: () => {
        editor.show();
        editor.send('onMenuCommand', 'settings');
      },
      quit: () => app.quit(),
    },
    platform: process.platform,
  });
  const handlers = createHandlers({
    engine,
    settings,
    files,
    appInfo: { platform: process.platform, version: app.getVersion() },
    shortcuts: tray,
    localServer,
    window: {
      setDocumentState: (state) => editor.setDocumentState(state),
      confirmQuit: () => {
        quitConfirmed = true;
        app.quit();
      },
    },
  });
  registerIpc(ipcMain, handlers, (event) => editor.isTrustedSender(event));
  engine.onDidChangeStatus((status) => editor.send('onDidChangeEngineStatus', status));

  const applySettings = (next: Settings) => {
    nativeTheme.themeSource = next.theme;
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildAppMenu({
      platform: process.platform,
      recentFiles: next.recentFiles,
      devTools: !app.isPackaged,
      command: (command) => {
        editor.show();
        editor.send('onMenuCommand', command);
      },
      openRecent: (file) => void openPath(file),
      quit: () => app.quit(),
      about: () => {
        const status = engine.status();
        const modelVersion = status.state === 'ready' ? status.modelVersion : undefined;
        void dialog.showMessageBox({ type: 'info', buttons: ['OK'], ...aboutMessage({ version: app.getVersion(), modelVersion }) });
      },
    })));
    void applyLoginItem(next.startAtLogin);
  };
  settings.onDidChange((next) => {
    editor.send('onDidChangeSettings', next);
    applySettings(next);
    engine.setProviders(providersFor(next));
    // A language just chosen loads its lexicon and language model now, not on the first keystroke.
    if (next.language !== 'auto') void engine.setup({ languages: [next.language] });
  });
  applySettings(settings.get());
  void localServer.start();

  app.on('activate', () => editor.show());
  // Closing the last window keeps the app in the tray.
  app.on('window-all-closed', () => {});
  app.on('before-quit', (event) => {
    if (editor.dirty && !quitConfirmed) {
      // The page asks about unsaved changes, then calls confirmQuit.
      event.preventDefault();
      editor.show();
      editor.send('onDidRequestQuit', null);
      return;
    }
    editor.allowClose();
  });
  app.on('will-quit', () => {
    tray.dispose();
    void localServer.dispose();
    globalShortcut.unregisterAll();
    void engine.dispose();
  });

  const startFile = fileFromArgv(process.argv, process.cwd(), existsSync);
  if (startFile) await openPath(startFile);
  // Files from open-file or a second instance that came before `ready`, and all later ones.
  const requested = launch.ready({ open: (file) => void openPath(file), show: () => editor.show() });
  if (!startFile && !requested && !trayOnlyArg && !settings.get().startInTray) editor.show();
}

/** Adapts Electron's asynchronous clipboard to the fixer's port. */
function electronClipboard(): ClipboardPort {
  return {
    formats: async () => (await clipboard.read()).flatMap((item) => item.types),
    readText: () => clipboard.readText(),
    readFormat: async (type) => {
      const item = (await clipboard.read()).find((entry) => entry.types.includes(type));
      const payload = item ? await item.getType(type) : undefined;
      return payload instanceof Blob ? payload.text() : undefined;
    },
    // One ClipboardItem holding every format: Electron commits it atomically, so no half-restored clipboard.
    write: (content) => (Object.keys(content).length === 1
      ? clipboard.writeText(content['text/plain'] ?? '')
      : clipboard.write([new ClipboardItem({ ...content })])),
  };
}

/** Dialogs are modal to the focused window when there is one (the tray has none). */
function showOpenDialog(options: OpenDialogOptions) {
  const window = BrowserWindow.getFocusedWindow();
  return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
}

function showSaveDialog(options: SaveDialogOptions) {
  const window = BrowserWindow.getFocusedWindow();
  return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
}

async function applyLoginItem(enabled: boolean): Promise<void> {
  // An unpackaged app would register the bare Electron binary, which opens nothing useful.
  if (!app.isPackaged) return;
  if (process.platform === 'linux') {
    const configHome = process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
    await setLinuxAutostart(configHome, process.env.APPIMAGE ?? process.execPath, enabled).catch((error: unknown) => {
      console.error('[login-item] could not update autostart', error);
    });
  } else {
    app.setLoginItemSettings({ openAtLogin: enabled, args: ['--tray'] });
  }
}
