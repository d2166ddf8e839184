/**
 * `ogonek fix` as a user runs it: bin/ogonek.js in a child process, the shipped model, real pipes (issue 15,
 * items 4-9). Skipped, with the reason printed, while the model is absent.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_DIR } from '../../electron/engine/index.ts';
import { stripDiacritics } from '../../electron/engine/noise/index.ts';
import type { LanguageCode } from '../../electron/shared/types.ts';

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

const INVALID = new URL('../fixtures/invalid-utf8/', import.meta.url).pathname;

describe.skipIf(!HAS_MODEL)('ogonek fix: input that is not UTF-8 (item 7)', () => {
  const cases: Array<[string, number, number]> = [
    ['latin2.txt', 12, 2],
    ['wtf8-surrogate.txt', 22, 1],
    ['truncated.txt', 28, 2],
    ['stray-continuation.txt', 7, 1],
  ];

  it.each(cases)('%s as a file: refused before anything is written, naming byte %i (line %i); exit 2', (name, offset, line) => {
    const path = join(INVALID, name);
    const result = pipeline(`ogonek fix --lang lt "${path}"`);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`ogonek fix: ${path} is not valid UTF-8 at byte offset ${offset} (line ${line}; `);
    expect(result.stderr).toContain('--lossy');
  });

  it.each(cases)('%s on stdin: refused naming byte %i (line %i); exit 2', (name, offset, line) => {
    const result = pipeline(`ogonek fix --lang lt < "${join(INVALID, name)}"`);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`ogonek fix: stdin is not valid UTF-8 at byte offset ${offset} (line ${line}; `);
  });

  it('--lossy: U+FFFD in place of the bad bytes, a warning, exit 0, and the words around corrected as without them', () => {
    const clean = pipeline(`printf 'Siandien labai grazus oras.\\n' | ogonek fix --lang lt`);
    const words = clean.stdout.split(' ');
    expect(words).toHaveLength(4);
    const result = pipeline(`ogonek fix --lang lt --lossy < "${join(INVALID, 'wtf8-surrogate.txt')}"`);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe([...words.slice(0, 3), '\uFFFD\uFFFD\uFFFD', words[3]].join(' '));
    expect(result.stderr).toBe('ogonek fix: warning: stdin: replaced 3 invalid UTF-8 sequences with U+FFFD (--lossy); ' +
      'the first at byte offset 22 (line 1; 0xED 0xA0: an encoded UTF-16 surrogate (a lone surrogate written as ' +
      'CESU-8/WTF-8, e.g. from JSON))\n');
  });
});

const EMOJI = new URL('../fixtures/emoji/thumbs-up.txt', import.meta.url).pathname;

describe.skipIf(!HAS_MODEL)('ogonek fix: -, --json, --jsonl, emoji (item 9)', () => {
  const input = file('two-paragraphs.txt', 'Siandien labai grazus oras.\n\nRytoj bus salta.\n');

  it('- reads stdin: the same output as no file at all, and it can sit between files', () => {
    const plain = pipeline(`ogonek fix --lang lt < "${input}"`);
    expect(plain.status).toBe(0);
    expect(pipeline(`ogonek fix --lang lt - < "${input}"`)).toEqual(plain);
    expect(pipeline(`ogonek fix --lang lt "${input}" - < "${input}"`).stdout).toBe(plain.stdout + plain.stdout);
  });

  it.each([
    ['one file', (json: string) => `ogonek fix --lang lt ${json} "${input}"`, [input, input]],
    ['stdin', (json: string) => `ogonek fix --lang lt ${json} < "${input}"`, [null, null]],
    ['stdin as -, then a file', (json: string) => `ogonek fix --lang lt ${json} - "${input}" < "${input}"`,
      [null, null, input, input]],
  ])('--json is always an array of paragraph objects (%s); --jsonl gives the same objects one per line',
    (_name, command, files) => {
      const json = pipeline(command('--json'));
      const lines = pipeline(command('--jsonl'));
      expect([json.status, lines.status]).toEqual([0, 0]);
      const array = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
      expect(Array.isArray(array)).toBe(true);
      expect(array.map((r) => r.file)).toEqual(files);
      expect(array.map((r) => Object.keys(r))).toEqual(files.map(() =>
        ['file', 'paragraph', 'start', 'end', 'language', 'languages', 'text', 'suggestions']));
      expect(lines.stdout.endsWith('\n')).toBe(true);
      expect(lines.stdout.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual(array);
    });

  it('--json on empty input is an empty array; --json with --jsonl is a usage error', () => {
    expect(pipeline('ogonek fix --json < /dev/null')).toEqual({ status: 0, stdout: '[]\n', stderr: '' });
    expect(pipeline('ogonek fix --json --jsonl < /dev/null').status).toBe(2);
  });

  it.each(['lexicon', 'speculative'])('👍 and 🙂 before a word: each line corrected as without its emoji, the emoji kept (%s decoding)',
    (decoding) => {
      const lines = readFileSync(EMOJI, 'utf8').split('\n').slice(0, -1);
      const emoji = /[\p{Extended_Pictographic}\p{Emoji_Modifier}]+ ?/u;
      const clean = file(`emoji-clean-${decoding}.txt`, `${lines.map((l) => l.replace(emoji, '')).join('\n')}\n`);
      const expected = pipeline(`ogonek fix --lang lt --decoding ${decoding} "${clean}"`).stdout.split('\n');
      const got = pipeline(`ogonek fix --lang lt --decoding ${decoding} "${EMOJI}"`);
      expect(got.status).toBe(0);
      expect(got.stdout.split('\n').slice(0, -1)).toEqual(lines.map((line, i) => {
        const m = emoji.exec(line)!;
        const fixed = expected[i]!;
        return line.slice(0, m.index) + m[0] + fixed.slice(m.index);
      }));
    });
});

describe.skipIf(!HAS_MODEL)('ogonek fix --lang auto: a language per paragraph and per sentence (item 8)', () => {
  // The first UD sentence of 60-120 characters of each language, diacritics stripped as users type.
  const ud = (lang: LanguageCode) => stripDiacritics(readFileSync(new URL(`../../../shared/benchmarks/ud/${lang}.txt`,
    import.meta.url), 'utf8').split('\n').find((l) => l.length >= 60 && l.length <= 120)!, lang);
  const langs = ['lt', 'cs', 'tr'] as const;
  const lines = langs.map(ud);

  it('paragraphs in Lithuanian, Czech and Turkish: each record has its own language', () => {
    const input = file('three-languages.txt', `${lines.join('\n\n')}\n`);
    const result = pipeline(`ogonek fix --json "${input}"`);
    expect(result.status).toBe(0);
    const records = JSON.parse(result.stdout) as Array<{ language: string; languages: Array<{ language: string }> }>;
    expect(records.map((r) => [r.language, r.languages.map((l) => l.language)])).toEqual([
      ['lt', ['lt']], ['cs', ['cs']], ['tr', ['tr']]]);
  });

  it('a short paragraph keeps the language of the paragraphs before it: a Czech signature is no Slovenian', () => {
    // Alone, "S pozdravem / Jiri Dvorak" reads as Slovenian to the n-grams ("Jiri" had become "Viri").
    const input = file('signature.txt', 'Dobry den,\n\nposilam vam slibene podklady k projektu. Pokud budete mit '
      + 'nejake dotazy, nevahejte me kontaktovat.\n\nS pozdravem\nJiri Dvorak\n');
    const result = pipeline(`ogonek fix --json "${input}"`);
    expect(result.status).toBe(0);
    const records = JSON.parse(result.stdout) as Array<{ language: string; text: string }>;
    expect(records.map((r) => r.language)).toEqual(['cs', 'cs', 'cs']);
    expect(records[2]!.text).toBe('S pozdravem\nJiří Dvorak\n');
  });

  it('lines in Lithuanian, Czech and Turkish in one paragraph: the record lists all three, each line corrected as on its own', () => {
    const input = file('three-lines.txt', `${lines.join('\n')}\n`);
    const result = pipeline(`ogonek fix --json "${input}"`);
    expect(result.status).toBe(0);
    const [record, more] = JSON.parse(result.stdout) as Array<{ languages: Array<{ language: string }>; text: string }>;
    expect(more).toBeUndefined();
    expect(record!.languages.map((l) => l.language)).toEqual(['lt', 'cs', 'tr']);
    const alone = langs.map((lang, i) => pipeline(`ogonek fix --lang ${lang} "${file(`alone-${lang}.txt`, `${lines[i]}\n`)}"`).stdout);
    expect(record!.text).toBe(alone.join(''));
  });
});

describe.skipIf(!HAS_MODEL)('ogonek fix: a name the text before a piece repeats', () => {
  it('is a name in a later piece too (as far as LOOK_BACK reaches), not in one read before its second mention', () => {
    // Pieces are corrected as they are read: the first mention cannot know of the second, the second knows the first.
    const filler = Array.from({ length: 100 }, (_, i) => `Redak broj ${i + 1} govori o necemu drugom nego prije.`);
    const input = file('names.txt', ['Predsjednik Kosova Fatmir Sejdiu izjavio je da je zadovoljan.', ...filler,
      'Sejdiu je rekao da je to vazno.', ''].join('\n'));
    const result = pipeline(`ogonek fix --lang hr --json "${input}"`);
    expect(result.status).toBe(0);
    const records = JSON.parse(result.stdout) as Array<{ text: string }>;
    expect(records.length).toBeGreaterThan(1);
    const lines = records.map((r) => r.text).join('').split('\n');
    expect([lines[0], lines.at(-2)]).toEqual(['Predsjednik Kosova Fatmir Sjedi izjavio je da je zadovoljan.',
      'Sejdiu je rekao da je to važno.']);
  });
});
