/**
 * Sections of bench/REPORT.md that a benchmark owns: between `<!-- NAME: begin ... -->` and `<!-- NAME: end -->`,
 * rewritten by that benchmark alone and kept by the others (bench/engine-report.ts withOwnedSections).
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** `old` with the section NAME replaced by `body` where it stands (appended when it is not there yet). */
export function replaceSection(old: string, name: string, body: string): string {
  const begin = `<!-- ${name}: begin (bench/${name}.ts rewrites this section) -->`;
  const end = `<!-- ${name}: end -->`;
  const section = `${begin}\n\n${body.trim()}\n\n${end}`;
  const at = old.indexOf(`<!-- ${name}: begin`);
  const endAt = at < 0 ? -1 : old.indexOf(end, at);
  if (endAt < 0) return `${old.trimEnd()}${old.trim() ? '\n\n' : ''}${section}\n`;
  return old.slice(0, at) + section + old.slice(endAt + end.length);
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
