/**
 * A deterministic Corrector for the editor's UI tests: corrects the words of a fixed table, one sentence
 * per `sentenceMs`, with the real engine's supersede-by-documentId and progress behaviour. It answers
 * "what does the UI do with these suggestions"; the real-engine suite answers "does the app correct text".
 */
import { CorrectionCancelledError } from '../../../electron/shared/cancellation.ts';
import type { CorrectOptions, CorrectionResult, Corrector, EngineStatus, SetupOptions, Suggestion } from '../../../electron/shared/types.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function stripMarks(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

export class TableCorrector implements Corrector {
  /** Every text sent to correct(), in order (to check that only edited paragraphs are re-sent). */
  readonly calls: string[] = [];
  /** The language of each call. */
  readonly languages: string[] = [];
  /** Errors to throw from the next calls (a crashed engine, as the app's ProcessCorrector reports it). */
  failures: Error[] = [];
  #table: Map<string, string>;
  #documents = new Map<string, { aborted: boolean }>();

  /** Delay per sentence, in ms (raise it to watch progress or to cancel). */
  sentenceMs: number;
  /**
   * The elapsedMs every answer reports, when set: the status bar then shows it ("Last check: N ms"), which tells
   * a test that the page has applied an answer even where the answer changes nothing else on the page.
   */
  reportedElapsedMs: number | null = null;
  /** Called with each text as correct() receives it (e.g. to note what the app's state was at that moment). */
  onCall: ((text: string) => void) | null = null;

  constructor(table: Record<string, string>, sentenceMs = 5) {
    this.#table = new Map(Object.entries(table));
    this.sentenceMs = sentenceMs;
  }

  status(): EngineStatus {
    return { state: 'ready', modelVersion: 'table-fake', provider: 'cpu' };
  }

  async correct(text: string, options: CorrectOptions): Promise<CorrectionResult> {
    const started = performance.now();
    this.calls.push(text);
    this.languages.push(options.language);
    this.onCall?.(text);
    const failure = this.failures.shift();
    if (failure) throw failure;
    const token = { aborted: false };
    if (options.documentId !== undefined) {
      const previous = this.#documents.get(options.documentId);
      if (previous) previous.aborted = true;
      this.#documents.set(options.documentId, token);
    }
    const sentences = [...text.matchAll(/[^.!?]+[.!?]*\s*/g)];
    const suggestions: Suggestion[] = [];
    for (const [index, sentence] of sentences.entries()) {
      await sleep(this.sentenceMs);
      if (token.aborted) throw new CorrectionCancelledError();
      for (const word of sentence[0].matchAll(/\p{L}+/gu)) {
        const replacement = this.#table.get(word[0]);
        if (!replacement) continue;
        const start = sentence.index + word.index;
        suggestions.push({
          span: { start, end: start + word[0].length },
          original: word[0],
          replacement,
          kind: stripMarks(replacement) === word[0] ? 'diacritics' : 'spelling',
          source: stripMarks(replacement) === word[0] ? 'lexicon' : 'typo',
          confidence: 0.9,
        });
      }
      options.onProgress?.({ done: index + 1, total: sentences.length });
    }
    let corrected = '';
    let cursor = 0;
    for (const s of suggestions) {
      corrected += text.slice(cursor, s.span.start) + s.replacement;
      cursor = s.span.end;
    }
    corrected += text.slice(cursor);
    return { text: corrected, suggestions, language: options.language === 'auto' ? 'lt' : options.language,
      elapsedMs: this.reportedElapsedMs ?? performance.now() - started };
  }

  /** Languages asked for by setup(), in order (the table needs nothing loaded). */
  readonly setups: SetupOptions[] = [];

  async setup(options: SetupOptions): Promise<void> {
    this.setups.push(options);
  }

  cancel(documentId: string): void {
    const token = this.#documents.get(documentId);
    if (token) token.aborted = true;
  }

  async dispose(): Promise<void> {}
}
