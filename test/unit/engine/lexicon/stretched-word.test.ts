/**
 * Words with a letter typed three times or more in a row: which are stretched on purpose, the word the lexicon and
 * the language model know them by, and a spelling of that stretched back over the writer's runs.
 */
import { describe, expect, it } from 'vitest';
import { lexiconFromForms } from '../../../../electron/engine/lexicon/lexicon.ts';
import { stretchedWord } from '../../../../electron/engine/lexicon/stretched-word.ts';

const CS = lexiconFromForms('cs', [['problém', 500], ['hú', 50], ['strašně', 300], ['pizza', 80], ['jo', 900]]);

describe('stretched words', () => {
  it.each([
    // word, its letters with each run cut to one, a spelling of those stretched back
    ['prrroblem', 'problem', 'problém', 'prrroblém'],
    ['Huuuu', 'Hu', 'Hú', 'Húúúú'],
    ['HUUUU', 'HU', 'HÚ', 'HÚÚÚÚ'],
    ['HuUuU', 'Hu', 'Hú', 'HúÚúÚ'],
    ['jooooo', 'jo', 'jo', 'jooooo'],
    ['strrrasneee', 'strasne', 'strašně', 'strrrašněěě'],
    // a spelling of another length is returned as it is
    ['prrroblem', 'problem', 'problémy', 'problémy'],
  ])('%j: known as %j; %j stretched back is %j', (word, short, spelling, stretched) => {
    const stretch = stretchedWord(word, 'cs', CS);
    expect(stretch?.short).toBe(short);
    expect(stretch?.stretch(spelling)).toBe(stretched);
  });

  it.each([
    // the language model's word for a spelling of the stretched word; other texts unchanged
    ['strrrasneee', 'strrrašněěě', 'strašně'],
    ['prrroblem', 'prrroblem', 'problem'],
    ['prrroblem', 'problém', 'problém'],
  ])('%j: %j is cut to %j', (word, text, cut) => {
    expect(stretchedWord(word, 'cs', CS)?.cut(text)).toBe(cut);
  });

  it.each([
    // no run of three
    ['problem'],
    ['pizza'],
    // the cut word is unknown: left to the typo candidates
    ['brrrm'],
    // three letters that two would make a known word: a doubled letter's slip, fixed as a typo
    ['pizzza'],
  ])('%j is not stretched', (word) => {
    expect(stretchedWord(word, 'cs', CS)).toBeNull();
  });
});
