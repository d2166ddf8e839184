/**
 * The committed candidate lexicons (models/lexicon/<lang>.forms.tsv.br, written by Python): every line must
 * parse in TypeScript to one key (its forms strip to the same letters with the TypeScript stripDiacritics),
 * forms sorted by count, and well-known words must be there.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formsLexiconPath, parseFormsLexicon } from '../../electron/engine/forms-lexicon.ts';
import type { LanguageCode } from '../../electron/shared/types.ts';

const DIR = fileURLToPath(new URL('../../models/lexicon', import.meta.url));

describe.each([
  ['lt', 'cia', 'čia'],
  ['cs', 'prilis', 'příliš'],
  ['tr', 'isik', 'ışık'],
  ['vi', 'viet', 'việt'],
  ['ga', 'ta', 'tá'],
  ['pl', 'sie', 'się'],
] as const)('forms lexicon %s', (lang, key, best) => {
  const text = brotliDecompressSync(readFileSync(formsLexiconPath(DIR, lang as LanguageCode))).toString('utf8');
  const lines = text.split('\n').filter((l) => l !== '');
  const lexicon = parseFormsLexicon(text, lang as LanguageCode);

  it('has one key per line (Python and TypeScript strip alike), each listed once', () => {
    expect(lexicon.size).toBe(lines.length);
  });

  it(`knows ${key} -> ${best} first, with counts in decreasing order`, () => {
    expect(lexicon.get(key)?.[0]?.form).toBe(best);
    for (const forms of lexicon.values()) {
      for (let i = 1; i < forms.length; i++) expect(forms[i]!.count).toBeLessThanOrEqual(forms[i - 1]!.count);
    }
  });
});
