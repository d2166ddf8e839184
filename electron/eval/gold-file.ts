/**
 * Reads a gold file (one sentence per line) strictly: a benchmark that is missing, empty or not UTF-8 must
 * stop the evaluation with a message saying which file and why, never score garbage.
 */
import { readFileSync, statSync } from 'node:fs';

/** A problem with an input file that the user can fix; the CLI prints its message without a stack. */
export class EvalInputError extends Error {
  override name = 'EvalInputError';
}

/** One gold sentence and its 0-based line number in the file (the typo seed depends on it). */
export interface GoldLine {
  index: number;
  text: string;
}

function firstInvalidLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}

/** Decodes bytes as strict UTF-8 (a leading BOM is dropped), naming `label` and the line on failure. */
export function decodeUtf8(bytes: Uint8Array, label: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new EvalInputError(`${label} is not valid UTF-8 (first bad line: ${firstInvalidLine(bytes)})`);
  }
}

/**
 * Reads `path` as gold sentences: NFC, `\r\n` or `\n` line ends, blank lines skipped (their numbers are
 * kept), at most `limit` sentences when given.
 */
export function readGoldLines(path: string, limit?: number): GoldLine[] {
  let bytes: Uint8Array;
  try {
    if (statSync(path).isDirectory()) throw new EvalInputError(`${path} is a directory, not a gold file`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof EvalInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(error);
    throw new EvalInputError(`cannot read gold file ${path}: ${why}`);
  }
  const lines: GoldLine[] = [];
  decodeUtf8(bytes, path)
    .split('\n')
    .forEach((raw, index) => {
      const text = raw.replace(/\r$/u, '').trim().normalize('NFC');
      if (text !== '' && (limit === undefined || lines.length < limit)) lines.push({ index, text });
    });
  if (lines.length === 0) {
    throw new EvalInputError(`gold file ${path} is empty: expected sentences, one per line`);
  }
  return lines;
}
