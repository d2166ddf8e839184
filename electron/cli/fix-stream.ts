/**
 * The streaming core of `ogonek fix`: input chunks -> pieces (engine/text/paragraphs.ts) -> corrections, one piece at a
 * time, so the first corrected paragraph is written while the rest is still being read, and memory stays
 * bounded by one piece, the text before it that goes with it (LOOK_BACK) and the engine, whatever the input's size.
 */
import type { Corrector, LanguageChoice, LanguageCode, LanguageSpan, Suggestion } from '../shared/types.ts';
import { ParagraphSplitter, PieceDocuments } from '../engine/text/paragraphs.ts';

/** One corrected piece of one input, as `--json` prints it. */
export interface ParagraphResult {
  /** The input file, or null for stdin. */
  file: string | null;
  /** 0-based index of the piece in its input. */
  paragraph: number;
  /** Where the piece is in its input: UTF-16 code units, [start, end). */
  start: number;
  end: number;
  /** The language it was corrected as (with --lang auto: detected, the language of most of the piece). */
  language: LanguageCode;
  /** The language of each part of the piece (with --lang auto a sentence may differ from its paragraph). */
  languages: LanguageSpan[];
  /** The corrected piece. */
  text: string;
  /** Spans in UTF-16 code units of the whole input (like start and end). */
  suggestions: Suggestion[];
}

/** Corrects the text of one input piece by piece; the caller writes each result before the next is made. */
export async function* correctPieces(corrector: Corrector, chunks: AsyncIterable<string>,
  options: { file: string | null; language: LanguageChoice }): AsyncGenerator<ParagraphResult> {
  const splitter = new ParagraphSplitter();
  let paragraph = 0;
  let offset = 0;
  // auto: the characters of the pieces so far per language, so that a short piece (a greeting, a signature) is
  // detected inside the input's language as a paragraph of one whole text is (CorrectOptions.around).
  const seen = new Map<LanguageCode, number>();
  const around = () => [...seen].reduce<[LanguageCode, number] | undefined>((best, e) =>
    (best === undefined || e[1] > best[1] ? e : best), undefined)?.[0];
  // Each piece goes with the text before it, whose repeated names are names in the piece too.
  const documents = new PieceDocuments();
  const correct = async (piece: string): Promise<ParagraphResult> => {
    const document = documents.next(piece);
    const result = await corrector.correct(piece, options.language === 'auto'
      ? { language: 'auto', around: around(), document } : { language: options.language, document });
    for (const part of result.languages ?? []) {
      seen.set(part.language, (seen.get(part.language) ?? 0) + part.span.end - part.span.start);
    }
    const start = offset;
    offset += piece.length;
    const shift = <T extends { span: { start: number; end: number } }>(x: T): T =>
      ({ ...x, span: { start: x.span.start + start, end: x.span.end + start } });
    return { file: options.file, paragraph: paragraph++, start, end: offset, language: result.language,
      languages: (result.languages ?? []).map(shift), text: result.text, suggestions: result.suggestions.map(shift) };
  };
  for await (const chunk of chunks) {
    for (const piece of splitter.push(chunk)) yield await correct(piece);
  }
  for (const piece of splitter.end()) yield await correct(piece);
}
