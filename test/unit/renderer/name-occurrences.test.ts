/** Where the document writes a name (name-occurrences.ts): the paragraphs the live checker checks again. */
import { describe, expect, it } from 'vitest';
import { nameOccurrences, touchedNames } from '../../../renderer/src/lib/editor/name-occurrences.ts';

describe('nameOccurrences', () => {
  it.each([
    // a whole word, in any capitalisation
    ['Sejdiu je rekao. Kaže SEJDIU i sejdiu.', 'sejdiu', [[0, 6], [22, 28], [31, 37]]],
    // not inside another word
    ['Sejdiua i aSejdiu nisu.', 'sejdiu', []],
    // Turkish dotless and dotted i, both ways
    ['IŞIK ve Işık', 'ışık', [[0, 4], [8, 12]]],
    ['İzmir ve izmir', 'izmir', [[0, 5], [9, 14]]],
    // a name with an apostrophe is matched as written
    ["O'Brien i o'brien", "o'brien", [[0, 7], [10, 17]]],
  ])('%j, %j -> %j', (text, name, expected) => {
    expect(nameOccurrences(text, name).map((r) => [r.from, r.to])).toEqual(expected);
  });
});

describe('touchedNames', () => {
  const names = ['sejdiu', 'kuqi'];
  it.each([
    // an edit inside a name, or right after it, changes it
    ['Kaže Sejdiu.', 7, 8, ['sejdiu']],
    ['Kaže Sejdiu.', 11, 11, ['sejdiu']],
    // an edit a space away does not
    ['Kaže Sejdiu i Kuqi.', 12, 12, []],
    ['Kaže Sejdiu i Kuqi.', 0, 19, ['sejdiu', 'kuqi']],
  ])('%j [%i, %i) -> %j', (text, from, to, expected) => {
    expect(touchedNames(text, from, to, names)).toEqual(expected);
  });
});
