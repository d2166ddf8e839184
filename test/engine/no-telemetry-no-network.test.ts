/**
 * "No text ever leaves the machine" (issue 15, item 1): onnxruntime 1.29+ writes a telemetry store under
 * ~/.cache/Microsoft/DeveloperTools/.onnxruntime when it creates a session and about 10 s later resolves
 * mobile.events.data.microsoft.com, unless ORT_DISABLE_TELEMETRY=1 is in the environment; `CI` set also silences
 * it, which is why these runs unset it. Each case runs a real process with a fake HOME and checks that no
 * `.onnxruntime` folder appears and, under strace, that no socket other than AF_UNIX (the app's own IPC, tsx's
 * pipe) is created or connected. The control loads onnxruntime-node bare, without the switch, and must leave the
 * folder: it shows the check can see telemetry with the installed onnxruntime.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORT_TELEMETRY_OFF } from '../../electron/engine/model/ort-telemetry.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HAS_MODEL = existsSync(join(ROOT, 'models', 'manifest.json'));
if (!HAS_MODEL) console.log('no-telemetry-no-network: skipped, no shipped model (models/manifest.json is absent)');
// strace can be installed yet unable to trace (a container without ptrace rights): try it on `true` first.
const straceProbe = spawnSync('strace', ['-f', '-qq', '-e', 'trace=socket', '-o', '/dev/null', 'true'], { encoding: 'utf8' });
const HAS_STRACE = straceProbe.status === 0;
if (HAS_MODEL && !HAS_STRACE) {
  const why = straceProbe.error ? 'strace is not installed' : `strace cannot trace here (${straceProbe.stderr.trim()})`;
  console.log(`no-telemetry-no-network: ${why}, so the socket checks are skipped and only the .onnxruntime ` +
    'folder is checked (.ci/run installs strace)');
}

/** onnxruntime 1.30 starts its upload about 10 s after the first session (measured); held runs outlast that. */
const HOLD_MS = 15_000;
/** Variables that silence onnxruntime's telemetry or move its folder: unset, so a run sees what a user's would. */
const QUIETING_VARIABLES = ['CI', 'TF_BUILD', 'GITHUB_ACTIONS', 'JENKINS_URL', 'ORT_RUNNING_UNIT_TESTS',
  'XDG_CACHE_HOME', ...Object.keys(ORT_TELEMETRY_OFF)];

interface Case {
  name: string;
  args: string[];
  input: string;
  /** A line the run must print: it did correct text, so the model really was loaded. */
  prints: RegExp;
  /** Only the control: onnxruntime without the switch writes its telemetry store. */
  telemetryExpected: boolean;
}

const BARE_ORT = `const ort = require('onnxruntime-node');
ort.InferenceSession.create('models/encoder.int8.onnx').then((session) => {
  console.log('inputs ' + session.inputNames.join(','));
  setTimeout(() => undefined, ${HOLD_MS});
});`;

const CASES: Case[] = [
  { name: 'ogonek fix --lang lt (the CLI, as a user runs it)', args: ['bin/ogonek.js', 'fix', '--lang', 'lt'],
    input: 'Siandien labai grazus oras.\n', prints: /Šiandien labai gražus oras/, telemetryExpected: false },
  { name: 'the engine (createCorrector) held open past the upload delay',
    args: ['--import', 'tsx', 'test/engine/support/hold-engine.ts', String(HOLD_MS)], input: '',
    prints: /Šiandien labai gražus oras/, telemetryExpected: false },
  { name: 'control: bare onnxruntime-node without the switch', args: ['-e', BARE_ORT], input: '',
    prints: /inputs input_ids/, telemetryExpected: true },
];

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Paths under the fake HOME whose name contains .onnxruntime. */
  telemetryPaths: string[];
  /** strace lines creating or connecting a socket of a family other than AF_UNIX; null without strace. */
  foreignSockets: string[] | null;
}

const scratch: string[] = [];

function quietEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
  for (const name of QUIETING_VARIABLES) delete env[name];
  return env;
}

/** socket(...) and connect(...) lines of an strace log whose address family is not AF_UNIX/AF_LOCAL. */
function foreignSocketLines(log: string): string[] {
  return log.split('\n').filter((line) => {
    const family = /\b(?:socket\(|sa_family=)(AF_[A-Z0-9]+)/.exec(line)?.[1];
    return family !== undefined && family !== 'AF_UNIX' && family !== 'AF_LOCAL';
  });
}

async function run(testCase: Case): Promise<Outcome> {
  const home = mkdtempSync(join(tmpdir(), 'ogonek-telemetry-home-'));
  const traceDir = mkdtempSync(join(tmpdir(), 'ogonek-telemetry-trace-'));
  scratch.push(home, traceDir);
  const trace = join(traceDir, 'strace.log');
  const [command, args] = HAS_STRACE
    ? ['strace', ['-f', '-qq', '-e', 'trace=socket,connect', '-o', trace, process.execPath, ...testCase.args]]
    : [process.execPath, testCase.args];
  const child = spawn(command, args as string[], { cwd: ROOT, env: quietEnv(home), stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(testCase.input);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const telemetryPaths = (readdirSync(home, { recursive: true }) as string[]).filter((p) => p.includes('.onnxruntime'));
  const foreignSockets = HAS_STRACE ? foreignSocketLines(readFileSync(trace, 'utf8')) : null;
  return { code, stdout, stderr, telemetryPaths, foreignSockets };
}

describe.skipIf(!HAS_MODEL)('onnxruntime telemetry is off and nothing opens a network socket', () => {
  const outcomes = new Map<string, Outcome>();

  beforeAll(async () => {
    const results = await Promise.all(CASES.map(run));
    CASES.forEach((c, i) => outcomes.set(c.name, results[i]!));
  });

  afterAll(() => {
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  });

  it.each(CASES)('$name', (testCase) => {
    const outcome = outcomes.get(testCase.name)!;
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stdout).toMatch(testCase.prints);
    if (testCase.telemetryExpected) {
      expect(outcome.telemetryPaths, 'the control wrote no telemetry store: this onnxruntime may have none, ' +
        'and this test can no longer show that the switch matters').not.toEqual([]);
      return;
    }
    expect(outcome.telemetryPaths).toEqual([]);
    if (outcome.foreignSockets !== null) expect(outcome.foreignSockets).toEqual([]);
  });

  it('reads strace lines as input -> foreign socket or not', () => {
    const table: Array<[string, boolean]> = [
      ['4221  socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0) = 19', false],
      ['4221  connect(19, {sa_family=AF_UNIX, sun_path="/tmp/tsx-0/4214.pipe"}, 110) = -1 ENOENT', false],
      ['4740  socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 23', true],
      ['4734  socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = 23', true],
      ['4740  connect(23, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = 0', true],
      ['4893  socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP <unfinished ...>', true],
      ['4893  <... socket resumed>) = 24', false],
    ];
    for (const [line, foreign] of table) expect(foreignSocketLines(line), line).toEqual(foreign ? [line] : []);
  });
});
