import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LocalCorrector } from '../../../electron/engine/local-corrector.ts';
import { applySuggestions } from '../../../electron/engine/suggestions/suggestions.ts';
import { CorrectionCancelledError } from '../../../electron/shared/cancellation.ts';
import type { DecodeBackend } from '../../../electron/engine/worker/worker-client.ts';
import type { DecodeJob } from '../../../electron/engine/worker/worker-protocol.ts';
import { TableBackend } from './support/table-backend.ts';

function setup(maxInputBytes = 300) {
  const backend = new TableBackend();
  const corrector = new LocalCorrector(backend, { modelVersion: 'fake-1', maxInputBytes, status: { state: 'ready' } });
  return { backend, corrector };
}

describe('LocalCorrector', () => {
  it('returns suggestions with spans in the caller string and the corrected text', async () => {
    const { corrector } = setup();
    const text = '😀 Siandien labai grazus oras.\r\n\r\nZolw i zolw.';
    const result = await corrector.correct(text, { language: 'lt' });
    expect(result.text).toBe('😀 Šiandien labai gražus oras.\r\n\r\nZolw i żółw.');
    for (const s of result.suggestions) expect(text.slice(s.span.start, s.span.end)).toBe(s.original);
    expect(result.suggestions.map((s) => [s.original, s.replacement, s.kind])).toEqual([
      ['Siandien', 'Šiandien', 'diacritics'], ['grazus', 'gražus', 'diacritics'], ['zolw', 'żółw', 'diacritics']]);
    expect(result.language).toBe('lt');
  });

  it('decodes each distinct sentence once and then serves it from the cache', async () => {
    const { corrector, backend } = setup();
    await corrector.correct('Labas. Labas. Kitas.', { language: 'lt' });
    expect(backend.decoded).toEqual(['Labas.', 'Kitas.']);
    await corrector.correct('Labas. Kitas. Naujas zolw.', { language: 'lt' });
    expect(backend.decoded).toEqual(['Labas.', 'Kitas.', 'Naujas zolw.']);
    await corrector.correct('Labas.', { language: 'pl' }); // another language is another key
    expect(backend.decoded.at(-1)).toBe('Labas.');
    expect(backend.decoded).toHaveLength(4);
  });

  it('reports progress up to the total', async () => {
    const { corrector } = setup();
    const text = Array.from({ length: 20 }, (_v, i) => `Zdanie numer ${i}.`).join(' ');
    const seen: Array<[number, number]> = [];
    await corrector.correct(text, { language: 'pl', onProgress: (p) => seen.push([p.done, p.total]) });
    expect(seen[0]).toEqual([0, 20]);
    expect(seen.at(-1)).toEqual([20, 20]);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThanOrEqual(seen[i - 1]![0]);
  });

  it('cancels a request superseded by a newer one for the same document', async () => {
    const { corrector, backend } = setup();
    let open!: () => void;
    backend.gate = new Promise((resolve) => { open = resolve; });
    const first = corrector.correct('Pierwszy zolw.', { language: 'pl', documentId: 'doc' });
    const second = corrector.correct('Drugi zolw.', { language: 'pl', documentId: 'doc' });
    const other = corrector.correct('Inny zolw.', { language: 'pl', documentId: 'other' });
    open();
    await expect(first).rejects.toBeInstanceOf(CorrectionCancelledError);
    expect((await second).text).toBe('Drugi żółw.');
    expect((await other).text).toBe('Inny żółw.');
  });

  it.each([
    ['empty', ''],
    ['only whitespace', ' \n\t '],
    ['unsupported script', 'Привет мир, как дела?'],
    ['RTL', 'שלום עולם zolw'],
    ['very long word', 'x'.repeat(5000)],
  ])('leaves %s input intact', async (_name, text) => {
    const { corrector, backend } = setup();
    const result = await corrector.correct(text, { language: 'pl' });
    expect(result.text).toBe(text);
    expect(result.suggestions).toEqual([]);
    expect(backend.decoded).toEqual([]);
  });

  it.each([
    // a broken character inside a word splits it into fragments, which are left alone (model-view.ts)
    ['NUL inside a word', 'zolw\0zolw sie', 'zolw\0zolw się', 'zolw zolw sie'],
    ['a lone surrogate', 'zolw \ud800 sie', 'żółw \ud800 się', 'zolw sie'],
  ])('keeps %s where it is, out of the model\'s input, and corrects around it', async (_name, text, expected, seen) => {
    const { corrector, backend } = setup();
    const result = await corrector.correct(text, { language: 'pl' });
    expect(result.text).toBe(expected);
    expect(result.text).toBe(applySuggestions(text, result.suggestions));
    expect(backend.decoded).toEqual([seen]);
  });

  it('rejects an unknown language with a clear error', async () => {
    const { corrector } = setup();
    await expect(corrector.correct('abc', { language: 'xx' as never })).rejects.toThrow(/unsupported language 'xx'/);
  });

  it('property: the corrected text equals the input with the suggestions applied, spans hold the originals', async () => {
    const { corrector } = setup(40);
    const piece = fc.constantFrom('zolw', 'sie', 'helo', 'kot', '.', '. ', ' ', '\n', '\r\n', '😀', 'ą', '\u0301', '\0', '\ud800', 'אב');
    await fc.assert(fc.asyncProperty(fc.array(piece, { maxLength: 60 }).map((p) => p.join('')), async (text) => {
      const result = await corrector.correct(text, { language: 'pl' });
      for (const s of result.suggestions) expect(text.slice(s.span.start, s.span.end)).toBe(s.original);
      expect(result.text).toBe(applySuggestions(text, result.suggestions));
      // Only the fixed words change; a replaced word may come back in NFC (canonically equivalent).
      const undone = result.text.replace(/żółw/g, 'zolw').replace(/się/g, 'sie').replace(/hello/g, 'helo');
      expect(undone.normalize('NFC')).toBe(text.normalize('NFC'));
    }), { numRuns: 200 });
  });
});

describe('LocalCorrector with lexicon decoding', () => {
  /** A corrector whose lexicon folder holds `files` (lang -> forms); the jobs it sends are kept. */
  async function withLexicons(files: Record<string, Array<[string, number]>>, run: (corrector: LocalCorrector,
    jobs: DecodeJob[], dir: string) => Promise<void>) {
    const { mkdtemp, rm, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { brotliCompressSync } = await import('node:zlib');
    const { Lexicons, lexiconPath } = await import('../../../electron/engine/lexicon/lexicon.ts');
    const { AutomatonBuilder } = await import('../../../electron/engine/lexicon/word-automaton.ts');
    const dir = await mkdtemp(join(tmpdir(), 'ogonek-lex-'));
    try {
      for (const [lang, forms] of Object.entries(files)) {
        const builder = new AutomatonBuilder();
        for (const [form, count] of [...forms].sort(([a], [b]) => (a < b ? -1 : 1))) builder.add(form, count);
        await writeFile(lexiconPath(dir, lang as never), brotliCompressSync(builder.finish()));
      }
      const jobs: DecodeJob[] = [];
      const backend = new TableBackend();
      const spy: DecodeBackend = { decode: (j, s) => { jobs.push(...j); return backend.decode(j, s); }, dispose: async () => undefined };
      const corrector = new LocalCorrector(spy, { modelVersion: 'fake-1', maxInputBytes: 300, status: { state: 'ready' },
        decoding: 'lexicon', forms: new Lexicons(dir) });
      await run(corrector, jobs, dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('sends each sentence with the plan of its words\' candidates from the language\'s lexicon', async () => {
    await withLexicons({ lv: [['ļoti', 5], ['loti', 1], ['labi', 9]] }, async (corrector, jobs) => {
      await corrector.setup({ languages: ['lv'] });
      await corrector.correct('Loti labi.', { language: 'lv' });
      const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
      expect(jobs).toHaveLength(1);
      // labi is known as it is: only Loti has a choice
      const job = jobs[0]!;
      expect(job.decoding === 'lexicon' && job.plan.words.map((w) => w.candidates.map((c) => text(c.bytes)))).toEqual([['Loti', 'Ļoti']]);
      expect(text(jobs[0]!.source)).toBe('Loti labi.');
    });
  });

  it.each([
    // Outside lv and tr (MODEL_RANKED_LANGUAGES) the priors alone decide a sentence without diacritics: no job
    // reaches the model; a sentence with diacritics still goes to it, which keeps its words as typed.
    ['Zolw i kot.', 'Żółw i kot.', 0],
    ['Zolw i kot się.', 'Zolw i kot się.', 1],
  ])('pl %j -> %j with %d job(s) for the model', async (input, expected, sent) => {
    await withLexicons({ pl: [['żółw', 5], ['zolw', 1], ['kot', 9], ['się', 9]] }, async (corrector, jobs) => {
      const result = await corrector.correct(input, { language: 'pl' });
      expect(result.text).toBe(expected);
      expect(jobs).toHaveLength(sent);
    });
  });

  it('a language missing from the lexicon folder fails the request with the error naming the file', async () => {
    await withLexicons({ pl: [['żółw', 5]] }, async (corrector, jobs, dir) => {
      await expect(corrector.correct('Siandien grazus oras.', { language: 'lt' })).rejects.toThrow(
        `The lt lexicon ${dir}/lt.lex.br is missing`);
      await expect(corrector.setup({ languages: ['lt'] })).rejects.toThrow(/lt\.lex\.br is missing/);
      expect(jobs).toEqual([]);
    });
  });
});
