/**
 * Where the app's parts are, in development (`electron .`: the repository) and packaged (resources/app.asar).
 *
 * Everything the app runs as JavaScript, the engine's utility process and worker included, is read from
 * the app root, i.e. from inside app.asar when packaged, where the asar integrity check (macOS, Windows)
 * and the onlyLoadAppFromAsar fuse cover it. Only onnxruntime's native binaries live in app.asar.unpacked
 * (electron-builder.yml), because the OS loader cannot read an archive; Electron redirects the binding's
 * require() there by itself. The model is an extra resource beside the asar, memory-mapped by onnxruntime.
 * See docs/security.md for what this protects and what it does not.
 */
import path from 'node:path';

export interface AppLocation {
  /** app.getAppPath(): the repository in development, .../resources/app.asar when packaged. */
  appRoot: string;
  isPackaged: boolean;
  /** process.resourcesPath */
  resourcesPath: string;
  platform: string;
}

export interface AppPaths {
  renderer: string;
  preload: string;
  engine: string;
  models: string;
  icon: string;
  trayIcon: string;
}

/** The paths of the app's parts for `location`. */
export function appPaths({ appRoot, isPackaged, resourcesPath, platform }: AppLocation): AppPaths {
  return {
    renderer: path.join(appRoot, 'dist', 'renderer'),
    preload: path.join(appRoot, 'dist-electron', 'preload', 'preload.cjs'),
    engine: path.join(appRoot, 'dist-electron', 'engine', 'engine-process.js'),
    models: isPackaged ? path.join(resourcesPath, 'models') : path.join(appRoot, 'models'),
    icon: path.join(appRoot, 'build', 'icons', '256x256.png'),
    trayIcon: path.join(appRoot, 'build', 'tray', platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'),
  };
}
