/**
 * `ogonek fix` as a user runs it: bin/ogonek.js in a child process, the shipped model, real pipes (issue 15,
 * items 4-9). Skipped, with the reason printed, while the model is absent.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_DIR } from '../../electron/engine/index.ts';

const BIN = new URL('../../bin/ogonek.js', import.meta.url).pathname;
const HAS_MODEL = existsSync(join(DEFAULT_MODEL_DIR, 'manifest.json'));
if (!HAS_MODEL) console.log(`cli-fix: skipped, no shipped model (${DEFAULT_MODEL_DIR}/manifest.json is absent)`);

const dir = mkdtempSync(join(tmpdir(), 'ogonek-cli-fix-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Runs a bash pipeline around the CLI (`ogonek` is the CLI); reports the CLI's own exit status. */
function pipeline(script: string): { status: number; stdout: string; stderr: string } {
  const prelude = 'ogonek() { "$OGONEK_NODE" "$OGONEK_BIN" "$@"; }';
  const result = spawnSync('bash', ['-c', `${prelude}\n${script}; echo "ogonek-status=\${PIPESTATUS[0]}" >&2`], {
    encoding: 'utf8', timeout: 120_000, env: { ...process.env, OGONEK_NODE: process.execPath, OGONEK_BIN: BIN },
  });
  const match = /ogonek-status=(\d+)\n$/.exec(result.stderr);
  if (!match) throw new Error(`no status from: ${script}\n${result.stderr}`);
  return { status: Number(match[1]), stdout: result.stdout, stderr: result.stderr.slice(0, match.index) };
}

const PARAGRAPHS = Array.from({ length: 60 }, (_, i) =>
  `Siandien labai grazus oras ${i}.\nRytoj bus salta ir lis lietus.`).join('\n\n');

describe.skipIf(!HAS_MODEL)('ogonek fix: a reader that closes early (item 4)', () => {
  const input = file('paragraphs.txt', `${PARAGRAPHS}\n`);

  it.each([
    ['| head -1 (closes after the first line)', '| head -1', 'Šiandien labai gražus oras 0.\n'],
    ['| true (closed before the first write)', '| true', ''],
  ])('%s: exit 0, nothing on stderr', (_name, reader, stdout) => {
    const result = pipeline(`ogonek fix --lang lt < "${input}" ${reader}`);
    expect(result).toEqual({ status: 0, stdout, stderr: '' });
  });

  it('a write error that is not a closed pipe (/dev/full) is reported: exit 1', () => {
    const result = pipeline(`ogonek fix --lang lt < "${input}" > /dev/full`);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^ogonek fix: cannot write the output: ENOSPC/);
  });
});

describe.skipIf(!HAS_MODEL)('ogonek fix: output is streamed paragraph by paragraph (item 5)', () => {
  it('the first paragraph is written back before the last one has been written to stdin', async () => {
    const child = spawn(process.execPath, [BIN, 'fix', '--lang', 'lt'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const seen = (text: string) => new Promise<void>((resolve, reject) => {
      const check = () => {
        if (stdout.includes(text)) resolve();
      };
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        stdout += d;
        check();
      });
      child.on('close', () => reject(new Error(`closed before writing ${JSON.stringify(text)}; got ${JSON.stringify(stdout)}`)));
      check();
    });
    // The second paragraph has begun, so the first is complete; stdin stays open.
    child.stdin.write('Siandien labai grazus oras.\n\nRytoj bus');
    await seen('Šiandien labai gražus oras.\n\n');
    const early = stdout;
    child.stdin.end(' salta.\n');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    expect(early).toBe('Šiandien labai gražus oras.\n\n');
    expect(stdout).toBe('Šiandien labai gražus oras.\n\nRytoj bus šalta.\n');
  }, 120_000);
});
