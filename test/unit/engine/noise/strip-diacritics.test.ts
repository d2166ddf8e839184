import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOISE_TABLES, stripDiacritics, stripMap } from '../../../../electron/engine/noise/index.ts';
import { LANGUAGES, type LanguageCode } from '../../../../electron/shared/types.ts';

const { strip } = NOISE_TABLES;

describe('stripDiacritics: a real sentence per language (hand-written)', () => {
  it.each<[LanguageCode, string, string]>([
    ['lt', 'Šiandien labai gražus oras', 'Siandien labai grazus oras'],
    ['lv', 'Rīgā šodien līst, Ķegums un Ļaudona', 'Riga sodien list, Kegums un Laudona'],
    ['cs', 'Příliš žluťoučký kůň úpěl ďábelské ódy', 'Prilis zlutoucky kun upel dabelske ody'],
    ['sk', 'Kŕdeľ šťastných ďatľov, kôň a Ä', 'Krdel stastnych datlov, kon a A'],
    ['pl', 'Zażółć gęślą jaźń, Łódź', 'Zazolc gesla jazn, Lodz'],
    ['hr', 'Đurđevac, Čakovec i Ćiro žure', 'Durdevac, Cakovec i Ciro zure'],
    ['ro', 'Ștefan și Țara', 'Stefan si Tara'],
    ['ro', 'Ştefan şi Ţara (sedilă), în', 'Stefan si Tara (sedila), in'],
    ['hu', 'Árvíztűrő tükörfúrógép ŐSZ', 'Arvizturo tukorfurogep OSZ'],
    ['fr', "Où est la forêt ? L'été, Noël, ça, Ÿ", "Ou est la foret ? L'ete, Noel, ca, Y"],
    ['es', '¿Qué tal, señor Núñez? Pingüino', '¿Que tal, senor Nunez? Pinguino'],
    ['ga', 'Tá an aimsir go hálainn, a Sheáin; ḃí', 'Ta an aimsir go halainn, a Sheain; bi'],
    ['tr', "İstanbul'da ağaç", "Istanbul'da agac"],
    ['tr', 'IŞIK ışık ÇÖL üzüm', 'ISIK isik COL uzum'],
    ['vi', 'Tiếng Việt', 'Tieng Viet'],
    ['vi', 'Đường Hồ Chí Minh, ưu tiên, ỬA ỹ', 'Duong Ho Chi Minh, uu tien, UA y'],
    ['de', 'Größere Übungen für Äpfel', 'Großere Ubungen fur Apfel'],
    ['pt', 'A ação do coração não é fácil, às três', 'A acao do coracao nao e facil, as tres'],
    ['it', 'Perché è così? Più caffè, È vero', 'Perche e cosi? Piu caffe, E vero'],
    ['sl', 'Šolar je čakal na žerjavico', 'Solar je cakal na zerjavico'],
    ['et', 'Jõulud õues, Šveits, žürii ööbisid', 'Joulud oues, Sveits, zurii oobisid'],
    ['is', 'Þórður og Guðrún á föstudögum, ÐÆ', 'Þordur og Gudrun a fostudogum, DÆ'],
    ['en', "The naïve café owner's résumé", "The naive cafe owner's resume"],
  ])('%s: %s', (lang, text, expected) => expect(stripDiacritics(text, lang)).toBe(expected));
});

describe('stripDiacritics: decisions and the generic fallback', () => {
  it.each<[string, LanguageCode, string, string]>([
    ['ß æ œ þ are letters, not diacritics: kept', 'de', 'ß ẞ æ Æ œ Œ þ Þ', 'ß ẞ æ Æ œ Œ þ Þ'],
    ['ð -> d (Icelandic ASCII practice)', 'is', 'Guðrún', 'Gudrun'],
    ['letters Unicode does not decompose', 'en', 'ł Ł đ ı ø Ø ħ ŧ ŀ', 'l L d i o O h t l'],
    ['a Polish name in Czech text', 'cs', 'Wałęsa z Łodzi', 'Walesa z Lodzi'],
    ['decomposed input', 'cs', 'Pr\u030ci\u0301klad', 'Priklad'],
    ['marks NFC cannot compose, after Latin', 'lt', 'ą\u0301žuolas q\u0307', 'azuolas q'],
    ['marks after other scripts stay', 'en', 'а\u0301 ά が 한국어', 'а\u0301 ά が 한국어'],
    ['ǿ: ø with acute', 'en', 'Ǿ ǿ', 'O o'],
    ['digraph letters stay', 'hr', 'Ǆ ǅ ǆ', 'Ǆ ǅ ǆ'],
    ['emoji and astral letters', 'lt', '👨‍👩‍👧‍👦 🇱🇹 𝒜 ą', '👨‍👩‍👧‍👦 🇱🇹 𝒜 a'],
    ['empty', 'en', '', ''],
  ])('%s', (_name, lang, text, expected) => expect(stripDiacritics(text, lang)).toBe(expected));

  it('throws on an unknown language', () => {
    expect(() => stripDiacritics('a', 'xx' as LanguageCode)).toThrow(RangeError);
  });
});

describe('strip tables', () => {
  it.each(LANGUAGES.map((l) => [l]))('%s: both cases, ASCII base letters, agreeing with the generic table', (lang) => {
    const table = Object.entries(strip.languages[lang]);
    for (const [letter, base] of table) {
      expect(base).toMatch(/^[A-Za-z]$/);
      expect(letter === letter.toUpperCase()).toBe(base === base.toUpperCase());
      expect(strip.generic[letter]).toBe(base);
      expect(stripDiacritics(letter, lang)).toBe(base);
    }
    const lower = table.filter(([l]) => l !== l.toUpperCase()).length;
    expect(lower * 2).toBe(table.length);
  });

  it('Vietnamese lists all 134 letters; Romanian both comma-below and cedilla forms', () => {
    expect(Object.keys(strip.languages.vi)).toHaveLength(134);
    for (const c of ['\u0219', '\u021b', '\u015f', '\u0163', '\u0218', '\u021a', '\u015e', '\u0162']) {
      expect(strip.languages.ro[c]).toMatch(/^[sStT]$/);
    }
  });
});

const latinish = fc.string({
  unit: fc.constantFrom(...'aAzZ ,.!1łŁąĄšŠİıșşţțệỮđðøßæœþ👍🇱🇹\u0301\u0323ǿǄ'.match(/./gu)!),
  maxLength: 40,
});
const anyText = fc.oneof(latinish, fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }));
const lang = fc.constantFrom(...LANGUAGES);

describe('stripDiacritics: properties', () => {
  it('is idempotent and gives NFC', () => {
    fc.assert(fc.property(anyText, lang, (text, l) => {
      const once = stripDiacritics(text, l);
      expect(stripDiacritics(once, l)).toBe(once);
      expect(once.normalize('NFC')).toBe(once);
    }));
  });

  it('leaves no letter of the language table or the generic table', () => {
    fc.assert(fc.property(anyText, lang, (text, l) => {
      const map = stripMap(l);
      for (const ch of stripDiacritics(text, l)) expect(map.has(ch)).toBe(false);
    }));
  });

  it('keeps the length in code points when there are no combining marks', () => {
    const noMarks = latinish.map((s) => s.normalize('NFC').replace(/\p{M}/gu, ''));
    fc.assert(fc.property(noMarks, lang, (text, l) => {
      expect([...stripDiacritics(text, l)].length).toBe([...text].length);
    }));
  });

  it('only changes characters into their base letters (ASCII text passes through)', () => {
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) }), lang,
      (text, l) => {
        expect(stripDiacritics(text, l)).toBe(text);
      }));
  });
});
