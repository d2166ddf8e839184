import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AutomatonBuilder } from '../../../electron/engine/lexicon/word-automaton.ts';
import { createSystem } from '../../../electron/eval/systems/index.ts';
import { tempDirs } from '../../support/temp-dirs.ts';

const BIN = new URL('../../../bin/ogonek.js', import.meta.url).pathname;
const tempDir = tempDirs();
const dir = tempDir('ogonek-eval-cli-');

function ogonek(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Writes `forms` as <dir>/<lang>.lex.br (compile_automaton.ts's format); the test forms sort alike in UTF-16. */
function writeLexicon(dir: string, lang: string, forms: [string, number][]): void {
  const builder = new AutomatonBuilder();
  for (const [form, count] of [...forms].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) builder.add(form, count);
  writeFileSync(join(dir, `${lang}.lex.br`), brotliCompressSync(builder.finish()));
}

const EVAL = ['eval', '--system', 'keep', '--lang', 'lt', '--task', 'diacritics'];

describe('ogonek eval: bad input files give a clear error and a non-zero exit', () => {
  it.each([
    ['a missing file', join(dir, 'nope.txt'), /cannot read gold file .*nope\.txt: no such file/],
    ['an empty file', file('empty.txt', ''), /empty\.txt is empty/],
    ['a file of blank lines', file('blank.txt', '\n  \n\r\n'), /blank\.txt is empty/],
    [
      'invalid UTF-8',
      file('latin1.txt', Buffer.from([0x6f, 0x6b, 0x0a, 0x67, 0x72, 0xe0, 0x0a])),
      /latin1\.txt is not valid UTF-8 \(first bad line: 2\)/,
    ],
    ['a directory', dir, /is a directory/],
  ])('%s', (_name, path, message) => {
    const result = ogonek(...EVAL, path);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /u); // a message, not a stack trace
    expect(result.stdout).toBe('');
  });
});

describe('ogonek eval: usage errors exit with 2', () => {
  const gold = file('gold-usage.txt', 'Labai gražus oras.\n');
  it.each([
    ['no system', ['eval', '--lang', 'lt', '--task', 'diacritics', gold], /--system must be one of/],
    ['unknown system', ['eval', '--system', 'magic', '--lang', 'lt', '--task', 'clean', gold], /--system/],
    ['unknown language', ['eval', '--system', 'keep', '--lang', 'xx', '--task', 'clean', gold], /--lang/],
    ['unknown task', ['eval', '--system', 'keep', '--lang', 'lt', '--task', 'poetry', gold], /--task/],
    ['bad p', [...EVAL.slice(0, -1), 'typos', '--p', '2', gold], /invalid --p: 2/],
    ['bad limit', [...EVAL, '--limit', '0', gold], /invalid --limit: 0/],
    ['no file', EVAL, /exactly one gold FILE/],
    ['unknown option', [...EVAL, '--fast', gold], /Unknown option '--fast'/],
  ])('%s', (_name, args, message) => {
    const result = ogonek(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('ogonek eval: results', () => {
  const gold = file('gold.txt', 'Šiandien labai gražus oras.\n\nAš einu namo, 1984 m.\n');

  it('--json prints one object with the documented keys (keep on the diacritics task)', () => {
    const result = ogonek(...EVAL, '--json', gold);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    // Gold alpha words: Šiandien labai gražus oras. Aš einu namo, m. -> 8, of which 3 carry diacritics.
    expect(json).toMatchObject({
      alpha_word_accuracy: 62.5,
      diacritic_word_accuracy: 0,
      damage_rate: 0,
      sentences: 2,
      words: 8,
      diacritic_words: 3,
      system: 'keep',
      lang: 'lt',
      task: 'diacritics',
    });
    expect(json.sentences_per_second).toEqual(expect.any(Number));
  });

  it('scores the unigram system with a lexicon from --lexicon-dir', () => {
    const lexicons = tempDir('ogonek-lexicon-');
    writeLexicon(lexicons, 'lt', [
      ['šiandien', 3],
      ['gražus', 2],
      ['aš', 9],
      ['as', 1],
    ]);
    const result = ogonek(
      'eval',
      '--system',
      'unigram',
      '--lang',
      'lt',
      '--task',
      'diacritics',
      '--lexicon-dir',
      lexicons,
      '--json',
      gold,
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ alpha_word_accuracy: 100, damage_rate: 0 });
  });

  it('clean text through keep is perfect; --limit takes the first sentences', () => {
    const result = ogonek(
      'eval',
      '--system',
      'keep',
      '--lang',
      'lt',
      '--task',
      'clean',
      '--limit',
      '1',
      '--json',
      gold,
    );
    expect(JSON.parse(result.stdout)).toMatchObject({ alpha_word_accuracy: 100, sentences: 1, words: 4 });
  });

  it('typos task: the same seed gives the same input, so the same score', () => {
    const long = file('long.txt', `${'Šiandien labai gražus oras, o rytoj lis lietus. '.repeat(20)}\n`.repeat(5));
    const args = ['eval', '--system', 'keep', '--lang', 'lt', '--task', 'typos', '--p', '0.05', '--json'];
    const first = JSON.parse(ogonek(...args, '--seed', '7', long).stdout) as { alpha_word_accuracy: number; p: number };
    const again = JSON.parse(ogonek(...args, '--seed', '7', long).stdout) as { alpha_word_accuracy: number };
    const clean = JSON.parse(
      ogonek('eval', '--system', 'keep', '--lang', 'lt', '--task', 'diacritics', '--json', long).stdout,
    ) as { alpha_word_accuracy: number };
    expect(first.alpha_word_accuracy).toBe(again.alpha_word_accuracy);
    expect(first.p).toBe(0.05);
    expect(first.alpha_word_accuracy).toBeLessThan(clean.alpha_word_accuracy);
  });

  it('the human-readable report names the measures', () => {
    const result = ogonek(...EVAL, gold);
    expect(result.stdout).toMatch(/alpha-word accuracy\s+62\.50 %/u);
    expect(result.stdout).toMatch(/damage rate/u);
  });
});

describe('ogonek eval --system model', () => {
  const gold = file('gold-model.txt', 'Šiandien labai gražus oras.\nAš einu namo.\n');
  const model = ['eval', '--system', 'model', '--lang', 'lt', '--task', 'diacritics', '--json'];

  it('runs the engine on the random-weight fixture model and scores every sentence', () => {
    const tiny = new URL('../../fixtures/tiny-model', import.meta.url).pathname;
    const result = ogonek(...model, '--model-dir', tiny, gold);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ system: 'model', sentences: 2, words: 7 });
  });

  it('says so when the model folder has no manifest', () => {
    const result = ogonek(...model, '--model-dir', dir, gold);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/the model system needs a model: .*manifest\.json does not exist/u);
  });
});

describe('ogonek eval --system product: exactly what ogonek fix does by default', () => {
  const tiny = new URL('../../fixtures/tiny-model', import.meta.url).pathname;
  const gold = file('gold-product.txt', 'Šiandien labai gražus oras.\nAš einu namo.\n');
  const input = 'Siandien labai grazus oras.\nAs einu namo.\n';
  /** The random-weight fixture model with a tiny lt lexicon where `ogonek fix --model` looks: <model>/lexicon. */
  const modelDir = (() => {
    const folder = tempDir('ogonek-product-');
    for (const name of ['manifest.json', 'encoder.onnx', 'decoder.onnx'])
      copyFileSync(join(tiny, name), join(folder, name));
    mkdirSync(join(folder, 'lexicon'));
    writeLexicon(join(folder, 'lexicon'), 'lt', [
      ['šiandien', 3],
      ['siandien', 1],
      ['gražus', 2],
      ['grazus', 2],
      ['aš', 9],
    ]);
    return folder;
  })();

  it('writes what `ogonek fix --lang lt --model DIR` writes, sentence for sentence', async () => {
    const fixed = spawnSync(process.execPath, [BIN, 'fix', '--lang', 'lt', '--model', modelDir], {
      input,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(fixed.status).toBe(0);
    const product = await createSystem('product', { lang: 'lt', modelDir });
    try {
      const outputs = await product.correct(input.trimEnd().split('\n'));
      expect(`${outputs.join('\n')}\n`).toBe(fixed.stdout);
    } finally {
      await product.dispose();
    }
  });

  it.each([['product'], ['model-lexicon']])('--system %s scores the product (model-lexicon: its old name)', (name) => {
    const result = ogonek(
      'eval',
      '--system',
      name,
      '--lang',
      'lt',
      '--task',
      'diacritics',
      '--json',
      '--model-dir',
      modelDir,
      gold,
    );
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ system: 'product', sentences: 2, words: 7 });
  });

  it("a lexicon folder without the language's lexicon: exit 1 and the engine's message naming the file", () => {
    const bare = tempDir('ogonek-product-');
    for (const name of ['manifest.json', 'encoder.onnx', 'decoder.onnx'])
      copyFileSync(join(tiny, name), join(bare, name));
    mkdirSync(join(bare, 'lexicon')); // a model folder with no lexicon folder at all decodes freely (the engine's rule)
    const result = ogonek(
      'eval',
      '--system',
      'product',
      '--lang',
      'lt',
      '--task',
      'diacritics',
      '--model-dir',
      bare,
      gold,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/The lt lexicon .*lexicon\/lt\.lex\.br is missing/u);
    expect(result.stderr).not.toMatch(/\n\s+at /u);
  });
});

describe('ogonek dispatcher', () => {
  it('lists the commands with --help and rejects unknown ones', () => {
    expect(ogonek('--help')).toMatchObject({ status: 0, stdout: expect.stringMatching(/eval-report/) });
    expect(ogonek('frobnicate')).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/unknown command 'frobnicate'/),
    });
  });
});
