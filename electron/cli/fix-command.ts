/**
 * `ogonek fix [--lang XX|auto] [--json|--jsonl] [--model DIR] [FILE...]`: corrects text from stdin (or files) and
 * prints the corrected text, or with --json the corrections. Output is streamed piece by piece (a paragraph,
 * or 4 KiB of a longer one), so the first paragraph appears while the rest is still read and corrected.
 */
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { LANGUAGES, type LanguageChoice } from '../shared/types.ts';
import { createCorrector, DECODINGS, type Decoding } from '../engine/index.ts';
import { engineChoice, ENGINE_CHOICE_HELP, verboseLines } from './engine-choice.ts';
import { checkFile, InvalidInputError, textChunks } from './fix-input.ts';
import { correctPieces, type ParagraphResult } from './fix-stream.ts';
import { OutputSink } from './output-sink.ts';

const HELP = `Usage: ogonek fix [--lang XX|auto] [--json|--jsonl] [--lossy] [--model DIR] [--provider LIST] [--verbose] [FILE...]

Restores diacritics and fixes typos. Reads FILEs (or stdin; - is stdin too) and prints the corrected text,
paragraph by paragraph as it goes.
  --lang XX|auto   language (${LANGUAGES.join(' ')}) or auto (default: detected per paragraph, and per
                   sentence where a paragraph mixes languages)
  --json           print a JSON array with one object per paragraph instead of the text, always an array:
                   {file, paragraph, start, end, language, languages, text, suggestions}; file is null for
                   stdin; language is the paragraph's (detected with auto), languages [{span, language}] its
                   parts' (a sentence may differ); offsets are UTF-16 code units of the whole input;
                   paragraphs over 4 KiB come in pieces
  --jsonl          the same objects, one per line (JSON Lines)
  --lossy          input that is not valid UTF-8 is refused (exit 2, with the byte offset) unless this is
                   given: then invalid bytes become U+FFFD, with a warning on stderr
  --model DIR      model folder (default: the bundled models/)
${ENGINE_CHOICE_HELP}
  --verbose        print the model, the execution provider and why each provider was or was not used (stderr)
  --decoding NAME  ${DECODINGS.join(' | ')}: lexicon (default) makes the model choose among the dictionary
                   forms of each word; speculative lets it write freely`;

/** Why a file cannot be read, before anything is written; null when it can. */
async function unreadable(file: string): Promise<string | null> {
  try {
    if ((await stat(file)).isDirectory()) return `${file} is a directory`;
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** How results are written: the corrected text, or JSON records as they come. */
interface ResultWriter {
  record(result: ParagraphResult): Promise<boolean>;
  end(): Promise<boolean>;
}

/** The corrected text, piece after piece: joined, they are the input corrected. */
const textWriter = (out: OutputSink): ResultWriter => ({
  record: (result) => out.write(result.text),
  end: async () => true,
});

/** --json: one array, written as it grows ('[', one object per line, ']'); `[]` for no input. */
function jsonArrayWriter(out: OutputSink): ResultWriter {
  let count = 0;
  return {
    record: (result) => out.write(`${count++ === 0 ? '[\n' : ',\n'}${JSON.stringify(result)}`),
    end: () => out.write(count === 0 ? '[]\n' : '\n]\n'),
  };
}

/** --jsonl: the same objects, one per line. */
const jsonLinesWriter = (out: OutputSink): ResultWriter => ({
  record: (result) => out.write(`${JSON.stringify(result)}\n`),
  end: async () => true,
});

/** Runs the fix command; returns the exit code. */
export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: {
      lang: { type: 'string', default: 'auto' }, json: { type: 'boolean', default: false },
      jsonl: { type: 'boolean', default: false },
      model: { type: 'string' }, provider: { type: 'string' }, encoder: { type: 'string' },
      verbose: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' },
      decoding: { type: 'string' }, lossy: { type: 'boolean', default: false },
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
  if (values.json && values.jsonl) {
    console.error('ogonek fix: --json and --jsonl exclude each other');
    return 2;
  }
  if (values.decoding !== undefined && !(DECODINGS as readonly string[]).includes(values.decoding)) {
    console.error(`ogonek fix: unknown decoding '${values.decoding}' (expected one of ${DECODINGS.join(', ')})`);
    return 2;
  }
  // '-' is stdin, as for cat; it is read once, however often it is named.
  const files: Array<string | null> = positionals.length === 0 ? [null] : positionals.map((p) => (p === '-' ? null : p));
  const named = files.filter((f): f is string => f !== null);
  for (const file of named) {
    const why = await unreadable(file);
    if (why !== null) {
      console.error(`ogonek fix: ${why}`);
      return 1;
    }
  }
  try {
    // Files are refused before anything is written; stdin can only be checked as it streams in.
    if (!values.lossy) for (const file of named) await checkFile(file);
  } catch (error) {
    console.error(`ogonek fix: ${(error as Error).message}`);
    return error instanceof InvalidInputError ? 2 : 1;
  }
  const choice = engineChoice(values);
  if (typeof choice === 'string') {
    console.error(`ogonek fix: ${choice}`);
    return 2;
  }
  const out = new OutputSink(process.stdout);
  // A named language's lexicons load while the worker loads the model (most of a cold start).
  const corrector = await createCorrector({ modelDir: values.model, ...choice,
    decoding: values.decoding as Decoding | undefined, languages: language === 'auto' ? [] : [language] });
  if (values.verbose && corrector.info) for (const line of verboseLines(corrector.info)) console.error(`ogonek fix: ${line}`);
  // A reader that went away (`| head -1`) stops the engine mid-text: nothing more can be written.
  const stop = () => void corrector.dispose();
  out.signal.addEventListener('abort', stop, { once: true });
  const writer = values.json ? jsonArrayWriter(out) : values.jsonl ? jsonLinesWriter(out) : textWriter(out);
  const input = { lossy: values.lossy, warn: (message: string) => console.error(`ogonek fix: warning: ${message}`) };
  try {
    files: for (const file of files) {
      for await (const result of correctPieces(corrector, textChunks(file, input), { file, language })) {
        if (!(await writer.record(result))) break files;
      }
    }
    await writer.end();
    await out.finish();
  } catch (error) {
    if (!out.signal.aborted) {
      console.error(`ogonek fix: ${(error as Error).message}`);
      return error instanceof InvalidInputError ? 2 : 1;
    }
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
