/**
 * Builds electron/engine/decoding/draft-letters.json: for each language, the letters with diacritics of each base
 * letter, most frequent first in data/corpus/<lang>.train.txt. Speculative decoding uses it to guess the
 * rest of a character the model has started (ż rather than ź after 0xC5 in Polish); only speed depends on it.
 * Usage: npx tsx bench/draft-letters.ts
 */
import { openSync, readSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stripMap } from '../electron/engine/noise/index.ts';
import { LANGUAGES } from '../electron/shared/types.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const out: Record<string, Record<string, string[]>> = {};
for (const lang of LANGUAGES) {
  const buffer = Buffer.alloc(4 << 20);
  const fd = openSync(`${root}data/corpus/${lang}.train.txt`, 'r');
  const text = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  const byBase: Record<string, Array<[string, number]>> = {};
  for (const [letter, base] of stripMap(lang)) {
    if (letter.length !== 1 && [...letter].length !== 1) continue;
    (byBase[base] ??= []).push([letter, counts.get(letter) ?? 0]);
  }
  out[lang] = Object.fromEntries(Object.entries(byBase).map(([base, list]) =>
    [base, list.sort((a, b) => b[1] - a[1]).filter(([, n]) => n > 0).map(([l]) => l)] as [string, string[]]).filter(([, l]) => l.length > 0));
}
writeFileSync(`${root}electron/engine/decoding/draft-letters.json`, `${JSON.stringify(out)}\n`);
console.error('wrote electron/engine/decoding/draft-letters.json');
