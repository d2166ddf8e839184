/**
 * Sections of bench/REPORT.md that a benchmark owns: between `<!-- NAME: begin ... -->` and `<!-- NAME: end -->`,
 * rewritten by that benchmark alone and kept by the others (bench/engine-report.ts withOwnedSections).
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** `old` with the section NAME replaced by `body` (appended when it is not there yet). */
export function replaceSection(old: string, name: string, body: string): string {
  const begin = `<!-- ${name}: begin (bench/${name}.ts rewrites this section) -->`;
  const end = `<!-- ${name}: end -->`;
  const at = old.indexOf(`<!-- ${name}: begin`);
  const endAt = old.indexOf(end);
  const kept = at < 0 || endAt < 0 ? old.trimEnd() : (old.slice(0, at) + old.slice(endAt + end.length)).trimEnd();
  return `${kept}\n\n${begin}\n\n${body.trim()}\n\n${end}\n`;
}

/** Rewrites the section NAME of the report file at `path`. */
export function writeSection(path: string, name: string, body: string): void {
  let old = '';
  try {
    old = readFileSync(path, 'utf8');
  } catch {
    // a missing report starts empty
  }
  writeFileSync(path, replaceSection(old, name, body));
}
