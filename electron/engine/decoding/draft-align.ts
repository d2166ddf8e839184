/**
 * Where the next draft comes from (DESIGN.md section 4): the input, re-aligned to the output after every
 * divergence. Alignment is per character with diacritics and case ignored (a matches ą, so byte lengths may
 * differ); after a typo fix it looks for the last few output characters in the input near the cursor; inside
 * a multi-byte character it proposes the rest of the most likely character with the same base letter.
 * A wrong guess only costs one decoder pass: the verifier rejects it at its first byte.
 */

import type { LanguageCode } from '../../shared/types.ts';
import draftLetters from './draft-letters.json' with { type: 'json' };

/** Per language: base letter (in its case) -> letters with diacritics, most frequent first (bench/draft-letters.ts). */
const LETTERS = draftLetters as Record<string, Record<string, string[]>>;

/** The letters with diacritics that `lang`'s text writes for base letter `base` (in its case), most frequent first. */
export function languageLetters(lang: LanguageCode, base: string): readonly string[] {
  return LETTERS[lang]?.[base] ?? [];
}

const SPECIAL_BASES: Record<string, string> = {
  ł: 'l', đ: 'd', ð: 'd', ı: 'i', ø: 'o', ß: 's', æ: 'a', œ: 'o', þ: 't', ħ: 'h', ŧ: 't', ŀ: 'l',
};
const baseCache = new Map<string, string>();

/** The base letter of one character: lower case, without marks (ą -> a, Ł -> l, ß -> s). */
export function baseOf(char: string): string {
  let base = baseCache.get(char);
  if (base === undefined) {
    const lower = char.toLowerCase();
    base = SPECIAL_BASES[lower] ?? lower.normalize('NFD').replace(/\p{M}+/gu, '');
    if (base.length === 0) base = char;
    if (baseCache.size < 4096) baseCache.set(char, base);
  }
  return base;
}

const encoder = new TextEncoder();

/** Letters with diacritics, grouped by base letter, in a rough order of frequency across our languages. */
const VARIANTS = new Map<string, Uint8Array[]>();
{
  const ranges: Array<[number, number]> = [[0xc0, 0x24f], [0x1e00, 0x1eff]];
  for (const [from, to] of ranges) {
    for (let cp = from; cp <= to; cp++) {
      const char = String.fromCodePoint(cp);
      if (char.normalize('NFC') !== char || !/\p{L}/u.test(char)) continue;
      const base = baseOf(char);
      if (base === char.toLowerCase() || !/^[a-z]$/.test(base)) continue;
      const list = VARIANTS.get(base) ?? [];
      list.push(encoder.encode(char));
      VARIANTS.set(base, list);
    }
  }
}

/** A character of a byte string: its byte range and base letter. */
export interface ByteChar {
  start: number;
  end: number;
  base: string;
}

/** UTF-8 width from the lead byte (1 for invalid leads, so that garbage still advances). */
export function utf8Width(lead: number): number {
  if (lead < 0xc0) return 1;
  if (lead < 0xe0) return 2;
  if (lead < 0xf0) return 3;
  return lead < 0xf8 ? 4 : 1;
}

const decoder = new TextDecoder();

/** Characters of complete UTF-8 text. */
export function byteChars(bytes: Uint8Array, from = 0, to = bytes.length): ByteChar[] {
  const chars: ByteChar[] = [];
  let i = from;
  while (i < to) {
    const end = Math.min(to, i + utf8Width(bytes[i]!));
    chars.push({ start: i, end, base: baseOf(decoder.decode(bytes.subarray(i, end))) });
    i = end;
  }
  return chars;
}

const languageVariants = new Map<string, Uint8Array[]>();

/** Candidate letters for an input character: the language's own letters first, then every Latin variant. */
function variantsOf(like: string, lang: LanguageCode | undefined): Uint8Array[] {
  const key = `${lang ?? ''}\u0000${like}`;
  let list = languageVariants.get(key);
  if (!list) {
    const base = SPECIAL_BASES[like] ?? like.normalize('NFD')[0] ?? like;
    const own = (lang ? LETTERS[lang]?.[base] ?? LETTERS[lang]?.[like] ?? [] : []).map((l) => encoder.encode(l));
    list = [encoder.encode(like), ...own, ...(VARIANTS.get(baseOf(like)) ?? [])];
    if (languageVariants.size < 8192) languageVariants.set(key, list);
  }
  return list;
}

/**
 * Completion of a started character: the remaining bytes of a character whose first bytes are `prefix` and
 * whose base letter is that of `like` (the input character it replaces), or null when none is known.
 */
export function completeChar(prefix: Uint8Array, like: Uint8Array, lang?: LanguageCode): Uint8Array | null {
  for (const bytes of variantsOf(decoder.decode(like), lang)) {
    if (bytes.length <= prefix.length) continue;
    let ok = true;
    for (let k = 0; k < prefix.length && ok; k++) ok = bytes[k] === prefix[k];
    if (ok) return bytes.subarray(prefix.length);
  }
  return null;
}

const BYTE_OFFSET = 3;
const EOS = 1;

/** Follows the output of one decoding and proposes drafts from the input bytes. */
export class DraftAligner {
  private readonly chars: ByteChar[];
  private readonly outBases: string[] = [];
  private anchorOut = 0;
  private anchorChar = 0;

  /** `lang` orders the guesses for started characters; undefined when the language is not known. */
  constructor(private readonly src: Uint8Array, private readonly lang?: LanguageCode) {
    this.chars = byteChars(src);
  }

  /**
   * Draft ids (bytes + 3, EOS at the end of the input) to follow the output ids `out` (BOS excluded),
   * at most `max` long.
   */
  draft(out: readonly number[], max: number): number[] {
    if (max <= 0) return [];
    this.advance(out);
    const pending: number[] = [];
    for (let k = this.anchorOut; k < out.length; k++) pending.push(out[k]! - BYTE_OFFSET);
    const draft: number[] = [];
    let from = this.anchorChar;
    if (pending.length > 0) {
      const like = this.chars[from];
      if (!like) return [];
      const rest = completeChar(Uint8Array.from(pending), this.src.subarray(like.start, like.end), this.lang);
      if (!rest) return [];
      for (const byte of rest) draft.push(byte + BYTE_OFFSET);
      from++;
    }
    const start = from < this.chars.length ? this.chars[from]!.start : this.src.length;
    for (let k = start; k < this.src.length && draft.length < max; k++) draft.push(this.src[k]! + BYTE_OFFSET);
    if (draft.length < max) draft.push(EOS);
    return draft.slice(0, max);
  }

  /** Moves the anchor over the complete characters that the output gained since the last call. */
  private advance(out: readonly number[]): void {
    while (this.anchorOut < out.length) {
      const lead = out[this.anchorOut]! - BYTE_OFFSET;
      const width = lead >= 0 && lead < 256 ? utf8Width(lead) : 1;
      if (this.anchorOut + width > out.length) return; // inside a character: draft() completes it
      const srcChar = this.chars[this.anchorChar];
      if (srcChar && this.sameBytes(out, srcChar)) {
        this.outBases.push(srcChar.base);
        this.anchorOut += width;
        this.anchorChar++;
        continue;
      }
      const bytes = Uint8Array.from(out.slice(this.anchorOut, this.anchorOut + width), (id) => id - BYTE_OFFSET);
      const base = baseOf(decoder.decode(bytes));
      this.outBases.push(base);
      this.anchorOut += width;
      this.anchorChar = this.realign(base);
    }
  }

  private sameBytes(out: readonly number[], char: ByteChar): boolean {
    if (this.anchorOut + char.end - char.start > out.length) return false;
    for (let k = char.start; k < char.end; k++) {
      if (out[this.anchorOut + k - char.start]! - BYTE_OFFSET !== this.src[k]) return false;
    }
    return true;
  }

  /** Input character index after an output character whose base is `base` diverged from the input. */
  private realign(base: string): number {
    const at = this.anchorChar;
    if (this.chars[at]?.base === base) return at + 1; // diacritics or case changed
    if (this.chars[at + 1]?.base === base) return at + 2; // the model dropped an input character
    // A typo fix of another shape: find the latest output characters in the input near the cursor.
    for (let k = Math.min(6, this.outBases.length); k >= 2; k--) {
      const key = this.outBases.slice(-k);
      let best = -1;
      for (let end = Math.max(k, at - 4); end <= Math.min(this.chars.length, at + 16); end++) {
        let ok = true;
        for (let j = 0; j < k && ok; j++) ok = this.chars[end - k + j]!.base === key[j];
        if (ok && (best < 0 || Math.abs(end - at - 1) < Math.abs(best - at - 1))) best = end;
      }
      if (best >= 0) return best;
    }
    return Math.min(at + 1, this.chars.length); // a substituted character
  }
}
