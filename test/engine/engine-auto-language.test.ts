/**
 * `auto` with the shipped model (issue 15, item 8): Lithuanian, Czech and Turkish lines in one text, as the
 * editor sends it (its Fix all sends the whole document; typing sends a paragraph), are each corrected in
 * their own language: exactly as each line alone with its language named. Before, the whole text was
 * detected once and all three lines were corrected as Lithuanian.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCorrector, DEFAULT_MODEL_DIR, type LocalCorrector } from '../../electron/engine/index.ts';
import { stripDiacritics } from '../../electron/engine/noise/index.ts';
import type { LanguageCode } from '../../electron/shared/types.ts';

const HAS_MODEL = existsSync(join(DEFAULT_MODEL_DIR, 'manifest.json'));
if (!HAS_MODEL) console.log(`engine-auto-language: skipped, no shipped model (${DEFAULT_MODEL_DIR}/manifest.json is absent)`);
const UD = fileURLToPath(new URL('../../../shared/benchmarks/ud/', import.meta.url));

/** UD sentences of 60-120 characters of `lang`, diacritics stripped (as users type). */
function sentences(lang: LanguageCode, count: number): string[] {
  return readFileSync(`${UD}${lang}.txt`, 'utf8').split('\n').filter((l) => l.length >= 60 && l.length <= 120)
    .slice(0, count).map((l) => stripDiacritics(l, lang));
}

describe.skipIf(!HAS_MODEL)('auto: a language per paragraph and per sentence (shipped model)', () => {
  let corrector: LocalCorrector;
  beforeAll(async () => {
    corrector = await createCorrector();
  });
  afterAll(async () => corrector?.dispose());

  const langs: LanguageCode[] = ['lt', 'cs', 'tr'];
  const lines = langs.map((lang) => sentences(lang, 2).join(' '));

  it.each([
    ['lines of one paragraph', '\n'],
    ['paragraphs', '\n\n'],
  ])('Lithuanian, Czech and Turkish %s: each corrected as on its own with its language named', async (_name, separator) => {
    const alone = await Promise.all(langs.map(async (lang, i) => (await corrector.correct(lines[i]!, { language: lang })).text));
    expect(alone).not.toEqual(lines); // there is something to correct in each
    const result = await corrector.correct(lines.join(separator), { language: 'auto' });
    expect(result.languages?.map((l) => l.language)).toEqual(langs);
    expect(result.text).toBe(alone.join(separator));
  });

  // Names read as another language's words to the n-grams; the lexicons keep such a sentence in its text's language
  // (lexicon-check.ts): it had been Slovenian, and "Jiri" became "Viri". And they re-rank the n-grams' likeliest.
  it.each([
    ['a signature inside a Czech paragraph', 'Dobry den, posilam vam slibene podklady k projektu. Pokud budete mit '
      + 'nejake dotazy, nevahejte me kontaktovat. S pozdravem, Jiri Dvorak', {}, 'cs',
    'Dobrý den, posílám vám slíbené podklady k projektu. Pokud budete mít nějaké dotazy, neváhejte mě kontaktovat. '
      + 'S pozdravem, Jiří Dvorak'],
    ['a signature alone, around Czech text', 'S pozdravem\nJiri Dvorak', { around: 'cs' }, 'cs',
      'S pozdravem\nJiří Dvorak'],
    ['a Turkish paragraph around Czech text', sentences('tr', 2).join(' '), { around: 'cs' }, 'tr', null],
    // Stripped Czech whose letters read as Slovak to the n-grams: the lexicons tell (it had become "venovať zaradení").
    ['Czech without diacritics', 'Zvysene usili budeme venovat zavadeni novych poznatku do praxe.', {}, 'cs',
      'Zvýšené úsilí budeme věnovat zavádění nových poznatků do praxe.'],
    ['Slovak without diacritics', 'Ahoj, zajtra nemozem prist, lebo mam poradu v praci. Zavolaj mi vecer, dobre?', {},
      'sk', 'Ahoj, zajtra nemôžem prísť, lebo mám poradu v práci. Zavolaj mi večer, dobre?'],
  ] as const)('%s: %s', async (_name, text, extra, language, expected) => {
    const result = await corrector.correct(text, { language: 'auto', ...extra });
    expect(result.languages?.map((l) => l.language)).toEqual([language]);
    if (expected !== null) expect(result.text).toBe(expected);
  });

  it('a Czech email with a Slovak paragraph: each paragraph in its language, the signature Czech', async () => {
    // The n-grams alone made the Slovak paragraph Czech ("Zavolej ... dobře? Potřebujem") and the signature
    // Slovenian ("Jiri" kept, the paragraph tagged sl); n-grams and lexicons together judge each part.
    const text = 'Dobry den, posilam vam slibene podklady k projektu. Pokud budete mit nejake dotazy, nevahejte me '
      + 'kontaktovat.\n\nZavolaj mi vecer, dobre? Potrebujem sa s tebou porozpravat o vikende.\n\nS pozdravem, Jiri Dvorak';
    const result = await corrector.correct(text, { language: 'auto' });
    expect(result.languages?.map((l) => l.language)).toEqual(['cs', 'sk', 'cs']);
    expect(result.text).toBe('Dobrý den, posílám vám slíbené podklady k projektu. Pokud budete mít nějaké dotazy, neváhejte '
      + 'mě kontaktovat.\n\nZavolaj mi večer, dobre? Potrebujem sa s tebou porozprávať o víkende.\n\nS pozdravem, Jiří Dvorak');
  });

  it('a language around the text that is none is refused', async () => {
    await expect(corrector.correct('Dobry den', { language: 'auto', around: 'xx' as LanguageCode }))
      .rejects.toThrow(/unsupported language 'xx' around the text/);
  });
});
