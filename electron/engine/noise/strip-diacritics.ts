/**
 * Diacritics stripping, the twin of strip_diacritics in models/training/noise.py (same tables, same result).
 */
import type { LanguageCode } from '../../shared/types.ts';
import { isLatinCodePoint, isMarkCodePoint, stripMap } from './tables.ts';

const codePointMaps = new Map<LanguageCode, Map<number, string>>();

function codePointMap(lang: LanguageCode): Map<number, string> {
  let map = codePointMaps.get(lang);
  if (!map) {
    map = new Map([...stripMap(lang)].map(([k, v]) => [k.codePointAt(0)!, v]));
    codePointMaps.set(lang, map);
  }
  return map;
}

/**
 * Removes all diacritics from `text`: NFC in, NFC out, case kept, one code point per letter (ł -> l, ș/ş -> s,
 * ệ -> e, İ -> I, ð -> d; ß æ œ þ stay). Combining marks left after a Latin letter are dropped; marks after
 * other scripts stay. Throws RangeError for an unknown language.
 */
export function stripDiacritics(text: string, lang: LanguageCode): string {
  const map = codePointMap(lang);
  const s = text.normalize('NFC');
  let out = '';
  let copied = 0; // s.slice(copied, i) is still to be copied
  let afterLatin = false; // the last code point that was not a mark is a Latin letter
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit < 0xc0) {
      // ASCII and Latin-1 punctuation: no diacritics, never a mark
      afterLatin = (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a);
      continue;
    }
    const cp = s.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const base = map.get(cp);
    if (base !== undefined) {
      out += s.slice(copied, i) + base;
      copied = i + width;
      afterLatin = true;
    } else if (isMarkCodePoint(cp)) {
      if (afterLatin) {
        out += s.slice(copied, i);
        copied = i + width;
      }
    } else {
      afterLatin = isLatinCodePoint(cp);
    }
    i += width - 1;
  }
  return copied === 0 ? s : out + s.slice(copied);
}
