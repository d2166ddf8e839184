import { describe, expect, it } from 'vitest';
import { type ContextModel, contextPriors, type LatticeSlot } from '../../../../electron/engine/lm/context.ts';

/**
 * A toy bigram language model over ids = token strings' indices: P(w | v) from a table, else a floor; the
 * history before v is ignored, so each expectation can be checked by hand.
 */
function bigramModel(table: Record<string, number>, floor = 0.001): ContextModel {
  const names: string[] = [];
  const id = (t: string) => (names.includes(t) ? names.indexOf(t) : names.push(t) - 1);
  return {
    wordHash: id,
    logProb: (_u, v, w) => Math.log(table[`${names[v]} ${names[w]}`] ?? floor),
  };
}

const slot = (forms: string[], priors: number[] = forms.map(() => 0)): LatticeSlot => ({ forms, logPriors: priors });

describe('context priors (Viterbi max-marginals over the lattice)', () => {
  // Czech: "zda" (whether) vs "zdá" (seems); the prior prefers "zda", the words around decide.
  const lm = bigramModel({ 'to zdá': 0.2, 'to zda': 0.001, 'zdá se': 0.5, 'zda se': 0.001, '<s> to': 0.1,
    'se </s>': 0.5, '<s> zda': 0.2, 'zda je': 0.3, 'zdá je': 0.001, 'je </s>': 0.5 });
  const prior = [Math.log(0.8), Math.log(0.2)];

  it.each([
    ['to _ se', [slot(['to']), slot(['zda', 'zdá'], prior), slot(['se'])], 'zdá'],
    ['_ je', [slot(['zda', 'zdá'], prior), slot(['je'])], 'zda'],
  ])('%s: the context picks %s', (_name, slots, winner) => {
    const out = contextPriors(slots as LatticeSlot[], lm, 1);
    const choice = (slots as LatticeSlot[]).findIndex((s) => s.forms.length > 1);
    const best = out[choice]!.indexOf(0);
    expect((slots as LatticeSlot[])[choice]!.forms[best]).toBe(winner);
    // Every slot's best candidate scores 0, the others below.
    for (const scores of out) expect(Math.max(...scores)).toBe(0);
  });

  it('with weight 0 the priors alone decide (scores = priors relative to the best)', () => {
    const out = contextPriors([slot(['to']), slot(['zda', 'zdá'], prior), slot(['se'])], lm, 0);
    expect(out[1]![0]).toBe(0);
    expect(out[1]![1]).toBeCloseTo(Math.log(0.2) - Math.log(0.8), 10);
  });

  it('scores a candidate by the best path through it, two ambiguous words in a row', () => {
    const two = bigramModel({ '<s> a': 0.5, '<s> á': 0.5, 'a b': 0.9, 'á b́': 0.9, 'a b́': 0.01, 'á b': 0.01,
      'b </s>': 1, 'b́ </s>': 1 });
    const out = contextPriors([slot(['a', 'á'], [Math.log(0.6), Math.log(0.4)]), slot(['b', 'b́'], [Math.log(0.1), Math.log(0.9)])],
      two, 1);
    // Paths: a b = .6*.5*.1*.9, á b́ = .4*.5*.9*.9 (best); so á and b́ lead their slots.
    expect(out[0]![1]).toBe(0);
    expect(out[1]![1]).toBe(0);
    expect(out[0]![0]).toBeCloseTo(Math.log((0.6 * 0.5 * 0.1 * 0.9) / (0.4 * 0.5 * 0.9 * 0.9)), 10);
  });

  // Czech "nove auto": the word model has never seen either pair (a tie at its floor); the suffix-class model has
  // seen adjectives in -ové before nouns in -uto more often than adverbs in -ově.
  const suffix = bigramModel({ '-ové -uto': 0.2, '-ově -uto': 0.01 });
  const withSuffix: ContextModel = { ...bigramModel({}), suffix: {
    classHash: (t) => suffix.wordHash(`-${Array.from(t).slice(-3).join('')}`), logProb: suffix.logProb } };
  const nove = [slot(['nově', 'nové'], [Math.log(0.6), Math.log(0.4)]), slot(['auto'])];
  it.each<[number, string]>([[0, 'nově'], [0.5, 'nové'], [1, 'nové']])(
    'suffix weight %d: "nove auto" -> %s', (weight, winner) => {
      const out = contextPriors(nove, withSuffix, 1, weight);
      expect(nove[0]!.forms[out[0]!.indexOf(0)]).toBe(winner);
    });

  it('adds the suffix model\'s ln P at its share, on the same paths', () => {
    const [a, b] = [contextPriors(nove, withSuffix, 2, 0.5)[0]!, contextPriors(nove, withSuffix, 2, 0)[0]!];
    // nově vs nové: priors ln(0.6/0.4); the suffix model adds 2 x 0.5 x ln(0.01/0.2) to nově's side
    expect(b[0]! - b[1]!).toBeCloseTo(Math.log(0.6 / 0.4), 10);
    expect(a[0]! - a[1]!).toBeCloseTo(Math.log(0.6 / 0.4) + Math.log(0.01 / 0.2), 10);
  });

  // Czech "pozitivnich testu": the suffix classes "-ích -stů" / "-ích -stu" split their counts by stem letters; the
  // ending classes "-ích -ů" / "-ích -u" have seen genitive plural after genitive plural often.
  const endings = bigramModel({ '-ích -ů': 0.3, '-ích -u': 0.02 });
  const ending = (t: string) => `-${/[aeiouyáéěíóúůý]+[^aeiouyáéěíóúůý]*$/u.exec(t)?.[0] ?? t}`;
  const withEndings: ContextModel = { ...withSuffix, endings: {
    classHash: (t) => endings.wordHash(ending(t)), logProb: endings.logProb } };
  const testu = [slot(['pozitivních']), slot(['testu', 'testů'], [Math.log(0.7), Math.log(0.3)])];
  it.each<[number, string]>([[0, 'testu'], [0.5, 'testů']])(
    'ending weight %d: "pozitivnich testu" -> %s', (weight, winner) => {
      const out = contextPriors(testu, withEndings, 1, 0.5, weight);
      expect(testu[1]!.forms[out[1]!.indexOf(0)]).toBe(winner);
    });

  it('adds the ending model\'s ln P at its share beside the suffix model\'s', () => {
    const [with_, without] = [contextPriors(testu, withEndings, 2, 0.5, 0.25)[1]!,
      contextPriors(testu, withEndings, 2, 0.5, 0)[1]!];
    // testu vs testů: the ending model adds 2 x 0.25 x ln(0.02/0.3) to testu's side
    expect(with_[0]! - with_[1]! - (without[0]! - without[1]!)).toBeCloseTo(0.5 * Math.log(0.02 / 0.3), 10);
  });

  it('gives nothing for an empty sentence', () => {
    expect(contextPriors([], lm, 1)).toEqual([]);
  });
});
