/**
 * `ogonek fix [--lang XX|auto] [--json] [--model DIR] [FILE...]`: corrects text from stdin (or files) and
 * prints the corrected text, or with --json the suggestions.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { LANGUAGES, type LanguageChoice } from '../shared/types.ts';
import { createCorrector, DECODINGS, type Decoding } from '../engine/index.ts';
import { OutputSink } from './output-sink.ts';

const HELP = `Usage: ogonek fix [--lang XX|auto] [--json] [--model DIR] [FILE...]

Restores diacritics and fixes typos. Reads FILEs (or stdin) and prints the corrected text.
  --lang XX|auto   language (${LANGUAGES.join(' ')}) or auto (default)
  --json           print {file, language, text, suggestions} as JSON instead of the text
  --model DIR      model folder (default: the bundled models/)
  --provider NAME  execution providers to try, comma-separated (default: the platform's accelerator, then cpu)
  --decoding NAME  ${DECODINGS.join(' | ')}: lexicon (default) makes the model choose among the dictionary
                   forms of each word; speculative and greedy let it write freely (the same output)`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs the fix command; returns the exit code. */
export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: {
      lang: { type: 'string', default: 'auto' }, json: { type: 'boolean', default: false },
      model: { type: 'string' }, provider: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      decoding: { type: 'string' },
    } });
  } catch (error) {
    console.error(`ogonek fix: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const language = values.lang as LanguageChoice;
  if (language !== 'auto' && !(LANGUAGES as readonly string[]).includes(language)) {
    console.error(`ogonek fix: unknown language '${language}' (expected one of ${LANGUAGES.join(', ')} or auto)`);
    return 2;
  }
  const inputs: Array<{ file: string | null; text: string }> = [];
  try {
    if (positionals.length === 0) inputs.push({ file: null, text: await readStdin() });
    for (const file of positionals) inputs.push({ file, text: await readFile(file, 'utf8') });
  } catch (error) {
    console.error(`ogonek fix: ${(error as Error).message}`);
    return 1;
  }
  if (values.decoding !== undefined && !(DECODINGS as readonly string[]).includes(values.decoding)) {
    console.error(`ogonek fix: unknown decoding '${values.decoding}' (expected one of ${DECODINGS.join(', ')})`);
    return 2;
  }
  const providers = values.provider?.split(',').map((p) => p.trim()) as never;
  const out = new OutputSink(process.stdout);
  // A named language's lexicons load while the worker loads the model (most of a cold start).
  const corrector = await createCorrector({ modelDir: values.model, providers,
    decoding: values.decoding as Decoding | undefined, languages: language === 'auto' ? [] : [language] });
  // A reader that went away (`| head -1`) stops the engine mid-text: nothing more can be written.
  const stop = () => void corrector.dispose();
  out.signal.addEventListener('abort', stop, { once: true });
  try {
    const results = [];
    for (const { file, text } of inputs) {
      const result = await corrector.correct(text, { language });
      if (values.json) results.push({ file, language: result.language, text: result.text, suggestions: result.suggestions });
      else if (!(await out.write(result.text))) break;
    }
    if (values.json) await out.write(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
    await out.finish();
  } catch (error) {
    if (!out.signal.aborted) throw error; // the engine stopped because the output went away: not an error
  } finally {
    out.signal.removeEventListener('abort', stop);
    await corrector.dispose();
  }
  return outputStatus(out);
}

/** Exit status once the output is done: 0, also when the reader closed early (as `cat` under SIGPIPE). */
function outputStatus(out: OutputSink): number {
  if (out.failure) {
    console.error(`ogonek fix: cannot write the output: ${out.failure.message}`);
    return 1;
  }
  return 0;
}
