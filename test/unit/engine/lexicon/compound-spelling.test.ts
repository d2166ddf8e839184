/**
 * Words the lexicon lacks, spelled as compounds of words it knows: which cut is taken, and where there is none.
 */
import { describe, expect, it } from 'vitest';
import { lexiconFromForms } from '../../../../electron/engine/lexicon/lexicon.ts';
import { compoundSpelling } from '../../../../electron/engine/lexicon/compound-spelling.ts';

const ET = lexiconFromForms('et', [
  ['töö', 900], ['too', 300], ['tööstus', 80], ['metallide', 20], ['kerge', 200], ['jõustiku', 15], ['neljapäev', 40],
  ['päevast', 60], ['nelja', 120], ['maailma', 300], ['meistri', 50], ['võistlustel', 30], ['ülesannete', 25],
  ['hinna', 90], ['tõus', 40], ['tõusu', 35], ['ja', 5000], ['ta', 4000], ['sai', 700], ['ase', 10],
  ['vähe', 400], ['vahe', 100], ['valimisse', 5], ['koer', 60], ['dictionary', 0], ['sõnastik', 0],
  ['raamat', 30], ['raa', 0], ['mat', 0]]);

describe('compound spellings', () => {
  it.each([
    // unknown key -> the compound of known words, each its key's most frequent form
    ['toostusmetallide', 'tööstusmetallide'],
    ['kergejoustiku', 'kergejõustiku'],
    ['tooulesannete', 'tööülesannete'],
    // three parts
    ['maailmameistrivoistlustel', 'maailmameistrivõistlustel'],
    // the fewest parts: "neljapäev" + "ast"? no: "ast" is no word; "nelja" + "päevast" (two) over three
    ['neljapaevast', 'neljapäevast'],
    // a part's most frequent form, even where the compound meant the other ("vahe" is rarer than "vähe")
    ['vahevalimisse', 'vähevalimisse'],
    // a cut as typed: the same letters back
    ['koerkoer', 'koerkoer'],
    // among cuts into as many parts, the one of the more frequent words: "hinna" + "tõusu" over nothing else
    ['hinnatousu', 'hinnatõusu'],
    // a part only the dictionary knows (count 0) is a part, below any seen one
    ['sonastikkoer', 'sõnastikkoer'],
    // seen words' cut over the dictionary's among as many parts: "töö" + "raamat", not "tooraa" + ... or "raa" + "mat"
    ['tooraamat', 'tööraamat'],
    ['raamatkoer', 'raamatkoer'],
  ])('%j -> %j', (key, spelling) => {
    expect(compoundSpelling(key, ET)).toBe(spelling);
  });

  it.each([
    // a known word is no unknown compound
    ['toostus'],
    ['tooststus'],
    // parts under three letters are no parts ("ja" + "ta")
    ['jata'],
    ['tajasai'],
    // four parts are too many
    ['koerkoerkoerkoer'],
    // shorter than two parts
    ['tooja'],
  ])('%j has no compound spelling', (key) => {
    expect(compoundSpelling(key, ET)).toBeNull();
  });
});
