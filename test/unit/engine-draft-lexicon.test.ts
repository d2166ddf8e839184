import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DraftLexicons, parseLexicon, restoreWords } from '../../electron/engine/draft-lexicon.ts';

const TSV = 'ze\tże\t100\nzolw\tżółw\t5\ndom\tdom\t9\nsie\tsię\t50\n';

describe('lexicon drafts', () => {
  it('keeps only keys whose best form differs', () => {
    const lexicon = parseLexicon(TSV);
    expect(lexicon.size).toBe(3);
    expect(['ze', 'zolw', 'sie', 'dom', 'z', 'zolwy', ''].map((k) => lexicon.get(k))).toEqual(['że', 'żółw', 'się', undefined, undefined, undefined, undefined]);
    expect(parseLexicon('a\tą\nb\tb\n\nc\tč').get('c')).toBe('č'); // no count column, blank lines, no final newline
  });

  it('finds every indexed key among many (shared slots, probe chains) and nothing else', () => {
    const keys = Array.from({ length: 300 }, (_v, i) => `z${i.toString(36)}`);
    const lexicon = parseLexicon(keys.map((k, i) => `${k}\t${k.replace('z', 'ż')}\t${300 - i}`).join('\n'));
    expect(lexicon.size).toBe(300);
    expect(keys.every((k) => lexicon.get(k) === k.replace('z', 'ż'))).toBe(true);
    expect(keys.some((k) => lexicon.get(`${k}_`) !== undefined || lexicon.get(k.slice(1)) !== undefined)).toBe(false);
  });

  it.each([
    ['ze dom sie', 'że dom się'],
    ['Ze ZOLW, Zolw!', 'Że ŻÓŁW, Żółw!'],
    ['żółw zolwik 😀 sie', 'żółw zolwik 😀 się'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(restoreWords(input, parseLexicon(TSV))).toBe(expected);
  });

  it('loads a language lazily: null until loaded, then guesses; a missing file means no guesses', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ogonek-lex-'));
    try {
      await writeFile(join(dir, 'pl.tsv.gz'), gzipSync(TSV));
      const lexicons = new DraftLexicons(dir);
      expect(lexicons.guess('ze', 'pl')).toBeNull();
      await lexicons.load('pl');
      expect(lexicons.guess('ze', 'pl')).toBe('że');
      await lexicons.load('cs');
      expect(lexicons.guess('ze', 'cs')).toBeNull();
      expect(new DraftLexicons(null).guess('ze', 'pl')).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
