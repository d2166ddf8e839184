import { EventEmitter } from 'node:events';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LaunchRequests, fileFromArgv } from '../../../electron/main/launch-requests.ts';

/** Electron's `app` as far as launch requests go: an emitter of open-file and second-instance. */
class FakeApp extends EventEmitter {
  /** What a second instance started in `cwd` with `args` makes Electron emit in the first one. */
  secondInstance(args: string[], cwd: string): void {
    this.emit('second-instance', {}, ['/opt/Ogonek/ogonek', '--allow-file-access-from-files', ...args], cwd, {});
  }
  /** macOS: a document opened from Finder. Returns whether the listener called preventDefault. */
  openFile(file: string): boolean {
    let prevented = false;
    this.emit('open-file', { preventDefault: () => void (prevented = true) }, file);
    return prevented;
  }
}

const files = new Set(['/home/b/work/notes/a.txt', '/home/a/notes/a.txt', '/Users/c/Letters/laiškas.md']);
const exists = (file: string) => files.has(file);

function setup() {
  const app = new FakeApp();
  const requests = new LaunchRequests(app, exists);
  const done: string[] = [];
  const handlers = { open: (file: string) => void done.push(`open ${file}`), show: () => void done.push('show') };
  return { app, requests, done, handlers };
}

describe('which file a command line names', () => {
  it.each([
    [['ogonek', 'notes/a.txt'], '/home/b/work', '/home/b/work/notes/a.txt'],
    [['ogonek', '../a/notes/a.txt'], '/home/b', '/home/a/notes/a.txt'],
    [['ogonek', '/home/a/notes/a.txt'], '/home/b/work', '/home/a/notes/a.txt'],
    [['ogonek', '--tray', 'notes/a.txt'], '/home/b/work', '/home/b/work/notes/a.txt'],
    [['ogonek', 'notes/missing.txt'], '/home/b/work', undefined],
    [['ogonek', 'notes/a.txt'], '/home/elsewhere', undefined],
    [['electron', '.'], '/home/b/work', undefined],
  ])('%j in %s -> %s', (argv, cwd, expected) => {
    expect(fileFromArgv(argv, cwd, exists)).toBe(expected);
  });
});

describe('launch requests (issue 15, item 18)', () => {
  it('a second instance\'s relative path resolves against the second instance\'s working directory', () => {
    const { app, requests, done, handlers } = setup();
    requests.ready(handlers);
    app.secondInstance(['notes/a.txt'], '/home/b/work');
    app.secondInstance(['notes/a.txt'], '/home/a');
    expect(done).toEqual([`open ${path.resolve('/home/b/work/notes/a.txt')}`, `open ${path.resolve('/home/a/notes/a.txt')}`]);
  });

  it('a second instance without a file shows the window', () => {
    const { app, requests, done, handlers } = setup();
    requests.ready(handlers);
    app.secondInstance([], '/home/b');
    expect(done).toEqual(['show']);
  });

  it('open-file before ready is kept (and claimed with preventDefault), then opened once ready', () => {
    const { app, requests, done, handlers } = setup();
    expect(app.openFile('/Users/c/Letters/laiškas.md')).toBe(true);
    expect(done).toEqual([]);
    expect(requests.ready(handlers)).toBe(true);
    expect(done).toEqual(['open /Users/c/Letters/laiškas.md']);
    app.openFile('/home/a/notes/a.txt');
    expect(done).toEqual(['open /Users/c/Letters/laiškas.md', 'open /home/a/notes/a.txt']);
  });

  it('nothing waiting: ready says so (the app may start in the tray)', () => {
    const { requests, handlers, done } = setup();
    expect(requests.ready(handlers)).toBe(false);
    expect(done).toEqual([]);
  });

  it('a second instance before ready: its file waits; without a file, the window is shown at ready', () => {
    const first = setup();
    first.app.secondInstance(['notes/a.txt'], '/home/b/work');
    expect(first.requests.ready(first.handlers)).toBe(true);
    expect(first.done).toEqual(['open /home/b/work/notes/a.txt']);
    const second = setup();
    second.app.secondInstance([], '/home/b');
    expect(second.requests.ready(second.handlers)).toBe(true);
    expect(second.done).toEqual(['show']);
  });
});
