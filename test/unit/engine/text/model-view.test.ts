/**
 * What the model is shown of a unit (electron/engine/text/model-view.ts, issue 15, items 7 and 9): characters it
 * cannot read or write (lost text, emoji, symbols) are left out, a run of them inside a word becomes a space,
 * and suggestions come back onto the unit without ever touching a hidden character or a fragment of a word
 * that lost text splits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelView, suggestionsOnUnit } from '../../../../electron/engine/text/model-view.ts';
import type { Suggestion } from '../../../../electron/shared/types.ts';

const FFFD = '\uFFFD';

describe('modelView', () => {
  it.each([
    ['clean text is unchanged', 'Siandien labai grazus oras', 'Siandien labai grazus oras'],
    ['U+FFFD between words: gone with one space', `grazus ${FFFD} oras`, 'grazus oras'],
    ['a lone high surrogate between words', 'grazus \uD800 oras', 'grazus oras'],
    ['a lone low surrogate glued to a word', 'grazus \uDC00oras', 'grazus oras'],
    ['a run of them at the start', `${FFFD}${FFFD} oras`, 'oras'],
    ['at the end after a space', `oras ${FFFD}`, 'oras'],
    ['glued to the end of a word', `oras${FFFD}.`, 'oras.'],
    ['inside a word: a space keeps the halves apart', `gra${FFFD}zus oras`, 'gra zus oras'],
    ['controls (NUL, ESC, C1) and the byte-order mark', '\uFEFFgrazus\u0000 \u001b\u0085oras', 'grazus oras'],
    ['a tab is text', 'grazus\toras', 'grazus\toras'],
    ['two runs around one space', `a ${FFFD} ${FFFD} b`, 'a b'],
    // Item 9: emoji and other symbols the model cannot write back.
    ['👍 glued to the word after it', '👍Siandien labai', 'Siandien labai'],
    ['🙂 glued to the word after it', '🙂Siandien labai', 'Siandien labai'],
    ['👍 between words', 'Siandien 👍 labai', 'Siandien labai'],
    ['an emoji between two letters separates them', 'Siandien👍labai', 'Siandien labai'],
    ['a skin-tone modifier goes with its emoji', '👍🏻 oras', 'oras'],
    ['❤️ (a BMP pictograph with VS16)', 'Aciu ❤️', 'Aciu'],
    ['a ZWJ family', 'Mano 👨‍👩‍👧 seima', 'Mano seima'],
    ['a flag (regional indicators)', '🇱🇹 Lietuva', 'Lietuva'],
    ['other symbols (★ ™)', 'Geras★ ™ oras', 'Geras oras'],
    ['a math letter outside the BMP', 'Jei 𝑥 lygus', 'Jei lygus'],
    ['text of other scripts stays: it is not a symbol', 'Москва ir Vilnius', 'Москва ir Vilnius'],
  ])('%s', (_name, unit, text) => {
    expect(modelView(unit).text).toBe(text);
  });

  it('maps every character of the view to the same character of the unit', () => {
    const unit = `\uD800Siandien ${FFFD} gra\u0000zus\u0085 oras`;
    const view = modelView(unit);
    [...view.text].forEach((char, i) => {
      if (char !== ' ') expect(unit[view.source[i]!]).toBe(char);
    });
  });

  it('property: the view never holds a hidden character, and keeps every other one in order', () => {
    const piece = fc.constantFrom('a', 'ž', ' ', '.', FFFD, '\uD800', '\uDC00', '\u0000', '\u0085', '\uFEFF', 'oras', '\t',
      '👍', '🙂', '🏻', '\u200D', '\uFE0F', '★', 'Я');
    const hidden = /[\p{Cs}\uFFFD\uFEFF\u0000-\u0008\u000a-\u001f\u007f-\u009f\p{Extended_Pictographic}\p{So}\u{10000}-\u{10FFFF}\u200D\uFE0F]/u;
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), (unit) => {
      const { text } = modelView(unit);
      expect(text).not.toMatch(hidden);
      const kept = (s: string) => s.replace(new RegExp(`${hidden.source}|\\s`, 'gu'), '');
      expect(kept(text)).toBe(kept(unit));
    }));
  });
});

function suggestion(text: string, original: string, replacement: string): Suggestion {
  const start = text.indexOf(original);
  return { span: { start, end: start + original.length }, original, replacement, kind: 'diacritics', source: 'lexicon', confidence: 0.9 };
}

describe('suggestionsOnUnit', () => {
  it.each([
    ['a word after a hidden run moves by its length', `grazus ${FFFD} oras`, 'oras', 'orą',
      { span: { start: 9, end: 13 }, original: 'oras' }],
    ['a word before one keeps its place', `grazus ${FFFD} oras`, 'grazus', 'gražus',
      { span: { start: 0, end: 6 }, original: 'grazus' }],
    ['a word glued to a hidden character is still corrected', `\uD800grazus oras`, 'grazus', 'gražus',
      { span: { start: 1, end: 7 }, original: 'grazus' }],
    ['a fragment of a word split by one is not', `gra${FFFD}zus oras`, 'gra', 'grą', null],
    ['nor the other fragment', `gra${FFFD}zus oras`, 'zus', 'žus', null],
    ['a word glued to 👍 is corrected', '👍Siandien oras', 'Siandien', 'Šiandien',
      { span: { start: 2, end: 10 }, original: 'Siandien' }],
    ['an emoji between letters only separates: the word after it is corrected', 'Labas👍grazus', 'grazus', 'gražus',
      { span: { start: 7, end: 13 }, original: 'grazus' }],
  ])('%s', (_name, unit, original, replacement, expected) => {
    const view = modelView(unit);
    const [moved] = suggestionsOnUnit(unit, view, [suggestion(view.text, original, replacement)]);
    expect(moved ?? null).toEqual(expected === null ? null : { ...expected, replacement, kind: 'diacritics', source: 'lexicon', confidence: 0.9 });
  });

  it('a suggestion that spans a separating space (and so would rewrite the hidden run) is dropped', () => {
    const unit = `gra${FFFD}zus oras`;
    const view = modelView(unit);
    expect(suggestionsOnUnit(unit, view, [suggestion(view.text, 'gra zus', 'gražus')])).toEqual([]);
  });
});
