/**
 * The compact forms lexicon (file bytes + hash index) must answer exactly as the Map it replaced: the same
 * forms, most frequent first, for every key; nothing for absent keys, for keys whose hash collides with a
 * listed one, or for corrupt lines.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type FormCount, formsLexiconPath, hashKey, lexiconKey, parseFormsLexicon }
  from '../../electron/engine/forms-lexicon.ts';
import type { LanguageCode } from '../../electron/shared/types.ts';

/** The parser the compact table replaced (a Map of every line's forms), kept here as the reference. */
function referenceParse(text: string, lang: LanguageCode): Map<string, FormCount[]> {
  const lexicon = new Map<string, FormCount[]>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const forms: FormCount[] = [];
    for (const field of line.split('\t')) {
      if (/^[0-9]+$/.test(field)) {
        if (forms.length > 0) forms[forms.length - 1]!.count = Number(field);
      } else if (field !== '') {
        forms.push({ form: field.normalize('NFC'), count: 1 });
      }
    }
    if (forms.length === 0) continue;
    const key = lexiconKey(forms[0]!.form, lang);
    if (forms.some((f) => lexiconKey(f.form, lang) !== key)) continue;
    forms.sort((a, b) => b.count - a.count);
    lexicon.set(key, forms);
  }
  return lexicon;
}

const PL = ['żółw\t5\tzolw', 'że\t100', 'się\t3\tsie\t40', 'łódź\t7\tlodz\t7\tłodź\t9', 'dom'].join('\n');

describe('forms lexicon lookups', () => {
  const lexicon = parseFormsLexicon(PL, 'pl');

  it.each([
    ['zolw', [['żółw', 5], ['zolw', 1]]],
    ['ze', [['że', 100]]],
    // sorted by count, most frequent first; equal counts keep the order of the file
    ['sie', [['sie', 40], ['się', 3]]],
    ['lodz', [['łodź', 9], ['łódź', 7], ['lodz', 7]]],
    ['dom', [['dom', 1]]],
  ])('%j -> %j', (key, forms) => {
    expect(lexicon.get(key)).toEqual(forms.map(([form, count]) => ({ form, count })));
    expect(lexicon.has(key)).toBe(true);
  });

  it.each(['', 'z', 'zolwy', 'żółw', 'ZOLW', 'domy', 'do', 'sie\t'])('absent key %j', (key) => {
    expect(lexicon.get(key)).toBeUndefined();
    expect(lexicon.has(key)).toBe(false);
  });

  it('counts and lists every key in the order of the file', () => {
    expect(lexicon.size).toBe(5);
    expect([...lexicon.keys()]).toEqual(['zolw', 'ze', 'sie', 'lodz', 'dom']);
    expect([...lexicon]).toEqual([...referenceParse(PL, 'pl')]);
  });

  it('hands out a fresh array on every lookup (a caller that sorts or edits it changes nothing)', () => {
    lexicon.get('sie')!.reverse();
    expect(lexicon.get('sie')![0]).toEqual({ form: 'sie', count: 40 });
  });

  it('accepts the text or its UTF-8 bytes alike', () => {
    expect([...parseFormsLexicon(Buffer.from(PL, 'utf8'), 'pl')]).toEqual([...lexicon]);
  });
});

describe('forms lexicon hash collisions', () => {
  // Pairs of keys with the same 32-bit hash (found by search): the table must tell them apart by the line.
  it.each([['yaczf', 'glbpp'], ['yzfzf', 'geepp']])('%s and %s share a hash, not their forms', (a, b) => {
    expect(hashKey(a)).toBe(hashKey(b));
    const one = parseFormsLexicon(`${a.replace('a', 'á')}\t5\t${a}`, 'cs');
    expect(one.get(a)?.[0]?.form).toBe(a.replace('a', 'á'));
    expect(one.get(b)).toBeUndefined();
    expect(one.has(b)).toBe(false);
    const both = parseFormsLexicon(`${a}\t2\n${b}\t3\n`, 'cs');
    expect(both.get(a)).toEqual([{ form: a, count: 2 }]);
    expect(both.get(b)).toEqual([{ form: b, count: 3 }]);
    expect(both.size).toBe(2);
  });

  it('keeps 300 keys apart, sharing slots and probe chains, and finds none that is not listed', () => {
    const words = Array.from({ length: 300 }, (_v, i) => `w${i.toString(36)}`);
    const table = parseFormsLexicon(words.map((w, i) => `${w}\t${i + 1}`).join('\n'), 'pl');
    expect(words.every((w, i) => table.get(w)?.[0]?.count === i + 1)).toBe(true);
    expect(words.some((w) => table.has(`${w}_`))).toBe(false);
  });
});

describe('forms lexicon corrupt and odd lines', () => {
  it.each([
    ['forms that strip to two keys: the line is skipped', 'że\t3\tdom\t2\nsię\n', [['sie', [['się', 1]]]]],
    ['digits first (no form yet) are ignored', '12\tże\t3', [['ze', [['że', 3]]]]],
    ['a line of digits only has no form', '12\t5\nże', [['ze', [['że', 1]]]]],
    ['empty fields and blank lines are skipped', '\n\nże\t\t4\t\n\n', [['ze', [['że', 4]]]]],
    ['no final newline', 'że\t4\nsię\t2', [['ze', [['że', 4]]], ['sie', [['się', 2]]]]],
    ['a key listed twice takes its last line, at its first place', 'że\t4\nsię\nze\t9',
      [['ze', [['ze', 9]]], ['sie', [['się', 1]]]]],
    ['a corrupt repeat leaves the first line', 'że\t4\nze\tdom', [['ze', [['że', 4]]]]],
    ['decomposed forms are read as NFC', 'z\u0307e\t4', [['ze', [['że', 4]]]]],
    ['an empty file', '', []],
  ] as const)('%s', (_what, text, expected) => {
    const lexicon = parseFormsLexicon(text, 'pl');
    const entries = expected.map(([key, forms]) => [key, forms.map(([form, count]) => ({ form, count }))]);
    expect([...lexicon]).toEqual(entries);
    expect([...lexicon]).toEqual([...referenceParse(text, 'pl')]);
    expect(lexicon.size).toBe(expected.length);
    for (const [key, forms] of entries) expect(lexicon.get(key as string)).toEqual(forms);
    expect(lexicon.get('dom')).toBeUndefined();
  });
});

describe('forms lexicon on a shipped file', () => {
  it.each([['lt'], ['tr']] as const)('%s: the same forms as the Map parser for a sample of keys', (lang) => {
    const dir = fileURLToPath(new URL('../../models/lexicon', import.meta.url));
    const bytes = brotliDecompressSync(readFileSync(formsLexiconPath(dir, lang as LanguageCode)));
    const reference = referenceParse(bytes.toString('utf8'), lang);
    const lexicon = parseFormsLexicon(bytes, lang);
    expect(lexicon.size).toBe(reference.size);
    const keys = [...reference.keys()].filter((_k, i) => i % 61 === 0);
    expect(keys.length).toBeGreaterThan(100);
    for (const key of keys) expect(lexicon.get(key), key).toEqual(reference.get(key));
    // near misses of listed keys: absent from both, or listed in both with the same forms
    for (const key of keys.flatMap((k) => [`${k}q`, k.slice(1), k.toUpperCase()])) {
      expect(lexicon.get(key), key).toEqual(reference.get(key));
    }
  });
});
