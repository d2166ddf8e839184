/**
 * The diacritics tagger's arithmetic on the engine side: input ids as alphabet.py makes them, logits normalised
 * over the classes a typed letter may take, a candidate scored as the sum of its letters, restoration letter by
 * letter, and the tagger's opinion joining a word's priors. The graph is replaced by a runner that returns chosen
 * logits (the real graph runs in test/engine/engine-tagger.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { DiacriticsTagger, type TaggerRunner } from '../../../../electron/engine/tagger/diacritics-tagger.ts';
import { fold, TaggerAlphabet } from '../../../../electron/engine/tagger/tagger-alphabet.ts';
import { lexiconFromForms } from '../../../../electron/engine/lexicon/lexicon.ts';
import { buildPlan, DEFAULT_PLAN_OPTIONS } from '../../../../electron/engine/lexicon/lexicon-plan.ts';
import { decodeUtf8 } from '../../../../electron/engine/text/byte-codec.ts';

// A two-language alphabet in tagger.json's shape: lt a -> ą (class 1), e -> ę ė (2, 3), z -> ž (4); tr i -> ı (5).
const ALPHABET = TaggerAlphabet.parse({
  version: 1,
  languages: ['lt', 'tr'],
  classes: ['KEEP', 'ą', 'ę', 'ė', 'ž', 'ı'],
  allowed: { lt: { 97: [1], 65: [1], 101: [2, 3], 69: [2, 3], 122: [4], 90: [4] }, tr: { 105: [5], 73: [5] } },
  inputIds: { latinEnd: 0x250, viStart: 0x1e00, viEnd: 0x1f00, hashBuckets: 64 },
});
const K = 6;

/** A runner whose logits favour, at each position, the class `prefer(lowercase char)` names (by 3 nats over the rest). */
function runner(prefer: (ch: string) => number, seen: Int32Array[] = []): TaggerRunner {
  return {
    async run(ids, _langs, batch, chars) {
      seen.push(ids.slice());
      const out = new Float32Array(batch * chars * K);
      for (let i = 0; i < batch * chars; i++) out[i * K + prefer(String.fromCodePoint(ids[i]!).toLowerCase())] = 3;
      return out;
    },
  };
}

describe('tagger alphabet', () => {
  it.each([
    ['a', 97], ['Ą', 0x104], ['ạ', 0x250 + 0xa1], ['ж', 0x250 + 0x100 + (0x436 % 64)], ['😀', 0x250 + 0x100 + (0x1f600 % 64)],
  ])('charId(%j) = %i', (ch, id) => {
    expect(ALPHABET.charId(ch.codePointAt(0)!)).toBe(id);
  });

  it.each([
    ['lt', 'a', 'ą', 1], ['lt', 'A', 'Ą', 1], ['lt', 'e', 'ė', 3], ['lt', 'a', 'a', 0], ['lt', 'a', 'ä', undefined],
    ['lt', 'o', 'ö', undefined], ['tr', 'i', 'ı', 5], ['tr', 'a', 'ą', undefined],
  ])('%s: typed %j meant as %j is class %j', (lang, typed, letter, cls) => {
    expect(ALPHABET.classFor(lang, typed, letter)).toBe(cls);
  });

  it('writes a class in the typed letter\'s case', () => {
    expect([ALPHABET.letterFor('a', 1), ALPHABET.letterFor('A', 1), ALPHABET.letterFor('Z', 4), ALPHABET.letterFor('x', 0)])
      .toEqual(['ą', 'Ą', 'Ž', 'x']);
    expect([fold('Ą'), fold('İ')]).toEqual(['ą', 'İ']);
  });

  it('rejects a damaged tagger.json with the field named', () => {
    expect(() => TaggerAlphabet.parse({ version: 1, languages: [], classes: [] })).toThrow(/languages|classes/);
  });
});

describe('letter scores', () => {
  // Every a is ą, every z is ž, every e is ė: logits 3 for those classes.
  const tagger = new DiacriticsTagger(runner((ch) => ({ a: 1, z: 4, e: 3 } as Record<string, number>)[ch] ?? 0), ALPHABET);

  it('normalises over the typed letter\'s own choices', async () => {
    const [s] = await tagger.score(['zae'], 'lt');
    const p = (i: number, letter: string) => Math.exp(s!.letter(i, letter)!);
    expect(p(0, 'ž') + p(0, 'z')).toBeCloseTo(1, 6);
    expect(p(0, 'ž')).toBeCloseTo(Math.exp(3) / (Math.exp(3) + 1), 6);
    expect(p(2, 'ė') + p(2, 'ę') + p(2, 'e')).toBeCloseTo(1, 6);
    expect(s!.letter(1, 'ä')).toBeNull(); // not a Lithuanian letter
  });

  it.each([
    // ž, ą: 3 nats over one other choice; ė: 3 nats over two (e, ę); l: no choice
    ['zale', 0, 'žąlė', 2 * Math.log(Math.exp(3) / (Math.exp(3) + 1)) + Math.log(Math.exp(3) / (Math.exp(3) + 2))],
    ['zale', 0, 'zale', 0],
    ['zale', 0, 'zole', null], // a typo fix: not a diacritic variant of what was typed
    ['zale', 0, 'zal', 0], // shorter is fine (a prefix of the typed letters)
    ['zale', 1, 'alee', null], // runs past the sentence
    ['mono', 0, 'mono', 0], // letters without a choice cost nothing
  ])('in %j from %i, %j scores %j', async (text, start, word, expected) => {
    const [s] = await tagger.score([text], 'lt');
    const got = s!.word(start, word);
    if (expected === null) expect(got).toBeNull();
    else if (word === 'zale' || word === 'zal') expect(got).toBeLessThan(0);
    else expect(got).toBeCloseTo(expected, 5);
  });

  it.each([
    // Its own spelling of a stretch of typed letters: each letter its most likely variant.
    ['Zale, ne ezeras!', 0, 4, 'Žąlė'],
    ['Zale, ne ezeras!', 6, 2, 'nė'],
    ['Zale, ne ezeras!', 14, 4, null], // past the sentence
  ])('in %j from %i, the best %i letters are %j', async (text, start, length, expected) => {
    const [s] = await tagger.score([text], 'lt');
    expect(s!.best(start, length)).toBe(expected);
  });

  it.each([
    // Its k likeliest spellings, best first. Here ž wins by 3 nats over z, ą by 1 over a, ė by 2 over each of e and
    // ę; "l" has no choice: the runner-up flips the letter that loses least (ą -> a), then ė, then both.
    ['zale', 0, 4, 4, ['žąlė', 'žalė', 'žąle', 'žąlę']],
    ['zale', 0, 2, 8, ['žą', 'ža', 'zą', 'za']], // fewer spellings than k: all of them
    ['mono', 0, 4, 2, ['mono']], // no letter with a choice: the letters as typed
    ['zale', 2, 4, 2, []], // past the sentence
  ])('in %j from %i, the %i letters\' %i best spellings are %j', async (text, start, length, k, expected) => {
    const logits: Record<string, Record<number, number>> = { z: { 4: 3 }, a: { 1: 1 }, e: { 3: 2 } };
    const graded: TaggerRunner = {
      async run(ids, _langs, batch, chars) {
        const out = new Float32Array(batch * chars * K);
        for (let i = 0; i < batch * chars; i++) {
          for (const [cls, v] of Object.entries(logits[String.fromCodePoint(ids[i]!)] ?? {})) out[i * K + Number(cls)] = v;
        }
        return out;
      },
    };
    const [s] = await new DiacriticsTagger(graded, ALPHABET).score([text], 'lt');
    const beam = s!.kBest(start, length, k);
    expect(beam.map((b) => b.text)).toEqual(expected);
    for (const b of beam) expect(b.logProb).toBeCloseTo(s!.word(start, b.text)!, 5);
    if (beam.length > 0) expect(beam[0]!.text).toBe(s!.best(start, length));
  });

  it('restores letter by letter, keeping letters it has no say on', async () => {
    const [s] = await tagger.score(['Zale, ne ezeras! 😀'], 'lt');
    expect(s!.restore()).toBe('Žąlė, nė ėžėrąs! 😀');
  });

  // In one padded batch a sentence's scores depended on its neighbours (int8's per-tensor scale, the convolution
  // reading the padding): each sentence runs alone.
  it('scores sentences of different lengths each in a run of its own, without padding', async () => {
    const seen: Int32Array[] = [];
    const t = new DiacriticsTagger(runner(() => 0, seen), ALPHABET);
    const out = await t.score(['ab', 'abcd'], 'lt');
    expect(seen.map((ids) => [...ids])).toEqual([[97, 98], [97, 98, 99, 100]]);
    expect(out.map((s) => s.restore())).toEqual(['ab', 'abcd']);
  });

  it('knows which languages it tags', () => {
    expect([tagger.tags('lt'), tagger.tags('tr'), tagger.tags('en'), tagger.tags('cs')]).toEqual([true, true, false, false]);
  });
});

/** A language model that likes every word alike: the lattice keeps the candidates' order. */
const contextModel = { wordHash: () => 1, logProb: () => -5 };

describe('the tagger in a word\'s priors', () => {
  const lexicon = lexiconFromForms('lt', [['žalias', 100], ['zalias', 100], ['ėjo', 50], ['ejo', 50]]);
  const priors = (plan: ReturnType<typeof buildPlan>) =>
    plan.words.map((w) => w.candidates.map((c) => [decodeUtf8(c.bytes), Number(c.logPrior.toFixed(3))]));

  it('moves each candidate by weight x (its letters - the typed letters)', async () => {
    const tagger = new DiacriticsTagger(runner((ch) => (ch === 'z' ? 4 : 0)), ALPHABET);
    const text = 'Zalias ejo';
    const [scores] = await tagger.score([text], 'lt');
    const without = priors(buildPlan(text, 'lt', lexicon));
    const withTagger = priors(buildPlan(text, 'lt', lexicon, undefined, undefined, { scores: scores!, weight: 2 }));
    // z -> ž is favoured by 3 nats: Žalias gains 2 x (ln σ(3) - ln(1 - σ(3))) = 2 x 3 over Zalias.
    expect(without[0]).toEqual([['Zalias', -0.693], ['Žalias', -0.693]]);
    expect(withTagger[0]![1]![1] as number - (withTagger[0]![0]![1] as number)).toBeCloseTo(6, 2);
    // e: the tagger prefers keeping it by 3 nats over ė, so ėjo loses 2 x 3.
    expect((withTagger[1]![1]![1] as number) - (withTagger[1]![0]![1] as number)).toBeCloseTo(-6, 2);
  });

  it.each([
    // "zuvis" is no lexicon word: the tagger's spelling "žuvis" joins the input's candidates (source unknown) and
    // the two share the input's prior by the tagger's odds (3 nats for ž, times the weight). Known words get none.
    ['zuvis ejo', 1, [[['zuvis', -3.049], ['žuvis', -0.049]], [['ejo', -0.693], ['ėjo', -3.693]]], ['unknown', 'lexicon']],
    ['zuvis ejo', 0.5, [[['zuvis', -1.701], ['žuvis', -0.201]], [['ejo', -0.693], ['ėjo', -3.693]]], ['unknown', 'lexicon']],
    ['zuvis ejo', 0, [[['ejo', -0.693], ['ėjo', -3.693]]], ['lexicon']],
    // Its spelling keeps the input: nothing to add.
    ['mono ejo', 1, [[['ejo', -0.693], ['ėjo', -3.693]]], ['lexicon']],
    // A capitalised word is mostly a name, whose letters are not the language's to respell: none.
    ['ejo Zuvis', 1, [[['ejo', -0.693], ['ėjo', -3.693]]], ['lexicon']],
    // Nor a word typed with a diacritic: its writer typed it with care (hu "epizódról" had become "épizódról").
    ['zuvįs ejo', 1, [[['ejo', -0.693], ['ėjo', -3.693]]], ['lexicon']],
  ] as const)('%j, spelling weight %d: %j', async (text, spellingWeight, expected, sources) => {
    const tagger = new DiacriticsTagger(runner((ch) => (ch === 'z' ? 4 : 0)), ALPHABET);
    const [scores] = await tagger.score([text], 'lt');
    const plan = buildPlan(text, 'lt', lexicon, undefined, undefined, { scores: scores!, weight: 1, spellingWeight });
    expect(priors(plan)).toEqual(expected);
    expect(plan.words.map((w) => w.source)).toEqual(sources);
    expect(plan.words.map((w) => w.candidates.map((c) => c.proposed === true))[0]).toEqual(
      spellingWeight > 0 && text.startsWith('zuvis') ? [false, true] : [false, false]);
  });

  it.each([
    // taggerSentenceStart (tr): a sentence's capitalised first word the lexicon lacks gets the tagger's spelling, in
    // its case; inside a sentence a capitalised word is still left alone, and so is every one without the option.
    ['Zuvis ejo', true, ['Zuvis', 'Žuvis']],
    ['„Zuvis ejo', true, ['Zuvis', 'Žuvis']],
    ['Zuvis ejo', false, []],
    ['Ejo Zuvis', true, []],
    ['ZUVIS ejo', true, []],
  ] as const)('%j, taggerSentenceStart %j: its first word\'s candidates %j', async (text, taggerSentenceStart, expected) => {
    const tagger = new DiacriticsTagger(runner((ch) => (ch === 'z' ? 4 : 0)), ALPHABET);
    const [scores] = await tagger.score([text], 'lt');
    const plan = buildPlan(text, 'lt', lexicon, { ...DEFAULT_PLAN_OPTIONS, taggerSentenceStart }, undefined,
      { scores: scores!, weight: 1, spellingWeight: 1 });
    const spelled = plan.words.find((w) => w.source === 'unknown');
    expect(spelled?.candidates.map((c) => decodeUtf8(c.bytes)) ?? []).toEqual([...expected]);
  });

  it.each([
    // With a letter model of the language's words as written, the spelling is the one of the tagger's likeliest that
    // the two like best together (tagger + 2 x letter model): the tagger alone writes "žąlis"; a model that knows
    // "žalis" (the tagger's second, 3 nats behind) moves it there; one that knows only the letters as typed leaves
    // no spelling at all; without a model, or at weight 0, the tagger's own.
    [(w: string) => (w === 'žalis' ? -2 : -10), 2, 'žalis'],
    [(w: string) => (w === 'zalis' ? -2 : -10), 2, null],
    [null, 2, 'žąlis'],
    [(w: string) => (w === 'žalis' ? -2 : -10), 0, 'žąlis'],
  ] as const)('letter model %#, weight %d: the spelling of "zalis" is %j', async (logProb, taggerSpelledWeight, expected) => {
    const tagger = new DiacriticsTagger(runner((ch) => ({ z: 4, a: 1 } as Record<string, number>)[ch] ?? 0), ALPHABET);
    const [scores] = await tagger.score(['zalis ejo'], 'lt');
    const context = { model: { ...contextModel, spelled: logProb && { logProb } }, weight: 1 };
    const plan = buildPlan('zalis ejo', 'lt', lexicon, { ...DEFAULT_PLAN_OPTIONS, taggerSpelledWeight }, context,
      { scores: scores!, weight: 0, spellingWeight: 1 });
    const word = plan.words.find((w) => w.start === 0);
    expect(word?.candidates.filter((c) => c.proposed).map((c) => decodeUtf8(c.bytes))[0] ?? null).toBe(expected);
  });

  it('a possible typo keeps its fixes\' priors; the input and the tagger\'s spelling share the input\'s', async () => {
    const typoLexicon = lexiconFromForms('lt', [['zuikis', 100], ['ėjo', 50], ['ejo', 50]]);
    const tagger = new DiacriticsTagger(runner((ch) => (ch === 'z' ? 4 : 0)), ALPHABET);
    const [scores] = await tagger.score(['zuikia'], 'lt');
    const without = priors(buildPlan('zuikia', 'lt', typoLexicon));
    const plan = buildPlan('zuikia', 'lt', typoLexicon, undefined, undefined, { scores: scores!, weight: 0, spellingWeight: 1 });
    expect(without).toEqual([[['zuikia', -0.693], ['zuikis', -0.693]]]);
    expect(plan.words[0]!.source).toBe('typo');
    const [[input, fix, spelling]] = priors(plan) as [Array<[string, number]>];
    expect([input![0], fix, spelling![0]]).toEqual(['zuikia', ['zuikis', -0.693], 'žuikia']);
    expect(Math.exp(input![1]) + Math.exp(spelling![1])).toBeCloseTo(0.5, 2);
    expect(spelling![1] - input![1]).toBeCloseTo(3, 2);
  });

  it.each([
    // A typo fix that drops the last letter ("zaliasx" -> "žalias") spells the typed word's first six letters with
    // diacritics, but it is not a variant of the word typed: it keeps its prior (it had gained 3 nats, hu
    // "főszereplői" -> "főszereplő" on dev).
    ['zaliasx', 'žalias'],
    // Nor does the fix without diacritics gain by leaving out a letter the tagger would rather see as ą.
    ['zaliasa', 'zalias'],
  ])('%j: the shorter fix %j gets no opinion', async (text, fix) => {
    const typoLexicon = lexiconFromForms('lt', [['žalias', 100], ['zalias', 100]]);
    const tagger = new DiacriticsTagger(runner((ch) => (ch === 'z' ? 4 : ch === 'a' ? 1 : 0)), ALPHABET);
    const [scores] = await tagger.score([text], 'lt');
    const without = priors(buildPlan(text, 'lt', typoLexicon));
    const withTagger = priors(buildPlan(text, 'lt', typoLexicon, undefined, undefined, { scores: scores!, weight: 1 }));
    const prior = (p: ReturnType<typeof priors>) => p[0]!.find(([t]) => t === fix)?.[1];
    expect(prior(without)).toBeDefined();
    expect(prior(withTagger)).toBe(prior(without));
  });

  it('counts code points, not UTF-16 units, before a word', async () => {
    const tagger = new DiacriticsTagger(runner((ch) => (ch === 'z' ? 4 : 0)), ALPHABET);
    const text = '😀 zalias';
    const [scores] = await tagger.score([text], 'lt');
    const plan = priors(buildPlan(text, 'lt', lexicon, undefined, undefined, { scores: scores!, weight: 1 }));
    expect((plan[0]![1]![1] as number) - (plan[0]![0]![1] as number)).toBeCloseTo(3, 2);
  });
});
