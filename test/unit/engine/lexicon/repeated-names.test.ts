/** The names a text repeats (repeated-names.ts): what the engine reads from a whole text beside each sentence. */
import { describe, expect, it } from 'vitest';
import type { LanguageCode } from '../../../../electron/shared/types.ts';
import { repeatedNames, repeatedNamesIn, repeatedNamesOf } from '../../../../electron/engine/lexicon/repeated-names.ts';

describe('repeatedNames', () => {
  it.each([
    // typed twice, once capitalised inside a sentence: in any capitalisation and place, punctuation around it
    ['hr', 'Predsjednik Fatmir Sejdiu izjavio je. "Sejdiu je rekao", kaže SEJDIU.', ['sejdiu']],
    ['et', 'Õhtul avati Obu galeriis. Obu galerii eksponeerib.', ['obu']],
    ['hr', 'Fatmir Sejdiu.\nSejdiu je rekao.', ['sejdiu']],
    // once is not enough
    ['lt', 'Pasak Jono Lucenko, tyrime figūruoja 12 asmenų.', []],
    // a sentence's first word, also after opening marks or a colon, or after an initial, says nothing of a name
    ['es', 'Podemso tratar. Podemso ir.', []],
    ['es', '¡¿Qud?! Es algo qud luce.', []],
    ['hr', 'Rekao je: Sejdiu. Sejdiu je rekao.', []],
    ['lt', 'Pasak J. Lucenko. Lucenko sakė.', []],
    // a line's first word starts a sentence, whatever the line before ends with
    ['hr', 'Naslov bez točke\nSejdiu je rekao.\nSejdiu je otišao.', []],
    // Turkish capitalises its own way: "IŞIK" and "ışık" are one word
    ['tr', 'Dün IŞIK geldi, bugün Işık gitti.', ['ışık']],
  ] as Array<[LanguageCode, string, string[]]>)('%s %j -> %j', (lang, text, expected) => {
    expect([...repeatedNames(text, lang)].sort()).toEqual(expected);
  });
});

describe('repeatedNamesIn', () => {
  const names = new Set(['sejdiu', 'kuqi']);
  it.each([
    ['Kuqi i Sejdiu su rekli.', ['kuqi', 'sejdiu']],
    ['Kaže Sejdiu, Sejdiu.', ['sejdiu']],
    ['Nitko drugi.', []],
  ])('%j -> %j', (unit, expected) => {
    expect(repeatedNamesIn(unit, 'hr', names)).toEqual(expected);
  });

  it('needs no work for a text without repeated names', () => {
    expect(repeatedNamesIn('Sejdiu je rekao.', 'hr', new Set())).toEqual([]);
  });
});

describe('repeatedNamesOf', () => {
  const document = 'Predsjednik Fatmir Sejdiu izjavio je.\n\nSejdiu je rekao da Kuqi i Kuqi dolaze.\nKuqi nije.';
  it.each([
    // the names of the document that the part writes capitalised, wherever the document repeats them
    ['Predsjednik Fatmir Sejdiu izjavio je.', ['sejdiu']],
    ['Sejdiu je rekao da Kuqi i Kuqi dolaze.', ['kuqi', 'sejdiu']],
    // written lowercase in the part: no name there (it would change nothing)
    ['sejdiu je rekao.', []],
    // capitalised in the part, but the document does not repeat it
    ['Fatmir je rekao.', []],
  ])('%j -> %j', (part, expected) => {
    expect([...repeatedNamesOf(part, document, 'hr')].sort()).toEqual(expected);
  });

  it('finds what reading the whole document finds, for every paragraph of a real text', () => {
    const text = ['Dün IŞIK geldi, bugün Işık gitti.', 'Ankara\'da Işık ve Ayşe konuştu.', 'Ayşe gitti, Ayşe geldi.'].join('\n');
    const whole = repeatedNames(text, 'tr');
    for (const part of text.split('\n')) {
      const capitalised = part.split(/[^\p{L}]+/u).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.toLocaleLowerCase('tr'));
      expect([...repeatedNamesOf(part, text, 'tr')].sort()).toEqual([...whole].filter((n) => capitalised.includes(n)).sort());
    }
  });
});
