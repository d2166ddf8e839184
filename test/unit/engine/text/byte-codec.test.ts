import { describe, expect, it } from 'vitest';
import { AUTO_TAG_ID, EOS_ID, encoderIds, isModelSafe, outputBytes, tagId, utf8Bytes } from '../../../../electron/engine/text/byte-codec.ts';

describe('byte codec (models/ONNX-CONTRACT.md)', () => {
  it.each([
    ['lt', 259], ['lv', 260], ['en', 278], ['auto', AUTO_TAG_ID],
  ] as const)('tag of %s is %i', (lang, id) => expect(tagId(lang)).toBe(id));

  it('encodes [tag, bytes + 3, EOS]', () => {
    expect([...encoderIds(utf8Bytes('aą'), 'pl')]).toEqual([263, 0x61 + 3, 0xc4 + 3, 0x85 + 3, EOS_ID]);
    expect([...encoderIds(utf8Bytes(''), 'auto')]).toEqual([279, 1]);
  });

  it.each([
    ['bytes then EOS', [0x61 + 3, 1], 'a'],
    ['stops at the first EOS', [0x61 + 3, 1, 0x62 + 3], 'a'],
    ['no EOS', [0x61 + 3], null],
    ['a tag id', [0x61 + 3, 260, 1], null],
    ['BOS inside', [2, 1], null],
    ['invalid UTF-8', [0xc4 + 3, 1], null],
  ])('output: %s', (_name, ids, expected) => {
    const bytes = outputBytes(ids);
    expect(bytes === null ? null : new TextDecoder().decode(bytes)).toBe(expected);
  });

  it.each([
    ['plain', 'Žalias medis.', true],
    ['tab', 'a\tb', true],
    ['NUL', 'a\0b', false],
    ['lone high surrogate', 'a\ud800b', false],
    ['lone low surrogate', '\udc00', false],
    ['surrogate pair', '😀', true],
    ['C1 control', 'a\u0085', false],
    ['RTL', 'שלום עולם', true],
  ])('model-safe: %s', (_name, text, safe) => expect(isModelSafe(text)).toBe(safe));
});
