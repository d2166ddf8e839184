import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths } from '../../../electron/main/app-paths.ts';

const packaged = { appRoot: '/opt/Ogonek/resources/app.asar', isPackaged: true, resourcesPath: '/opt/Ogonek/resources', platform: 'linux' };
const development = { appRoot: '/home/dev/ogonek', isPackaged: false, resourcesPath: '/home/dev/ogonek/node_modules/electron/dist/resources', platform: 'darwin' };

describe('where the app\'s parts are', () => {
  it.each([
    ['packaged: the engine\'s JS from inside the asar (issue 15, item 19), the model beside it', packaged, {
      engine: '/opt/Ogonek/resources/app.asar/dist-electron/engine/engine-process.js',
      models: '/opt/Ogonek/resources/models',
      preload: '/opt/Ogonek/resources/app.asar/dist-electron/preload/preload.cjs',
      trayIcon: '/opt/Ogonek/resources/app.asar/build/tray/tray.png',
    }],
    ['development: everything from the repository', development, {
      engine: '/home/dev/ogonek/dist-electron/engine/engine-process.js',
      models: '/home/dev/ogonek/models',
      preload: '/home/dev/ogonek/dist-electron/preload/preload.cjs',
      trayIcon: '/home/dev/ogonek/build/tray/trayTemplate.png',
    }],
  ])('%s', (_name, location, expected) => {
    const paths = appPaths(location);
    expect(paths).toMatchObject(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, path.normalize(v)])));
    expect(Object.values(paths).filter((p) => p.includes('app.asar.unpacked'))).toEqual([]);
  });
});
