/**
 * The inputs of `ogonek fix` as streams of text: stdin or files, read chunk by chunk (64 KiB) and decoded as
 * UTF-8 on the way, so no input is ever held whole in memory. Input that is not UTF-8 is refused with the
 * byte offset of the first bad sequence (exit 2), unless --lossy asks for U+FFFD in its place and a warning.
 * Files are checked before anything is written; stdin can only be checked as it arrives, so what came
 * before the bad byte may already be out.
 */
import { createReadStream } from 'node:fs';
import { describeBytes, Utf8Checker, type Utf8Problem } from './utf8-check.ts';

/** Input the command refuses (exit 2): the message says where and why. */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
}

/** How to read: strictly, or replacing bad bytes and warning. */
export interface InputOptions {
  lossy: boolean;
  /** Receives the --lossy warning of each input that needed replacements. */
  warn(message: string): void;
}

const label = (path: string | null) => path ?? 'stdin';

const where = (p: Utf8Problem) => `byte offset ${p.offset} (line ${p.line}; ${describeBytes(p.bytes)})`;

function invalid(path: string | null, problem: Utf8Problem, after: string): InvalidInputError {
  return new InvalidInputError(`${label(path)} is not valid UTF-8 at ${where(problem)}${after}. ` +
    'Convert it to UTF-8 (e.g. iconv -f LATIN2 -t UTF-8), or pass --lossy to replace invalid bytes with U+FFFD.');
}

/** Throws InvalidInputError when the file is not UTF-8 (read through once, in chunks). */
export async function checkFile(path: string): Promise<void> {
  const checker = new Utf8Checker();
  for await (const chunk of createReadStream(path)) {
    const [problem] = checker.push(chunk as Buffer);
    if (problem) throw invalid(path, problem, '');
  }
  const [problem] = checker.end();
  if (problem) throw invalid(path, problem, '');
}

/** Text chunks of a file, or of stdin when `path` is null. */
export async function* textChunks(path: string | null, options: InputOptions): AsyncGenerator<string> {
  const stream = path === null ? process.stdin : createReadStream(path);
  // ignoreBOM keeps a byte-order mark in the text, so the output starts with it as the input did.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const checker = new Utf8Checker();
  let replaced = 0;
  let first: Utf8Problem | undefined;
  const check = (problems: Utf8Problem[]) => {
    if (problems.length === 0) return;
    if (!options.lossy) throw invalid(path, problems[0]!, path === null ? '; nothing from there on was corrected' : '');
    replaced += problems.length;
    first ??= problems[0];
  };
  for await (const chunk of stream) {
    check(checker.push(chunk as Buffer));
    const text = decoder.decode(chunk as Buffer, { stream: true });
    if (text.length > 0) yield text;
  }
  check(checker.end());
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
  if (first) {
    options.warn(`${label(path)}: replaced ${replaced} invalid UTF-8 sequence${replaced === 1 ? '' : 's'} with ` +
      `U+FFFD (--lossy); the first at ${where(first)}`);
  }
}
