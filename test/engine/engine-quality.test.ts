/**
 * The engine with the shipped model (models/): speculative == greedy on 500+ sentences and by property,
 * quality sanity on UD sentences, auto language, bad input. Skipped, with the reason printed, while
 * models/manifest.json is absent (the model is trained separately, see issue 3).
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encoderIds, utf8Bytes } from '../../electron/engine/text/byte-codec.ts';
import { greedyDecode, speculativeDecode } from '../../electron/engine/decoding/decode.ts';
import { createCorrector, DEFAULT_MODEL_DIR, type LocalCorrector } from '../../electron/engine/index.ts';
import { loadModel, type LoadedModel } from '../../electron/engine/model/model-loader.ts';
import { addTypos, stripDiacritics } from '../../electron/engine/noise/index.ts';
import { LANGUAGES, type LanguageCode } from '../../electron/shared/types.ts';

const MANIFEST = join(DEFAULT_MODEL_DIR, 'manifest.json');
const HAS_MODEL = existsSync(MANIFEST);
if (!HAS_MODEL) console.log(`engine-quality: skipped, no shipped model (${MANIFEST} is absent)`);
// A model whose version says "probe" is a plumbing check of the training pipeline, not a corrector: the engine
// invariants are tested on it, the assertions about correction quality are not.
const VERSION = HAS_MODEL ? String((JSON.parse(readFileSync(MANIFEST, 'utf8')) as { version?: unknown }).version) : '';
const TRAINED = HAS_MODEL && !/probe/i.test(VERSION);
if (HAS_MODEL && !TRAINED) console.log(`engine-quality: model ${VERSION} is a probe: correction-quality assertions skipped`);
const UD = fileURLToPath(new URL('../../../shared/benchmarks/ud', import.meta.url));

async function udGold(perLanguage: number, maxBytes = 200): Promise<Array<{ gold: string; lang: LanguageCode }>> {
  const out: Array<{ gold: string; lang: LanguageCode }> = [];
  for (const lang of LANGUAGES) {
    if (!existsSync(join(UD, `${lang}.txt`))) continue;
    const lines = (await readFile(join(UD, `${lang}.txt`), 'utf8')).split('\n')
      .filter((l) => l.length > 0 && utf8Bytes(l).length <= maxBytes);
    const step = Math.max(1, Math.floor(lines.length / perLanguage));
    for (let i = 0; i < lines.length && i / step < perLanguage; i += step) out.push({ gold: lines[i]!, lang });
  }
  return out;
}

describe.skipIf(!HAS_MODEL)('speculative decoding equals greedy decoding (shipped model)', () => {
  let loaded: LoadedModel;
  beforeAll(async () => {
    loaded = await loadModel(DEFAULT_MODEL_DIR, ['cpu'], 2);
  });
  afterAll(async () => loaded?.model.release());

  async function same(text: string, lang: LanguageCode | 'auto'): Promise<void> {
    const src = utf8Bytes(text.normalize('NFC'));
    const ids = encoderIds(src, lang);
    const greedy = await greedyDecode(loaded.model, ids);
    const spec = await speculativeDecode(loaded.model, ids, src);
    expect(spec.ids, `${lang}: ${text}`).toEqual(greedy.ids);
  }

  it('on 500+ UD sentences of every language, stripped and with typos', async () => {
    const gold = await udGold(27, 160);
    expect(gold.length).toBeGreaterThanOrEqual(500);
    for (const [i, { gold: text, lang }] of gold.entries()) {
      const stripped = stripDiacritics(text, lang);
      await same(i % 2 === 0 ? stripped : addTypos(stripped, lang, 0.04, i), lang);
    }
  }, 1_800_000);

  it('property: on arbitrary text', async () => {
    const piece = fc.constantFrom('a', 'e', 's', 'z', 'c', 'ą', 'ž', 'ő', 'ậ', ' ', '. ', 'Qu', '😀', '1', 'x', 'ß', 'ı', '\u0301');
    await fc.assert(fc.asyncProperty(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')),
      fc.constantFrom(...LANGUAGES, 'auto' as const), async (text, lang) => same(text, lang)), { numRuns: 60 });
  }, 600_000);
});

describe.skipIf(!HAS_MODEL)('corrections with the shipped model', () => {
  let corrector: LocalCorrector;
  beforeAll(async () => {
    corrector = await createCorrector();
  });
  afterAll(async () => corrector?.dispose());

  const words = (s: string) => s.split(/\s+/).filter(Boolean);
  const matches = (a: string, b: string) => words(a).filter((w, i) => w === words(b)[i]).length;

  it.skipIf(!TRAINED)('restores more words than it loses on stripped sentences (every language)', async () => {
    for (const lang of LANGUAGES.filter((l) => l !== 'en' && existsSync(join(UD, `${l}.txt`)))) {
      const gold = (await udGold(30)).filter((g) => g.lang === lang).map((g) => g.gold);
      let before = 0;
      let after = 0;
      for (const text of gold) {
        const input = stripDiacritics(text, lang);
        const result = await corrector.correct(input, { language: lang });
        before += matches(input, text);
        after += matches(result.text, text);
      }
      expect(after, lang).toBeGreaterThan(before);
    }
  }, 900_000);

  it.skipIf(!TRAINED)('leaves most correct English untouched', async () => {
    const gold = (await udGold(60)).filter((g) => g.lang === 'en').map((g) => g.gold);
    let changed = 0;
    let total = 0;
    for (const text of gold) {
      const result = await corrector.correct(text, { language: 'en' });
      changed += result.suggestions.length;
      total += words(text).length;
    }
    expect(changed / total).toBeLessThan(0.05);
  }, 300_000);

  // Everyday sentences (written for this test, not from any benchmark) -> what the shipped model writes.
  // Known misses kept out of the table: ro "Multumesc" stays plain, vi "an pho" -> "an phố" (not "ăn phở").
  it.skipIf(!TRAINED).each([
    ['lt', 'Siandien labai grazus oras, o vakare eisime i parka.', 'Šiandien labai gražus oras, o vakare eisime į parką.'],
    ['cs', 'Dekuji vam za pomoc, uz je to v poradku.', 'Děkuji vám za pomoc, už je to v pořádku.'],
    ['pl', 'Dzien dobry, chcialbym zamowic stolik na dwie osoby.', 'Dzień dobry, chciałbym zamówić stolik na dwie osoby.'],
    ['sk', 'Dakujem vam za vasu pomoc a trpezlivost.', 'Ďakujem vám za vašu pomoc a trpezlivosť.'],
    ['lv', 'Paldies par palidzibu, tas bija loti noderigi.', 'Paldies par palīdzību, tas bija ļoti noderīgi.'],
    ['hu', 'Koszonom szepen, a kave nagyon finom volt.', 'Köszönöm szépen, a kávé nagyon finom volt.'],
    ['fr', 'Je suis alle a la gare tres tot ce matin.', 'Je suis allé à la gare très tôt ce matin.'],
    ['es', 'El nino comio una manzana despues de la cancion.', 'El niño comió una manzana después de la canción.'],
    ['ga', 'Ta an aimsir go halainn inniu.', 'Tá an aimsir go hálainn inniu.'],
    ['de', 'Ich mochte gerne einen Kaffee mit Milch.', 'Ich möchte gerne einen Kaffee mit Milch.'],
    // Words joined by slashes are restored; a path (slash at its edge) is copied as it is.
    ['cs', 'Prijdu zitra/pozitri, cesta /usr/zitra zustane.', 'Přijdu zítra/pozítří, cesta /usr/zitra zůstane.'],
    ['vi', 'Cac quan/huyen/thi xa deu co truong hoc.', 'Các quận/huyện/thị xã đều có trường học.'],
    // A typo in a capitalised word inside a sentence is fixed where the lexicon does not know the word (cs sk pl hr
    // ro ga vi: TYPO_CAPITALISED_SHARES); known names and the names it cannot place stay as typed.
    ['pl', 'Mieszkam w Wielkiej Brygtanii od dwoch lat.', 'Mieszkam w Wielkiej Brytanii od dwóch lat.'],
    ['pl', 'Wczoraj bylem w Krakowie i w Warsazwie.', 'Wczoraj byłem w Krakowie i w Warszawie.'],
    ['sk', 'Bol som v Bratislvae a potom v Kosiciach.', 'Bol som v Bratislave a potom v Košiciach.'],
    ['cs', 'Pan Novak bydli v Olomouci.', 'Pan Novak bydlí v Olomouci.'],
    // es: a capitalised common noun inside a sentence a slip away from the typed one is a fix too (TYPO_SLIP_WORD_LANGUAGES);
    // foreign names stay.
    ['es', 'El Gobietno de Espana anuncio nuevas medidas.', 'El Gobierno de España anunció nuevas medidas.'],
    ['es', 'La Comision Eutopea aprobo el plan con Javid Sharma.', 'La Comisión Europea aprobó el plan con Javid Sharma.'],
    // de capitalises every noun: its typo'd nouns are fixed like lowercase words, its names stay as typed.
    ['de', 'Guten Morgdn, die Kinfer spielen im Gartem und der Hund schlaft.',
      'Guten Morgen, die Kinder spielen im Garten und der Hund schläft.'],
    ['de', 'Gestern hat Friedrich Merz mit Herrn Lechner uber die Notenbank gesprochen.',
      'Gestern hat Friedrich Merz mit Herrn Lechner über die Notenbank gesprochen.'],
    // et, is and de write compounds as one word, which no lexicon lists whole: spelled as known words cut together
    // (compound-spelling.ts); they had stayed as typed.
    ['et', 'Toostusmetallide hinnad tousid neljapaeval ja kergejoustiku maailmameistrivoistlustel.',
      'Tööstusmetallide hinnad tõusid neljapäeval ja kergejõustiku maailmameistrivõistlustel.'],
    ['et', 'Tema tooulesanded on rasked.', 'Tema tööülesanded on rasked.'],
    // a part the dictionary alone knows ("tõusult", "pärasega") is a part too
    ['et', 'Vastused olid tavaparasega sarnased.', 'Vastused olid tavapärasega sarnased.'],
    // de capitalises its nouns: a capitalised compound inside a sentence too.
    ['de', 'Die Olpreissteigerung traf das Stahlgeschaft und die Marktfuhrer.',
      'Die Ölpreissteigerung traf das Stahlgeschäft und die Marktführer.'],
    // A word the hu or tr lexicon lacks is spelled by the tagger, choosing among its likeliest spellings with the
    // letter model of the language's words as written; letter by letter it had written "tűrbinát", "omürları".
    ['hu', 'A nyomas egy turbinat forgat, ami pedig egy generatort taplal.',
      'A nyomás egy turbinát forgat, ami pedig egy generátort táplál.'],
    ['tr', 'Boyun omurlari kirilmis olabilir.', 'Boyun omurları kırılmış olabilir.'],
    // A name after its initial is inside a sentence, not a sentence's first word that may be a typo (it had become
    // "J. Sumenko", and in text typed with diacritics "K. Gandžių").
    ['lt', 'Pasak J. Lucenko, tyrime figuruoja 12 asmenu.', 'Pasak J. Lucenko, tyrime figūruoja 12 asmenų.'],
    ['lt', 'Teismas nusprendė, kad K. Gandziuk nužudymą užsakė jis.',
      'Teismas nusprendė, kad K. Gandziuk nužudymą užsakė jis.'],
    // A word typed with a diacritic, as our text writes it, is meant: its other spellings are other words (they had
    // become "odhodlání", "propuštění").
    ['cs', 'Byli odhodláni to udělat.', 'Byli odhodláni to udělat.'],
    ['cs', 'Rozhodli se, že budou propuštěni.', 'Rozhodli se, že budou propuštěni.'],
    // Chat's words and interjections without a vowel are no typos ("jj" had become "je", "nn" "na"): a short key
    // without a syllable takes only a fix that gives it one by a slip of the cheapest kind or a dropped letter.
    ['cs', 'jj to je pravda, nn tam nepujdu. Hmm, brr, psst.', 'jj to je pravda, nn tam nepůjdu. Hmm, brr, psst.'],
    // A letter typed three times or more is stretched on purpose: the word keeps its stretch and gets its diacritics
    // (stretched-word.ts); it had lost the stretch ("Problém", "strasznie") as a typo fix.
    ['cs', 'Prrroblem je tady.', 'Prrroblém je tady.'],
    ['cs', 'To bylo fakt strrrasne.', 'To bylo fakt strrrašně.'],
    ['pl', 'Nieee, to jest naprawde straaasznie zimne.', 'Nieee, to jest naprawdę straaasznie zimne.'],
    // A comma typed without the space after it still ends a word (it had left both words as typed).
    ['cs', 'Kdyz budes chtit,muzes prijit.', 'Když budeš chtít,můžeš přijít.'],
    // Text typed with some diacritics and not others: the skipped ones are restored too (TYPED_INPUT_COUNTS).
    ['cs', 'Příliš zlutoucky kůň upel dabelske ódy.', 'Příliš žluťoučký kůň úpěl ďábelské ódy.'],
    ['cs', 'Přijdu zitra vecer.', 'Přijdu zítra večer.'],
    ['cs', 'Včera jsem byl v obchode a koupil jsem si nove boty.', 'Včera jsem byl v obchodě a koupil jsem si nové boty.'],
    ['lt', 'Šiandien labai grazus oras, zmones vaiksto lauke.', 'Šiandien labai gražus oras, žmonės vaikšto lauke.'],
    // A sentence that shows skipped diacritics ("videl") restores its attested plain words too ("ze", "prsi").
    ['cs', 'Včera jsem byl doma a videl jsem, ze prsi.', 'Včera jsem byl doma a viděl jsem, že prší.'],
    // A word typed with a diacritic that the lexicon lacks stays (it is no skipped "izplatītājā").
    ['lv', 'Preces tika pārdotas izplatītajā tīklā.', 'Preces tika pārdotas izplatītajā tīklā.'],
    // lt: a foreign name's case ending after an apostrophe is no word ("as" is no stripped "aš").
    ['lt', 'Farage’as atvyko i Vilniu.', 'Farage’as atvyko į Vilnių.'],
    // The dictionaries' abbreviations before a number ("č." beside the letter "c"), whose stop ends no sentence; the
    // letter stays before other letters ("c. k."); a mention or a hashtag is copied as written.
    ['cs', 'Podle zakona c. 89/2012 Sb. a cl. 5 odst. 2 plati c. k. pravo.',
      'Podle zákona č. 89/2012 Sb. a čl. 5 odst. 2 platí c. k. právo.'],
    ['cs', 'Cena je 1 500 Kc vc. DPH.', 'Cena je 1 500 Kč vč. DPH.'],
    ['hu', 'A hatarido marc. 15., illetve apr. 2.', 'A határidő márc. 15., illetve ápr. 2.'],
    ['cs', 'Dekuji @uzivatel za fotku z #dovolena.', 'Děkuji @uzivatel za fotku z #dovolena.'],
    // Forms the lexicon knows only from the dictionary (count 0) tied, and the one with fewer diacritics won
    // ("uzíváním", "Vyvoz"); the tagger's small weight in cs breaks the tie.
    ['cs', 'S uzivanim leku prestal loni.', 'S užíváním léků přestal loni.'],
    ['cs', 'Vyvoz kavy do Evropy rostl.', 'Vývoz kávy do Evropy rostl.'],
    // A typo'd Vietnamese syllable: the three likeliest forms a typo away were all spellings of one syllable ("hoj":
    // "hơn", "hơi", "hội"; "ngy": "ngữ", ...), which cut the one meant; and a stripped syllable's rarer spellings
    // ("dời", "đê", "ngỏ") fell past the eighth or under 0.2 %: vi keeps more of both (CANDIDATE_LIMITS).
    ['vi', 'Ba ket hoj voi ong vao nam 1836.', 'Bà kết hôn với ông vào năm 1836.'],
    ['vi', 'Trung tam van con hoat dogn cho den ngy nay.', 'Trung tâm vẫn còn hoạt động cho đến ngày nay.'],
    ['vi', 'Ho phai doi nha vi lu lut.', 'Họ phải dời nhà vì lũ lụt.'],
    ['vi', 'Nguoi dan dap de ngan song bien.', 'Người dân đắp đê ngăn sóng biển.'],
    ['vi', 'Ong ay ngo y moi ban den nha choi.', 'Ông ấy ngỏ ý mời bạn đến nhà chơi.'],
    // LibreOffice's abbreviations: restored (es "pág.", lt "žr.", pl "Św."), or kept as typed where a typo fix had
    // made another word of them (lt "psl." -> "psi.", "Sw." -> "W."), also at a sentence's end.
    ['es', 'Ver la pag. 12 y el num. 5 de la revista.', 'Ver la pág. 12 y el núm. 5 de la revista.'],
    ['lt', 'Placiau zr. 5 psl. ir 12 psl.', 'Plačiau žr. 5 psl. ir 12 psl.'],
    ['pl', 'Sw. Jan i sr. 5 godz. w kosciele sw. Anny.', 'Św. Jan i śr. 5 godz. w kościele św. Anny.'],
    // Frequent English words mixed in stay as written (no typo of "readline", no tagger's "someonė").
    ['cs', 'Ten deadline je v patek, feedback uz prisel.', 'Ten deadline je v pátek, feedback už přišel.'],
    ['lt', 'Jis sake, kad someone jau atejo.', 'Jis sakė, kad someone jau atėjo.'],
    // A word after an ordinal's full stop typed without a space is a word (lv news writes so): it had been copied.
    ['lv', 'Vins 2015.gada sacis stradat, bet 2017.gada 3.aprila aizgaja.',
      'Viņš 2015.gadā sācis strādāt, bet 2017.gada 3.aprīļa aizgāja.'],
  ] as const)('%s: %s -> %s', async (lang, input, expected) => {
    expect((await corrector.correct(input, { language: lang })).text).toBe(expected);
  });

  // A word the lexicon lacks that the text repeats and writes capitalised inside a sentence is a name, meant as typed
  // wherever it stands (repeated-names.ts): UD hr "Fatmir Sejdiu" had become "Fatmir Sjedi", and "Sejdiu je rekao"
  // "Sjedio je rekao". The sentence corrected alone first is in the cache without that evidence: not reused.
  it.skipIf(!TRAINED)('keeps a name the text repeats, wherever it stands', async () => {
    const second = 'Sejdiu je rekao da je to vazno.';
    await corrector.correct(second, { language: 'hr' });
    expect((await corrector.correct(`Predsjednik Kosova Fatmir Sejdiu izjavio je da je zadovoljan. ${second}`,
      { language: 'hr' })).text)
      .toBe('Predsjednik Kosova Fatmir Sejdiu izjavio je da je zadovoljan. Sejdiu je rekao da je to važno.');
  });

  // The editor checks the paragraph one types, with the document around it: its names are the document's, and the
  // answer says which ones it kept (the editor then checks the other paragraphs that write them again).
  it.skipIf(!TRAINED)('keeps a name the document repeats in a paragraph checked alone', async () => {
    const first = 'Predsjednik Kosova Fatmir Sejdiu izjavio je da je zadovoljan.';
    const document = `${first}\n\nSejdiu je rekao da je to vazno.`;
    const alone = await corrector.correct(first, { language: 'hr' });
    expect(alone.text).toBe('Predsjednik Kosova Fatmir Sjedi izjavio je da je zadovoljan.');
    expect(alone.repeatedNames).toEqual([]);
    const inDocument = await corrector.correct(first, { language: 'hr', document });
    expect(inDocument.text).toBe(first);
    expect(inDocument.repeatedNames).toEqual(['sejdiu']);
  });

  it.each([
    ['lt', 'Siandien labai grazus oras, o vakare eisime pasivaikscioti i parka.'],
    ['cs', 'Prilis zlutoucky kun upel dabelske ody a pak sel domu.'],
    ['pl', 'Wczoraj poszlismy do sklepu i kupilismy swieze pieczywo.'],
  ] as const)('auto detects %s and corrects it like the explicit language', async (lang, text) => {
    const auto = await corrector.correct(text, { language: 'auto' });
    expect(auto.language).toBe(lang);
    if (TRAINED) expect(auto.suggestions.length).toBeGreaterThan(0);
    for (const s of auto.suggestions) expect(text.slice(s.span.start, s.span.end)).toBe(s.original);
  });

  it('gives spans in the caller string and confidences in [0, 1]', async () => {
    const text = '😀 Siandien labai grazus oras.\r\n\r\nAs esu laimingas.';
    const result = await corrector.correct(text, { language: 'lt' });
    if (TRAINED) expect(result.suggestions.length).toBeGreaterThan(0);
    for (const s of result.suggestions) {
      expect(text.slice(s.span.start, s.span.end)).toBe(s.original);
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
      expect(['diacritics', 'spelling']).toContain(s.kind);
    }
    expect(result.text.startsWith('😀 ')).toBe(true);
    expect(result.text).toContain('\r\n\r\n');
  });

  it.each([
    ['empty', ''],
    ['NUL bytes', 'Siandien\0 labai grazus oras.'],
    ['lone surrogates', 'Siandien \ud800 labai grazus oras.'],
    ['RTL', 'שלום עולם. مرحبا بالعالم.'],
    ['unsupported script', '这是中文。Это русский текст.'],
    ['emoji ZWJ', 'Rodzina 👩‍👩‍👧‍👦 jest tutaj.'],
    ['very long word', 'Zolw ' + 'y'.repeat(50_000) + ' zolw.'],
  ])('%s: a result, never mangled text', async (_name, text) => {
    const result = await corrector.correct(text, { language: 'pl' });
    for (const s of result.suggestions) {
      expect(text.slice(s.span.start, s.span.end)).toBe(s.original);
      expect(s.original).not.toMatch(/\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      expect(s.original).not.toMatch(/[\u0590-\u06ff\u0400-\u04ff\u4e00-\u9fff]/);
    }
    if (/^[\u0590-\u06ff\u4e00-\u9fff\u0400-\u04ff\s.,。]*$/.test(text)) expect(result.text).toBe(text);
  });
});
