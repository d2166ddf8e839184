/**
 * `ogonek eval`: scores one system on one gold file (DESIGN.md section 5).
 *   ogonek eval --system unigram --lang lt --task diacritics --json ../shared/benchmarks/ud/lt.txt
 */
import { parseArgs } from 'node:util';
import { LANGUAGES, type LanguageCode } from '../shared/types.ts';
import { EvalInputError, readGoldLines } from '../eval/gold-file.ts';
import { evaluate, type EvalResult } from '../eval/run-eval.ts';
import { createSystem, resolveSystemName, SYSTEMS } from '../eval/systems/index.ts';
import { DEFAULT_NOISE, isTask, TASKS } from '../eval/tasks.ts';

const USAGE = `Usage: ogonek eval --system ${SYSTEMS.join('|')} --lang XX --task ${TASKS.join('|')}
                   [--p 0.02] [--seed 1] [--limit N] [--json] FILE

FILE holds gold sentences, one per line (UTF-8). The input is made from the gold:
  diacritics  stripDiacritics(gold)
  typos       addTypos(stripDiacritics(gold), p, seed + line number)
  clean       the gold itself
The product system is exactly what \`ogonek fix --lang XX\` does by default (model-lexicon: its old name).
Options: --lexicon-dir DIR (complete lexicons <lang>.lex.br, default <model-dir>/lexicon), --model-dir DIR
(model), --threads N (model).`;

/** Bad command-line usage: exit code 2 and the usage text. */
class UsageError extends Error {}

function parseNumber(name: string, value: string | undefined, check: (n: number) => boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || !check(n)) throw new UsageError(`invalid --${name}: ${value}`);
  return n;
}

function format(value: number | null, digits = 2): string {
  return value === null ? 'n/a' : value.toFixed(digits);
}

function describe(result: EvalResult): string {
  return [
    `system ${result.system}, lang ${result.lang}, task ${result.task}` +
      (result.p === undefined ? '' : ` (p ${result.p}, seed ${result.seed})`),
    `alpha-word accuracy      ${format(result.alpha_word_accuracy)} %  (input as is: ${format(result.input_alpha_word_accuracy)} %)`,
    `diacritic-word accuracy  ${format(result.diacritic_word_accuracy)} %  (${result.diacritic_words} words)`,
    `damage rate              ${format(result.damage_rate)} %  (${result.damaged_words} of ${result.correct_input_words} correct input words)`,
    `sentences ${result.sentences}, alpha words ${result.words}, ${format(result.sentences_per_second, 1)} sentences/s`,
  ].join('\n');
}

/** Runs the command; returns the exit code (2: usage, 1: bad input or failure). */
export async function run(args: string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        system: { type: 'string' },
        lang: { type: 'string' },
        task: { type: 'string' },
        p: { type: 'string' },
        seed: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        'lexicon-dir': { type: 'string' },
        'model-dir': { type: 'string' },
        threads: { type: 'string' },
      },
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const { lang, task } = values;
    const system = resolveSystemName(values.system ?? '');
    if (!system) throw new UsageError(`--system must be one of ${SYSTEMS.join(', ')}`);
    if (!lang || !(LANGUAGES as readonly string[]).includes(lang)) {
      throw new UsageError(`--lang must be one of ${LANGUAGES.join(' ')}`);
    }
    if (!task || !isTask(task)) throw new UsageError(`--task must be one of ${TASKS.join(', ')}`);
    if (positionals.length !== 1) throw new UsageError('expected exactly one gold FILE');
    const p = parseNumber('p', values.p, (n) => n >= 0 && n <= 1) ?? DEFAULT_NOISE.p;
    const seed = parseNumber('seed', values.seed, Number.isSafeInteger) ?? DEFAULT_NOISE.seed;
    const limit = parseNumber('limit', values.limit, (n) => Number.isSafeInteger(n) && n > 0);
    const threads = parseNumber('threads', values.threads, (n) => Number.isSafeInteger(n) && n > 0);

    const lines = readGoldLines(positionals[0]!, limit);
    const loaded = await createSystem(system, {
      lang: lang as LanguageCode,
      ...(values['lexicon-dir'] ? { lexiconDir: values['lexicon-dir'] } : {}),
      ...(values['model-dir'] ? { modelDir: values['model-dir'] } : {}),
      ...(threads === undefined ? {} : { threads }),
    });
    try {
      const { result } = await evaluate(loaded, lines, { lang: lang as LanguageCode, task, noise: { p, seed } });
      console.log(values.json ? JSON.stringify({ ...result, file: positionals[0] }) : describe(result));
    } finally {
      await loaded.dispose();
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`ogonek eval: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof EvalInputError) {
      console.error(`ogonek eval: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
