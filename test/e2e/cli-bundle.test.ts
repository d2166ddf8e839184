/**
 * The CLI's bundle (bin/cli-bundle.mjs, dist-cli/): `ogonek` runs compiled JavaScript instead of transpiling
 * TypeScript at every start, and that must change nothing but the start-up time. Checks that the bundle
 * gives the sources' output, that `fix` loads no TypeScript and no evaluation or benchmark code, and, on a
 * small stand-in project, that a missing or stale bundle is never run: it is rebuilt, or the sources run.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, bundleState, type BundleState } from '../../bin/cli-bundle.mjs';
import { ROOT } from './support/build.ts';
import { chooseModel } from './support/model.ts';

const temp = mkdtempSync(path.join(os.tmpdir(), 'ogonek-cli-bundle-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `<root>/bin/ogonek.js args` with OGONEK_CLI=mode; `nodeArgs` go to node itself. */
function ogonek(root: string, mode: string, args: string[], input = '', nodeArgs: string[] = []): Run {
  const result = spawnSync(process.execPath, [...nodeArgs, path.join(root, 'bin', 'ogonek.js'), ...args], {
    input,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, OGONEK_CLI: mode },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const model = chooseModel();
if (!model.dir) console.log(`[e2e] skipping the CLI bundle's output test: ${model.reason}`);

describe.skipIf(!model.dir)('the bundled CLI (dist-cli) against the TypeScript sources', () => {
  // The shipped model through the default path (the bundle must find models/ as the sources do), else the fixture.
  const fix = model.real ? ['fix'] : ['fix', '--model', model.dir ?? ''];
  it.each([
    [
      'Lithuanian, two sentences',
      [...fix, '--lang', 'lt'],
      'Siandien labai grazus oras.\nAs einu namo, nes jau velu.\n',
    ],
    ['Czech, --json', [...fix, '--lang', 'cs', '--json'], 'Prilis zlutoucky kun upel dabelske ody.\n'],
    ['Polish, --lang auto', [...fix, '--lang', 'auto'], 'Zazolc gesla jazn. Dzisiaj jest bardzo ladna pogoda.\n'],
    ['Turkish, a file', [...fix, '--lang', 'tr', path.join(temp, 'tr.txt')], null],
    ['an unknown language (usage error)', [...fix, '--lang', 'xx'], ''],
    ['an unknown command', ['fixx'], ''],
    ['--help', ['--help'], ''],
  ])('%s: same exit code, stdout and stderr', (_name, args, input) => {
    writeFileSync(path.join(temp, 'tr.txt'), 'Bugun hava cok guzel, disari cikalim mi?\n');
    const bundled = ogonek(ROOT, 'bundle', args, input ?? '');
    const sources = ogonek(ROOT, 'sources', args, input ?? '');
    expect(bundled).toEqual(sources);
    if (args[0] === 'fix' && !args.includes('xx')) {
      expect(bundled.status).toBe(0);
      expect(bundled.stdout).not.toBe('');
    }
  });

  it('fix loads only the bundle: no TypeScript source, no evaluation or benchmark code', () => {
    // A loader hook (which also sees the worker thread's imports) lists every ES module the run loads.
    const log = path.join(temp, 'loaded.txt');
    writeFileSync(
      path.join(temp, 'hooks.mjs'),
      `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`,
    );
    writeFileSync(
      path.join(temp, 'register.mjs'),
      `import { register } from 'node:module';
register(${JSON.stringify(pathToFileURL(path.join(temp, 'hooks.mjs')).href)});\n`,
    );
    writeFileSync(log, '');
    const run = ogonek(ROOT, 'bundle', [...fix, '--lang', 'lt'], 'Siandien labai grazus oras.\n', [
      '--import',
      pathToFileURL(path.join(temp, 'register.mjs')).href,
    ]);
    expect(run.status).toBe(0);
    const state = bundleState();
    expect(state.state).toBe('fresh');
    if (state.state !== 'fresh') return;
    const dir = path.dirname(state.entry);
    const meta = JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8')) as {
      outputs: Record<string, { inputs: Record<string, unknown> }>;
    };
    const loaded = [
      ...new Set(
        readFileSync(log, 'utf8')
          .split('\n')
          .filter((u) => u.startsWith('file:')),
      ),
    ];
    const local = loaded
      .filter((u) => !u.includes('/node_modules/'))
      .map((u) => path.relative(ROOT, new URL(u).pathname));
    expect(local.filter((file) => /\.[cm]?ts$/.test(file))).toEqual([]);
    expect(local).toContain(path.relative(ROOT, path.join(dir, 'engine-worker.js')));
    const sources = local.flatMap((file) => Object.keys(meta.outputs[path.basename(file)]?.inputs ?? {}));
    expect(sources).toContain('electron/cli/fix-command.ts');
    expect(
      sources.filter(
        (s) =>
          s.startsWith('electron/eval/') || /cli\/(eval|eval-report|bench)-command/.test(s) || s.startsWith('bench/'),
      ),
    ).toEqual([]);
  });
});

/** One step on the stand-in project: a change, then a run in one OGONEK_CLI mode. */
type Step = [
  name: string,
  change: () => void | Promise<void>,
  mode: 'auto' | 'bundle' | 'sources',
  stateBefore: BundleState['state'],
  /** Expected stdout; null: the run must fail. */
  stdout: string | null,
  stateAfter: BundleState['state'],
];

describe('a missing or stale bundle is never run (a stand-in project)', () => {
  // The real launcher and bundler, on a project of two modules whose output says which copy ran.
  const root = path.join(temp, 'project');
  const greeting = path.join(root, 'electron', 'greeting.ts');
  beforeAll(() => {
    mkdirSync(path.join(root, 'bin'), { recursive: true });
    mkdirSync(path.join(root, 'electron', 'engine', 'worker'), { recursive: true });
    for (const file of ['ogonek.js', 'cli-bundle.mjs'])
      copyFileSync(path.join(ROOT, 'bin', file), path.join(root, 'bin', file));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    writeFileSync(path.join(root, 'package.json'), '{ "name": "stand-in", "private": true, "type": "module" }\n');
    writeFileSync(path.join(root, 'electron', 'engine', 'worker', 'engine-worker.ts'), 'export {};\n');
    writeFileSync(
      path.join(root, 'electron', 'cli.ts'),
      `import { greeting } from './greeting.ts';
const where = new Error().stack?.includes('/dist-cli/') ? 'bundle' : 'sources';
console.log(\`\${greeting} from the \${where}\`);\n`,
    );
  });
  const write = (text: string) => (): void => writeFileSync(greeting, text);
  const currentBuild = (): string =>
    path.join(
      root,
      'dist-cli',
      (JSON.parse(readFileSync(path.join(root, 'dist-cli', 'current.json'), 'utf8')) as { id: string }).id,
    );
  // esbuild cannot resolve the missing module, while tsx never reaches the import: only the sources can run.
  const unbundlable =
    "if (process.env.NEVER_SET_ANYWHERE) await import('./missing.ts');\nexport const greeting = 'v4';\n";

  it.each<Step>([
    [
      'no bundle yet: it is built, then run',
      write("export const greeting = 'v1';\n"),
      'auto',
      'missing',
      'v1 from the bundle\n',
      'fresh',
    ],
    [
      'a source changed: rebuilt, the old bundle is not run',
      write("export const greeting = 'v2';\n"),
      'auto',
      'stale',
      'v2 from the bundle\n',
      'fresh',
    ],
    [
      'a change with an older mtime is seen too (content hashes)',
      () => {
        writeFileSync(greeting, "export const greeting = 'v3';\n");
        utimesSync(greeting, new Date('2001-01-01'), new Date('2001-01-01'));
      },
      'auto',
      'stale',
      'v3 from the bundle\n',
      'fresh',
    ],
    [
      'a change the bundler rejects: the sources run, not the stale bundle',
      write(unbundlable),
      'auto',
      'stale',
      'v4 from the sources\n',
      'stale',
    ],
    [
      'the same with OGONEK_CLI=bundle: an error, not the stale bundle',
      () => undefined,
      'bundle',
      'stale',
      null,
      'stale',
    ],
    [
      'the current build was deleted: rebuilt',
      async () => {
        writeFileSync(greeting, "export const greeting = 'v5';\n");
        await buildBundle(root);
        rmSync(currentBuild(), { recursive: true, force: true });
      },
      'auto',
      'missing',
      'v5 from the bundle\n',
      'fresh',
    ],
    [
      'OGONEK_CLI=sources runs the sources beside a fresh bundle',
      () => undefined,
      'sources',
      'fresh',
      'v5 from the sources\n',
      'fresh',
    ],
  ])('%s', async (_name, change, mode, before, stdout, after) => {
    await change();
    expect(bundleState(root).state).toBe(before);
    const run = ogonek(root, mode, []);
    if (stdout === null) {
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(
        /sources changed since the CLI bundle was built, and rebuilding it failed: .*missing\.ts/s,
      );
    } else {
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(stdout);
      expect(run.status).toBe(0);
    }
    expect(bundleState(root).state).toBe(after);
  });
});
