import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripDiacritics } from '../../../../electron/engine/noise/index.ts';
import { applySuggestions, buildSuggestions, suggestionsFromChoices } from '../../../../electron/engine/suggestions/suggestions.ts';
import type { Suggestion } from '../../../../electron/shared/types.ts';
import { decodeUtf8, encoderIds, outputBytes, utf8Bytes } from '../../../../electron/engine/text/byte-codec.ts';
import { lexiconFromForms } from '../../../../electron/engine/lexicon/lexicon.ts';
import { dequantizeCount, quantizeCount } from '../../../../electron/engine/lexicon/word-automaton.ts';
import { DEFAULT_LAMBDA, DEFAULT_SKIPPING_LAMBDA, DEFAULT_TYPED_LAMBDA, DEFAULT_TYPO_LAMBDA, lexiconDecode, PRIORS_ONLY, priorDecode,
  priorWeightsFor, sentenceLambda, type ScoringModel,
  type ScoringSession } from '../../../../electron/engine/decoding/lexicon-decode.ts';
import { buildPlan, DEFAULT_PLAN_OPTIONS } from '../../../../electron/engine/lexicon/lexicon-plan.ts';

const VOCAB = 280;
const BOS = 2;

/**
 * A causal fake that believes in one `target` text: while the fed ids follow it, the next target id gets
 * probability `p` (the rest is spread evenly); off the target every id is equally likely. The cache is the
 * list of fed ids, so a wrong past length or a wrong restore() changes later scores and the tests see it.
 */
class TargetModel implements ScoringModel {
  readonly maxPositions: number;
  calls = 0;

  constructor(private readonly target: string, private readonly p = 0.9, maxPositions = 768) {
    this.maxPositions = maxPositions;
  }

  async start(): Promise<ScoringSession> {
    const target = [...utf8Bytes(this.target)].map((b) => b + 3).concat(1);
    let fed: number[] = [];
    const row = (prefix: number[]): Float32Array => {
      const out = new Float32Array(VOCAB);
      if (prefix[0] !== BOS) throw new Error('decoding must start from BOS');
      const n = prefix.length - 1;
      const onTarget = n < target.length && prefix.slice(1).every((id, k) => id === target[k]);
      out.fill(Math.log(onTarget ? (1 - this.p) / (VOCAB - 1) : 1 / VOCAB));
      if (onTarget) out[target[n]!] = Math.log(this.p);
      return out;
    };
    const score = async (query: Int32Array, past: number) => {
      if (past > fed.length) throw new Error(`past_len ${past} > cached ${fed.length}`);
      if (past + query.length > this.maxPositions) throw new Error('position past max_positions');
      this.calls++;
      fed = fed.slice(0, past);
      const logProbs = new Float32Array(query.length * VOCAB);
      query.forEach((id, i) => {
        fed.push(id);
        logProbs.set(row(fed), i * VOCAB);
      });
      return { logProbs, vocab: VOCAB, cache: [...fed] };
    };
    const session: ScoringSession = {
      step: () => Promise.reject(new Error('lexicon decoding must not call step')),
      score,
      restore: (cache) => {
        fed = [...(cache as number[])];
      },
    };
    return session;
  }
}

const LT = lexiconFromForms('lt', [['aš', 1000], ['as', 10], ['čia', 900], ['cia', 100], ['gražus', 50],
  ['šiandien', 8], ['labai', 50], ['labaį', 1], ['oras', 90], ['oraš', 10]]);

async function run(input: string, target: string, lambda: number, p = 0.9, prune = true) {
  const model = new TargetModel(target, p);
  const source = utf8Bytes(input);
  const plan = buildPlan(input, 'lt', LT);
  const result = await lexiconDecode(model, encoderIds(source, 'lt'), source, plan, { lambda, prune });
  const bytes = outputBytes(result.ids);
  return { text: bytes && decodeUtf8(bytes), result, plan, calls: model.calls };
}

describe('lexicon decoding', () => {
  it.each([
    // The model's preference wins where it is confident, the frequency prior where the model has no opinion.
    ['Siandien as eisiu, cia grazus oras!', 'Šiandien aš eisiu, čia gražus oras!', 1,
      'Šiandien aš eisiu, čia gražus oras!'],
    ['Siandien as eisiu, cia grazus oras!', 'Šiandien as eisiu, cia gražus oraš!', 0.1,
      'Šiandien as eisiu, cia gražus oraš!'],
    // A huge lambda: the unigram choice whatever the model says.
    ['Siandien as eisiu, cia grazus oras!', 'Siandien as eisiu, cia grazus oraš!', 100,
      'Šiandien aš eisiu, čia gražus oras!'],
    // Case and punctuation of the input are kept around the chosen forms.
    ['„CIA“ (As) -- Labai.', '„ČIA“ (Aš) -- Labai.', 1, '„ČIA“ (Aš) -- Labai.'],
  ])('%j with a model that wants %j, lambda %d -> %j', async (input, target, lambda, expected) => {
    const { text, result, plan, calls } = await run(input, target, lambda, 0.9, false);
    expect(text).toBe(expected);
    expect(calls).toBe(plan.words.reduce((n, w) => n + w.candidates.length, 0));
    expect(result.passes).toBe(calls);
    expect(result.ids.length).toBe(result.probs.length);
    const pruned = await run(input, target, lambda);
    expect(pruned.text).toBe(expected);
    expect(pruned.result.choices.map((c) => c.candidate)).toEqual(result.choices.map((c) => c.candidate));
    expect(pruned.calls).toBeLessThanOrEqual(calls);
  });

  it('pruning candidates that cannot win changes no choice, and asks the model less', async () => {
    const inputs = ['Siandien as eisiu, cia grazus oras!', 'labai labai oras cia as', 'as as as oras'];
    const targets = ['Šiandien aš eisiu, čia gražus oras!', 'labaį labai oraš čia as', 'as aš as oraš',
      'Siandien as eisiu, cia grazus oraš!'];
    let saved = 0;
    for (const input of inputs) {
      for (const target of targets) {
        for (const lambda of [0, 0.1, 1, 2, 5, 10]) {
          for (const p of [0.3, 0.9, 0.999]) {
            const full = await run(input, target, lambda, p, false);
            const pruned = await run(input, target, lambda, p, true);
            expect(pruned.text, `${input} | ${target} | ${lambda} | ${p}`).toBe(full.text);
            expect(pruned.result.choices.map((c) => c.candidate)).toEqual(full.result.choices.map((c) => c.candidate));
            saved += full.calls - pruned.calls;
          }
        }
      }
    }
    expect(saved).toBeGreaterThan(0);
  });

  it('with lambda 0 the model alone decides, even for a form the lexicon saw once against one seen 50 times', async () => {
    const { text, result } = await run('labai labai', 'labaį labai', 0);
    expect(text).toBe('labaį labai');
    expect(result.choices.map((c) => c.candidate)).toEqual([1, 0]);
  });

  it('confidence of a chosen word is its posterior among the candidates; copied bytes have 1', async () => {
    const { result } = await run('cia x', 'čia x', 1, 0.9, false);
    const probs = result.probs;
    expect(probs.slice(4)).toEqual([1, 1, 1]); // ' ', 'x', EOS after the 4 bytes of "čia"
    expect(probs[0]).toBeGreaterThan(0.99);
    expect(probs[0]).toBeLessThan(1);
    expect(new Set(probs.slice(0, 4)).size).toBe(1);
    // Pruned, "cia" is never scored: its bound lambda * log(100 / 1000) stands in, so the confidence is a lower bound
    // (counts as the lexicon stores them, within 5 %: 100 and 900 read back as 97 and 869).
    const pruned = (await run('cia x', 'čia x', 1)).result.probs[0]!;
    const [cia, čia] = [100, 900].map((c) => dequantizeCount(quantizeCount(c)));
    // best total: 4 bytes of "čia" and the space at p 0.9 each, plus log(900 / 1000)
    const best = 5 * Math.log(0.9) + Math.log(čia! / (cia! + čia!));
    expect(pruned).toBeCloseTo(1 / (1 + Math.exp(Math.log(cia! / (cia! + čia!)) - best)), 3);
    expect(pruned).toBeLessThan(probs[0]!);
  });

  it('copies the input without calling the model when no word has a choice', async () => {
    const { text, calls } = await run('Namas 12, ąžuolas.', 'whatever', 1);
    expect(text).toBe('Namas 12, ąžuolas.');
    expect(calls).toBe(0);
  });

  it('keeps the input words once the positions run out', async () => {
    const model = new TargetModel('čia čia čia', 0.9, 6);
    const source = utf8Bytes('cia cia cia');
    const result = await lexiconDecode(model, encoderIds(source, 'lt'), source, buildPlan('cia cia cia', 'lt', LT),
      { lambda: 0 });
    expect(decodeUtf8(outputBytes(result.ids)!)).toBe('čia cia cia');
  });

  it('rejects a plan that does not fit the sentence', async () => {
    const source = utf8Bytes('cia');
    const plan = { words: [{ start: 2, end: 9, candidates: [{ bytes: utf8Bytes('x'), logPrior: 0, input: true }], source: 'lexicon' as const }] };
    await expect(lexiconDecode(new TargetModel('x'), encoderIds(source, 'lt'), source, plan)).rejects.toThrow(RangeError);
  });

  it('inputCount 0: an unattested input is no candidate, and a lone attested form is written without a call', async () => {
    const model = new TargetModel('grazus as');
    const input = 'grazus as';
    const source = utf8Bytes(input);
    const plan = buildPlan(input, 'lt', LT, { ...DEFAULT_PLAN_OPTIONS, inputCount: 0 });
    expect(plan.words.map((w) => w.candidates.length)).toEqual([1, 2]);
    const result = await lexiconDecode(model, encoderIds(source, 'lt'), source, plan, { lambda: 0 });
    expect(decodeUtf8(outputBytes(result.ids)!)).toBe('gražus as');
    expect(model.calls).toBe(2);
  });

  it.each([
    // A possible typo ("orasd": unknown, "oras" one edit away) weighs its prior by typoLambda, the other words by lambda.
    // Once the output leaves the model's target, every byte costs ln 280: at lambda 1 the shorter "cia" wins.
    [1, undefined, 'orasd cia'],
    [1, 100, 'oras cia'],
    [100, 1, 'orasd čia'],
    [100, 100, 'oras čia'],
  ] as const)('lambda %d, typoLambda %s, a model that wants the input "orasd cia" -> %j', async (lambda, typoLambda, expected) => {
    const input = 'orasd cia';
    const source = utf8Bytes(input);
    const plan = buildPlan(input, 'lt', LT, { ...DEFAULT_PLAN_OPTIONS, typoInputShare: 0.2 });
    expect(plan.words.map((w) => w.source)).toEqual(['typo', 'lexicon']);
    const result = await lexiconDecode(new TargetModel(input), encoderIds(source, 'lt'), source, plan,
      { lambda, ...(typoLambda === undefined ? {} : { typoLambda }) });
    expect(decodeUtf8(outputBytes(result.ids)!)).toBe(expected);
  });

  it.each([
    // A possible typo has its own weight, with diacritics in the sentence or without ("ketrý přišel" had stayed).
    [false, {}, { lambda: DEFAULT_LAMBDA, typoLambda: DEFAULT_TYPO_LAMBDA }],
    [true, {}, { lambda: DEFAULT_TYPED_LAMBDA, typoLambda: DEFAULT_TYPO_LAMBDA }],
    [false, { lambda: 2, typedLambda: 3 }, { lambda: 2, typoLambda: DEFAULT_TYPO_LAMBDA }],
    [false, { typoLambda: 30 }, { lambda: DEFAULT_LAMBDA, typoLambda: 30 }],
    [true, { typedLambda: 0.5, typoLambda: 30 }, { lambda: 0.5, typoLambda: 30 }],
  ] as const)('priorWeightsFor(typed %s, %j) -> %j', (typed, weights, expected) => {
    expect(priorWeightsFor(typed, weights)).toEqual(expected);
  });

  it.each([
    // Per language: the model ranks sentences without diacritics only where it earns it (lv, tr).
    [false, 'lv', {}, { lambda: DEFAULT_LAMBDA, typoLambda: DEFAULT_TYPO_LAMBDA }],
    [false, 'tr', {}, { lambda: DEFAULT_LAMBDA, typoLambda: DEFAULT_TYPO_LAMBDA }],
    [false, 'cs', {}, { lambda: PRIORS_ONLY, typoLambda: PRIORS_ONLY }],
    [false, 'cs', { lambda: 5 }, { lambda: 5, typoLambda: DEFAULT_TYPO_LAMBDA }],
    [false, 'cs', { typoLambda: 30 }, { lambda: PRIORS_ONLY, typoLambda: 30 }],
    [true, 'cs', {}, { lambda: DEFAULT_TYPED_LAMBDA, typoLambda: DEFAULT_TYPO_LAMBDA }],
  ] as const)('priorWeightsFor(typed %s, %s, %j) -> %j', (typed, lang, weights, expected) => {
    expect(priorWeightsFor(typed, weights, lang)).toEqual(expected);
  });

  it.each([
    // A sentence with diacritics whose writer skipped some (skipsDiacritics): the plain words are not kept as typed.
    [true, {}, { lambda: DEFAULT_SKIPPING_LAMBDA, typoLambda: DEFAULT_TYPO_LAMBDA }],
    [true, { skippingLambda: 3, typedLambda: 0.5 }, { lambda: 3, typoLambda: DEFAULT_TYPO_LAMBDA }],
    // Without diacritics there is nothing skipped to tell apart.
    [false, {}, { lambda: PRIORS_ONLY, typoLambda: PRIORS_ONLY }],
  ] as const)('priorWeightsFor(typed %s, cs, %j, skipping) -> %j', (typed, weights, expected) => {
    expect(priorWeightsFor(typed, weights, 'cs', true)).toEqual(expected);
  });

  it.each([
    // A sentence without a diacritic is probably stripped: the prior decides (alone, outside lv and tr); one with
    // diacritics: the input counts more.
    ['Siandien labai grazus oras', 'lt', {}, PRIORS_ONLY],
    ['Šiandien labai grazus oras', 'lt', {}, DEFAULT_TYPED_LAMBDA],
    ['Sodien ir labs laiks', 'lv', {}, DEFAULT_LAMBDA],
    ['Bugun hava guzel', 'tr', {}, DEFAULT_LAMBDA],
    ['Ich mochte Kaffee', 'de', {}, PRIORS_ONLY],
    ['Ich möchte Kaffee', 'de', {}, DEFAULT_TYPED_LAMBDA],
    ['Ça va', 'fr', {}, DEFAULT_TYPED_LAMBDA],
    ['Ça va', 'fr', { typedLambda: 0.5 }, 0.5],
    ['Ca va', 'fr', { lambda: 7 }, 7],
    ['12 + 3 = 15', 'cs', {}, PRIORS_ONLY],
  ] as const)('sentenceLambda(%j, %s, %j) -> %d', (text, lang, weights, expected) => {
    expect(sentenceLambda(text, lang, weights)).toBe(expected);
  });
});

describe('decoding by the priors alone (PRIORS_ONLY)', () => {
  /** A model that must not be asked. */
  const untouchable: ScoringModel = { maxPositions: 768, start: () => Promise.reject(new Error('the model was asked')) };

  it.each([
    // Each word its candidate of highest prior whatever a model would want; punctuation and unknown words copied.
    ['Siandien as eisiu, cia grazus oras!', 'Šiandien aš eisiu, čia gražus oras!'],
    ['AS CIA', 'AŠ ČIA'],
    ['123 ...', '123 ...'],
  ])('%j -> %j, and the model is never started', async (input, expected) => {
    const source = utf8Bytes(input);
    const plan = buildPlan(input, 'lt', LT);
    const result = await lexiconDecode(untouchable, encoderIds(source, 'lt'), source, plan,
      { lambda: PRIORS_ONLY, typoLambda: PRIORS_ONLY });
    expect(decodeUtf8(outputBytes(result.ids)!)).toBe(expected);
    expect(result).toEqual(priorDecode(source, plan));
    expect(result.passes).toBe(0);
  });

  it('gives each chosen word its posterior under the priors (aš about 1000 : as about 10)', () => {
    const plan = buildPlan('as', 'lt', LT);
    const [as, aš] = plan.words[0]!.candidates.map((c) => Math.exp(c.logPrior));
    const result = priorDecode(utf8Bytes('as'), plan);
    expect(aš! / (as! + aš!)).toBeCloseTo(0.99, 2);
    expect(result.choices).toEqual([{ candidate: 1, confidence: expect.closeTo(aš! / (as! + aš!), 9) }]);
    // Every byte of the chosen word has it ("aš" is three bytes), EOS has 1.
    expect(result.probs).toEqual([...Array(3).fill(expect.closeTo(aš! / (as! + aš!), 9)), 1]);
  });

  it('asks the model only for the words whose weight is finite (here the possible typo)', async () => {
    const input = 'orasd cia';
    const source = utf8Bytes(input);
    const plan = buildPlan(input, 'lt', LT, { ...DEFAULT_PLAN_OPTIONS, typoInputShare: 0.2 });
    expect(plan.words.map((w) => w.source)).toEqual(['typo', 'lexicon']);
    const model = new TargetModel('orasd cia');
    const result = await lexiconDecode(model, encoderIds(source, 'lt'), source, plan, { lambda: PRIORS_ONLY, typoLambda: 1 });
    expect(decodeUtf8(outputBytes(result.ids)!)).toBe('orasd čia');
    expect(result.passes).toBeGreaterThan(0);
  });
});

describe('suggestions from the word choices (not from a diff of the output)', () => {
  const strip = (s: string) => stripDiacritics(s, 'lt');
  const withoutSource = (list: Suggestion[]) => list.map(({ source: _source, ...rest }) => rest);
  // Tokens with a lexicon word, with punctuation around it, two words in one token, typos, unknown words.
  const TOKENS = ['as', 'aš', 'cia', '(Cia),', 'cia-as', 'grazus', 'GRAZUS', 'orasd', 'labai', 'oras!', 'namas', '„as“', '12'];
  const sentence = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 8 }).map((ts) => ts.join(' '));

  it('property: they apply to the decoded text; where no token repeats, they are the diff\'s, word for word', async () => {
    await fc.assert(fc.asyncProperty(sentence, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), async (input, flips) => {
      // The model believes in a target that takes some words' other spellings (or a typo's fix).
      const plan = buildPlan(input, 'lt', LT);
      const source = utf8Bytes(input);
      const targetBytes: Uint8Array[] = [];
      let at = 0;
      plan.words.forEach((word, i) => {
        const pick = flips[i % flips.length] ? word.candidates.at(-1)! : word.candidates[0]!;
        targetBytes.push(source.subarray(at, word.start), pick.bytes);
        at = word.end;
      });
      targetBytes.push(source.subarray(at));
      const target = decodeUtf8(Buffer.concat(targetBytes))!;
      const result = await lexiconDecode(new TargetModel(target), encoderIds(source, 'lt'), source, plan, { lambda: 1 });
      expect(result.choices).toHaveLength(plan.words.length);
      const output = outputBytes(result.ids)!;
      const unit = { text: input, inputBytes: source };
      const fromChoices = suggestionsFromChoices(unit, plan, result.choices, strip)!;
      expect(applySuggestions(input, fromChoices)).toBe(decodeUtf8(output));
      // The diff aligns words by their bytes: a changed word that reads like another word of the input can pair
      // with that one (the example below); elsewhere the choices and the diff must agree.
      const tokens = input.split(' ');
      const written = decodeUtf8(output)!.split(' ');
      if (new Set(tokens).size === tokens.length && written.every((w, i) => w === tokens[i] || !tokens.includes(w))) {
        const fromDiff = buildSuggestions({ ...unit, outputBytes: output, outputProbs: result.probs }, strip);
        expect(withoutSource(fromChoices)).toEqual(withoutSource(fromDiff));
      }
      const fixed = new Set(plan.words.filter((w, i) => w.candidates[result.choices[i]!.candidate ?? -1]?.fix)
        .map((w) => decodeUtf8(source.subarray(w.start, w.end))));
      for (const s of fromChoices) expect(s.source).toBe(fixed.has(s.original) ? 'typo' : 'lexicon');
    }), { numRuns: 200 });
  });

  it('a changed word that reads like its neighbour stays one word (the diff paired it with the neighbour)', async () => {
    const input = 'as aš';
    const { result, plan } = await run(input, 'aš aš', 0);
    const unit = { text: input, inputBytes: utf8Bytes(input) };
    expect(suggestionsFromChoices(unit, plan, result.choices, strip)?.map((s) => [s.original, s.replacement]))
      .toEqual([['as', 'aš']]);
    const diffed = buildSuggestions({ ...unit, outputBytes: outputBytes(result.ids)!, outputProbs: result.probs }, strip);
    expect(diffed.map((s) => [s.original, s.replacement])).toEqual([['as aš', 'aš aš']]);
  });

  it('says why: a dictionary spelling, or a typo\'s fix', async () => {
    const input = 'cia orasd';
    const { result, plan } = await run(input, 'čia oras', 0);
    const suggestions = suggestionsFromChoices({ text: input, inputBytes: utf8Bytes(input) }, plan, result.choices, strip);
    expect(suggestions?.map((s) => [s.original, s.replacement, s.kind, s.source])).toEqual([
      ['cia', 'čia', 'diacritics', 'lexicon'], ['orasd', 'oras', 'spelling', 'typo']]);
  });

  it.each([
    // tal: a rare known word with a diacritic variant (tąl) and a frequent word an edit away (tai)
    ['tąl', [['tal', 'tąl', 'diacritics', 'lexicon']]],
    ['tai', [['tal', 'tai', 'spelling', 'typo']]],
  ])('a word that may be a real-word typo: %j is a %j', async (target, expected) => {
    const lexicon = lexiconFromForms('lt', [['tai', 100000], ['tal', 3], ['tąl', 2]]);
    const source = utf8Bytes('tal');
    const plan = buildPlan('tal', 'lt', lexicon);
    expect(plan.words[0]!.candidates.map((c) => [decodeUtf8(c.bytes), c.fix ?? false]))
      .toEqual([['tal', false], ['tąl', false], ['tai', true]]);
    const result = await lexiconDecode(new TargetModel(target), encoderIds(source, 'lt'), source, plan, { lambda: 0 });
    expect(suggestionsFromChoices({ text: 'tal', inputBytes: source }, plan, result.choices, strip)
      ?.map((s) => [s.original, s.replacement, s.kind, s.source])).toEqual(expected);
  });
});
