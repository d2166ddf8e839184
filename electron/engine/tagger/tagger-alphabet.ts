/**
 * A diacritics tagger's alphabet (models/tagger.<langs>.json, written by models/training/tagger/export.py from
 * alphabet.py): the input id of each character, the output classes (0 = keep the letter as typed, else the
 * letter it becomes, folded to lower case) and, per language, the classes each typed letter may take.
 */
import { z } from 'zod';

export const taggerAlphabetSchema = z.object({
  version: z.literal(1),
  languages: z.array(z.string()).min(1),
  classes: z.array(z.string()).min(2),
  // language -> input id (as a decimal string) -> the classes other than KEEP that letter may take
  allowed: z.record(z.string(), z.record(z.string(), z.array(z.number().int().positive()))),
  inputIds: z.object({
    latinEnd: z.number().int().positive(),
    viStart: z.number().int().positive(),
    viEnd: z.number().int().positive(),
    hashBuckets: z.number().int().positive(),
  }),
});
export type TaggerAlphabetJson = z.infer<typeof taggerAlphabetSchema>;

/** Lower case where that stays one code point (İ stays İ), as alphabet.py's fold. */
export function fold(ch: string): string {
  const lower = ch.toLowerCase();
  return [...lower].length === 1 ? lower : ch;
}

export class TaggerAlphabet {
  private readonly classIndex = new Map<string, number>();
  private readonly allowedByLang = new Map<string, Map<number, readonly number[]>>();

  constructor(private readonly json: TaggerAlphabetJson) {
    json.classes.forEach((c, i) => this.classIndex.set(c, i));
    for (const [lang, table] of Object.entries(json.allowed)) {
      const byId = new Map<number, readonly number[]>();
      for (const [id, classes] of Object.entries(table)) byId.set(Number(id), classes);
      this.allowedByLang.set(lang, byId);
    }
  }

  static parse(value: unknown): TaggerAlphabet {
    return new TaggerAlphabet(taggerAlphabetSchema.parse(value));
  }

  get classCount(): number {
    return this.json.classes.length;
  }

  /** The graph's language index, or -1 for a language the tagger was not trained on. */
  languageIndex(lang: string): number {
    return this.json.languages.indexOf(lang);
  }

  /** Whether the tagger has any choice to make in `lang` (English has no letters with diacritics). */
  tags(lang: string): boolean {
    return (this.allowedByLang.get(lang)?.size ?? 0) > 0;
  }

  /** The languages the network was trained on that have choices to make (tagger.json lists only those). */
  languagesTagged(): string[] {
    return this.json.languages.filter((lang) => this.tags(lang));
  }

  /** The input id of one code point. */
  charId(codePoint: number): number {
    const { latinEnd, viStart, viEnd, hashBuckets } = this.json.inputIds;
    if (codePoint > 0 && codePoint < latinEnd) return codePoint;
    if (codePoint >= viStart && codePoint < viEnd) return latinEnd + codePoint - viStart;
    return latinEnd + (viEnd - viStart) + (codePoint % hashBuckets);
  }

  /** Classes other than KEEP the typed letter may take in `lang` (empty: no choice). */
  allowed(lang: string, typed: string): readonly number[] {
    return this.allowedByLang.get(lang)?.get(this.charId(typed.codePointAt(0)!)) ?? [];
  }

  /** The class that writes `letter` for the typed letter: 0 when equal, undefined when not one of its choices. */
  classFor(lang: string, typed: string, letter: string): number | undefined {
    if (letter === typed) return 0;
    const cls = this.classIndex.get(fold(letter));
    return cls !== undefined && this.allowed(lang, typed).includes(cls) ? cls : undefined;
  }

  /** The letter class `cls` writes for a typed letter, in the typed letter's case. */
  letterFor(typed: string, cls: number): string {
    if (cls === 0) return typed;
    const letter = this.json.classes[cls]!;
    if (typed !== typed.toLowerCase()) {
      const upper = letter.toUpperCase();
      return [...upper].length === 1 ? upper : letter;
    }
    return letter;
  }
}
