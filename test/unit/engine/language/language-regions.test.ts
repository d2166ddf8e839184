/**
 * `auto` per paragraph and per sentence (electron/engine/language/language-regions.ts, issue 15, item 8): Lithuanian,
 * Czech and Turkish lines in one input each get their own language, however they are laid out, while short
 * sentences keep their paragraph's; and the corrector decodes each unit with its own language's tag.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EOS_ID, FIRST_TAG_ID } from '../../../../electron/engine/text/byte-codec.ts';
import { LocalCorrector } from '../../../../electron/engine/local-corrector.ts';
import { unitLanguages } from '../../../../electron/engine/language/language-regions.ts';
import { stripDiacritics } from '../../../../electron/engine/noise/index.ts';
import { segmentUnits } from '../../../../electron/engine/text/segment.ts';
import type { DecodeBackend } from '../../../../electron/engine/worker/worker-client.ts';
import type { DecodeJob, DecodeOutcome } from '../../../../electron/engine/worker/worker-protocol.ts';
import { LANGUAGES, type LanguageCode } from '../../../../electron/shared/types.ts';

const UD = fileURLToPath(new URL('../../../../../shared/benchmarks/ud/', import.meta.url));

/** The first UD sentence of 60-120 characters of `lang`, diacritics stripped (as users type). */
function sentence(lang: LanguageCode, nth = 0): string {
  const lines = readFileSync(`${UD}${lang}.txt`, 'utf8').split('\n').filter((l) => l.length >= 60 && l.length <= 120);
  return stripDiacritics(lines[nth]!, lang);
}

const codes = (text: string) => unitLanguages(text, segmentUnits(text, 1000)).map((l) => l.code);

describe('unitLanguages', () => {
  const [lt, cs, tr] = [sentence('lt'), sentence('cs'), sentence('tr')];

  it.each([
    ['one line each, one paragraph', `${lt}\n${cs}\n${tr}\n`],
    ['one paragraph each', `${lt}\n\n${cs}\n\n${tr}\n`],
    ['all three sentences on one line', `${lt} ${cs} ${tr}`],
    ['Turkish first', `${tr}\n${lt}\n${cs}`],
  ])('Lithuanian, Czech and Turkish: %s', (_name, text) => {
    const expected = text.startsWith(tr) ? ['tr', 'lt', 'cs'] : ['lt', 'cs', 'tr'];
    expect(codes(text)).toEqual(expected);
  });

  it('a paragraph of several sentences of one language keeps it for every sentence', () => {
    const text = [0, 1, 2, 3].map((i) => sentence('cs', i)).join(' ');
    expect(codes(text)).toEqual(['cs', 'cs', 'cs', 'cs']);
  });

  it('a sentence too short to tell keeps its paragraph\'s language', () => {
    expect(codes(`${sentence('cs', 1)} Ano. ${sentence('cs', 2)}`)).toEqual(['cs', 'cs', 'cs']);
  });

  // Stripped Czech and Slovak are close: with letters alone, the paragraph could not tell (sk by 0.02 nats per n-gram)
  // and its second sentence went Czech ("Zavolej mi večer, dobře?"); whole words ("zajtra", "zavolaj") tell.
  it.each([
    ['Ahoj, zajtra nemozem prist, lebo mam poradu v praci. Zavolaj mi vecer, dobre?', ['sk', 'sk']],
    ['Ahoj, zitra nemuzu prijit, protoze mam poradu v praci. Zavolej mi vecer, jo?', ['cs', 'cs']],
  ])('close languages: %j -> %j', (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it('a paragraph too short to tell keeps the language of the text', () => {
    expect(codes(`${sentence('tr', 1)} ${sentence('tr', 2)}\n\nTamam.`)).toEqual(['tr', 'tr', 'tr']);
  });

  it('a judge (the engine asks the lexicons) decides a part\'s language inside a reliable parent; null: the n-grams\' rule', () => {
    const text = `${lt}\n${cs}\n${tr}\n`;
    const asked: string[] = [];
    const judge = (_part: string, _scores: unknown, parent: LanguageCode) => {
      asked.push(parent);
      return asked.length === 2 ? 'pl' : asked.length === 3 ? parent : null;
    };
    expect(unitLanguages(text, segmentUnits(text, 1000), undefined, judge).map((l) => l.code))
      .toEqual(['lt', 'pl', 'lt']);
    expect(asked).toEqual(['lt', 'lt', 'lt']);
  });
});

/** A backend that copies its input and records each job's language tag. */
class TagBackend implements DecodeBackend {
  tags: Array<[string, LanguageCode | 'auto']> = [];

  async decode(jobs: DecodeJob[]): Promise<DecodeOutcome[]> {
    return jobs.map((job) => {
      const tag = job.encoderIds[0]!;
      const bytes = Uint8Array.from(job.encoderIds.slice(1, -1), (id) => id - 3);
      this.tags.push([new TextDecoder().decode(bytes), tag - FIRST_TAG_ID < LANGUAGES.length ? LANGUAGES[tag - FIRST_TAG_ID]! : 'auto']);
      return { ids: [...job.encoderIds.slice(1, -1), EOS_ID], probs: [...bytes, 0].map(() => 0.9), passes: 1, ms: 0 };
    });
  }

  async dispose(): Promise<void> {}
}

describe('LocalCorrector with auto', () => {
  const [lt, cs, tr] = [sentence('lt'), sentence('cs'), sentence('tr')];

  it('decodes each line with its own language tag and reports the language of each part', async () => {
    const backend = new TagBackend();
    const corrector = new LocalCorrector(backend, { modelVersion: 'fake', maxInputBytes: 300, status: { state: 'ready' } });
    const text = `${lt}\n${cs}\n${tr}`;
    const result = await corrector.correct(text, { language: 'auto' });
    expect(new Map(backend.tags)).toEqual(new Map([[lt, 'lt'], [cs, 'cs'], [tr, 'tr']]));
    expect(result.languages).toEqual([
      { span: { start: 0, end: lt.length }, language: 'lt' },
      { span: { start: lt.length + 1, end: lt.length + 1 + cs.length }, language: 'cs' },
      { span: { start: text.length - tr.length, end: text.length }, language: 'tr' },
    ]);
    expect(result.language).toBe([['lt', lt], ['cs', cs], ['tr', tr]].sort((a, b) => b[1]!.length - a[1]!.length)[0]![0]);
  });

  it('an explicit language is used for every part', async () => {
    const backend = new TagBackend();
    const corrector = new LocalCorrector(backend, { modelVersion: 'fake', maxInputBytes: 300, status: { state: 'ready' } });
    const result = await corrector.correct(`${lt}\n${cs}`, { language: 'pl' });
    expect(backend.tags.map(([, tag]) => tag)).toEqual(['pl', 'pl']);
    expect(result.languages).toEqual([{ span: { start: 0, end: lt.length + 1 + cs.length }, language: 'pl' }]);
  });

  it('progress runs over all parts, whatever their languages, and never goes back', async () => {
    const corrector = new LocalCorrector(new TagBackend(), { modelVersion: 'fake', maxInputBytes: 300, status: { state: 'ready' } });
    const seen: Array<[number, number]> = [];
    await corrector.correct(`${lt}\n${cs}\n${tr}\n${sentence('lt', 1)}`, { language: 'auto',
      onProgress: (p) => seen.push([p.done, p.total]) });
    expect(seen.at(-1)).toEqual([4, 4]);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThanOrEqual(seen[i - 1]![0]);
  });
});
